// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"
#include "hcl/HclParser.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

using namespace EnvDeck::Hcl;

namespace {

QByteArray dump(const Expression *expr);

QByteArray dumpSteps(const std::vector<TraversalStep> &steps)
{
    QByteArray out;
    for (const TraversalStep &step : steps) {
        switch (step.kind) {
        case TraversalStep::Kind::Attr:
            out += "." + step.name;
            break;
        case TraversalStep::Kind::LegacyIndex:
            out += ".#" + step.name;
            break;
        case TraversalStep::Kind::Index:
            out += "[" + dump(step.index.get()) + "]";
            break;
        case TraversalStep::Kind::AttrSplat:
            out += ".*";
            break;
        case TraversalStep::Kind::FullSplat:
            out += "[*]";
            break;
        }
    }
    return out;
}

QByteArray strip(const StripMarkers &s, bool right)
{
    return (right ? s.right : s.left) ? "~" : "";
}

QByteArray dumpParts(const std::vector<TemplatePart> &parts)
{
    QByteArray out;
    for (const TemplatePart &part : parts) {
        switch (part.kind) {
        case TemplatePart::Kind::Literal:
            out += part.text;
            break;
        case TemplatePart::Kind::Interpolation:
            out += "${" + strip(part.strip, false) + dump(part.expr.get()) + strip(part.strip, true)
                   + "}";
            break;
        case TemplatePart::Kind::If:
            out += "%{" + strip(part.strip, false) + "if " + dump(part.expr.get())
                   + strip(part.strip, true) + "}" + dumpParts(part.body);
            if (part.hasElse)
                out += "%{" + strip(part.elseStrip, false) + "else" + strip(part.elseStrip, true)
                       + "}" + dumpParts(part.elseBody);
            out += "%{" + strip(part.endStrip, false) + "endif" + strip(part.endStrip, true) + "}";
            break;
        case TemplatePart::Kind::For:
            out += "%{for " + (part.keyVar.isEmpty() ? QByteArray() : part.keyVar + ", ")
                   + part.valueVar + " in " + dump(part.expr.get()) + "}" + dumpParts(part.body)
                   + "%{endfor}";
            break;
        }
    }
    return out;
}

const char *opText(BinaryOp op)
{
    static const char *const names[]
        = {"||", "&&", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%"};
    return names[int(op)];
}

// A compact, unambiguous rendering of the tree shape.
QByteArray dump(const Expression *expr)
{
    if (!expr)
        return "<null>";
    if (auto *e = expr->as<LiteralExpr>())
        return e->text;
    if (auto *e = expr->as<TemplateExpr>())
        return (e->heredoc ? QByteArray(e->heredocStripIndent ? "<<-" : "<<") + e->heredocMarker
                           : QByteArray())
               + "\"" + dumpParts(e->parts) + "\"";
    if (auto *e = expr->as<TupleExpr>()) {
        QByteArrayList items;
        for (const auto &item : e->items)
            items << dump(item.get());
        return "[" + items.join(", ") + "]";
    }
    if (auto *e = expr->as<ObjectExpr>()) {
        QByteArrayList items;
        for (const auto &item : e->items)
            items << (item.bareKey ? "'" : "") + dump(item.key.get()) + (item.colon ? ":" : "=")
                         + dump(item.value.get());
        return "{" + items.join(", ") + "}";
    }
    if (auto *e = expr->as<VariableExpr>())
        return e->name + dumpSteps(e->steps);
    if (auto *e = expr->as<TraversalExpr>())
        return "T(" + dump(e->source.get()) + ")" + dumpSteps(e->steps);
    if (auto *e = expr->as<FunctionCallExpr>()) {
        QByteArrayList args;
        for (const auto &arg : e->args)
            args << dump(arg.get());
        return e->name + "(" + args.join(", ") + (e->expandFinal ? "..." : "") + ")";
    }
    if (auto *e = expr->as<ForExpr>()) {
        QByteArray out = e->object ? "{for " : "[for ";
        if (!e->keyVar.isEmpty())
            out += e->keyVar + ", ";
        out += e->valueVar + " in " + dump(e->collection.get()) + " : ";
        if (e->object)
            out += dump(e->keyExpr.get()) + " => ";
        out += dump(e->valueExpr.get());
        if (e->grouping)
            out += "...";
        if (e->condition)
            out += " if " + dump(e->condition.get());
        return out + (e->object ? "}" : "]");
    }
    if (auto *e = expr->as<ConditionalExpr>())
        return "(" + dump(e->condition.get()) + " ? " + dump(e->trueResult.get()) + " : "
               + dump(e->falseResult.get()) + ")";
    if (auto *e = expr->as<BinaryExpr>())
        return "(" + dump(e->lhs.get()) + " " + opText(e->op) + " " + dump(e->rhs.get()) + ")";
    if (auto *e = expr->as<UnaryExpr>())
        return QByteArray("(") + (e->op == UnaryOp::Not ? "!" : "-") + dump(e->operand.get()) + ")";
    if (auto *e = expr->as<ParenthesesExpr>())
        return "P(" + dump(e->inner.get()) + ")";
    return "<invalid>";
}

QByteArray errorsText(const ParseResult &result)
{
    QByteArrayList lines;
    for (const auto &error : result.errors)
        lines << error.toString().toUtf8();
    return lines.join('\n');
}

const Attribute &firstAttribute(const ParseResult &result)
{
    static const Attribute none;
    if (result.file.body.items.empty() || !result.file.body.items.front().attribute())
        return none;
    return *result.file.body.items.front().attribute();
}

QByteArray rangeText(const QByteArray &source, const Range &range)
{
    return source.mid(range.start.offset, range.length());
}

QByteArray pos(const Position &p)
{
    return QByteArray::number(p.line) + ":" + QByteArray::number(p.column);
}

} // namespace

class TestHclParser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("envdeck.hcl.debug=false"));
    }
    void expressions_data();
    void expressions();
    void blocks();
    void templates_data();
    void templates();
    void ranges();
    void roundTrip_data();
    void roundTrip();
    void lineEndings();
    void malformed_data();
    void malformed();
    void recovery();
    void deepNesting_data();
    void deepNesting();
    void hugeLine();
    void randomBytes();
    void errorCap();
    void timing();
};

