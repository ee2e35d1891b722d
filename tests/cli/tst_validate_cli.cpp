// SPDX-License-Identifier: GPL-3.0-or-later
// `envdeck validate` as CI runs it: the real binary, no display, golden output in all four
// formats, exit codes, the JUnit report against its schema and the SARIF report read back.
#include "CliRunner.h"
#include "TestSupport.h"
#include "ValidationFixture.h"

#include "core/BuildInfo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

namespace {

using Run = CliRun;

Run envdeck(const QStringList &arguments, const QString &home)
{
    return runEnvdeck(arguments, home);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool replaceIn(const QString &path, const QByteArray &from, const QByteArray &to)
{
    QByteArray text = readFile(path);
    if (!text.contains(from))
        return false;
    text.replace(from, to);
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

QString goldenPath(const QString &name)
{
    return QStringLiteral(ENVDECK_SOURCE_DIR "/tests/cli/golden/") + name;
}

} // namespace

class TestValidateCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void golden_data();
    void golden();
    void junitMatchesSchema();
    void sarifReadsBack();
    void exitCodes_data();
    void exitCodes();
    void outputFileIsWrittenWhole();
    void demoRepositoryValidatesClean();

private:
    QTemporaryDir m_home;
    QString m_repo; // the shop fixture with four problems
};

void TestValidateCli::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_repo = m_home.filePath(QStringLiteral("shop"));
    const GitFixture fixture(m_repo);
    QVERIFY(ValidationFixture::write(fixture));
    const QString environments = m_repo + QStringLiteral("/environments/");
    // dev: a version the catalog does not have; prod: a version QA never approved; staging: a
    // third-party chart moved after the approval, and a component nothing deploys.
    QVERIFY(replaceIn(environments + QStringLiteral("dev/versions.yaml"), "version: 1.2.0",
                      "version: 1.3.0"));
    QVERIFY(replaceIn(environments + QStringLiteral("prod/versions.yaml"), "version: 1.1.0",
                      "version: 1.2.0"));
    QVERIFY(replaceIn(environments + QStringLiteral("staging/versions.yaml"), "version: 4.9.0",
                      "version: 4.8.3"));
    QVERIFY(replaceIn(environments + QStringLiteral("staging/versions.yaml"), "third_party:\n",
                      "  worker:\n    version: 1.0.0\n    chart: worker\nthird_party:\n"));
}

void TestValidateCli::golden_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("golden");
    QTest::newRow("text") << QStringLiteral("text") << QStringLiteral("validate.txt");
    QTest::newRow("json") << QStringLiteral("json") << QStringLiteral("validate.json");
    QTest::newRow("junit") << QStringLiteral("junit") << QStringLiteral("validate.junit.xml");
    QTest::newRow("sarif") << QStringLiteral("sarif") << QStringLiteral("validate.sarif.json");
}

void TestValidateCli::golden()
{
    QFETCH(QString, format);
    QFETCH(QString, golden);
    const Run run = envdeck(
        {QStringLiteral("validate"), m_repo, QStringLiteral("--format"), format}, m_home.path());
    QVERIFY2(run.exitCode == 1, qPrintable(run.err));
    // The version of EnvDeck is the only part that may differ between builds.
    QByteArray actual = run.out;
    actual.replace(EnvDeck::BuildInfo::applicationVersion().toUtf8(), "@VERSION@");
    if (qEnvironmentVariableIsSet("ENVDECK_UPDATE_GOLDEN")) {
        QFile file(goldenPath(golden));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(actual);
    }
    const QByteArray expected = readFile(goldenPath(golden));
    QVERIFY2(!expected.isEmpty(), qPrintable(goldenPath(golden)));
    if (actual != expected)
        qWarning().noquote() << "actual output:\n" << actual;
    QCOMPARE(actual, expected);
}

