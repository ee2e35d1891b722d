// SPDX-License-Identifier: GPL-3.0-or-later
// envdeck_hclgen OUTDIR [COUNT] [FIRSTSEED]: writes COUNT random HCL files (seeds FIRSTSEED,
// FIRSTSEED+1, ...) as OUTDIR/gen-<seed>.tf, for checking the generator against the reference.
#include "HclGenerator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream err(stderr);
    if (args.size() < 2) {
        err << "usage: envdeck_hclgen OUTDIR [COUNT] [FIRSTSEED]\n";
        return 2;
    }
    const QString dir = args.at(1);
    const qulonglong count = args.size() > 2 ? args.at(2).toULongLong() : 100;
    const qulonglong first = args.size() > 3 ? args.at(3).toULongLong() : 1;
    if (!QDir().mkpath(dir)) {
        err << "cannot create " << dir << '\n';
        return 1;
    }
    for (qulonglong seed = first; seed < first + count; ++seed) {
        QFile file(dir + QStringLiteral("/gen-%1.tf").arg(seed));
        if (!file.open(QIODevice::WriteOnly)) {
            err << "cannot write " << file.fileName() << '\n';
            return 1;
        }
        file.write(EnvDeck::HclTest::generate(seed).text());
    }
    return 0;
}
