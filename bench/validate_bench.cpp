// SPDX-License-Identifier: GPL-3.0-or-later
// How long validation takes on a repository: reading everything the rules need (files, catalogs,
// approvals, the base revision) and then the engine itself, best of several runs, as JSON:
//   envdeck_bench_validate REPO [REPETITIONS] [BASE]
#include "git/GitHandle.h"
#include "validation/Engine.h"
#include "validation/ValidationLoader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <limits>

int main(int argc, char *argv[])
{
    EnvDeck::Git::LibGit2 libgit2;
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    QTextStream err(stderr);
    if (arguments.size() < 2) {
        err << "usage: envdeck_bench_validate REPO [REPETITIONS] [BASE]\n";
        return 2;
    }
    const int repetitions = arguments.size() > 2 ? qMax(1, arguments.at(2).toInt()) : 10;
    EnvDeck::Validation::LoadOptions options;
    options.offline = true;
    if (arguments.size() > 3)
        options.base = arguments.at(3);

    qint64 bestLoad = std::numeric_limits<qint64>::max();
    qint64 bestEngine = std::numeric_limits<qint64>::max();
    EnvDeck::Validation::Report report;
    for (int run = 0; run < repetitions; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto input = EnvDeck::Validation::loadValidationInput(arguments.at(1), options);
        if (!input) {
            err << input.error().toString() << '\n';
            return 2;
        }
        bestLoad = qMin(bestLoad, timer.nsecsElapsed());
        timer.restart();
        report = EnvDeck::Validation::validate(*input);
        bestEngine = qMin(bestEngine, timer.nsecsElapsed());
    }
    QTextStream(stdout)
        << QJsonDocument(
               QJsonObject{
                   {QStringLiteral("environments"), qint64(report.environments.size())},
                   {QStringLiteral("findings"), qint64(report.findings.size())},
                   {QStringLiteral("errors"), report.count(EnvDeck::Validation::Severity::Error)},
                   {QStringLiteral("load_ms"), double(bestLoad) / 1e6},
                   {QStringLiteral("engine_ms"), double(bestEngine) / 1e6},
                   {QStringLiteral("total_ms"), double(bestLoad + bestEngine) / 1e6},
               })
               .toJson(QJsonDocument::Compact)
        << '\n';
    return 0;
}
