// SPDX-License-Identifier: GPL-3.0-or-later
// `envdeck history` as CI runs it: the real binary, no display, on a generated demo repository.
// Every event it prints must be one the generator wrote (its ledger), and nothing may be missing.

#include "CliRunner.h"
#include "TestSupport.h"

#include "demo/DemoRepository.h"
#include "history/DeploymentEvent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>

using namespace EnvDeck;
using History::DeploymentEvent;

namespace {

// One event as a line that holds every field the JSON output promises.
QString key(const QString &environment, const QString &component, const QString &from,
            const QString &to, const QString &kind, const QString &commit, const QString &author,
            const QString &date, const QString &mergeRequest)
{
    return QStringList{environment, component, from, to, kind, commit, author, date, mergeRequest}
        .join(u'|');
}

QString key(const DeploymentEvent &event)
{
    return key(event.environment, event.component, event.from, event.to,
               History::kindName(event.kind), event.commit, event.author,
               event.date.toUTC().toString(Qt::ISODate), event.mergeRequest);
}

QString key(const QJsonObject &object)
{
    const auto field
        = [&](const char *name) { return object.value(QLatin1String(name)).toString(); };
    return key(field("environment"), field("component"), field("from"), field("to"), field("kind"),
               field("commit"), field("author"), field("date"), field("merge_request"));
}

} // namespace

class TestHistoryCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_repo;
    QString m_home;
    QList<DeploymentEvent> m_ledger;

    QStringList expected(const std::function<bool(const DeploymentEvent &)> &keep) const
    {
        QStringList keys;
        for (const DeploymentEvent &event : m_ledger) {
            if (keep(event))
                keys << key(event);
        }
        std::sort(keys.begin(), keys.end());
        return keys;
    }

    static QStringList printed(const CliRun &run)
    {
        QStringList keys;
        const QJsonArray list = QJsonDocument::fromJson(run.out).array();
        for (const QJsonValue &value : list)
            keys << key(value.toObject());
        std::sort(keys.begin(), keys.end());
        return keys;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_repo = m_dir.filePath(QStringLiteral("infra"));
        m_home = m_dir.filePath(QStringLiteral("home"));
        Demo::Options options;
        options.commits = 160;
        options.endTime = QDateTime(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC);
        auto made = Demo::generate(m_repo, options);
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().toString()));
        m_ledger = made->events;
        QVERIFY(m_ledger.size() > 20);
    }

    void jsonHasEveryEvent_data()
    {
        QTest::addColumn<QStringList>("filters");
        QTest::addColumn<QString>("environment");
        QTest::addColumn<QString>("component");
        QTest::addColumn<QString>("since");

        QTest::newRow("all") << QStringList{} << QString() << QString() << QString();
        QTest::newRow("staging") << QStringList{QStringLiteral("--env"), QStringLiteral("staging")}
                                 << QStringLiteral("staging") << QString() << QString();
        QTest::newRow("prod-eu, billing")
            << QStringList{QStringLiteral("--env"), QStringLiteral("prod-eu"),
                           QStringLiteral("--component"), QStringLiteral("billing")}
            << QStringLiteral("prod-eu") << QStringLiteral("billing") << QString();
        QTest::newRow("since a date")
            << QStringList{QStringLiteral("--since"), QStringLiteral("2026-10-01")} << QString()
            << QString() << QStringLiteral("2026-10-01T00:00:00Z");
    }

    void jsonHasEveryEvent()
    {
        QFETCH(QStringList, filters);
        QFETCH(QString, environment);
        QFETCH(QString, component);
        QFETCH(QString, since);
        const CliRun run
            = runEnvdeck(QStringList{QStringLiteral("history"), m_repo, QStringLiteral("--format"),
                                     QStringLiteral("json")}
                             + filters,
                         m_home);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QDateTime from = QDateTime::fromString(since, Qt::ISODate);
        const QStringList wanted = expected([&](const DeploymentEvent &event) {
            return (environment.isEmpty() || event.environment == environment)
                   && (component.isEmpty() || event.component == component)
                   && (!from.isValid() || event.date >= from);
        });
        QVERIFY(!wanted.isEmpty());
        QCOMPARE(printed(run), wanted);
    }

    void jsonCommitsAreFullIds()
    {
        const CliRun run = runEnvdeck(
            {QStringLiteral("history"), m_repo, QStringLiteral("--format"), QStringLiteral("json")},
            m_home);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonArray list = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(list.size(), m_ledger.size());
        for (const QJsonValue &value : list) {
            const QString commit = value.toObject().value(QStringLiteral("commit")).toString();
            QCOMPARE(commit.size(), 40);
            QVERIFY(QDateTime::fromString(value.toObject().value(QStringLiteral("date")).toString(),
                                          Qt::ISODate)
                        .isValid());
        }
    }

    void csvAndText()
    {
        const CliRun csv = runEnvdeck(
            {QStringLiteral("history"), m_repo, QStringLiteral("--format"), QStringLiteral("csv")},
            m_home);
        QVERIFY2(csv.exitCode == 0, qPrintable(csv.err));
        const QStringList rows = csv.outText().split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(rows.first(),
                 QStringLiteral("date,environment,component,kind,from,to,commit,author,"
                                "author_email,merge_request,path,lock_reason"));
        QCOMPARE(rows.size() - 1, m_ledger.size());

        const CliRun text = runEnvdeck({QStringLiteral("history"), m_repo}, m_home);
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        const QStringList lines = text.outText().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), m_ledger.size());
        // One line a deployment: date, environment, component, from → to, commit, author.
        const auto deploy = std::find_if(m_ledger.cbegin(), m_ledger.cend(), [](const auto &e) {
            return e.kind == DeploymentEvent::Kind::Deploy;
        });
        QVERIFY(deploy != m_ledger.cend());
        const QString line = deploy->environment + QStringLiteral("  ") + deploy->component
                             + QStringLiteral("  ") + deploy->from + QStringLiteral(" → ")
                             + deploy->to + QStringLiteral("  ") + deploy->commit.left(8);
        QVERIFY2(text.outText().contains(line), qPrintable(line));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown environment")
            << QStringList{QStringLiteral("--env"), QStringLiteral("qa")}
            << QStringLiteral("no environment named 'qa'; the repository has: dev, staging");
        QTest::newRow("bad date") << QStringList{QStringLiteral("--since"), QStringLiteral("May")}
                                  << QStringLiteral("--since 'May' is not a date");
        QTest::newRow("bad format")
            << QStringList{QStringLiteral("--format"), QStringLiteral("xml")}
            << QStringLiteral("unknown format 'xml'");
    }

    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliRun run
            = runEnvdeck(QStringList{QStringLiteral("history"), m_repo} + arguments, m_home);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void notARepository()
    {
        const CliRun run = runEnvdeck(
            {QStringLiteral("history"), m_dir.filePath(QStringLiteral("nowhere"))}, m_home);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith(QStringLiteral("envdeck history: ")), qPrintable(run.err));
    }
};

ENVDECK_TEST_MAIN_CORE(TestHistoryCli)
#include "tst_history_cli.moc"
