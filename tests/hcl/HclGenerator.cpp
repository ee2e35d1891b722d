// SPDX-License-Identifier: GPL-3.0-or-later
#include "HclGenerator.h"

#include <QSet>

namespace EnvDeck::HclTest {

namespace {

quint64 splitmix64(quint64 &state)
{
    quint64 z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

quint64 rotl(quint64 x, int k)
{
    return (x << k) | (x >> (64 - k));
}

const char *const Keywords[]
    = {"for", "in", "if", "else", "endif", "endfor", "true", "false", "null"};

bool isKeyword(const QByteArray &name)
{
    for (const char *keyword : Keywords) {
        if (name == keyword)
            return true;
    }
    return false;
}

class Generator
{
public:
    explicit Generator(quint64 seed)
        : r(seed)
    {}

    Rng r;

    QByteArray pick(std::initializer_list<const char *> list)
    {
        const quint32 i = r.below(quint32(list.size()));
        return QByteArray(*(list.begin() + i));
    }

    // ---- names --------------------------------------------------------------------------------

    QByteArray identifier()
    {
        if (r.chance(60)) {
            return pick({"name",       "region",
                         "tags",       "location",
                         "vpc_id",     "subnet_ids",
                         "cidr",       "enabled",
                         "count",      "instance_type",
                         "namespace",  "chart",
                         "values",     "kubernetes_version",
                         "node_count", "vault_id",
                         "key_id",     "policy",
                         "user_data",  "env",
                         "labels",     "id",
                         "arn",        "value",
                         "type",       "x",
                         "y"});
        }
        static const char first[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_";
        static const char rest[] = "abcdefghijklmnopqrstuvwxyz0123456789_-";
        QByteArray name;
        name += first[r.below(sizeof(first) - 1)];
        const quint32 length = r.below(10);
        for (quint32 i = 0; i < length; ++i)
            name += rest[r.below(sizeof(rest) - 1)];
        if (r.chance(3))
            name += "\xc3\xa9t\xc3\xa9"; // UTF-8 letters are identifier characters
        if (isKeyword(name))
            name += '_';
        return name;
    }

    QByteArray variableRoot()
    {
        if (r.chance(70))
            return pick({"var", "local", "module", "data", "each", "count", "path", "self",
                         "aws_instance", "azurerm_kubernetes_cluster"});
        return identifier();
    }

    // ---- literals -----------------------------------------------------------------------------

    QByteArray number()
    {
        switch (r.below(6)) {
        case 0:
            return QByteArray::number(r.below(10));
        case 1:
            return QByteArray::number(r.below(100000));
        case 2:
            return QByteArray::number(r.below(1000)) + '.' + QByteArray::number(r.below(1000));
        case 3:
            return QByteArray::number(1 + r.below(9)) + pick({"e", "E"}) + pick({"", "+", "-"})
                   + QByteArray::number(r.below(12));
        case 4:
            return QByteArray::number(r.below(100)) + '.' + QByteArray::number(r.below(100))
                   + pick({"e", "E"}) + pick({"", "+", "-"}) + QByteArray::number(r.below(6));
        default:
            return pick({"0", "1", "443", "8080", "0.5", "3.14", "65535", "1024"});
        }
    }

    // Literal text for a quoted string (escapes allowed).
    QByteArray quotedText()
    {
        QByteArray out;
        const quint32 n = r.below(5);
        for (quint32 i = 0; i < n; ++i) {
            switch (r.below(14)) {
            case 0:
                out += pick({"\\n", "\\t", "\\r", "\\\"", "\\\\"});
                break;
            case 1:
                out += pick({"\\u00e9", "\\u00FC", "\\u2603", "\\U0001F600", "\\u0041"});
                break;
            case 2:
                out += pick({"$${x}", "%%{y}", "$${", "%%{"});
                break;
            case 3:
                out += pick({"$", "%", "a$b", "50%", "$$", "{", "}", "a}b"});
                break;
            case 4:
                out += "\xc3\xa9\xe2\x82\xac"; // é€
                break;
            case 5:
                out += ' ';
                break;
            default:
                out += pick({"web", "prod", "eu-west-1", "10.0.0.0/16", "Standard_D4s_v3", "ok",
                             "t3.micro", "kube-system", "arn:aws:iam::123:role/x", "a b", "-", "/",
                             ":", "#", "//", "="});
            }
            // never let `$`/`%` run into a following `{`
            if (out.endsWith('$') || out.endsWith('%'))
                out += 'x';
        }
        return out;
    }

    // Literal text inside a heredoc (no escapes; newlines allowed).
    QByteArray heredocText()
    {
        QByteArray out;
        const quint32 n = r.below(5);
        for (quint32 i = 0; i < n; ++i) {
            switch (r.below(10)) {
            case 0:
                out += '\n';
                break;
            case 1:
                out += pick({"$${x}", "%%{y}"});
                break;
            case 2:
                out += pick({"\"Effect\": \"Allow\",", "\\n", "\\", "\"q\"", "{", "}", "50%"});
                break;
            case 3:
                out += "  ";
                break;
            default:
                out += pick(
                    {"#cloud-config", "packages:", "- nginx", "echo hi", "ok", "x y", "\xc3\xa9"});
            }
            if (out.endsWith('$') || out.endsWith('%'))
                out += 'x';
        }
        return out;
    }

    // ---- templates ----------------------------------------------------------------------------

    QByteArray open(char c, bool strip) { return QByteArray(1, c) + (strip ? "{~" : "{") + sp(); }
    QByteArray close(bool strip) { return sp() + (strip ? "~}" : "}"); }
    QByteArray sp() { return r.chance(50) ? QByteArray(" ") : QByteArray(); }

    QByteArray templateParts(int depth, bool heredoc)
    {
        QByteArray out;
        const quint32 n = r.below(4);
        for (quint32 i = 0; i < n; ++i) {
            const quint32 kind = depth <= 0 ? 0 : r.below(10);
            if (kind < 4) {
                out += heredoc ? heredocText() : quotedText();
            } else if (kind < 7) {
                QByteArray inner = expression(depth - 1, false);
                if (inner == "null") // `%{for …}${null}%{endfor}` is an error for the reference
                    inner = "true";
                out += open('$', r.chance(15)) + inner + close(r.chance(15));
            } else if (kind < 9) {
                out += open('%', r.chance(15)) + "if " + expression(depth - 1, false)
                       + close(r.chance(15));
                out += templateParts(depth - 1, heredoc);
                if (r.chance(50)) {
                    out += open('%', r.chance(15)) + "else" + close(r.chance(15));
                    out += templateParts(depth - 1, heredoc);
                }
                out += open('%', r.chance(15)) + "endif" + close(r.chance(15));
            } else {
                out += open('%', r.chance(15)) + "for ";
                if (r.chance(50))
                    out += identifier() + ", ";
                out += identifier() + " in " + expression(depth - 1, false) + close(r.chance(15));
                out += templateParts(depth - 1, heredoc);
                out += open('%', r.chance(15)) + "endfor" + close(r.chance(15));
            }
            if (out.endsWith('$') || out.endsWith('%'))
                out += 'x';
        }
        return out;
    }

    QByteArray quoted(int depth)
    {
        if (depth <= 0 || r.chance(40))
            return '"' + quotedText() + '"';
        return '"' + templateParts(depth, false) + '"';
    }

    // A heredoc; only as an attribute value (it ends with its own newline).
    QByteArray heredoc(int depth)
    {
        const QByteArray marker = pick({"EOT", "EOF", "POLICY", "CLOUDINIT", "END"});
        const bool indent = r.chance(40);
        QByteArray body = templateParts(depth, true);
        if (!body.endsWith('\n'))
            body += '\n';
        if (indent) {
            // every line indented, the closing marker too
            const QByteArray pad(2 + r.below(4), ' ');
            QByteArray indented;
            for (const QByteArray &line : body.split('\n')) {
                if (!indented.isEmpty() || !line.isEmpty())
                    indented += pad + line + '\n';
            }
            indented.chop(pad.size() + 1); // the split's last empty piece
            return "<<-" + marker + '\n' + indented + pad + marker + '\n';
        }
        return "<<" + marker + '\n' + body + marker + '\n';
    }

    // ---- expressions --------------------------------------------------------------------------

    QByteArray traversal(int depth)
    {
        QByteArray out = variableRoot();
        const quint32 steps = r.below(4);
        bool splat = false;
        bool legacy = false; // `.0.1` would be one number token
        for (quint32 i = 0; i < steps; ++i) {
            const quint32 kind = r.below(8);
            if (legacy) {
                // `.0.1` and `.0.e5` would scan as numbers
                out += "._" + identifier();
                legacy = false;
                continue;
            }
            legacy = kind == 3;
            switch (kind) {
            case 0:
                out += '[' + QByteArray::number(r.below(5)) + ']';
                break;
            case 1:
                out += "[\"" + identifier() + "\"]";
                break;
            case 2:
                out += '[' + (depth > 0 ? expression(depth - 1, false) : identifier()) + ']';
                break;
            case 3:
                out += '.' + QByteArray::number(r.below(3));
                break;
            case 4:
                if (!splat) {
                    out += pick({"[*]", ".*"});
                    splat = true;
                    break;
                }
                Q_FALLTHROUGH();
            default:
                out += '.' + identifier();
            }
        }
        return out;
    }

    QByteArray call(int depth)
    {
        QByteArray out = pick({"concat", "merge", "lookup", "templatefile", "jsonencode", "format",
                               "coalesce", "try", "length", "tomap", "cidrsubnet", "upper"});
        out += '(';
        const quint32 n = r.below(4);
        for (quint32 i = 0; i < n; ++i) {
            if (i)
                out += r.chance(20) ? ",\n    " : ", ";
            out += expression(depth - 1, false);
        }
        if (n && r.chance(20))
            out += "...";
        else if (n && r.chance(10))
            out += ",";
        return out + ')';
    }

    QByteArray tuple(int depth)
    {
        const bool multiline = r.chance(30);
        QByteArray out = "[";
        const quint32 n = r.below(4);
        for (quint32 i = 0; i < n; ++i) {
            out += multiline ? QByteArray("\n  ") : (i ? QByteArray(", ") : QByteArray());
            out += expression(depth - 1, false);
            if (multiline || (i + 1 == n && r.chance(10)))
                out += ',';
        }
        return out + (multiline && n ? "\n]" : "]");
    }

    QByteArray objectKey(int depth)
    {
        switch (r.below(8)) {
        case 0:
            return '"' + quotedText() + '"';
        case 1:
            return depth > 0 ? '(' + expression(depth - 1, false) + ')' : identifier();
        case 2:
            return QByteArray::number(r.below(10));
        case 3:
            return variableRoot() + '.' + identifier();
        case 4:
            return depth > 0 ? quoted(depth - 1) : identifier();
        default:
            return identifier();
        }
    }

    QByteArray object(int depth)
    {
        const bool multiline = r.chance(50);
        QByteArray out = "{";
        const quint32 n = r.below(4);
        for (quint32 i = 0; i < n; ++i) {
            if (multiline)
                out += "\n  ";
            else
                out += i ? ", " : " ";
            out += objectKey(depth) + (r.chance(25) ? QByteArray(": ") : QByteArray(" = "))
                   + expression(depth - 1, false);
            if (multiline && r.chance(30))
                out += ',';
        }
        if (multiline && n)
            return out + "\n}";
        return out + (n ? " }" : "}");
    }

    QByteArray forExpr(int depth)
    {
        const bool obj = r.chance(40);
        QByteArray out = obj ? "{for " : "[for ";
        if (r.chance(50))
            out += identifier() + ", ";
        out += identifier() + " in " + expression(depth - 1, false) + " : ";
        if (obj)
            out += expression(depth - 1, false) + " => ";
        out += expression(depth - 1, false);
        if (obj && r.chance(20))
            out += "...";
        if (r.chance(30))
            out += " if " + expression(depth - 1, false);
        return out + (obj ? "}" : "]");
    }

    QByteArray binaryOp()
    {
        return pick({"||", "&&", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%"});
    }

    // An expression; topLevel: an attribute value (a heredoc may appear).
    QByteArray expression(int depth, bool topLevel)
    {
        if (depth <= 0) {
            switch (r.below(6)) {
            case 0:
                return number();
            case 1:
                return pick({"true", "false", "null"});
            case 2:
                return '"' + quotedText() + '"';
            default:
                return traversal(0);
            }
        }
        switch (r.below(20)) {
        case 0:
            return number();
        case 1:
            return pick({"true", "false", "null"});
        case 2:
        case 3:
            return quoted(depth);
        case 4:
            if (topLevel)
                return heredoc(depth);
            return quoted(depth);
        case 5:
            return tuple(depth);
        case 6:
            return object(depth);
        case 7:
        case 8:
            return traversal(depth);
        case 9:
            return call(depth);
        case 10:
            return forExpr(depth);
        case 11:
            return expression(depth - 1, false) + " ? " + expression(depth - 1, false) + " : "
                   + expression(depth - 1, false);
        case 12:
        case 13:
            return expression(depth - 1, false) + ' ' + binaryOp() + ' '
                   + expression(depth - 1, false);
        case 14:
            switch (r.below(4)) {
            case 0:
                return "-" + sp() + number();
            case 1:
                return "!" + pick({"true", "false"});
            case 2:
                return "-" + traversal(0);
            default:
                return "!" + traversal(0);
            }
        case 15:
            return '(' + sp() + expression(depth - 1, false) + sp() + ')';
        case 16:
            // traversal applied to other expressions
            switch (r.below(3)) {
            case 0:
                return call(depth) + '.' + identifier();
            case 1:
                return tuple(depth) + "[0]";
            default:
                return '(' + traversal(0) + ")." + identifier();
            }
        default:
            return traversal(depth);
        }
    }

    // ---- bodies -------------------------------------------------------------------------------

    QByteArray comment()
    {
        switch (r.below(3)) {
        case 0:
            return "# " + pick({"managed by terraform", "tighten after the audit", "see ADR-12"}) + '\n';
        case 1:
            return "// " + pick({"prod only", "keep in sync with dev", "x = 1"}) + '\n';
        default:
            return "/* " + pick({"multi\n   line", "block", "a = \"b\""}) + " */\n";
        }
    }

    // Items of a body. Attribute names are unique and never used as block types; a block type
    // always has the same number of labels in one body.
    QList<QByteArray> bodyItems(int depth, const QByteArray &indent)
    {
        QList<QByteArray> items;
        QSet<QByteArray> attributes;
        QHash<QByteArray, int> blockLabels;
        const quint32 n = 1 + r.below(depth >= 2 ? 7 : 4);
        for (quint32 i = 0; i < n; ++i) {
            const quint32 kind = r.below(10);
            if (kind < 1) {
                items.append(indent + comment());
            } else if (kind < 7 || depth <= 0) {
                QByteArray name = identifier();
                while (attributes.contains(name) || blockLabels.contains(name))
                    name += '_';
                attributes.insert(name);
                QByteArray value = expression(1 + int(r.below(3)), true);
                QByteArray item = indent + name + (r.chance(10) ? "=" : " = ") + value;
                if (!item.endsWith('\n')) {
                    if (r.chance(10))
                        item += pick({" # note", " // note", " /* note */"});
                    item += '\n';
                }
                items.append(item);
            } else {
                QByteArray type = pick({"resource", "data", "module", "variable", "output",
                                        "provider", "locals", "dynamic", "content", "lifecycle",
                                        "default_node_pool", "set", "inputs", "include"});
                if (r.chance(20))
                    type = identifier();
                while (attributes.contains(type))
                    type += '_';
                int labelCount = blockLabels.value(type, -1);
                if (labelCount < 0) {
                    labelCount = int(r.below(3));
                    blockLabels.insert(type, labelCount);
                }
                QByteArray item = indent + type;
                for (int l = 0; l < labelCount; ++l) {
                    if (r.chance(75))
                        item += " \"" + (r.chance(10) ? quotedText() : identifier()) + '"';
                    else
                        item += ' ' + identifier();
                }
                const quint32 shape = r.below(10);
                if (shape == 0) {
                    item += " {}\n";
                } else if (shape == 1) {
                    item += " { " + identifier() + " = " + expression(1, false) + " }\n";
                } else {
                    item += " {\n";
                    for (const QByteArray &inner : bodyItems(depth - 1, indent + "  "))
                        item += inner;
                    item += indent + "}\n";
                }
                items.append(item);
            }
        }
        return items;
    }
};

} // namespace

Rng::Rng(quint64 seed)
{
    quint64 state = seed;
    for (quint64 &s : m_s)
        s = splitmix64(state);
}

quint64 Rng::next()
{
    const quint64 result = rotl(m_s[1] * 5, 7) * 9;
    const quint64 t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

quint32 Rng::below(quint32 n)
{
    // Lemire's multiply-shift; the tiny bias does not matter here and keeps it portable.
    return quint32(((next() >> 32) * quint64(n)) >> 32);
}

QByteArray GeneratedFile::text() const
{
    return render(items, finalNewline);
}

GeneratedFile generate(quint64 seed)
{
    Generator g(seed);
    GeneratedFile file;
    file.seed = seed;
    file.items = g.bodyItems(3, QByteArray());
    file.finalNewline = !g.r.chance(10);
    return file;
}

QByteArray render(const QList<QByteArray> &items, bool finalNewline)
{
    QByteArray out;
    for (const QByteArray &item : items)
        out += item;
    if (!finalNewline && out.endsWith('\n') && !items.isEmpty()
        && !items.constLast().contains("<<")) {
        out.chop(1);
    }
    return out;
}

QList<QByteArray> shrink(QList<QByteArray> items,
                         const std::function<bool(const QByteArray &)> &stillFails)
{
    // Chunks of decreasing size, then single items, until nothing more can go.
    for (qsizetype chunk = items.size() / 2; chunk >= 1; chunk /= 2) {
        bool removed = true;
        while (removed) {
            removed = false;
            for (qsizetype start = 0; start + chunk <= items.size(); start += chunk) {
                QList<QByteArray> candidate = items;
                candidate.remove(start, chunk);
                if (stillFails(render(candidate))) {
                    items = candidate;
                    removed = true;
                    break;
                }
            }
        }
    }
    return items;
}

} // namespace EnvDeck::HclTest
