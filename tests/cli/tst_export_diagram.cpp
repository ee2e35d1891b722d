// SPDX-License-Identifier: GPL-3.0-or-later
// `envdeck export-diagram` as CI runs it: no display, the real binary, the demo repository. The
// SVG holds every module and release label as text; the PNG is a real image; mistakes are usage
// errors with a clear message.

#include "CliRunner.h"
#include "TestSupport.h"

#include "demo/DemoRepository.h"
#include "diagram/Graph.h"
#include "repo/RepositoryLoader.h"

#include <QFile>
#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace EnvDeck;

namespace {

// The text of every <text> element of an SVG file; empty with `error` set when it is not XML.
QSet<QString> svgTexts(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QSet<QString> texts;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"text")
            texts.insert(xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed());
    }
    if (xml.hasError())
        *error = xml.errorString();
    return texts;
}

} // namespace

class TestExportDiagram : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demo;
    QString m_home;

    Diagram::Graph graph(const QString &environment) const
    {
        auto snapshot = RepositoryLoader::load(m_demo, {}, RepositoryLoader::History::Skip);
        const Environment *found = snapshot ? snapshot->findEnvironment(environment) : nullptr;
        return found ? Diagram::buildGraph(*found) : Diagram::Graph();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath(QStringLiteral("infra"));
        m_home = m_dir.filePath(QStringLiteral("home"));
        Demo::Options options;
        options.commits = 20;
        options.endTime = QDateTime(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC);
        auto made = Demo::generate(m_demo, options);
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().toString()));
    }

    void svgHoldsEveryLabel_data()
    {
        QTest::addColumn<QString>("environment");
        QTest::addColumn<QString>("compare");
        for (const char *environment : {"dev", "staging", "prod-eu", "prod-us", "contoso"})
            QTest::newRow(environment) << QString::fromLatin1(environment) << QString();
        QTest::newRow("contoso compared with prod-eu")
            << QStringLiteral("contoso") << QStringLiteral("prod-eu");
        QTest::newRow("prod-eu compared with contoso")
            << QStringLiteral("prod-eu") << QStringLiteral("contoso");
    }

    void svgHoldsEveryLabel()
    {
        QFETCH(QString, environment);
        QFETCH(QString, compare);
        const QString output
            = m_dir.filePath(environment + u'-' + compare + QStringLiteral(".svg"));
        QStringList arguments{QStringLiteral("export-diagram"), m_demo,
                              QStringLiteral("--env"),          environment,
                              QStringLiteral("--output"),       output};
        if (!compare.isEmpty())
            arguments << QStringLiteral("--compare") << compare;
        const CliRun run = runEnvdeck(arguments, m_home);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.outText().startsWith(QStringLiteral("Wrote ")), qPrintable(run.outText()));

        QString error;
        const QSet<QString> texts = svgTexts(output, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        Diagram::Graph drawn = graph(environment);
        QVERIFY(!drawn.nodes.isEmpty());
        if (!compare.isEmpty()) {
            // What only the other environment has is drawn too, as removed.
            const Diagram::Graph other = graph(compare);
            for (const Diagram::Node &node : other.nodes) {
                if (!drawn.node(node.id))
                    drawn.nodes.append(node);
            }
        }
        for (const Diagram::Node &node : drawn.nodes) {
            if (node.kind == Diagram::NodeKind::Module
                || node.kind == Diagram::NodeKind::HelmRelease)
                QVERIFY2(texts.contains(node.label), qPrintable(node.id));
        }
    }

    void pngIsAnImage()
    {
        const QString output = m_dir.filePath(QStringLiteral("staging.png"));
        const CliRun run
            = runEnvdeck({QStringLiteral("export-diagram"), m_demo, QStringLiteral("--env"),
                          QStringLiteral("staging"), QStringLiteral("-o"), output},
                         m_home);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QImage image(output);
        QVERIFY(!image.isNull());
        // Drawn at twice the scene's size: far larger than an empty page.
        QVERIFY2(image.width() > 1000 && image.height() > 1000,
                 qPrintable(QStringLiteral("%1x%2").arg(image.width()).arg(image.height())));
    }

    void mistakes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no environment")
            << QStringList{QStringLiteral("--output"), QStringLiteral("x.svg")}
            << QStringLiteral("--env and --output are required");
        QTest::newRow("no output") << QStringList{QStringLiteral("--env"), QStringLiteral("dev")}
                                   << QStringLiteral("--env and --output are required");
        QTest::newRow("unknown environment")
            << QStringList{QStringLiteral("--env"), QStringLiteral("qa"),
                           QStringLiteral("--output"), QStringLiteral("x.svg")}
            << QStringLiteral("no environment named 'qa'; the repository has: dev, staging, "
                              "prod-eu, prod-us, contoso");
        QTest::newRow("unknown comparison")
            << QStringList{QStringLiteral("--env"),     QStringLiteral("dev"),
                           QStringLiteral("--compare"), QStringLiteral("prod"),
                           QStringLiteral("--output"),  QStringLiteral("x.svg")}
            << QStringLiteral("no environment named 'prod'");
        QTest::newRow("other format")
            << QStringList{QStringLiteral("--env"), QStringLiteral("dev"),
                           QStringLiteral("--output"), QStringLiteral("x.pdf")}
            << QStringLiteral("x.pdf: the output must end in .svg or .png");
    }

    void mistakes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliRun run
            = runEnvdeck(QStringList{QStringLiteral("export-diagram"), m_demo} + arguments, m_home);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.svg"))));
    }

    void unwritableOutputFails()
    {
        const QString output = m_dir.filePath(QStringLiteral("missing/folder/staging.svg"));
        const CliRun run
            = runEnvdeck({QStringLiteral("export-diagram"), m_demo, QStringLiteral("--env"),
                          QStringLiteral("staging"), QStringLiteral("--output"), output},
                         m_home);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("staging.svg")), qPrintable(run.err));
        QVERIFY(!QFile::exists(output));
    }
};

ENVDECK_TEST_MAIN_CORE(TestExportDiagram)
#include "tst_export_diagram.moc"