void TestHclParser::expressions_data()
{
    QTest::addColumn<QByteArray>("expression");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("number") << QByteArray("42") << QByteArray("42");
    QTest::newRow("float exp") << QByteArray("1.5e-3") << QByteArray("1.5e-3");
    QTest::newRow("bools null") << QByteArray("[true, false, null]")
                                << QByteArray("[true, false, null]");
    QTest::newRow("precedence mul") << QByteArray("1 + 2 * 3") << QByteArray("(1 + (2 * 3))");
    QTest::newRow("left assoc") << QByteArray("1 - 2 - 3") << QByteArray("((1 - 2) - 3)");
    QTest::newRow("all levels") << QByteArray("a || b && c == d < e + f * g")
                                << QByteArray("(a || (b && (c == (d < (e + (f * g))))))");
    QTest::newRow("levels reversed") << QByteArray("a * b + c < d == e && f || g")
                                     << QByteArray("((((((a * b) + c) < d) == e) && f) || g)");
    QTest::newRow("comparisons") << QByteArray("a <= b != c >= d")
                                 << QByteArray("((a <= b) != (c >= d))");
    QTest::newRow("modulo div") << QByteArray("a % b / c") << QByteArray("((a % b) / c)");
    QTest::newRow("unary") << QByteArray("!a && -b > 0") << QByteArray("((!a) && ((-b) > 0))");
    QTest::newRow("double unary") << QByteArray("!!x") << QByteArray("(!(!x))");
    QTest::newRow("conditional lowest")
        << QByteArray("a || b ? c + 1 : d") << QByteArray("((a || b) ? (c + 1) : d)");
    QTest::newRow("nested conditional")
        << QByteArray("a ? b : c ? d : e") << QByteArray("(a ? b : (c ? d : e))");
    QTest::newRow("parentheses") << QByteArray("(1 + 2) * 3") << QByteArray("(P((1 + 2)) * 3)");
    QTest::newRow("traversal") << QByteArray("aws_instance.web[0].id")
                               << QByteArray("aws_instance.web[0].id");
    QTest::newRow("legacy index") << QByteArray("a.0.b") << QByteArray("a.#0.b");
    QTest::newRow("legacy index pair") << QByteArray("a.0.1") << QByteArray("a.#0.#1");
    QTest::newRow("attr splat") << QByteArray("a.*.id") << QByteArray("a.*.id");
    QTest::newRow("full splat") << QByteArray("a[*].id[0]") << QByteArray("a[*].id[0]");
    QTest::newRow("index expr") << QByteArray("a[var.i + 1]") << QByteArray("a[(var.i + 1)]");
    QTest::newRow("traversal on call") << QByteArray("f(x)[0].y") << QByteArray("T(f(x))[0].y");
    QTest::newRow("traversal on parens") << QByteArray("(a).b") << QByteArray("T(P(a)).b");
    QTest::newRow("traversal on tuple") << QByteArray("[1, 2][0]") << QByteArray("T([1, 2])[0]");
    QTest::newRow("traversal on string") << QByteArray("\"ab\".x") << QByteArray("T(\"ab\").x");
    QTest::newRow("call") << QByteArray("max(1, a.b, 3)") << QByteArray("max(1, a.b, 3)");
    QTest::newRow("call empty") << QByteArray("timestamp()") << QByteArray("timestamp()");
    QTest::newRow("call expand") << QByteArray("min(list...)") << QByteArray("min(list...)");
    QTest::newRow("call multiline") << QByteArray("f(\n  1,\n  2,\n)") << QByteArray("f(1, 2)");
    QTest::newRow("tuple") << QByteArray("[1, \"a\", [b]]") << QByteArray("[1, \"a\", [b]]");
    QTest::newRow("tuple trailing comma multiline")
        << QByteArray("[\n  1,\n  2,\n]") << QByteArray("[1, 2]");
    QTest::newRow("empty tuple object") << QByteArray("[[], {}]") << QByteArray("[[], {}]");
    QTest::newRow("object") << QByteArray("{ a = 1, \"b\" = 2, c: 3 }")
                            << QByteArray("{'a=1, \"b\"=2, 'c:3}");
    QTest::newRow("object newlines")
        << QByteArray("{\n  a = 1\n  b = [\n 2,\n ]\n}") << QByteArray("{'a=1, 'b=[2]}");
    QTest::newRow("object expr key")
        << QByteArray("{ (var.k) = 1, a.b = 2 }") << QByteArray("{P(var.k)=1, a.b=2}");
    QTest::newRow("for tuple") << QByteArray("[for s in var.list : upper(s) if s != \"\"]")
                               << QByteArray("[for s in var.list : upper(s) if (s != \"\")]");
    QTest::newRow("for tuple key")
        << QByteArray("[for i, v in l : i + v]") << QByteArray("[for i, v in l : (i + v)]");
    QTest::newRow("for object") << QByteArray("{for k, v in m : k => v}")
                                << QByteArray("{for k, v in m : k => v}");
    QTest::newRow("for object grouping")
        << QByteArray("{\n for v in l :\n v.k => v...\n if v.ok\n}")
        << QByteArray("{for v in l : v.k => v... if v.ok}");
    QTest::newRow("variable named for") << QByteArray("[for]") << QByteArray("[for]");
    QTest::newRow("dash identifier") << QByteArray("a-b.c-d") << QByteArray("a-b.c-d");
    QTest::newRow("unicode identifier") << QByteArray("données.é_1") << QByteArray("données.é_1");
    QTest::newRow("comments inside")
        << QByteArray("[1, # one\n 2, // two\n /* three */ 3]") << QByteArray("[1, 2, 3]");
    QTest::newRow("heredoc in call")
        << QByteArray("f(<<EOT\nhi\nEOT\n, 1)") << QByteArray("f(<<EOT\"hi\n\", 1)");
    // Provider-defined functions: the namespaces belong to the name, as in HCL.
    QTest::newRow("namespaced call") << QByteArray("provider::aws::arn_parse(var.arn)")
                                     << QByteArray("provider::aws::arn_parse(var.arn)");
    QTest::newRow("namespaced call spaced")
        << QByteArray("provider :: aws :: f( x, y... )") << QByteArray("provider::aws::f(x, y...)");
    QTest::newRow("namespaced call traversal")
        << QByteArray("provider::aws::arn_parse(x).account_id")
        << QByteArray("T(provider::aws::arn_parse(x)).account_id");
    QTest::newRow("namespaced call in list") << QByteArray("[provider::\n  time::rfc3339_parse(t)]")
                                             << QByteArray("[provider::time::rfc3339_parse(t)]");
    QTest::newRow("namespaced call nested")
        << QByteArray("upper(a::b(c::d::e(1)))") << QByteArray("upper(a::b(c::d::e(1)))");
}

