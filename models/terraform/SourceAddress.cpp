// SPDX-License-Identifier: GPL-3.0-or-later
// Module sources: their kind, `?ref=` and `//subdir`, and where the ref is written.
#include "TerraformPrivate.h"

#include <QStringView>

#include <algorithm>

namespace EnvDeck::Terraform::Detail {
namespace {

// One piece of an assembled source string: literal text of a quoted string, or the value of an
// interpolation (or of the whole expression when it is a reference).
struct Segment
{
    qsizetype begin = 0; // UTF-16 offsets into SourceInfo::source
    qsizetype end = 0;
    const Hcl::TemplatePart *literal = nullptr; // set for literal text of a quoted string
    TracedValue traced;                         // set for a traced interpolation
};

// The start of the value of the last `key` pair (e.g. "ref=") of the query in `source`, or -1.
// The same rule as classify(): the last pair wins.
qsizetype queryValueOffset(const QString &source, QLatin1String key)
{
    const qsizetype query = source.indexOf(QLatin1Char('?'));
    if (query < 0)
        return -1;
    qsizetype found = -1;
    qsizetype pairStart = query + 1;
    while (pairStart <= source.size()) {
        qsizetype pairEnd = source.indexOf(QLatin1Char('&'), pairStart);
        if (pairEnd < 0)
            pairEnd = source.size();
        if (QStringView(source).mid(pairStart, pairEnd - pairStart).startsWith(key))
            found = pairStart + key.size();
        pairStart = pairEnd + 1;
    }
    return found;
}

// Where the `count`-th decoded code point of a quoted string's literal part is written. Escapes
// (\n, \u00e9, $${, %%{) take more characters in the source than in the decoded text, so the raw
// text is walked escape by escape.
SourceLocation locationInLiteral(const ParsedFile &file, const Hcl::TemplatePart &part,
                                 qsizetype count)
{
    const std::u32string raw
        = QString::fromUtf8(file.source.mid(part.range.start.offset, part.range.length()))
              .toStdU32String();
    const auto size = qsizetype(raw.size());
    int line = part.range.start.line;
    int column = part.range.start.column;
    qsizetype i = 0;
    for (qsizetype decoded = 0; decoded < count && i < size; ++decoded) {
        qsizetype width = 1;
        if (raw[i] == U'\\' && i + 1 < size)
            width = raw[i + 1] == U'u' ? 6 : raw[i + 1] == U'U' ? 10 : 2;
        else if ((raw[i] == U'$' || raw[i] == U'%') && i + 2 < size && raw[i + 1] == raw[i]
                 && raw[i + 2] == U'{')
            width = 2;
        for (qsizetype k = 0; k < width && i < size; ++k, ++i) {
            if (raw[i] == U'\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
    }
    return SourceLocation{file.path, line, column};
}

// Where the value of the query parameter `key` of `source` is written: inside a literal part of
// the string, or where the interpolation that is exactly that value was traced to.
TracedValue locate(const QString &source, const QList<Segment> &segments, const ParsedFile &file,
                   QLatin1String key)
{
    const qsizetype begin = queryValueOffset(source, key);
    if (begin < 0)
        return {};
    const QString value = source.mid(begin).section(QLatin1Char('&'), 0, 0);
    if (value.isEmpty())
        return {};
    const qsizetype end = begin + value.size();
    for (const Segment &segment : segments) {
        if (segment.literal && segment.begin <= begin && end <= segment.end) {
            const auto before
                = QStringView(source).mid(segment.begin, begin - segment.begin).toUcs4();
            return TracedValue{value, locationInLiteral(file, *segment.literal, before.size()),
                               QStringLiteral("literal")};
        }
        if (segment.traced.found() && segment.begin == begin && segment.end == end)
            return segment.traced;
    }
    return {};
}

} // namespace

SourceKind classify(const QString &source, QString &ref, QString &subdir)
{
    if (source.startsWith(QLatin1String("./")) || source.startsWith(QLatin1String("../")))
        return SourceKind::Local;

    QString rest = source;
    if (const qsizetype query = rest.indexOf(QLatin1Char('?')); query >= 0) {
        for (const QString &pair : rest.mid(query + 1).split(QLatin1Char('&'))) {
            if (pair.startsWith(QLatin1String("ref=")))
                ref = pair.mid(4);
        }
        rest.truncate(query);
    }
    const qsizetype scheme = rest.indexOf(QLatin1String("://"));
    const qsizetype searchFrom = scheme >= 0 ? scheme + 3 : 0;
    if (const qsizetype split = rest.indexOf(QLatin1String("//"), searchFrom); split >= 0) {
        subdir = rest.mid(split + 2);
        rest.truncate(split);
    }

    if (rest.startsWith(QLatin1String("tfr://"))) // Terragrunt's registry scheme
        return SourceKind::Registry;
    if (rest.startsWith(QLatin1String("git::")) || rest.startsWith(QLatin1String("git@"))
        || rest.startsWith(QLatin1String("github.com/"))
        || rest.startsWith(QLatin1String("bitbucket.org/")) || rest.endsWith(QLatin1String(".git")))
        return SourceKind::Git;
    if (rest.startsWith(QLatin1String("http://")) || rest.startsWith(QLatin1String("https://")))
        return SourceKind::Http;
    if (rest.contains(QLatin1String("::")))
        return SourceKind::Other;
    const QStringList parts = rest.split(QLatin1Char('/'));
    const bool allNamed
        = std::all_of(parts.begin(), parts.end(), [](const QString &p) { return !p.isEmpty(); });
    if (allNamed
        && (parts.size() == 3 || (parts.size() == 4 && parts.first().contains(QLatin1Char('.')))))
        return SourceKind::Registry;
    return SourceKind::Other;
}

SourceInfo readSource(const Located &source, const Scope &scope, const QString &root)
{
    SourceInfo info;
    if (!source.expr || !source.file)
        return info;
    QList<Segment> segments;
    if (const auto *text = source.expr->as<Hcl::TemplateExpr>()) {
        for (const Hcl::TemplatePart &part : text->parts) {
            Segment segment;
            segment.begin = info.source.size();
            if (part.kind == Hcl::TemplatePart::Kind::Literal) {
                info.source += decode(part.text);
                // A heredoc's text may have lost its indent: no position inside it is exact.
                if (!text->heredoc)
                    segment.literal = &part;
            } else if (part.kind == Hcl::TemplatePart::Kind::Interpolation && part.expr) {
                segment.traced = trace(Located{part.expr.get(), source.file}, scope, {}, root);
                info.source += segment.traced.found()
                                   ? segment.traced.value
                                   : QStringLiteral("${") + source.file->textOf(part.expr->range)
                                         + QLatin1Char('}');
            } else {
                info.source += source.file->textOf(part.range);
            }
            segment.end = info.source.size();
            segments << segment;
        }
    } else {
        // source = var.module_source: the ref is somewhere inside the traced string, at a
        // column this value does not tell.
        const TracedValue traced = trace(source, scope, {}, root);
        info.source = traced.found() ? traced.value : source.file->textOf(source.expr->range);
    }
    info.kind = classify(info.source, info.ref, info.subdir);
    info.tracedRef = locate(info.source, segments, *source.file, QLatin1String("ref="));
    // Terragrunt's registry scheme carries the module version in the query.
    if (info.source.startsWith(QLatin1String("tfr://"))) {
        info.tracedVersion = locate(info.source, segments, *source.file, QLatin1String("version="));
        const qsizetype begin = queryValueOffset(info.source, QLatin1String("version="));
        if (begin >= 0)
            info.version = info.source.mid(begin).section(QLatin1Char('&'), 0, 0);
    }
    return info;
}

} // namespace EnvDeck::Terraform::Detail
