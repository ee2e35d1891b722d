// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "core/BuildInfo.h"
#include "core/Logging.h"
#include "core/Result.h"

#include <QTemporaryDir>

using namespace EnvDeck;

namespace {

Result<int> parsePort(const QString &text)
{
    bool ok = false;
    const int port = text.toInt(&ok);
    if (!ok || port <= 0 || port > 65535)
        return Error(QStringLiteral("'%1' is not a port").arg(text),
                     SourceLocation{QStringLiteral("cfg.yaml"), 3, 7});
    return port;
}

} // namespace

class TestCore : public QObject
{
    Q_OBJECT

private slots:
    void locationFormatting_data();
    void locationFormatting();
    void resultCarriesValueOrError();
    void errorContext();
    void loggingRoutesCategoriesToFile();
    void buildInfoNamesLibraries();
};

void TestCore::locationFormatting_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("expected");

    QTest::newRow("full") << "environments/dev/versions.yaml" << 4 << 14
                          << "environments/dev/versions.yaml:4:14";
    QTest::newRow("line only") << "main.tf" << 12 << 0 << "main.tf:12";
    QTest::newRow("file only") << ".envdeck.yaml" << 0 << 0 << ".envdeck.yaml";
    QTest::newRow("column without line is dropped") << "a.tf" << 0 << 5 << "a.tf";
}

void TestCore::locationFormatting()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, expected);
    QCOMPARE((SourceLocation{file, line, column}.toString()), expected);
    QCOMPARE(Error(QStringLiteral("bad"), SourceLocation{file, line, column}).toString(),
             expected + QStringLiteral(": bad"));
}

void TestCore::resultCarriesValueOrError()
{
    const auto good = parsePort(QStringLiteral("8080"));
    QVERIFY(good.ok());
    QCOMPARE(*good, 8080);
    const auto bad = parsePort(QStringLiteral("eighty"));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().toString(), QStringLiteral("cfg.yaml:3:7: 'eighty' is not a port"));

    Result<void> done;
    QVERIFY(done.ok());
    Result<void> failed = Error(QStringLiteral("nope"));
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().message(), QStringLiteral("nope"));
}

void TestCore::errorContext()
{
    const Error error
        = Error(QStringLiteral("unexpected end"), SourceLocation{QStringLiteral("x.yaml"), 1, 2})
              .withContext(QStringLiteral("Cannot read x.yaml"));
    QCOMPARE(error.toString(), QStringLiteral("x.yaml:1:2: Cannot read x.yaml: unexpected end"));
}

void TestCore::loggingRoutesCategoriesToFile()
{
    QTemporaryDir tmp;
    const QString file = Logging::install({tmp.path(), Logging::StderrLevel::Off, true});
    QCOMPARE(file, tmp.filePath(QStringLiteral("envdeck.log")));
    qCWarning(lcGit) << "push rejected";
    qCInfo(lcRepo) << "loaded";
    Logging::shutdown();

    QFile log(file);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(log.readAll());
    QVERIFY2(text.contains(QStringLiteral("[envdeck.git] push rejected")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("[envdeck.repo] loaded")), qPrintable(text));
}

void TestCore::buildInfoNamesLibraries()
{
    const QString summary = BuildInfo::summary();
    QVERIFY(summary.startsWith(QStringLiteral("EnvDeck ")));
    QVERIFY(BuildInfo::libgit2Version().startsWith(QStringLiteral("1.5")));
    QVERIFY(BuildInfo::yamlCppVersion().startsWith(QStringLiteral("0.7")));
    QVERIFY(summary.contains(BuildInfo::qtVersion()));
}

ENVDECK_TEST_MAIN_CORE(TestCore)
#include "tst_core.moc"