void TestHclParser::expressions()
{
    QFETCH(QByteArray, expression);
    QFETCH(QByteArray, expected);
    const QByteArray source = "a = " + expression + "\n";
    const ParseResult result = parse(source, QStringLiteral("x.tf"));
    QVERIFY2(result.ok(), errorsText(result).constData());
    QCOMPARE(result.file.body.items.size(), size_t(1));
    const Attribute &attribute = firstAttribute(result);
    QCOMPARE(attribute.name, QByteArray("a"));
    QCOMPARE(dump(attribute.expr.get()), expected);
    QCOMPARE(rangeText(source, attribute.expr->range), expression);
}

void TestHclParser::blocks()
{
    const QByteArray source = "resource \"aws_s3_bucket\" logs {\n"
                              "  bucket = \"x\"\n"
                              "  lifecycle { prevent_destroy = true }\n"
                              "  tags {}\n"
                              "  nested a \"b\" {\n"
                              "    inner {\n"
                              "    }\n"
                              "  }\n"
                              "}\n"
                              "locals {\n}\n";
    const ParseResult result = parse(source, QStringLiteral("main.tf"));
    QVERIFY2(result.ok(), errorsText(result).constData());
    const Body &body = result.file.body;
    QCOMPARE(body.items.size(), size_t(2));
    const Block *resource = body.items[0].block();
    QVERIFY(resource);
    QCOMPARE(resource->type, QByteArray("resource"));
    QCOMPARE(resource->labels.size(), size_t(2));
    QCOMPARE(resource->labels[0].value, QByteArray("aws_s3_bucket"));
    QVERIFY(resource->labels[0].quoted);
    QCOMPARE(rangeText(source, resource->labels[0].range), QByteArray("\"aws_s3_bucket\""));
    QCOMPARE(resource->labels[1].value, QByteArray("logs"));
    QVERIFY(!resource->labels[1].quoted);
    QCOMPARE(pos(resource->openBraceRange.start), QByteArray("1:31"));
    QCOMPARE(pos(resource->closeBraceRange.start), QByteArray("9:1"));
    QCOMPARE(resource->body.items.size(), size_t(4));
    QCOMPARE(resource->body.items[0].attribute()->name, QByteArray("bucket"));
    const Block *lifecycle = resource->body.items[1].block();
    QVERIFY(lifecycle);
    QCOMPARE(lifecycle->body.items.size(), size_t(1));
    QCOMPARE(lifecycle->body.items[0].attribute()->name, QByteArray("prevent_destroy"));
    QCOMPARE(rangeText(source, lifecycle->range),
             QByteArray("lifecycle { prevent_destroy = true }"));
    QVERIFY(resource->body.items[2].block()->body.items.empty());
    const Block *nested = resource->body.items[3].block();
    QCOMPARE(nested->labels.size(), size_t(2));
    QCOMPARE(nested->body.items[0].block()->type, QByteArray("inner"));
    QCOMPARE(body.items[1].block()->type, QByteArray("locals"));
    QVERIFY(body.items[1].block()->labels.empty());
    QCOMPARE(rangeText(source, body.items[1].range()), QByteArray("locals {\n}"));

    // Escapes in labels are decoded.
    const ParseResult escaped = parse("a \"x\\ty\\u00e9\" {}\n", QStringLiteral("e.tf"));
    QVERIFY2(escaped.ok(), errorsText(escaped).constData());
    QCOMPARE(escaped.file.body.items[0].block()->labels[0].value, QByteArray("x\ty\xc3\xa9"));
}

