// SPDX-License-Identifier: GPL-3.0-or-later
#include "hcl/HclJson.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace EnvDeck::Hcl {

namespace {

// `${` → `$${` and `%{` → `%%{`: literal text is printed as template source again.
QByteArray escapeLiteral(const QByteArray &text)
{
    if (!text.contains('{'))
        return text;
    QByteArray out;
    out.reserve(text.size() + 4);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if ((c == '$' || c == '%') && i + 1 < text.size() && text.at(i + 1) == '{')
            out += c;
        out += c;
    }
    return out;
}

// A number literal's exact value in plain decimal notation ("1.5e3" → "1500", "1.50" → "1.5"),
// as cty prints a number converted to a string.
QByteArray plainDecimal(const QByteArray &text)
{
    QByteArray digits;
    qsizetype pointPos = -1;
    qsizetype i = 0;
    for (; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c >= '0' && c <= '9')
            digits += c;
        else if (c == '.')
            pointPos = digits.size();
        else
            break;
    }
    qsizetype exponent = 0;
    if (i < text.size() && (text.at(i) == 'e' || text.at(i) == 'E'))
        exponent = text.mid(i + 1).toLongLong();
    // value = digits * 10^(exponent - fractionDigits)
    const qsizetype fractionDigits = pointPos < 0 ? 0 : digits.size() - pointPos;
    qsizetype scale = exponent - fractionDigits;
    // strip leading zeros
    qsizetype lead = 0;
    while (lead < digits.size() && digits.at(lead) == '0')
        ++lead;
    digits = digits.mid(lead);
    if (digits.isEmpty())
        return QByteArrayLiteral("0");
    while (scale < 0 && digits.endsWith('0')) {
        digits.chop(1);
        ++scale;
    }
    if (scale >= 0)
        return digits + QByteArray(scale, '0');
    const qsizetype intDigits = digits.size() + scale;
    if (intDigits > 0)
        return digits.left(intDigits) + '.' + digits.mid(intDigits);
    return QByteArrayLiteral("0.") + QByteArray(-intDigits, '0') + digits;
}

// ---- JSON text as node's JSON.stringify prints what the reference returns ------------------

// Number.prototype.toString: shortest round-trip digits, plain notation from 1e-7 to 1e21.
QByteArray jsNumber(double value)
{
    if (value == 0)
        return QByteArrayLiteral("0");
    QByteArray out;
    if (value < 0) {
        out += '-';
        value = -value;
    }
    const QByteArray e = QByteArray::number(value, 'e', QLocale::FloatingPointShortest);
    const qsizetype ePos = e.indexOf('e');
    QByteArray digits = e.left(ePos);
    digits.replace(".", "");
    const int k = int(digits.size());
    const int n = e.mid(ePos + 1).toInt() + 1; // value = 0.digits × 10^n
    if (k <= n && n <= 21)
        return out + digits + QByteArray(n - k, '0');
    if (0 < n && n <= 21)
        return out + digits.left(n) + '.' + digits.mid(n);
    if (-6 < n && n <= 0)
        return out + "0." + QByteArray(-n, '0') + digits;
    out += digits.left(1);
    if (k > 1)
        out += '.' + digits.mid(1);
    return out + 'e' + (n - 1 >= 0 ? "+" : "-") + QByteArray::number(qAbs(n - 1));
}

void jsString(const QString &text, QByteArray &out)
{
    out += '"';
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (u == '"' || u == '\\') {
            out += '\\';
            out += char(u);
        } else if (u == '\b') {
            out += "\\b";
        } else if (u == '\f') {
            out += "\\f";
        } else if (u == '\n') {
            out += "\\n";
        } else if (u == '\r') {
            out += "\\r";
        } else if (u == '\t') {
            out += "\\t";
        } else if (u < 0x20
                   || (c.isSurrogate()
                       && !(c.isHighSurrogate() && i + 1 < text.size()
                            && text.at(i + 1).isLowSurrogate())
                       && !(c.isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate()))) {
            out += "\\u" + QByteArray::number(u, 16).rightJustified(4, '0');
        } else if (u < 0x80) {
            out += char(u);
        } else if (c.isHighSurrogate() && i + 1 < text.size()) {
            out += QStringView(text).mid(i, 2).toUtf8();
            ++i;
        } else {
            out += QString(c).toUtf8();
        }
    }
    out += '"';
}

