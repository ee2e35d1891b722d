// SPDX-License-Identifier: GPL-3.0-or-later
// Parse throughput of EnvDeck's HCL parser: reads every file of a manifest into memory, then
// parses them all (full trees with positions) several times and reports the best run as JSON:
//   envdeck_bench_hcl MANIFEST [REPETITIONS]
#include "hcl/HclParser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <limits>
#include <vector>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    QTextStream err(stderr);
    if (arguments.size() < 2) {
        err << "usage: envdeck_bench_hcl MANIFEST [REPETITIONS]\n";
        return 2;
    }
    QFile manifest(arguments.at(1));
    if (!manifest.open(QIODevice::ReadOnly)) {
        err << "cannot read " << arguments.at(1) << '\n';
        return 2;
    }
    const int repetitions = arguments.size() > 2 ? qMax(1, arguments.at(2).toInt()) : 5;

    std::vector<std::pair<QString, QByteArray>> files;
    qint64 bytes = 0;
    for (const QByteArray &line : manifest.readAll().split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QString path = QString::fromUtf8(line.trimmed());
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            err << "cannot read " << path << '\n';
            return 2;
        }
        files.emplace_back(path, file.readAll());
        bytes += files.back().second.size();
    }

    qint64 best = std::numeric_limits<qint64>::max();
    qsizetype errors = 0;
    qsizetype items = 0;
    for (int run = 0; run < repetitions; ++run) {
        errors = 0;
        items = 0;
        QElapsedTimer timer;
        timer.start();
        for (const auto &[path, source] : files) {
            const EnvDeck::Hcl::ParseResult result = EnvDeck::Hcl::parse(source, path);
            errors += result.errors.size();
            items += qsizetype(result.file.body.items.size());
        }
        best = qMin(best, timer.nsecsElapsed());
    }
    const double seconds = double(best) / 1e9;
    QTextStream(stdout) << QJsonDocument(
                               QJsonObject{
                                   {QStringLiteral("tool"), QStringLiteral("envdeck")},
                                   {QStringLiteral("files"), qint64(files.size())},
                                   {QStringLiteral("bytes"), bytes},
                                   {QStringLiteral("seconds"), seconds},
                                   {QStringLiteral("mb_per_s"), double(bytes) / 1e6 / seconds},
                                   {QStringLiteral("top_level_items"), qint64(items)},
                                   {QStringLiteral("errors"), qint64(errors)},
                               })
                               .toJson(QJsonDocument::Compact)
                        << '\n';
    return errors == 0 ? 0 : 1;
}