void TestHclParser::templates_data()
{
    QTest::addColumn<QByteArray>("expression");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("plain") << QByteArray("\"hello\"") << QByteArray("\"hello\"");
    QTest::newRow("empty") << QByteArray("\"\"") << QByteArray("\"\"");
    QTest::newRow("escapes") << QByteArray(R"("a\nb\rc\td\"e\\f")")
                             << QByteArray("\"a\nb\rc\td\"e\\f\"");
    QTest::newRow("unicode escapes")
        << QByteArray(R"("\u00e9\U0001F600")") << QByteArray("\"\xc3\xa9\xf0\x9f\x98\x80\"");
    QTest::newRow("dollar escape")
        << QByteArray(R"("$${a} %%{b} $x %y")") << QByteArray("\"${a} %{b} $x %y\"");
    QTest::newRow("interpolation")
        << QByteArray("\"a-${var.b}-c\"") << QByteArray("\"a-${var.b}-c\"");
    QTest::newRow("interp expression")
        << QByteArray("\"${a + 1}${f(\"x\")}\"") << QByteArray("\"${(a + 1)}${f(\"x\")}\"");
    QTest::newRow("interp object")
        << QByteArray("\"${ {a = 1}.a }\"") << QByteArray("\"${T({'a=1}).a}\"");
    QTest::newRow("strip markers")
        << QByteArray("\"${~ a ~} ${b~}\"") << QByteArray("\"${~a~}${b~}\"");
    QTest::newRow("if else") << QByteArray("\"%{ if a }yes%{ else }no%{ endif }\"")
                             << QByteArray("\"%{if a}yes%{else}no%{endif}\"");
    QTest::newRow("strip applied")
        << QByteArray("\"a  ${~ b ~} \t c ${d} e\"") << QByteArray("\"a${~b~}c ${d} e\"");
    QTest::newRow("directive strip applied")
        << QByteArray("\"<%{~ if a ~}  yes  %{~ else ~}  no  %{~ endif ~}  >\"")
        << QByteArray("\"<%{~if a~}yes%{~else~}no%{~endif~}>\"");
    // In a heredoc every line is a token of its own: a `~` strips up to the line break only
    // (as HashiCorp's parser does: the reference prints "%{for x in l}  ${x}%{endfor}\n").
    QTest::newRow("heredoc strip applied")
        << QByteArray("<<EOT\n%{ for x in l ~}\n  ${x}\n%{~ endfor }\nEOT")
        << QByteArray("<<EOT\"%{for x in l}  ${x}%{endfor}\n\"");
    QTest::newRow("if strip") << QByteArray("\"%{~if a~}x%{~endif~}\"")
                              << QByteArray("\"%{~if a~}x%{~endif~}\"");
    QTest::newRow("for") << QByteArray("\"%{for k, v in m}${k}=${v},%{endfor}\"")
                         << QByteArray("\"%{for k, v in m}${k}=${v},%{endfor}\"");
    QTest::newRow("nested directives")
        << QByteArray("\"%{for x in l}%{if x}[${x}]%{endif}%{endfor}\"")
        << QByteArray("\"%{for x in l}%{if x}[${x}]%{endif}%{endfor}\"");
    QTest::newRow("nested string")
        << QByteArray("\"a${\"b${c}\"}\"") << QByteArray("\"a${\"b${c}\"}\"");
    QTest::newRow("heredoc") << QByteArray("<<EOT\nline 1\n  ${x}\nEOT")
                             << QByteArray("<<EOT\"line 1\n  ${x}\n\"");
    QTest::newRow("heredoc no escapes")
        << QByteArray("<<EOT\na\\n $${x}\nEOT") << QByteArray("<<EOT\"a\\n ${x}\n\"");
    QTest::newRow("heredoc indented marker")
        << QByteArray("<<EOT\nx\n    EOT") << QByteArray("<<EOT\"x\n\"");
    QTest::newRow("heredoc strip indent") << QByteArray("<<-EOT\n    a\n      b\n    ${c}\n    EOT")
                                          << QByteArray("<<-EOT\"a\n  b\n${c}\n\"");
    QTest::newRow("heredoc directive")
        << QByteArray("<<EOT\n%{ for x in l }\n${x}\n%{ endfor }\nEOT")
        << QByteArray("<<EOT\"%{for x in l}\n${x}\n%{endfor}\n\"");
    QTest::newRow("heredoc empty") << QByteArray("<<EOT\nEOT") << QByteArray("<<EOT\"\"");
    // What HashiCorp's parser gives (checked against the reference): line endings as written,
    // `<<-` counted on line tokens after the strip markers, a `~` stops at the line break.
    QTest::newRow("heredoc crlf") << QByteArray("<<EOT\r\n  hi\r\n\r\nEOT")
                                  << QByteArray("<<EOT\"  hi\r\n\r\n\"");
    QTest::newRow("heredoc strip indent crlf")
        << QByteArray("<<-EOT\r\n    a\r\n      b\r\n\r\n    ${c}\r\n    EOT")
        << QByteArray("<<-EOT\"a\r\n  b\r\n\r\n${c}\r\n\"");
    QTest::newRow("heredoc strip indent blank line")
        << QByteArray("<<-EOT\n    a\n\n      b\n    EOT") << QByteArray("<<-EOT\"a\n\n  b\n\"");
    QTest::newRow("heredoc strip indent tag at line start")
        << QByteArray("<<-EOT\n    a\n${b}\n    EOT") << QByteArray("<<-EOT\"    a\n${b}\n\"");
    QTest::newRow("heredoc strip indent after strip marker")
        << QByteArray("<<-EOT\n  ${a ~}\n    b\n  EOT") << QByteArray("<<-EOT\"${a~}    b\n\"");
    QTest::newRow("heredoc strip marker one line")
        << QByteArray("<<EOT\n${a ~}\n\n  b\nEOT") << QByteArray("<<EOT\"${a~}\n  b\n\"");
    QTest::newRow("heredoc strip marker before")
        << QByteArray("<<EOT\nx\n  \t${~ a}\nEOT") << QByteArray("<<EOT\"x\n${~a}\n\"");
    QTest::newRow("heredoc strip indent tabs and dollar")
        << QByteArray("<<-EOT\n\t\t$${x}\n\t\t\ty\n\tEOT") << QByteArray("<<-EOT\"${x}\n\ty\n\"");
    QTest::newRow("strip unicode space")
        << QByteArray("\"a\u00a0 ${~ b}\"") << QByteArray("\"a${~b}\"");
}