// An array index key ("0", "7", "42"): JavaScript objects list those first, in numeric order.
std::optional<quint32> arrayIndex(const QString &key)
{
    if (key.isEmpty() || key.size() > 10 || (key.size() > 1 && key.at(0) == u'0'))
        return std::nullopt;
    quint64 value = 0;
    for (const QChar c : key) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + quint64(c.unicode() - u'0');
    }
    if (value >= 0xffffffffULL)
        return std::nullopt;
    return quint32(value);
}

void jsValue(const QJsonValue &value, QByteArray &out);

void jsObject(const QJsonObject &object, QByteArray &out)
{
    // Go sorts the keys by bytes; JSON.parse + JSON.stringify move array indexes to the front.
    std::vector<std::pair<QByteArray, QString>> named;
    std::vector<std::pair<quint32, QString>> indexes;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (const auto index = arrayIndex(it.key()))
            indexes.emplace_back(*index, it.key());
        else
            named.emplace_back(it.key().toUtf8(), it.key());
    }
    std::sort(indexes.begin(), indexes.end());
    std::sort(named.begin(), named.end());
    out += '{';
    bool first = true;
    const auto member = [&](const QString &key) {
        if (!first)
            out += ',';
        first = false;
        jsString(key, out);
        out += ':';
        jsValue(object.value(key), out);
    };
    for (const auto &[index, key] : indexes)
        member(key);
    for (const auto &[bytes, key] : named)
        member(key);
    out += '}';
}

void jsValue(const QJsonValue &value, QByteArray &out)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double:
        out += jsNumber(value.toDouble());
        break;
    case QJsonValue::String:
        jsString(value.toString(), out);
        break;
    case QJsonValue::Array: {
        out += '[';
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i)
                out += ',';
            jsValue(array.at(i), out);
        }
        out += ']';
        break;
    }
    case QJsonValue::Object:
        jsObject(value.toObject(), out);
        break;
    }
}

class Converter
{
public:
    Converter(const File &file, const QByteArray &source)
        : m_file(file)
        , m_source(source)
    {}

    std::optional<Error> error;

    QJsonObject body(const Body &body)
    {
        QJsonObject out;
        for (const BodyItem &item : body.items) {
            if (const Block *block = item.block())
                addBlock(out, *block);
        }
        for (const BodyItem &item : body.items) {
            if (const Attribute *attribute = item.attribute())
                out.insert(QString::fromUtf8(attribute->name), value(*attribute->expr));
        }
        return out;
    }

private:
    using Text = std::optional<QByteArray>;

    const File &m_file;
    const QByteArray &m_source;
    QString m_partError;
    Range m_partErrorRange;

    void fail(const QString &message, const Range &range)
    {
        if (!error)
            error = Error(message,
                          SourceLocation{m_file.fileName, range.start.line, range.start.column});
    }

    // Blocks nest as objects under type and labels; the innermost key holds an array of bodies.
    // Works on a path of keys, as QJsonObject is a value type.
    void addBlock(QJsonObject &out, const Block &block)
    {
        QStringList keys{QString::fromUtf8(block.type)};
        for (const BlockLabel &label : block.labels)
            keys.append(QString::fromUtf8(label.value));
        if (!insertBlock(out, keys, 0, body(block.body)))
            fail(QStringLiteral("invalid HCL detected for \"%1\" block, cannot have blocks with "
                                "and without labels")
                     .arg(QString::fromUtf8(block.type)),
                 block.range);
    }

    bool insertBlock(QJsonObject &object, const QStringList &keys, qsizetype index,
                     const QJsonObject &content)
    {
        const QString &key = keys.at(index);
        const auto it = object.constFind(key);
        if (index + 1 == keys.size()) {
            QJsonArray list;
            if (it != object.constEnd()) {
                if (!it->isArray())
                    return false;
                list = it->toArray();
            }
            list.append(content);
            object.insert(key, list);
            return true;
        }
        QJsonObject inner;
        if (it != object.constEnd()) {
            if (!it->isObject())
                return false;
            inner = it->toObject();
        }
        const bool ok = insertBlock(inner, keys, index + 1, content);
        object.insert(key, inner);
        return ok;
    }

