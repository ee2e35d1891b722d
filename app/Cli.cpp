// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"
#include "CliCommands.h"

#include "core/BuildInfo.h"
#include "demo/DemoRepository.h"
#include "repo/RepositoryLoader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

#include <functional>

namespace EnvDeck::Cli {
namespace {

struct Command
{
    const char *name;
    const char *summary;
    const char *arguments; // for the usage line
    std::function<void(QCommandLineParser &)> declare;
    std::function<int(const QCommandLineParser &, QTextStream &, QTextStream &)> run;
};

QCommandLineOption option(const QString &name, const QString &description,
                          const QString &valueName = {}, const QString &defaultValue = {})
{
    return QCommandLineOption(QStringList{name}, description, valueName, defaultValue);
}

// Reads an integer option; false (with a message) when it is not a number in [min, max].
bool intOption(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max,
               qint64 &value, QTextStream &err)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qint64 parsed = parser.value(name).toLongLong(&ok);
    if (!ok || parsed < min || parsed > max) {
        err << "envdeck: --" << name << " must be a whole number from " << min << " to " << max
            << ", not '" << parser.value(name) << "'\n";
        return false;
    }
    value = parsed;
    return true;
}

int runDemoRepo(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        err << "envdeck demo-repo: expected exactly one DIR (see envdeck demo-repo --help)\n";
        return Usage;
    }

    Demo::Options options;
    qint64 seed = qint64(options.seed);
    qint64 environments = options.environments;
    qint64 modules = options.modules;
    qint64 components = options.components;
    qint64 commits = options.commits;
    if (!intOption(parser, QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max(), seed, err)
        || !intOption(parser, QStringLiteral("environments"), 3, 60, environments, err)
        || !intOption(parser, QStringLiteral("modules"), 6, 5000, modules, err)
        || !intOption(parser, QStringLiteral("components"), 2, 200, components, err)
        || !intOption(parser, QStringLiteral("commits"), 20, 100000, commits, err))
        return Usage;
    options.seed = quint64(seed);
    options.environments = int(environments);
    options.modules = int(modules);
    options.components = int(components);
    options.commits = int(commits);
    if (parser.isSet(QStringLiteral("end-date"))) {
        const QDate date = QDate::fromString(parser.value(QStringLiteral("end-date")), Qt::ISODate);
        if (!date.isValid()) {
            err << "envdeck demo-repo: --end-date must be a date like 2026-11-20\n";
            return Usage;
        }
        options.endTime = QDateTime(date, QTime(17, 0), Qt::UTC);
    }

    const bool quiet = parser.isSet(QStringLiteral("quiet"));
    int lastPercent = -1;
    QElapsedTimer timer;
    timer.start();
    const QString directory = QDir::cleanPath(QDir::current().absoluteFilePath(positional.first()));
    auto summary
        = Demo::generate(directory, options, [&](int done, int total, const QString &step) {
              if (quiet || total <= 0)
                  return true;
              const int percent = int(qint64(done) * 100 / total);
              if (percent / 10 != lastPercent / 10) {
                  err << "  " << percent << "% " << step << '\n';
                  err.flush();
                  lastPercent = percent;
              }
              return true;
          });
    if (!summary) {
        err << "envdeck demo-repo: " << summary.error().toString() << '\n';
        return Failed;
    }
    out << "Created the demo repository " << summary->workTree << '\n'
        << "  origin (bare):  " << summary->originPath << '\n'
        << "  environments:   " << summary->environments << '\n'
        << "  .tf files:      " << summary->terraformFiles << '\n'
        << "  commits:        " << summary->commits << " (" << summary->merges << " merges) by "
        << summary->authors << " authors, " << summary->firstCommitTime.date().toString(Qt::ISODate)
        << " to " << summary->lastCommitTime.date().toString(Qt::ISODate) << '\n'
        << "  tags:           " << summary->tags << '\n'
        << "  HEAD:           " << summary->headId << '\n'
        << "  took:           " << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s\n";
    return Success;
}

QJsonObject toJson(const Environment &environment)
{
    QJsonObject object;
    object[u"name"] = environment.name;
    object[u"tier"] = tierToString(environment.tier);
    object[u"path"] = environment.path;
    if (!environment.promotesFrom.isEmpty())
        object[u"promotes_from"] = environment.promotesFrom;
    if (!environment.base.isEmpty())
        object[u"base"] = environment.base;
    object[u"discovered_by"] = environment.discoveredBy;
    if (!environment.varsFile.isEmpty())
        object[u"vars_file"] = environment.varsFile;
    object[u"modules"] = environment.moduleCount;
    object[u"components"] = environment.componentCount();
    object[u"locked"] = environment.lockedCount();
    if (environment.lastChange.isValid()) {
        object[u"last_change"] = QJsonObject{
            {QStringLiteral("commit"), environment.lastChange.id},
            {QStringLiteral("summary"), environment.lastChange.summary},
            {QStringLiteral("author"), environment.lastChange.authorName},
            {QStringLiteral("date"), environment.lastChange.authorTime.toString(Qt::ISODate)},
        };
    }
    QJsonArray problems;
    for (const Error &problem : environment.problems)
        problems.append(problem.toString());
    object[u"problems"] = problems;
    return object;
}