void TestHclParser::templates()
{
    expressions();
}

void TestHclParser::ranges()
{
    // Columns count code points: "é" is two bytes, one column.
    const QByteArray source = "# comment\n"
                              "é = 1\n"
                              "b = \"é${x.y}\" + f(1)\n"
                              "c = <<EOT\n"
                              "text ${z}\n"
                              "EOT\n";
    const ParseResult result = parse(source, QStringLiteral("r.tf"));
    QVERIFY2(result.ok(), errorsText(result).constData());
    const Body &body = result.file.body;
    QCOMPARE(body.items.size(), size_t(3));
    const Attribute *first = body.items[0].attribute();
    QCOMPARE(first->name, QByteArray("é"));
    QCOMPARE(pos(first->nameRange.start), QByteArray("2:1"));
    QCOMPARE(pos(first->nameRange.end), QByteArray("2:2"));
    QCOMPARE(pos(first->expr->range.start), QByteArray("2:5"));
    QCOMPARE(first->expr->range.start.offset, qsizetype(10 + 5));

    const Attribute *second = body.items[1].attribute();
    const auto *sum = second->expr->as<BinaryExpr>();
    QVERIFY(sum);
    QCOMPARE(pos(sum->opRange.start), QByteArray("3:15"));
    const auto *tmpl = sum->lhs->as<TemplateExpr>();
    QVERIFY(tmpl);
    QCOMPARE(tmpl->parts.size(), size_t(2));
    QCOMPARE(pos(tmpl->parts[1].range.start), QByteArray("3:7"));
    QCOMPARE(rangeText(source, tmpl->parts[1].range), QByteArray("${x.y}"));
    QCOMPARE(pos(tmpl->parts[1].expr->range.start), QByteArray("3:9"));
    QCOMPARE(rangeText(source, tmpl->parts[1].expr->range), QByteArray("x.y"));
    const auto *call = sum->rhs->as<FunctionCallExpr>();
    QVERIFY(call);
    QCOMPARE(pos(call->nameRange.start), QByteArray("3:17"));
    QCOMPARE(pos(second->expr->range.end), QByteArray("3:21"));

    const Attribute *third = body.items[2].attribute();
    QCOMPARE(rangeText(source, third->expr->range), QByteArray("<<EOT\ntext ${z}\nEOT"));
    QCOMPARE(pos(third->expr->range.end), QByteArray("6:4"));
    const auto *heredoc = third->expr->as<TemplateExpr>();
    QCOMPARE(pos(heredoc->parts[1].expr->range.start), QByteArray("5:8"));

    // A provider function's name range covers the namespaces; columns count code points.
    const QByteArray provider = "\xc3\xa9 = provider::aws::arn_parse(x)\n";
    const ParseResult parsed = parse(provider, QStringLiteral("p.tf"));
    QVERIFY2(parsed.ok(), errorsText(parsed).constData());
    const auto *namespaced = firstAttribute(parsed).expr->as<FunctionCallExpr>();
    QVERIFY(namespaced);
    QCOMPARE(namespaced->name, QByteArray("provider::aws::arn_parse"));
    QCOMPARE(rangeText(provider, namespaced->nameRange), QByteArray("provider::aws::arn_parse"));
    QCOMPARE(pos(namespaced->nameRange.start), QByteArray("1:5"));
    QCOMPARE(pos(namespaced->nameRange.end), QByteArray("1:29"));
    QCOMPARE(pos(firstAttribute(parsed).expr->range.end), QByteArray("1:32"));
}

void TestHclParser::roundTrip_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::newRow("mixed") << QByteArray("# head\n\na = 1 # trailing\nb { c = 2 }\n\n"
                                         "d \"e\" {\n  f = [1,\n 2]\n}\n// tail\n");
    QTest::newRow("crlf") << QByteArray("a = 1\r\nb {\r\n  c = \"x\"\r\n}\r\n");
    QTest::newRow("no final newline") << QByteArray("a = {\n  b = 1\n}");
    QTest::newRow("heredoc last") << QByteArray("x = <<-EOT\n  y\n  EOT\n");
}

