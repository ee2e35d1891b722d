// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoCheck.h"

#include "git/GitHandle.h"

#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>

namespace DemoCheck {

using namespace EnvDeck;

namespace {

QString text(const YAML::Node &node)
{
    return QString::fromStdString(node.as<std::string>());
}

QList<int> parts(const QString &version)
{
    QList<int> list;
    for (const QString &p : version.split(QLatin1Char('.')))
        list << p.toInt();
    return list;
}

} // namespace

QStringList defaultEnvironments()
{
    return {QStringLiteral("dev"), QStringLiteral("staging"), QStringLiteral("prod-eu"),
            QStringLiteral("prod-us"), QStringLiteral("contoso")};
}

QSet<QString> defaultProduction()
{
    return {QStringLiteral("prod-eu"), QStringLiteral("prod-us"), QStringLiteral("contoso")};
}

QDateTime fixedEnd()
{
    return QDateTime(QDate(2025, 6, 20), QTime(17, 0), Qt::UTC);
}

GitRun git(const QString &dir, const QStringList &args)
{
    QProcess process;
    process.start(QStringLiteral("git"), QStringList{QStringLiteral("-C"), dir} + args);
    process.waitForFinished(60000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QStringList lines(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

YAML::Node loadYaml(const QString &path, QString *error)
{
    try {
        return YAML::Load(readFile(path).toStdString());
    } catch (const YAML::Exception &e) {
        *error = QString::fromStdString(e.what());
        return {};
    }
}

QString str(const YAML::Node &node)
{
    return QString::fromStdString(node.as<std::string>());
}

QMap<QString, QSet<QString>> approvedVersions(const QString &repository)
{
    QMap<QString, QSet<QString>> approved;
    QDirIterator it(repository + QStringLiteral("/approvals/staging"), {QStringLiteral("*.yaml")});
    while (it.hasNext()) {
        QString error;
        for (const auto &v : loadYaml(it.next(), &error)["versions"])
            approved[str(v.first)].insert(str(v.second));
    }
    return approved;
}

QMap<QString, QString> newestApproval(const QString &repository)
{
    QMap<QString, QString> newest;
    int newestRelease = 0;
    QDirIterator it(repository + QStringLiteral("/approvals/staging"), {QStringLiteral("*.yaml")});
    while (it.hasNext()) {
        QString error;
        const YAML::Node root = loadYaml(it.next(), &error);
        const int release = str(root["release"]).mid(1).toInt();
        if (release <= newestRelease)
            continue;
        newestRelease = release;
        newest.clear();
        for (const auto &v : root["versions"])
            newest.insert(str(v.first), str(v.second));
    }
    return newest;
}

bool isSemver(const QString &version)
{
    static const QRegularExpression re(
        QStringLiteral("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$"));
    return re.match(version).hasMatch();
}

int compareVersions(const QString &a, const QString &b)
{
    const QList<int> x = parts(a);
    const QList<int> y = parts(b);
    for (int i = 0; i < 3; ++i) {
        if (x.value(i) != y.value(i))
            return x.value(i) < y.value(i) ? -1 : 1;
    }
    return 0;
}

bool satisfies(const QString &version, const QString &range)
{
    for (const QString &term : range.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (term.startsWith(u">=")) {
            if (compareVersions(version, term.mid(2)) < 0)
                return false;
        } else if (term.startsWith(u'<')) {
            if (compareVersions(version, term.mid(1)) >= 0)
                return false;
        } else {
            return false;
        }
    }
    return true;
}

VersionsFile parseVersions(const QByteArray &yaml)
{
    VersionsFile file;
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        const YAML::Node components = root["components"];
        const YAML::Node thirdParty = root["third_party"];
        if (!components.IsMap() || !thirdParty.IsMap()) {
            file.error = QStringLiteral("components or third_party is not a map");
            return file;
        }
        for (const auto &entry : components) {
            const QString name = text(entry.first);
            const YAML::Node c = entry.second;
            if (!c["version"] || !c["chart"] || !c["repository"]) {
                file.error = name + QStringLiteral(" lacks version, chart or repository");
                return file;
            }
            file.components.insert(name, text(c["version"]));
            if (c["locked"] && c["locked"].as<bool>())
                file.locks.insert(name, c["lock_reason"] ? text(c["lock_reason"]) : QString());
            if (c["requires"]) {
                for (const auto &req : c["requires"])
                    file.requires_[name].insert(text(req.first), text(req.second));
            }
        }
        for (const auto &entry : thirdParty) {
            if (!entry.second["version"] || !entry.second["repository"]) {
                file.error = text(entry.first) + QStringLiteral(" lacks version or repository");
                return file;
            }
            file.thirdParty.insert(text(entry.first), text(entry.second["version"]));
        }
    } catch (const YAML::Exception &e) {
        file.error = QString::fromStdString(e.what());
    }
    return file;
}

HistoryReport replay(const QString &repository, const QStringList &environments,
                     const QSet<QString> &production, const QMap<QString, QSet<QString>> &approved)
{
    HistoryReport report;
    Git::RepositoryHandle repo;
    if (Git::call(repo, git_repository_open, repository.toUtf8().constData()) < 0) {
        report.violations << Git::lastError(QStringLiteral("open")).message();
        return report;
    }
    Git::RevwalkHandle walk;
    git_oid head;
    if (git_reference_name_to_id(&head, repo.get(), "refs/heads/main") < 0
        || Git::call(walk, git_revwalk_new, repo.get()) < 0
        || git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE) < 0
        || git_revwalk_push(walk.get(), &head) < 0) {
        report.violations << Git::lastError(QStringLiteral("walk")).message();
        return report;
    }

    QHash<QString, VersionsFile> parsed;                  // blob id -> contents
    QHash<QString, QMap<QString, QString>> blobsOfCommit; // commit -> env -> blob id
    const auto versionsAt = [&](const QString &blobId) -> const VersionsFile & {
        auto it = parsed.find(blobId);
        if (it == parsed.end()) {
            Git::BlobHandle blob;
            git_oid id;
            git_oid_fromstr(&id, blobId.toLatin1().constData());
            VersionsFile file;
            if (Git::call(blob, git_blob_lookup, repo.get(), &id) < 0)
                file.error = QStringLiteral("missing blob");
            else
                file = parseVersions(
                    QByteArray(static_cast<const char *>(git_blob_rawcontent(blob.get())),
                               qsizetype(git_blob_rawsize(blob.get()))));
            it = parsed.insert(blobId, file);
        }
        return *it;
    };

    git_oid id;
    while (git_revwalk_next(&id, walk.get()) == 0) {
        ++report.commits;
        const QString commitId = Git::toHex(id);
        Git::CommitHandle commit;
        Git::TreeHandle tree;
        if (Git::call(commit, git_commit_lookup, repo.get(), &id) < 0
            || Git::call(tree, git_commit_tree, commit.get()) < 0) {
            report.violations << commitId + QStringLiteral(": unreadable");
            continue;
        }
        QMap<QString, QString> blobs;
        for (const QString &env : environments) {
            Git::TreeEntryHandle entry;
            const QByteArray path = "environments/" + env.toUtf8() + "/versions.yaml";
            if (Git::call(entry, git_tree_entry_bypath, tree.get(), path.constData()) < 0) {
                report.violations << commitId + QStringLiteral(": no ") + QString::fromUtf8(path);
                continue;
            }
            blobs.insert(env, Git::toHex(*git_tree_entry_id(entry.get())));
        }
        blobsOfCommit.insert(commitId, blobs);
        const QMap<QString, QString> parentBlobs
            = git_commit_parentcount(commit.get()) > 0
                  ? blobsOfCommit.value(Git::toHex(*git_commit_parent_id(commit.get(), 0)))
                  : QMap<QString, QString>();

        for (auto it = blobs.cbegin(); it != blobs.cend(); ++it) {
            const QString &env = it.key();
            if (parentBlobs.value(env) == it.value())
                continue; // unchanged since the first parent: already checked
            const VersionsFile &now = versionsAt(it.value());
            const QString where = commitId.left(10) + QLatin1Char(' ') + env;
            if (!now.error.isEmpty()) {
                report.violations << where + QStringLiteral(": ") + now.error;
                continue;
            }
            QMap<QString, QString> all = now.components;
            all.insert(now.thirdParty);
            for (auto v = all.cbegin(); v != all.cend(); ++v) {
                if (!isSemver(v.value()))
                    report.violations << where + QStringLiteral(": not semver: ") + v.value();
                if (production.contains(env) && !approved.value(v.key()).contains(v.value()))
                    report.violations
                        << where + QStringLiteral(": unapproved %1 %2").arg(v.key(), v.value());
            }
            for (auto v = now.components.cbegin(); v != now.components.cend(); ++v)
                report.versionsSeen.insert(v.key() + QStringLiteral("/v") + v.value());
            for (auto r = now.requires_.cbegin(); r != now.requires_.cend(); ++r) {
                for (auto need = r.value().cbegin(); need != r.value().cend(); ++need) {
                    const QString have = now.components.value(need.key());
                    if (have.isEmpty() || !satisfies(have, need.value()))
                        report.violations
                            << where
                                   + QStringLiteral(": %1 requires %2 %3, has %4")
                                         .arg(r.key(), need.key(), need.value(), have);
                }
            }
            if (!parentBlobs.contains(env))
                continue;
            const VersionsFile &before = versionsAt(parentBlobs.value(env));
            QMap<QString, QString> old = before.components;
            old.insert(before.thirdParty);
            for (auto v = all.cbegin(); v != all.cend(); ++v) {
                const QString was = old.value(v.key());
                if (!was.isEmpty() && compareVersions(v.value(), was) < 0)
                    report.downgrades << QStringLiteral("%1 %2 %3 %4 -> %5")
                                             .arg(commitId, env, v.key(), was, v.value());
                if (before.locks.contains(v.key()) && now.locks.contains(v.key())
                    && was != v.value())
                    report.violations << where + QStringLiteral(": locked %1 moved").arg(v.key());
            }
        }
    }
    return report;
}

} // namespace DemoCheck