    QByteArray rangeSource(const Range &range) const
    {
        qsizetype end = range.end.offset;
        if (end < m_source.size() && m_source.at(end) == ')')
            ++end;
        return m_source.mid(range.start.offset, end - range.start.offset);
    }

    QByteArray wrap(const Expression &expression) const
    {
        return QByteArrayLiteral("${") + rangeSource(expression.range) + '}';
    }

    static QString str(const QByteArray &utf8) { return QString::fromUtf8(utf8); }

    static QJsonValue literalValue(const LiteralExpr &literal)
    {
        switch (literal.type) {
        case LiteralExpr::Type::Number:
            return QJsonValue(literal.text.toDouble());
        case LiteralExpr::Type::Bool:
            return QJsonValue(literal.boolValue);
        case LiteralExpr::Type::Null:
            break;
        }
        return QJsonValue(QJsonValue::Null);
    }

    static QByteArray literalText(const LiteralExpr &literal)
    {
        switch (literal.type) {
        case LiteralExpr::Type::Number:
            return plainDecimal(literal.text);
        case LiteralExpr::Type::Bool:
            return literal.boolValue ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
        case LiteralExpr::Type::Null:
            break;
        }
        return QByteArrayLiteral("null");
    }

    static bool isWrap(const TemplateExpr &t)
    {
        return t.parts.size() == 1 && t.parts.front().kind == TemplatePart::Kind::Interpolation;
    }

    // An attribute value, tuple item or object value.
    QJsonValue value(const Expression &expression)
    {
        switch (expression.kind()) {
        case Expression::Kind::Literal:
            return literalValue(*expression.as<LiteralExpr>());
        case Expression::Kind::Unary: {
            const auto &unary = *expression.as<UnaryExpr>();
            const LiteralExpr *literal = unary.operand ? unary.operand->as<LiteralExpr>() : nullptr;
            if (!literal)
                return str(wrap(expression));
            if (unary.op == UnaryOp::Negate && literal->type == LiteralExpr::Type::Number)
                return QJsonValue(-literal->text.toDouble());
            if (unary.op == UnaryOp::Not && literal->type == LiteralExpr::Type::Bool)
                return QJsonValue(!literal->boolValue);
            fail(QStringLiteral("Invalid operand; Unsuitable value for unary operand."),
                 expression.range);
            return QJsonValue(QJsonValue::Null);
        }
        case Expression::Kind::Template: {
            const auto &t = *expression.as<TemplateExpr>();
            if (isWrap(t) && t.parts.front().expr)
                return value(*t.parts.front().expr);
            return str(checked(templateText(t)));
        }
        case Expression::Kind::Tuple: {
            QJsonArray array;
            for (const ExpressionPtr &item : expression.as<TupleExpr>()->items)
                array.append(value(*item));
            return array;
        }
        case Expression::Kind::Object: {
            QJsonObject object;
            for (const ObjectItem &item : expression.as<ObjectExpr>()->items)
                object.insert(str(key(item)), value(*item.value));
            return object;
        }
        default:
            return str(wrap(expression));
        }
    }

    static bool isScopeTraversal(const VariableExpr &variable)
    {
        for (const TraversalStep &step : variable.steps) {
            switch (step.kind) {
            case TraversalStep::Kind::Attr:
            case TraversalStep::Kind::LegacyIndex:
                break;
            case TraversalStep::Kind::Index: {
                if (!step.index)
                    return false;
                if (step.index->as<LiteralExpr>())
                    break;
                const TemplateExpr *t = step.index->as<TemplateExpr>();
                if (!t || t->heredoc)
                    return false;
                for (const TemplatePart &part : t->parts) {
                    if (part.kind != TemplatePart::Kind::Literal)
                        return false;
                }
                break;
            }
            case TraversalStep::Kind::AttrSplat:
            case TraversalStep::Kind::FullSplat:
                return false;
            }
        }
        return true;
    }

    QByteArray key(const ObjectItem &item)
    {
        const Expression &k = *item.key;
        if (const VariableExpr *variable = k.as<VariableExpr>()) {
            if (item.bareKey || isScopeTraversal(*variable))
                return m_source.mid(k.range.start.offset, k.range.length());
        }
        return checked(stringPart(k));
    }

    // A template's text, or "" and the file fails.
    QByteArray checked(const Text &text)
    {
        if (text)
            return *text;
        fail(m_partError, m_partErrorRange);
        return QByteArray();
    }