// The items' ranges plus the bytes between them give back the file.
void TestHclParser::roundTrip()
{
    QFETCH(QByteArray, source);
    const ParseResult result = parse(source, QStringLiteral("rt.tf"));
    QVERIFY2(result.ok(), errorsText(result).constData());
    QByteArray rebuilt;
    qsizetype at = 0;
    for (const BodyItem &item : result.file.body.items) {
        const Range range = item.range();
        QVERIFY(range.start.offset >= at);
        rebuilt += source.mid(at, range.start.offset - at);
        // An item ends with its value or closing brace, never inside a comment or a newline.
        const QByteArray text = rangeText(source, range);
        QVERIFY(!text.endsWith('\n') && !text.endsWith(' '));
        rebuilt += text;
        at = range.end.offset;
        const QByteArray gap = source.mid(at, 2);
        QVERIFY2(gap.isEmpty() || gap.startsWith('\n') || gap.startsWith("\r\n")
                     || gap.startsWith(' '),
                 gap.constData());
    }
    rebuilt += source.mid(at);
    QCOMPARE(rebuilt, source);
    QCOMPARE(result.file.body.range.end.offset, source.size());
}

void TestHclParser::lineEndings()
{
    const QByteArray crlf = "a = 1\r\nb = \"x\"\r\nc {\r\n  d = <<EOT\r\nhi\r\nEOT\r\n}";
    const ParseResult result = parse(crlf, QStringLiteral("crlf.tf"));
    QVERIFY2(result.ok(), errorsText(result).constData());
    QCOMPARE(result.file.body.items.size(), size_t(3));
    const Block *c = result.file.body.items[2].block();
    QCOMPARE(pos(c->range.start), QByteArray("3:1"));
    // A heredoc keeps its line endings as written, like HCL.
    QCOMPARE(dump(c->body.items[0].attribute()->expr.get()), QByteArray("<<EOT\"hi\r\n\""));

    const QByteArray bom = "\xEF\xBB\xBF"
                           "a = 1\nb = 2";
    const ParseResult withBom = parse(bom, QStringLiteral("bom.tf"));
    QVERIFY2(withBom.ok(), errorsText(withBom).constData());
    QCOMPARE(withBom.file.body.items.size(), size_t(2));
    const Attribute *a = withBom.file.body.items[0].attribute();
    QCOMPARE(pos(a->nameRange.start), QByteArray("1:1"));
    QCOMPARE(a->nameRange.start.offset, qsizetype(3));
    QCOMPARE(dump(withBom.file.body.items[1].attribute()->expr.get()), QByteArray("2"));

    QVERIFY(parse(QByteArray(), QStringLiteral("empty.tf")).ok());
    QVERIFY(parse("\xEF\xBB\xBF", QStringLiteral("bomonly.tf")).ok());
    QVERIFY(parse("\n\n# only a comment", QStringLiteral("c.tf")).ok());
}

