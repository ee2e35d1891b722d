// SPDX-License-Identifier: GPL-3.0-or-later
#include "HelmIndex.h"

#include "catalog/Semver.h"
#include "core/YamlSupport.h"

#include <QFile>
#include <QRegularExpression>

namespace EnvDeck {
namespace {

// Helm writes RFC 3339 times with nanoseconds ("2026-03-01T10:00:00.123456789Z"); Qt reads at
// most milliseconds, so the extra digits are dropped first.
QDateTime parseTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    static const QRegularExpression fraction(QStringLiteral("(\\.\\d{1,3})\\d*"));
    QString trimmed = text.trimmed();
    trimmed.replace(fraction, QStringLiteral("\\1"));
    QDateTime time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(trimmed, Qt::ISODate);
    return time.isValid() ? time.toUTC() : QDateTime();
}

} // namespace

QStringList HelmIndex::versions(const QString &chart) const
{
    QStringList list;
    for (const HelmChartVersion &release : entries.value(chart))
        list << release.version;
    return sortVersionsNewestFirst(list);
}

Result<HelmIndex> parseHelmIndex(const QByteArray &bytes, const QString &displayPath)
{
    auto loaded = Yaml::load(bytes, displayPath);
    if (!loaded)
        return loaded.error();
    const YAML::Node document = loaded.value();
    // An empty document has no mark; its problem is at the start of the file.
    SourceLocation top = Yaml::locationOf(document, displayPath);
    if (top.line == 0)
        top = SourceLocation{displayPath, 1, 1};
    if (!document.IsMap())
        return Error(QStringLiteral("not a Helm repository index: expected a mapping with "
                                    "`entries:` at the top level"),
                     top);

    HelmIndex index;
    index.apiVersion = Yaml::scalar(document["apiVersion"]);
    index.generated = parseTime(Yaml::scalar(document["generated"]));
    const YAML::Node entries = document["entries"];
    if (!entries)
        return Error(QStringLiteral("not a Helm repository index: no `entries:`"), top);
    if (entries.IsNull())
        return index; // an empty repository
    if (!entries.IsMap())
        return Error(QStringLiteral("`entries` must map chart names to lists of releases"),
                     Yaml::locationOf(entries, displayPath));

    for (YAML::const_iterator it = entries.begin(); it != entries.end(); ++it) {
        const YAML::Node key = it->first;
        const YAML::Node releases = it->second;
        const QString chart = Yaml::scalar(key);
        if (chart.isEmpty()) {
            index.problems.append(Error(QStringLiteral("a chart name must be a plain text"),
                                        Yaml::locationOf(key, displayPath)));
            continue;
        }
        if (!releases.IsSequence()) {
            index.problems.append(
                Error(QStringLiteral("the releases of chart `%1` must be a list").arg(chart),
                      Yaml::locationOf(releases, displayPath)));
            continue;
        }
        QList<HelmChartVersion> &list = index.entries[chart];
        for (YAML::const_iterator r = releases.begin(); r != releases.end(); ++r) {
            const YAML::Node release = *r;
            const SourceLocation location = Yaml::locationOf(release, displayPath);
            if (!release.IsMap()) {
                index.problems.append(
                    Error(QStringLiteral("a release of chart `%1` must be a mapping").arg(chart),
                          location));
                continue;
            }
            HelmChartVersion item;
            item.name = chart;
            item.location = location;
            item.version = Yaml::scalar(release["version"]).trimmed();
            if (item.version.isEmpty()) {
                index.problems.append(
                    Error(QStringLiteral("a release of chart `%1` has no `version`").arg(chart),
                          location));
                continue;
            }
            item.appVersion = Yaml::scalar(release["appVersion"]);
            item.created = parseTime(Yaml::scalar(release["created"]));
            item.digest = Yaml::scalar(release["digest"]);
            item.deprecated = Yaml::scalar(release["deprecated"]) == u"true";
            list.append(item);
        }
    }
    return index;
}

Result<HelmIndex> readHelmIndex(const QString &absolutePath, const QString &displayPath)
{
    QFile file(absolutePath);
    if (!file.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("cannot read the Helm index: %1").arg(file.errorString()),
                     SourceLocation{displayPath});
    if (file.size() > Yaml::MaxFileSize)
        return Error(QStringLiteral("the Helm index is too large (%1 MiB; at most %2 MiB are read)")
                         .arg(file.size() / (1024 * 1024))
                         .arg(Yaml::MaxFileSize / (1024 * 1024)),
                     SourceLocation{displayPath});
    return parseHelmIndex(file.readAll(), displayPath);
}

} // namespace EnvDeck