    // An expression inside a template, rendered as template source; nullopt where the reference
    // fails (a directive body that is just `${null}`), with the reason in m_partError.
    Text stringPart(const Expression &expression)
    {
        switch (expression.kind()) {
        case Expression::Kind::Literal:
            return literalText(*expression.as<LiteralExpr>());
        case Expression::Kind::Template: {
            const auto &t = *expression.as<TemplateExpr>();
            if (isWrap(t) && t.parts.front().expr)
                return stringPart(*t.parts.front().expr);
            return templateText(t);
        }
        case Expression::Kind::Conditional: {
            const auto &c = *expression.as<ConditionalExpr>();
            return conditional(rangeSource(c.condition->range), stringPart(*c.trueResult),
                               stringPart(*c.falseResult));
        }
        default:
            return wrap(expression);
        }
    }

    // The reference swallows errors of the branches: a failing true branch drops the whole
    // conditional, a failing false branch drops the %{else}.
    static QByteArray conditional(const QByteArray &condition, const Text &whenTrue,
                                  const Text &whenFalse)
    {
        if (!whenTrue)
            return QByteArray();
        QByteArray out = QByteArrayLiteral("%{if ") + condition + '}' + *whenTrue;
        if (whenFalse && !whenFalse->isEmpty())
            out += QByteArrayLiteral("%{else}") + *whenFalse;
        return out + QByteArrayLiteral("%{endif}");
    }

    // The parser has applied strip markers and `<<-` to the literal texts already, with HCL's
    // rules (per line in heredocs, line endings as written).
    Text templateText(const TemplateExpr &t) { return parts(t.parts); }

    // A directive body that is a single `${literal}` is evaluated as a string: null fails.
    Text directiveBody(const std::vector<TemplatePart> &list)
    {
        if (list.size() == 1 && list.front().kind == TemplatePart::Kind::Interpolation
            && list.front().expr) {
            if (const LiteralExpr *literal = list.front().expr->as<LiteralExpr>()) {
                if (literal->type == LiteralExpr::Type::Null) {
                    m_partError = QStringLiteral("Invalid template interpolation value; The "
                                                 "expression result is null. Cannot include a "
                                                 "null value in a string template.");
                    m_partErrorRange = list.front().expr->range;
                    return std::nullopt;
                }
                return literalText(*literal);
            }
        }
        return parts(list);
    }

    // Renders a sequence of parts as template source.
    Text parts(const std::vector<TemplatePart> &list)
    {
        QByteArray out;
        for (const TemplatePart &part : list) {
            switch (part.kind) {
            case TemplatePart::Kind::Literal:
                out += escapeLiteral(part.text);
                break;
            case TemplatePart::Kind::Interpolation:
                if (part.expr) {
                    const Text text = stringPart(*part.expr);
                    if (!text)
                        return std::nullopt;
                    out += *text;
                }
                break;
            case TemplatePart::Kind::If: {
                const Text whenTrue = directiveBody(part.body);
                const Text whenFalse
                    = part.hasElse ? directiveBody(part.elseBody) : Text(QByteArray());
                out += conditional(part.expr ? rangeSource(part.expr->range) : QByteArray(),
                                   whenTrue, whenFalse);
                break;
            }
            case TemplatePart::Kind::For: {
                out += QByteArrayLiteral("%{for ");
                if (!part.keyVar.isEmpty())
                    out += part.keyVar + QByteArrayLiteral(", ");
                out += part.valueVar + QByteArrayLiteral(" in ");
                if (part.expr)
                    out += rangeSource(part.expr->range);
                out += '}';
                const Text body = directiveBody(part.body);
                if (!body)
                    return std::nullopt;
                out += *body + QByteArrayLiteral("%{endfor}");
                break;
            }
            }
        }
        return out;
    }
};

} // namespace

Result<QJsonObject> toJsonObject(const File &file, const QByteArray &source)
{
    Converter converter(file, source);
    QJsonObject object = converter.body(file.body);
    if (converter.error)
        return *converter.error;
    return object;
}

Result<QByteArray> toJson(const File &file, const QByteArray &source)
{
    Result<QJsonObject> object = toJsonObject(file, source);
    if (!object)
        return object.error();
    QByteArray out;
    jsObject(*object, out);
    return out;
}

} // namespace EnvDeck::Hcl