void TestValidateCli::junitMatchesSchema()
{
    const QString report = m_home.filePath(QStringLiteral("report.xml"));
    const Run run = envdeck({QStringLiteral("validate"), m_repo, QStringLiteral("--format"),
                             QStringLiteral("junit"), QStringLiteral("--output"), report},
                            m_home.path());
    QCOMPARE(run.exitCode, 1);
    // With --output the compiler-style summary still reaches the log.
    QVERIFY2(run.err.contains(QLatin1String("error: ")), qPrintable(run.err));
    QProcess xmllint;
    xmllint.start(QStringLiteral("xmllint"),
                  {QStringLiteral("--noout"), QStringLiteral("--schema"),
                   QStringLiteral(ENVDECK_SOURCE_DIR "/tests/validation/junit.xsd"), report});
    QVERIFY2(xmllint.waitForFinished(60000),
             "xmllint did not finish (is libxml2-utils installed?)");
    QVERIFY2(xmllint.exitStatus() == QProcess::NormalExit && xmllint.exitCode() == 0,
             xmllint.readAllStandardError().constData());

    // A broken report must fail the same check: the schema is not a formality.
    QByteArray broken = readFile(report);
    broken.replace("<testcase ", "<testcase bogus=\"1\" ");
    const QString brokenPath = m_home.filePath(QStringLiteral("broken.xml"));
    QFile file(brokenPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(broken);
    file.close();
    xmllint.start(QStringLiteral("xmllint"),
                  {QStringLiteral("--noout"), QStringLiteral("--schema"),
                   QStringLiteral(ENVDECK_SOURCE_DIR "/tests/validation/junit.xsd"), brokenPath});
    QVERIFY(xmllint.waitForFinished(60000));
    QVERIFY(xmllint.exitCode() != 0);
}

void TestValidateCli::sarifReadsBack()
{
    const Run sarif = envdeck(
        {QStringLiteral("validate"), m_repo, QStringLiteral("--format"), QStringLiteral("sarif")},
        m_home.path());
    const Run json = envdeck(
        {QStringLiteral("validate"), m_repo, QStringLiteral("--format"), QStringLiteral("json")},
        m_home.path());
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(sarif.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(root.value(u"version").toString(), QStringLiteral("2.1.0"));
    const QJsonArray runs = root.value(u"runs").toArray();
    QCOMPARE(runs.size(), 1);
    const QJsonObject driver
        = runs.at(0).toObject().value(u"tool").toObject().value(u"driver").toObject();
    QCOMPARE(driver.value(u"name").toString(), QStringLiteral("EnvDeck"));
    const QJsonArray rules = driver.value(u"rules").toArray();
    const QJsonArray results = runs.at(0).toObject().value(u"results").toArray();
    const QJsonArray findings
        = QJsonDocument::fromJson(json.out).object().value(u"findings").toArray();
    QCOMPARE(results.size(), findings.size());
    QVERIFY(results.size() >= 5);
    for (qsizetype i = 0; i < results.size(); ++i) {
        const QJsonObject result = results.at(i).toObject();
        const QJsonObject finding = findings.at(i).toObject();
        const int ruleIndex = result.value(u"ruleIndex").toInt(-1);
        QVERIFY(ruleIndex >= 0 && ruleIndex < rules.size());
        QCOMPARE(rules.at(ruleIndex).toObject().value(u"id").toString(),
                 result.value(u"ruleId").toString());
        QCOMPARE(result.value(u"ruleId").toString(), finding.value(u"rule").toString());
        const QString level = result.value(u"level").toString();
        QVERIFY2(QStringList({QStringLiteral("error"), QStringLiteral("warning"),
                              QStringLiteral("note"), QStringLiteral("none")})
                     .contains(level),
                 qPrintable(level));
        if (finding.value(u"file").isNull())
            continue;
        const QJsonObject physical = result.value(u"locations")
                                         .toArray()
                                         .at(0)
                                         .toObject()
                                         .value(u"physicalLocation")
                                         .toObject();
        QCOMPARE(physical.value(u"artifactLocation").toObject().value(u"uri").toString(),
                 finding.value(u"file").toString());
        if (!finding.value(u"line").isNull()) {
            QCOMPARE(physical.value(u"region").toObject().value(u"startLine").toInt(),
                     finding.value(u"line").toInt());
        }
    }
}

void TestValidateCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("errors found") << QStringList{} << 1 << QString();
    QTest::newRow("one clean environment")
        << QStringList{QStringLiteral("--env"), QStringLiteral("staging")} << 0 << QString();
    QTest::newRow("unknown environment")
        << QStringList{QStringLiteral("--env"), QStringLiteral("qa")} << 2
        << QStringLiteral("no environment 'qa'");
    QTest::newRow("bad format") << QStringList{QStringLiteral("--format"), QStringLiteral("xml")}
                                << 2 << QStringLiteral("--format must be");
    QTest::newRow("unknown base") << QStringList{QStringLiteral("--base"),
                                                 QStringLiteral("no-such-branch")}
                                  << 2 << QStringLiteral("no-such-branch");
    QTest::newRow("base") << QStringList{QStringLiteral("--base"), QStringLiteral("HEAD"),
                                         QStringLiteral("--env"), QStringLiteral("dev")}
                          << 1 << QString();
}

void TestValidateCli::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run run
        = envdeck(QStringList{QStringLiteral("validate"), m_repo} + arguments, m_home.path());
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.err));
    if (!message.isEmpty())
        QVERIFY2(run.err.contains(message), qPrintable(run.err));

    const Run notARepository = envdeck(
        {QStringLiteral("validate"), m_home.filePath(QStringLiteral("nowhere"))}, m_home.path());
    QCOMPARE(notARepository.exitCode, 2);
}

void TestValidateCli::outputFileIsWrittenWhole()
{
    const QString report = m_home.filePath(QStringLiteral("no-such-folder/report.json"));
    const Run run = envdeck({QStringLiteral("validate"), m_repo, QStringLiteral("--format"),
                             QStringLiteral("json"), QStringLiteral("--output"), report},
                            m_home.path());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("cannot write")), qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(report));
}

void TestValidateCli::demoRepositoryValidatesClean()
{
    const QString demo = m_home.filePath(QStringLiteral("demo"));
    QCOMPARE(envdeck({QStringLiteral("demo-repo"), demo, QStringLiteral("--quiet"),
                      QStringLiteral("--end-date"), QStringLiteral("2026-11-20")},
                     m_home.path())
                 .exitCode,
             0);
    const Run run
        = envdeck({QStringLiteral("validate"), demo, QStringLiteral("--base"),
                   QStringLiteral("HEAD~1"), QStringLiteral("--format"), QStringLiteral("json")},
                  m_home.path());
    QVERIFY2(run.exitCode == 0, qPrintable(QString::fromUtf8(run.out) + run.err));
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value(u"environments").toArray().size(), 5);
    const QJsonObject summary = report.value(u"summary").toObject();
    QCOMPARE(summary.value(u"errors").toInt(), 0);
    QCOMPARE(summary.value(u"warnings").toInt(), 0);
    // Every component is covered by a catalog of the demo (git tags and a Helm index).
    for (const QJsonValue &finding : report.value(u"findings").toArray())
        QVERIFY2(!finding.toObject().value(u"not_checked").toBool(),
                 qPrintable(finding.toObject().value(u"message").toString()));
}

ENVDECK_TEST_MAIN_CORE(TestValidateCli)
#include "tst_validate_cli.moc"
