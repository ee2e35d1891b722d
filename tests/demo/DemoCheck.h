// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

// Test helpers that read a generated demo repository back: the git CLI, yaml-cpp, and a replay of
// the whole history through libgit2 that checks the rules later validation issues rely on, at
// every commit.
namespace DemoCheck {

// A Friday: the tests' histories end at 17:00 UTC on it.
QDateTime fixedEnd();
// dev, staging, prod-eu, prod-us, contoso, and the last three.
QStringList defaultEnvironments();
QSet<QString> defaultProduction();

struct GitRun
{
    int exitCode = -1;
    QString out;
    QString err;
};
// `git -C dir args...`
GitRun git(const QString &dir, const QStringList &args);
QStringList lines(const QString &text);
QByteArray readFile(const QString &path);
// The parsed file, or a null node and `*error` set.
YAML::Node loadYaml(const QString &path, QString *error);
QString str(const YAML::Node &node);

// component -> every version some approval in <repository>/approvals/staging lists.
QMap<QString, QSet<QString>> approvedVersions(const QString &repository);
// The versions of the approval with the highest release number.
QMap<QString, QString> newestApproval(const QString &repository);

struct VersionsFile
{
    QMap<QString, QString> components; // team components
    QMap<QString, QString> thirdParty;
    QMap<QString, QString> locks;                    // component -> lock_reason
    QMap<QString, QMap<QString, QString>> requires_; // component -> required -> range
    QString error;                                   // non-empty when the file did not parse
};

VersionsFile parseVersions(const QByteArray &yaml);

// -1, 0, 1 like strcmp; versions must be MAJOR.MINOR.PATCH.
int compareVersions(const QString &a, const QString &b);
bool isSemver(const QString &version);
// ">=2.0.0 <3.0.0"
bool satisfies(const QString &version, const QString &range);

struct HistoryReport
{
    int commits = 0;
    QStringList violations;     // human-readable, empty when every rule held
    QStringList downgrades;     // "<commit> <environment> <component> <from> -> <to>"
    QSet<QString> versionsSeen; // "<component>/v<version>" for every team component version
};

// Walks every commit reachable from refs/heads/main of `repository` and checks in each
// environment's versions.yaml: versions are semver, `requires` ranges hold, locked staging
// components do not move, production only runs versions from `approved` (component -> versions).
// Downgrades are reported, not judged.
HistoryReport replay(const QString &repository, const QStringList &environments,
                     const QSet<QString> &production, const QMap<QString, QSet<QString>> &approved);

} // namespace DemoCheck