void TestHclParser::malformed_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QByteArray>("location"); // line:column
    QTest::addColumn<QString>("fragment");

    auto row = [](const char *name, const QByteArray &source, const char *location,
                  const char *fragment) {
        QTest::newRow(name) << source << QByteArray(location) << QString::fromUtf8(fragment);
    };
    row("unterminated string", "a = \"abc\nb = 1\n", "1:5", "unterminated string");
    row("unterminated string eof", "a = \"abc", "1:5", "unterminated string");
    row("unclosed heredoc", "a = <<EOT\nabc\n", "3:1", "unclosed heredoc 'EOT' (opened at 1:5)");
    row("unclosed block", "a {\n  b = 1\n", "3:1", "unclosed block 'a' (opened at 1:3)");
    row("unterminated comment", "a = 1\n/* never\nends", "2:1", "unterminated comment");
    row("unterminated interpolation", "a = \"${b", "1:6", "unterminated template sequence");
    row("interpolation not closed", "a = \"${b c}\"\n", "1:10", "expected '}' to end");
    row("bad escape", "a = \"x\\qy\"\n", "1:7", "invalid escape sequence '\\q'");
    row("short unicode escape", "a = \"\\u12\"\n", "1:6", "needs 4 hexadecimal digits");
    row("surrogate escape", "a = \"\\uD800\"\n", "1:6", "is not a character");
    row("control byte", "a = 1\n\x01\n", "2:1", "invalid character U+0001");
    row("stray byte in expr", "a = 1 \x02\n", "1:7", "invalid character U+0002");
    row("lone close brace", "a = 1\n}\n", "2:1", "unexpected '}'");
    row("invalid utf8 identifier", "\xff = 1\n", "1:1", "invalid UTF-8");
    row("invalid utf8 in string", "a = \"x\xc3\x28\"\n", "1:7", "invalid UTF-8");
    row("invalid utf8 overlong", "a = \"\xc0\xaf\"\n", "1:6", "invalid UTF-8");
    row("nothing after equals", "a = \n", "1:5", "expected an expression");
    row("nothing after equals eof", "a =", "1:4", "expected an expression");
    row("missing equals", "a 1\n", "1:3", "expected '=' or '{' after 'a'");
    row("missing equals resource", "resource \"x\" \"y\"\n", "1:17",
        "expected '{' after the labels");
    row("number label", "resource \"x\" 12 {}\n", "1:14", "invalid label of block 'resource'");
    row("interpolated label", "a \"${x}\" {}\n", "1:4", "cannot contain template sequences");
    row("endif without if", "a = \"%{endif}\"\n", "1:6", "'%{endif}' without a matching '%{if}'");
    row("else without if", "a = \"%{else}\"\n", "1:6", "'%{else}' without a matching '%{if}'");
    row("endfor in if", "a = \"%{if x}%{endfor}\"\n", "1:13", "'%{endfor}' without a matching");
    row("unclosed if", "a = \"%{if x}yes\"\n", "1:16",
        "unclosed '%{if}' directive (opened at 1:6)");
    row("unknown directive", "a = \"%{while x}\"\n", "1:8", "unknown template directive 'while'");
    row("unclosed tuple", "a = [1, 2\nb = 3\n", "2:1", "expected ',' or ']'");
    row("unclosed paren", "a = (1 + 2\n", "2:1", "expected ')'");
    row("missing colon", "a = x ? 1\n", "1:10", "expected ':'");
    row("bad object sep", "a = { b = 1 c = 2 }\n", "1:13", "expected ',', a newline or '}'");
    row("object missing equals", "a = { b }\n", "1:9", "expected '=' or ':'");
    row("two attributes one line", "a = 1 b = 2\n", "1:7", "expected a newline");
    row("block then text", "a {} b\n", "1:6", "expected a newline after the closing");
    row("one-line block two items", "a { b = 1 c = 2 }\n", "1:11",
        "'}' to close the single-line block");
    row("one-line block nested block", "a { b {} }\n", "1:5", "an attribute or '}' in single-line");
    row("attribute starts with number", "1 = 2\n", "1:1", "expected an attribute or block name");
    row("dot without name", "a = b.\n", "1:7", "expected an attribute name");
    row("for without in", "a = [for x y : x]\n", "1:12", "expected 'in'");
    row("for object without arrow", "a = {for k, v in m : v}\n", "1:23", "expected '=>'");
    row("single ampersand", "a = b & c\n", "1:7", "invalid character '&'");
    row("heredoc marker garbage", "a = <<EOT x\n", "1:5", "must be followed by a newline");
    row("call missing paren", "a = f(1, 2\n", "2:1", "expected ',' or ')'");
    row("invalid code point ident", "a = b\xe2\x82\xac\n", "1:6", "invalid character U+20AC");
    row("namespace without call", "a = provider::aws\n", "1:18",
        "expected '(' after the function name 'provider::aws'");
    row("namespace without name", "a = provider::\n", "1:15",
        "expected a function name after '::'");
    row("namespace number", "a = provider::1(x)\n", "1:15", "expected a function name after '::'");
    row("namespace then variable", "a = x ? a::b : c\n", "1:14", "expected '(' after the function");
}

void TestHclParser::malformed()
{
    QFETCH(QByteArray, source);
    QFETCH(QByteArray, location);
    QFETCH(QString, fragment);
    const ParseResult result = parse(source, QStringLiteral("bad.tf"));
    QVERIFY2(!result.errors.isEmpty(), "no error reported");
    const QString expected
        = QStringLiteral("bad.tf:") + QString::fromUtf8(location) + QStringLiteral(": ");
    bool found = false;
    for (const auto &error : result.errors)
        found = found
                || (error.toString().startsWith(expected) && error.message().contains(fragment));
    const QByteArray message = "wanted " + expected.toUtf8() + "..." + fragment.toUtf8()
                               + "\ngot:\n" + errorsText(result);
    QVERIFY2(found, message.constData());
}

void TestHclParser::recovery()
{
    const QByteArray source = "a = \n"
                              "b = 2\n"
                              "c {\n"
                              "  d = [1,, 2]\n"
                              "  e = 3\n"
                              "}\n"
                              "f = 4 5\n"
                              "g = \"ok\"\n";
    const ParseResult result = parse(source, QStringLiteral("rec.tf"));
    QCOMPARE(result.errors.size(), 3);
    QCOMPARE(result.errors[0].location().line, 1);
    QCOMPARE(result.errors[1].location().line, 4);
    QCOMPARE(result.errors[2].location().line, 7);
    // What surrounds the mistakes is still there.
    const Body &body = result.file.body;
    QCOMPARE(body.items.size(), size_t(5));
    QCOMPARE(body.items[1].attribute()->name, QByteArray("b"));
    const Block *c = body.items[2].block();
    QVERIFY(c);
    QCOMPARE(c->body.items.size(), size_t(2));
    QCOMPARE(c->body.items[1].attribute()->name, QByteArray("e"));
    QCOMPARE(body.items[4].attribute()->name, QByteArray("g"));
}

void TestHclParser::deepNesting_data()
{
    QTest::addColumn<QByteArray>("source");
    constexpr int n = 20000;
    QTest::newRow("brackets") << "a = " + QByteArray(n, '[') + QByteArray(n, ']') + "\n";
    QTest::newRow("parens") << "a = " + QByteArray(n, '(') + "1" + QByteArray(n, ')') + "\n";
    QTest::newRow("unclosed brackets") << "a = " + QByteArray(n, '[');
    QTest::newRow("unary") << "a = " + QByteArray(n, '!') + "x\n";
    QTest::newRow("objects") << "a = " + QByteArray(n, '{') + QByteArray(n, '}') + "\n";
    QTest::newRow("object values")
        << "a = " + QByteArray("{b=").repeated(n) + "1" + QByteArray(n, '}') + "\n";
    QTest::newRow("blocks") << QByteArray("b {\n").repeated(n) + QByteArray("}\n").repeated(n);
    QTest::newRow("interpolations")
        << "a = " + QByteArray("\"${").repeated(n) + "1" + QByteArray("}\"").repeated(n) + "\n";
    QTest::newRow("directives") << "a = \"" + QByteArray("%{if x}").repeated(n)
                                       + QByteArray("%{endif}").repeated(n) + "\"\n";
}