int runEnvironments(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        err << "envdeck environments: expected at most one REPO\n";
        return Usage;
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != u"text" && format != u"json") {
        err << "envdeck environments: --format must be text or json, not '" << format << "'\n";
        return Usage;
    }
    const QString path = positional.isEmpty() ? QDir::currentPath() : positional.first();
    auto snapshot = RepositoryLoader::load(path);
    if (!snapshot) {
        err << "envdeck environments: " << snapshot.error().toString() << '\n';
        return Usage;
    }

    int problemCount = int(snapshot->problems.size());
    for (const Environment &environment : snapshot->environments)
        problemCount += int(environment.problems.size());

    if (format == u"json") {
        QJsonArray environments;
        for (const Environment &environment : snapshot->environments)
            environments.append(toJson(environment));
        QJsonArray problems;
        for (const Error &problem : snapshot->problems)
            problems.append(problem.toString());
        const QJsonObject root{
            {QStringLiteral("repository"), snapshot->rootPath},
            {QStringLiteral("branch"), snapshot->branch},
            {QStringLiteral("head"), snapshot->head.id},
            {QStringLiteral("discovery"), snapshot->discovery},
            {QStringLiteral("environments"), environments},
            {QStringLiteral("problems"), problems},
        };
        out << QJsonDocument(root).toJson(QJsonDocument::Indented);
    } else {
        out << qSetFieldWidth(14) << Qt::left << "ENVIRONMENT" << qSetFieldWidth(12) << "TIER"
            << qSetFieldWidth(28) << "PATH" << qSetFieldWidth(9) << "MODULES" << qSetFieldWidth(12)
            << "COMPONENTS" << qSetFieldWidth(8) << "LOCKED" << qSetFieldWidth(0)
            << "LAST CHANGE\n";
        for (const Environment &e : snapshot->environments) {
            out << qSetFieldWidth(14) << e.name << qSetFieldWidth(12) << tierToString(e.tier)
                << qSetFieldWidth(28) << e.path << qSetFieldWidth(9) << e.moduleCount
                << qSetFieldWidth(12) << e.componentCount() << qSetFieldWidth(8) << e.lockedCount()
                << qSetFieldWidth(0);
            if (e.lastChange.isValid())
                out << e.lastChange.authorTime.date().toString(Qt::ISODate) << ' '
                    << e.lastChange.authorName << " (" << e.lastChange.shortId() << ')';
            out << '\n';
        }
        for (const Error &problem : snapshot->problems)
            err << problem.toString() << '\n';
        for (const Environment &e : snapshot->environments) {
            for (const Error &problem : e.problems)
                err << problem.toString() << '\n';
        }
        if (snapshot->environments.isEmpty())
            err << "envdeck environments: " << snapshot->rootPath << " has " << snapshot->discovery
                << '\n';
    }
    return problemCount == 0 ? Success : Failed;
}

