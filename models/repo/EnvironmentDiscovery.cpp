// SPDX-License-Identifier: GPL-3.0-or-later
#include "EnvironmentDiscovery.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace EnvDeck {
namespace {

// Folders whose sub-folders are environments by convention, in the order they are tried.
const char *const ConventionalRoots[] = {"environments", "envs", "live", "stacks", "deployments"};

// How deep account/region nesting below a conventional root is followed.
constexpr int MaxNesting = 4;

QStringList subfolders(const QDir &dir)
{
    QStringList result;
    // Symlinked folders are not followed: they can loop, and they usually point at shared modules.
    for (const QString &name :
         dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks, QDir::Name)) {
        if (!isIgnoredFolder(name))
            result << name;
    }
    return result;
}

bool hasTerraform(const QDir &dir)
{
    return !dir.entryList({QStringLiteral("*.tf")}, QDir::Files).isEmpty();
}

int countUnits(const QDir &dir, int depth = 0)
{
    if (depth > MaxNesting + 2)
        return 0;
    int units = dir.exists(QStringLiteral("terragrunt.hcl")) ? 1 : 0;
    for (const QString &child : subfolders(dir))
        units += countUnits(QDir(dir.filePath(child)), depth + 1);
    return units;
}

Environment makeEnvironment(const QString &name, const QString &path, const QString &how)
{
    Environment environment;
    environment.name = name;
    environment.path = path;
    environment.tier = guessTierFromName(name);
    environment.discoveredBy = how;
    return environment;
}

// Walks `relative` (a folder below the conventional root `rootName`) looking for root modules.
void findNested(const QDir &repo, const QString &rootName, const QString &relative, int depth,
                const QString &versionsFile, QList<Environment> &found)
{
    const QString path = rootName + QLatin1Char('/') + relative;
    const QDir dir(repo.filePath(path));
    if (hasTerraform(dir) || dir.exists(versionsFile)
        || dir.exists(QStringLiteral("terragrunt.hcl"))) {
        found << makeEnvironment(relative, path, rootName + QStringLiteral("/*"));
        return;
    }
    if (depth == 0 && countUnits(dir) > 0) {
        Environment environment
            = makeEnvironment(relative, path, rootName + QStringLiteral("/* (Terragrunt)"));
        found << environment;
        return;
    }
    if (depth >= MaxNesting)
        return;
    for (const QString &child : subfolders(dir))
        findNested(repo, rootName, relative + QLatin1Char('/') + child, depth + 1, versionsFile,
                   found);
}

QList<Environment> discoverFolders(const QDir &repo, const QString &versionsFile)
{
    QList<Environment> found;
    for (const char *conventional : ConventionalRoots) {
        const QString rootName = QString::fromLatin1(conventional);
        const QDir rootDir(repo.filePath(rootName));
        if (!rootDir.exists())
            continue;
        for (const QString &child : subfolders(rootDir))
            findNested(repo, rootName, child, 0, versionsFile, found);
        if (!found.isEmpty())
            break;
    }
    return found;
}

// One root module, a .tfvars file per environment: dev.tfvars next to the .tf files, or in a
// vars/, tfvars/, env/ or environments/ folder beside them.
QList<Environment> discoverTfvars(const QDir &repo)
{
    QList<Environment> found;
    QStringList moduleFolders{QString()};
    for (const QString &child : subfolders(repo))
        moduleFolders << child;
    for (const QString &moduleFolder : moduleFolders) {
        const QDir module(moduleFolder.isEmpty() ? repo.path() : repo.filePath(moduleFolder));
        if (!hasTerraform(module))
            continue;
        const QString prefix = moduleFolder.isEmpty() ? QString() : moduleFolder + QLatin1Char('/');
        for (const QString &varsFolder :
             {QString(), QStringLiteral("vars"), QStringLiteral("tfvars"), QStringLiteral("env"),
              QStringLiteral("environments")}) {
            const QDir vars(varsFolder.isEmpty() ? module.path() : module.filePath(varsFolder));
            for (const QString &file :
                 vars.entryList({QStringLiteral("*.tfvars")}, QDir::Files, QDir::Name)) {
                if (file == u"terraform.tfvars" || file.endsWith(QLatin1String(".auto.tfvars")))
                    continue;
                const QString name = file.chopped(int(qstrlen(".tfvars")));
                Environment environment = makeEnvironment(
                    name, moduleFolder.isEmpty() ? QStringLiteral(".") : moduleFolder,
                    QStringLiteral("*.tfvars"));
                environment.varsFile
                    = prefix + (varsFolder.isEmpty() ? QString() : varsFolder + QLatin1Char('/'))
                      + file;
                found << environment;
            }
        }
        if (!found.isEmpty())
            break;
    }
    return found;
}

// `terraform.workspace == "prod"` (either side) in the root module's .tf files.
QList<Environment> discoverWorkspaces(const QDir &repo)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"re(terraform\.workspace\s*[!=]=\s*"([^"]+)"|"([^"]+)"\s*[!=]=\s*terraform\.workspace)re"));
    QStringList names;
    for (const QString &file : repo.entryList({QStringLiteral("*.tf")}, QDir::Files, QDir::Name)) {
        QFile input(repo.filePath(file));
        if (!input.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(input.read(4 * 1024 * 1024));
        auto matches = pattern.globalMatch(text);
        while (matches.hasNext()) {
            const auto match = matches.next();
            const QString name
                = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
            if (!names.contains(name))
                names << name;
        }
    }
    QList<Environment> found;
    for (const QString &name : names)
        found << makeEnvironment(name, QStringLiteral("."), QStringLiteral("terraform.workspace"));
    return found;
}

} // namespace

bool isIgnoredFolder(const QString &name)
{
    static const QSet<QString> ignored{
        QStringLiteral(".terraform"), QStringLiteral(".terragrunt-cache"),
        QStringLiteral("modules"),    QStringLiteral("examples"),
        QStringLiteral("example"),    QStringLiteral("test"),
        QStringLiteral("tests"),      QStringLiteral("fixtures"),
        QStringLiteral("testdata"),   QStringLiteral("node_modules")};
    return name.startsWith(QLatin1Char('.')) || ignored.contains(name.toLower());
}

int countTerragruntUnits(const QString &folder)
{
    return countUnits(QDir(folder));
}

void sortByPromotionOrder(QList<Environment> &environments)
{
    std::stable_sort(environments.begin(), environments.end(),
                     [](const Environment &a, const Environment &b) {
                         if (promotionRank(a.tier) != promotionRank(b.tier))
                             return promotionRank(a.tier) < promotionRank(b.tier);
                         return a.name < b.name;
                     });
}

DiscoveryResult discoverEnvironments(const QString &root, const QString &versionsFile)
{
    const QDir repo(root);
    DiscoveryResult result;
    result.environments = discoverFolders(repo, versionsFile);
    if (!result.environments.isEmpty()) {
        result.summary = result.environments.first().discoveredBy;
    } else if (result.environments = discoverTfvars(repo); !result.environments.isEmpty()) {
        result.summary = QStringLiteral("one root module with a .tfvars file per environment");
    } else if (result.environments = discoverWorkspaces(repo); !result.environments.isEmpty()) {
        result.summary = QStringLiteral("workspaces named in the root module");
    } else {
        result.summary = QStringLiteral(
            "no environments: no .envdeck.yaml, no Terraform root modules under environments/, "
            "envs/, live/, stacks/ or deployments/, no per-environment .tfvars and no workspaces");
    }
    sortByPromotionOrder(result.environments);
    return result;
}

} // namespace EnvDeck
