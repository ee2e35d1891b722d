// SPDX-License-Identifier: GPL-3.0-or-later
#include "CatalogConfig.h"

#include "core/YamlSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>

namespace EnvDeck {
namespace {

const QString ConfigFile = QStringLiteral(".envdeck.yaml");

// A path in the repository as written in the config: relative and staying inside the root.
bool isInsideRepository(const QString &path)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path) || path.startsWith(u'~'))
        return false;
    const QString clean = QDir::cleanPath(path);
    return clean != u".." && !clean.startsWith(QLatin1String("../")) && clean != u".";
}

struct EntryReader
{
    CatalogConfig &config;

    void problem(const QString &message, const YAML::Node &node)
    {
        config.problems.append(Error(message, Yaml::locationOf(node, ConfigFile)));
    }

    // A path value: relative, inside the repository. Empty when absent or refused.
    QString pathValue(const YAML::Node &item, const char *key)
    {
        const YAML::Node node = item[key];
        if (!node)
            return {};
        const QString value = Yaml::scalar(node).trimmed();
        if (!isInsideRepository(value)) {
            problem(
                QStringLiteral("`%1` must be a path inside the repository, relative to its root")
                    .arg(QLatin1String(key)),
                node);
            return {};
        }
        return QDir::cleanPath(value);
    }

    void read(const YAML::Node &item)
    {
        if (!item.IsMap()) {
            problem(QStringLiteral("a catalog entry must be a mapping with a `kind`"), item);
            return;
        }
        static const QStringList known
            = {QStringLiteral("kind"), QStringLiteral("url"), QStringLiteral("file"),
               QStringLiteral("cache"), QStringLiteral("pattern")};
        for (YAML::const_iterator it = item.begin(); it != item.end(); ++it) {
            const YAML::Node key = it->first;
            if (!known.contains(Yaml::scalar(key)))
                problem(QStringLiteral("unknown key `%1` in a catalog entry (known: %2)")
                            .arg(Yaml::scalar(key), known.join(QStringLiteral(", "))),
                        key);
        }

        CatalogEntry entry;
        entry.location = Yaml::locationOf(item, ConfigFile);
        const YAML::Node kindNode = item["kind"];
        const QString kind = Yaml::scalar(kindNode).trimmed();
        if (!kindNode || kind.isEmpty()) {
            problem(QStringLiteral("catalog entry without a `kind` (helm-index, git-tags or seen)"),
                    item);
            return;
        }
        if (kind == u"helm-index") {
            entry.kind = CatalogEntry::Kind::HelmIndex;
        } else if (kind == u"git-tags") {
            entry.kind = CatalogEntry::Kind::GitTags;
        } else if (kind == u"seen") {
            entry.kind = CatalogEntry::Kind::Seen;
        } else {
            problem(QStringLiteral("unknown catalog kind `%1` (use helm-index, git-tags or seen)")
                        .arg(kind),
                    kindNode);
            return;
        }

        switch (entry.kind) {
        case CatalogEntry::Kind::HelmIndex:
            if (!readHelmIndex(item, entry))
                return;
            break;
        case CatalogEntry::Kind::GitTags: {
            const YAML::Node node = item["pattern"];
            entry.pattern = Yaml::scalar(node).trimmed();
            if (!node || entry.pattern.isEmpty()) {
                problem(QStringLiteral("a git-tags catalog needs a `pattern`, such as "
                                       "\"{component}/v*\""),
                        item);
                return;
            }
            if (entry.pattern.count(u'*') != 1) {
                problem(QStringLiteral("the tag pattern `%1` must contain exactly one `*`, where "
                                       "the version is")
                            .arg(entry.pattern),
                        node);
                return;
            }
            break;
        }
        case CatalogEntry::Kind::Seen:
            break;
        }
        config.entries.append(entry);
    }

    bool readHelmIndex(const YAML::Node &item, CatalogEntry &entry)
    {
        const YAML::Node urlNode = item["url"];
        const YAML::Node fileNode = item["file"];
        if (urlNode && fileNode) {
            problem(QStringLiteral("a helm-index catalog takes either `url` or `file`, not both"),
                    item);
            return false;
        }
        if (fileNode) {
            entry.file = pathValue(item, "file");
            return !entry.file.isEmpty();
        }
        if (!urlNode) {
            problem(QStringLiteral("a helm-index catalog needs a `url` or a `file`"), item);
            return false;
        }
        const QString text = Yaml::scalar(urlNode).trimmed();
        entry.url = QUrl(text, QUrl::StrictMode);
        if (!entry.url.isValid() || entry.url.host().isEmpty()
            || (entry.url.scheme() != u"https" && entry.url.scheme() != u"http")) {
            problem(QStringLiteral("`%1` is not an http or https URL").arg(text), urlNode);
            return false;
        }
        if (item["cache"]) {
            entry.cache = pathValue(item, "cache");
            if (entry.cache.isEmpty())
                return false;
        }
        return true;
    }
};

} // namespace

QString catalogKindName(CatalogEntry::Kind kind)
{
    switch (kind) {
    case CatalogEntry::Kind::HelmIndex:
        return QStringLiteral("helm-index");
    case CatalogEntry::Kind::GitTags:
        return QStringLiteral("git-tags");
    case CatalogEntry::Kind::Seen:
        return QStringLiteral("seen");
    }
    return {};
}

QString displayUrl(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

QString CatalogEntry::describe() const
{
    switch (kind) {
    case Kind::HelmIndex:
        return catalogKindName(kind) + QLatin1Char(' ') + (file.isEmpty() ? displayUrl(url) : file);
    case Kind::GitTags:
        return catalogKindName(kind) + QLatin1Char(' ') + pattern;
    case Kind::Seen:
        return QStringLiteral("versions seen in the environments");
    }
    return {};
}

QString CatalogEntry::cachePath() const
{
    if (!cache.isEmpty())
        return cache;
    const QByteArray hash
        = QCryptographicHash::hash(url.toEncoded(), QCryptographicHash::Sha1).toHex().left(12);
    QString host = url.host();
    for (QChar &c : host) {
        if (!c.isLetterOrNumber() && c != u'.' && c != u'-')
            c = u'_';
    }
    return QStringLiteral(".envdeck/cache/helm-%1-%2.yaml").arg(host, QString::fromLatin1(hash));
}

Result<CatalogConfig> readCatalogConfig(const QString &root)
{
    CatalogConfig config;
    const QString path = QDir(root).filePath(ConfigFile);
    if (!QFileInfo(path).isFile())
        return config;
    config.hasFile = true;
    const Result<YAML::Node> loaded = Yaml::loadFile(path, ConfigFile);
    if (!loaded)
        return loaded.error();
    const YAML::Node document = loaded.value();
    if (document.IsNull())
        return config;
    if (!document.IsMap())
        return Error(QStringLiteral("expected a mapping at the top level"),
                     Yaml::locationOf(document, ConfigFile));
    const YAML::Node catalogs = document["catalogs"];
    if (!catalogs || catalogs.IsNull())
        return config;
    if (!catalogs.IsSequence()) {
        config.problems.append(Error(QStringLiteral("`catalogs` must be a list"),
                                     Yaml::locationOf(catalogs, ConfigFile)));
        return config;
    }
    EntryReader reader{config};
    for (YAML::const_iterator it = catalogs.begin(); it != catalogs.end(); ++it) {
        const YAML::Node item = *it;
        reader.read(item);
    }
    return config;
}

} // namespace EnvDeck