const QList<Command> &commands()
{
    static const QList<Command> list{
        {"demo-repo", "Create the demo repository (and its bare origin beside it)", "DIR",
         [](QCommandLineParser &p) {
             p.addPositionalArgument(
                 QStringLiteral("DIR"),
                 QStringLiteral("Folder to create; must not exist or be empty. "
                                "The bare origin is created as DIR-origin.git."));
             p.addOption(option(QStringLiteral("seed"), QStringLiteral("Random seed (default 42)."),
                                QStringLiteral("N")));
             p.addOption(option(QStringLiteral("environments"),
                                QStringLiteral("Number of environments, 3-60 (default 5)."),
                                QStringLiteral("N")));
             p.addOption(
                 option(QStringLiteral("modules"),
                        QStringLiteral("Number of building-block modules, 6-5000 (default 12)."),
                        QStringLiteral("N")));
             p.addOption(
                 option(QStringLiteral("components"),
                        QStringLiteral("Number of the team's components, 2-200 (default 12)."),
                        QStringLiteral("N")));
             p.addOption(
                 option(QStringLiteral("commits"),
                        QStringLiteral("Number of commits on main, 20-100000 (default 320)."),
                        QStringLiteral("N")));
             p.addOption(
                 option(QStringLiteral("end-date"),
                        QStringLiteral("Date of the newest commit, YYYY-MM-DD (default: today, or "
                                       "yesterday before 17:00 UTC). "
                                       "The same seed and end date give the same commit ids."),
                        QStringLiteral("DATE")));
             p.addOption(option(QStringLiteral("quiet"), QStringLiteral("Do not print progress.")));
         },
         runDemoRepo},
        {"environments", "List the environments of a repository", "[REPO]",
         [](QCommandLineParser &p) {
             p.addPositionalArgument(
                 QStringLiteral("REPO"),
                 QStringLiteral("Repository work tree (default: the current folder)."),
                 QStringLiteral("[REPO]"));
             p.addOption(option(QStringLiteral("format"),
                                QStringLiteral("Output format: text or json (default text)."),
                                QStringLiteral("FORMAT"), QStringLiteral("text")));
         },
         runEnvironments},
        {"inspect",
         "Show each environment's modules, Helm releases (with where each version is written), "
         "secrets and components",
         "[REPO]", declareInspect, runInspect},
        {"hcl2json", "Print HCL files as JSON, in the shape of HashiCorp's converter", "FILE...",
         declareHcl2Json, runHcl2Json},
        {"validate",
         "Check versions, locks, approvals and files; exit 1 when there are errors (for CI)",
         "[REPO]", declareValidate, runValidate},
        {"bump",
         "Change one component's version or lock, commit it, and optionally push it and open a "
         "merge request",
         "[REPO] --env E --component C --version V", declareBump, runBump},
        {"approve",
         "Record QA's approval (or --reject) of an environment's exact version set and commit it",
         "[REPO] --env E [--comment C] [--reject] [--checklist ITEM=RESULT[:NOTE]...]",
         declareApprove, runApprove},
        {"promote",
         "Promote approved versions to production environments as one commit and merge request",
         "[REPO] --from E --to E1[,E2...] [--components A,B] [--override-reason R]", declarePromote,
         runPromote},
        {"rollback",
         "Set an environment back to an earlier approval or git revision as one commit and merge "
         "request",
         "[REPO] --env E --to APPROVAL-ID|REV", declareRollback, runRollback},
        {"merge-requests", "List, merge or close the local (git-only) merge requests", "[REPO]",
         declareMergeRequests, runMergeRequests},
        {"export-diagram", "Draw an environment's diagram (optionally compared) to SVG or PNG",
         "[REPO] --env E [--compare E2] --output FILE.svg|FILE.png", declareExportDiagram,
         runExportDiagram},
        {"history",
         "Print the deployment history read from Git: who changed which version where, when, "
         "through which merge request",
         "[REPO] [--env E] [--component C] [--since DATE] [--format text|csv|json]",
         declareHistory, runHistory},
    };
    return list;
}

const Command *findCommand(const QString &name)
{
    for (const Command &command : commands()) {
        if (name == QLatin1String(command.name))
            return &command;
    }
    return nullptr;
}

} // namespace

bool isHeadless(const QString &argument)
{
    static const QStringList flags{QStringLiteral("--help"), QStringLiteral("-h"),
                                   QStringLiteral("--version"), QStringLiteral("-v"),
                                   QStringLiteral("help")};
    if (flags.contains(argument) || findCommand(argument) != nullptr)
        return true;
    // Not an option and not an existing path: a mistyped command, answered without a window.
    return !argument.startsWith(QLatin1Char('-')) && !QFileInfo::exists(argument);
}

bool drawsWithoutWindow(const QString &argument)
{
    return argument == u"export-diagram";
}

QString usage()
{
    QString text = QStringLiteral("Usage: envdeck [--read-only] [--demo | REPO]\n"
                                  "       envdeck <command> [options]\n"
                                  "\n"
                                  "Without a command, EnvDeck opens its window (on REPO, or on the "
                                  "demo repository with --demo).\n"
                                  "\n"
                                  "Commands (run without a display):\n");
    for (const Command &command : commands())
        text += QStringLiteral("  %1%2\n")
                    .arg(QString::fromLatin1(command.name), -16)
                    .arg(QString::fromLatin1(command.summary));
    text += QStringLiteral(
        "\n"
        "Options:\n"
        "  --demo          Open the demo repository (created on first use)\n"
        "  --read-only     Open the window with every editing action hidden (for QA and\n"
        "                  reviewers); approving stays possible\n"
        "  -h, --help      Show this help; 'envdeck <command> --help' for a command\n"
        "  -v, --version   Show the versions of EnvDeck and its libraries\n");
    return text;
}

int run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.isEmpty()) {
        err << usage();
        return Usage;
    }
    const QString first = arguments.first();
    if (first == u"--version" || first == u"-v") {
        out << BuildInfo::summary() << '\n';
        return Success;
    }
    if (first == u"--help" || first == u"-h" || (first == u"help" && arguments.size() == 1)) {
        out << usage();
        return Success;
    }
    QStringList rest = arguments.mid(1);
    QString name = first;
    if (first == u"help") {
        name = arguments.at(1);
        rest = {QStringLiteral("--help")};
    }

    const Command *command = findCommand(name);
    if (!command) {
        err << "envdeck: unknown command '" << name << "'\n\n" << usage();
        return Usage;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromLatin1(command->summary));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    command->declare(parser);

    QStringList parseArguments{QStringLiteral("envdeck ") + name};
    parseArguments += rest;
    if (!parser.parse(parseArguments)) {
        err << "envdeck " << name << ": " << parser.errorText() << '\n';
        return Usage;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        // QCommandLineParser names the program after argv[0]; show the real invocation.
        text.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")),
                     QStringLiteral("Usage: envdeck ") + name);
        out << text;
        return Success;
    }
    return command->run(parser, out, err);
}

} // namespace EnvDeck::Cli