void TestHclParser::deepNesting()
{
    QFETCH(QByteArray, source);
    const ParseResult result = parse(source, QStringLiteral("deep.tf"));
    QVERIFY(!result.errors.isEmpty());
    bool tooDeep = false;
    for (const auto &error : result.errors)
        tooDeep = tooDeep || error.message().contains(QStringLiteral("nesting is too deep"));
    QVERIFY2(tooDeep, errorsText(result).constData());
    // Nesting below the limit is fine.
    const QByteArray ok = "a = " + QByteArray(100, '[') + QByteArray(100, ']') + "\n"
                          + QByteArray("b {\n").repeated(100) + QByteArray("}\n").repeated(100);
    const ParseResult fine = parse(ok, QStringLiteral("ok.tf"));
    QVERIFY2(fine.ok(), errorsText(fine).constData());
}

void TestHclParser::hugeLine()
{
    constexpr int count = 2'000'000;
    // 10 MB in one line: a long sum (a left-leaning tree a million levels deep that must also be
    // destroyed without recursion), a long list and a long string.
    QByteArray sum = "a = 1";
    sum.reserve(count * 4 + 16);
    for (int i = 0; i < count; ++i)
        sum += " + 1";
    QElapsedTimer timer;
    timer.start();
    {
        const ParseResult result = parse(sum + "\n", QStringLiteral("sum.tf"));
        QVERIFY2(result.ok(), errorsText(result).constData());
        QVERIFY(firstAttribute(result).expr->as<BinaryExpr>());
    }
    QByteArray list = "a = [" + QByteArray("12345,").repeated(count) + "]";
    const ParseResult listResult = parse(list, QStringLiteral("list.tf"));
    QVERIFY2(listResult.ok(), errorsText(listResult).constData());
    QCOMPARE(firstAttribute(listResult).expr->as<TupleExpr>()->items.size(), size_t(count));
    const QByteArray text = "a = \"" + QByteArray(10'000'000, 'x') + "\" + \x01";
    const ParseResult textResult = parse(text, QStringLiteral("text.tf"));
    QCOMPARE(textResult.errors.size(), 1);
    QCOMPARE(textResult.errors[0].location().column, 10'000'000 + 10);
    qDebug("three 10 MB lines parsed in %lld ms", qint64(timer.elapsed()));
    QVERIFY(timer.elapsed() < 60'000);
}

void TestHclParser::randomBytes()
{
    QRandomGenerator random(20261126);
    for (int round = 0; round < 50; ++round) {
        QByteArray source(8192, Qt::Uninitialized);
        for (char &c : source)
            c = char(random.bounded(256));
        const ParseResult result = parse(source, QStringLiteral("random.tf"));
        QVERIFY(!result.errors.isEmpty());
        QVERIFY(result.errors.size() <= MaxErrors);
    }
    // Random HCL-ish punctuation is harder on the parser than random bytes.
    const char alphabet[] = "ab1 =\n{}[]()\"$%~.,:?!<>-+*/&|#\\";
    for (int round = 0; round < 200; ++round) {
        QByteArray source(4096, Qt::Uninitialized);
        for (char &c : source)
            c = alphabet[random.bounded(int(sizeof(alphabet) - 1))];
        const ParseResult result = parse(source, QStringLiteral("punct.tf"));
        QVERIFY(result.errors.size() <= MaxErrors);
    }
}

void TestHclParser::errorCap()
{
    const ParseResult result = parse(QByteArray("a b\n").repeated(1000), QStringLiteral("cap.tf"));
    QCOMPARE(result.errors.size(), MaxErrors);
}

void TestHclParser::timing()
{
    QByteArray source;
    for (int i = 0; source.size() < 5 * 1024 * 1024; ++i) {
        const QByteArray n = QByteArray::number(i);
        source += "resource \"aws_instance\" \"web_" + n
                  + "\" {\n"
                    "  ami           = var.ami_ids[\""
                  + n
                  + "\"]\n"
                    "  instance_type = local.big ? \"m5.large\" : \"t3.micro\"\n"
                    "  count         = length(var.zones) * 2 + 1\n"
                    "  tags = {\n"
                    "    Name = \"web-${var.env}-"
                  + n
                  + "\"\n"
                    "    Team = lookup(var.teams, \"web\", \"platform\")\n"
                    "  }\n"
                    "  subnets = [for s in module.vpc.subnets : s.id if s.public]\n"
                    "  lifecycle { create_before_destroy = true }\n"
                    "}\n\n";
    }
    QElapsedTimer timer;
    timer.start();
    const ParseResult result = parse(source, QStringLiteral("big.tf"));
    const qint64 ms = timer.elapsed();
    QVERIFY2(result.ok(), errorsText(result).constData());
    qDebug("parsed %lld bytes (%zu blocks) in %lld ms", qint64(source.size()),
           result.file.body.items.size(), ms);
}

ENVDECK_TEST_MAIN_CORE(TestHclParser)
#include "tst_hclparser.moc"
