// SPDX-License-Identifier: GPL-3.0-or-later
// The validation engine's rules on a small repository written like a real one: each row breaks
// one thing and lists exactly what the engine must report, with its location.
#include "TestSupport.h"
#include "ValidationFixture.h"

#include "validation/Engine.h"
#include "validation/ValidationLoader.h"

#include <QTemporaryDir>

using namespace EnvDeck;
using namespace EnvDeck::Validation;

namespace {

// path, text to find, replacement; an empty "find" appends the replacement to the file.
using Edits = QList<QStringList>;

Edits edit(const QString &path, const QString &from, const QString &to)
{
    return {{path, from, to}};
}

bool apply(const QString &root, const Edits &edits)
{
    for (const QStringList &e : edits) {
        QFile file(QDir(root).filePath(e.at(0)));
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning() << "cannot read" << e.at(0);
            return false;
        }
        QString text = QString::fromUtf8(file.readAll());
        file.close();
        if (e.at(1).isEmpty()) {
            text += e.at(2);
        } else {
            const qsizetype at = text.indexOf(e.at(1));
            if (at < 0) {
                qWarning() << "not found in" << e.at(0) << ":" << e.at(1);
                return false;
            }
            text.replace(at, e.at(1).size(), e.at(2));
        }
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        file.write(text.toUtf8());
    }
    return true;
}

// "error locked-component-changed environments/staging/versions.yaml:4:14"
QString describe(const Finding &finding)
{
    QString text = severityName(finding.severity) + u' ' + finding.ruleId;
    if (finding.location.isValid())
        text += u' ' + finding.location.toString();
    return text;
}

const QString Staging = QStringLiteral("environments/staging/versions.yaml");
const QString Dev = QStringLiteral("environments/dev/versions.yaml");
const QString Prod = QStringLiteral("environments/prod/versions.yaml");
const QString Config = QStringLiteral(".envdeck.yaml");
const QString ApprovalFile = QStringLiteral("approvals/staging/2026-11-01-r1.yaml");
const QString WorkerEntry = QStringLiteral("  worker:\n    version: 1.0.0\n    chart: worker\n"
                                           "third_party:\n");

} // namespace

class tst_Validation : public QObject
{
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void environmentFilter();
    void badBaseRevision();
    void everyRuleHasAnId();
};

void tst_Validation::rules_data()
{
    QTest::addColumn<Edits>("baseEdits"); // committed; then the base is HEAD
    QTest::addColumn<bool>("useBase");
    QTest::addColumn<Edits>("edits"); // left in the work tree
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("messagePart"); // in the last expected finding's message

    const QString versionsLine = QStringLiteral("    version: 1.1.0\n");
    QTest::newRow("clean") << Edits{} << false << Edits{} << QStringList{} << QString();
    QTest::newRow("clean, with base") << Edits{} << true << Edits{} << QStringList{} << QString();

    QTest::newRow("yaml-syntax") << Edits{} << false
                                 << edit(Dev, QStringLiteral("version: 1.2.0"),
                                         QStringLiteral("version: [1.2.0"))
                                 << QStringList{QStringLiteral("error yaml-syntax ") + Dev
                                                + QStringLiteral(":5:10")}
                                 << QString();
    QTest::newRow("hcl-syntax")
        << Edits{} << false
        << edit(QStringLiteral("environments/prod/main.tf"), {},
                QStringLiteral("\nresource \"helm_release\" \"broken\" {\n  name = \"x\n"))
        << QStringList{QStringLiteral("error hcl-syntax environments/prod/main.tf:27:10"),
                       QStringLiteral("error hcl-syntax environments/prod/main.tf:28:1")}
        << QStringLiteral("unclosed block 'resource' (opened at 26:34)");
    QTest::newRow("duplicate-key")
        << Edits{} << false
        << edit(Staging, QStringLiteral("    chart: api\n"),
                QStringLiteral("    chart: api\n    version: 1.1.0\n"))
        << QStringList{QStringLiteral("error duplicate-key ") + Staging + QStringLiteral(":6:5")}
        << QStringLiteral("version");
    QTest::newRow("version-syntax")
        << Edits{} << false
        << edit(Dev, QStringLiteral("version: 1.2.0"), QStringLiteral("version: 1.2"))
        << QStringList{QStringLiteral("error version-syntax ") + Dev + QStringLiteral(":4:14")}
        << QStringLiteral("not a semantic version");
    QTest::newRow("version-syntax, own pattern")
        << Edits{} << false
        << edit(Dev, QStringLiteral("    chart: web\n"),
                QStringLiteral("    chart: web\n    pattern: '[0-9]{4}\\.[0-9]{2}'\n"))
        << QStringList{QStringLiteral("error version-syntax ") + Dev + QStringLiteral(":7:14")}
        << QStringLiteral("does not match its pattern");
    QTest::newRow("version-not-in-catalog")
        << Edits{} << false
        << edit(Dev, QStringLiteral("version: 1.2.0"), QStringLiteral("version: 1.3.0"))
        << QStringList{QStringLiteral("error version-not-in-catalog ") + Dev
                       + QStringLiteral(":4:14")}
        << QStringLiteral("1.3.0");
    QTest::newRow("version-not-in-catalog, flow map")
        << Edits{} << false
        << edit(Staging, QStringLiteral("version: 4.9.0"), QStringLiteral("version: 4.7.0"))
        << QStringList{QStringLiteral("warning stale-approval ") + ApprovalFile
                           + QStringLiteral(":10:19"),
                       QStringLiteral("error version-not-in-catalog ") + Staging
                           + QStringLiteral(":11:29")}
        << QStringLiteral("ingress-nginx");
    QTest::newRow("catalog does not cover a component: not checked")
        << Edits{} << false << edit(Dev, QStringLiteral("third_party:\n"), WorkerEntry)
        << QStringList{QStringLiteral("warning unknown-component ") + Dev + QStringLiteral(":10:3"),
                       QStringLiteral("info version-not-in-catalog ") + Dev
                           + QStringLiteral(":11:14")}
        << QStringLiteral("worker");
    QTest::newRow("locked-component-changed")
        << edit(Staging, QStringLiteral("    chart: api\n"),
                QStringLiteral("    chart: api\n    locked: true\n    lock_reason: QA run R-1\n"))
        << true << edit(Staging, QStringLiteral("version: 1.1.0"), QStringLiteral("version: 1.2.0"))
        << QStringList{QStringLiteral("warning stale-approval ") + ApprovalFile
                           + QStringLiteral(":10:19"),
                       QStringLiteral("error locked-component-changed ") + Staging
                           + QStringLiteral(":4:14")}
        << QStringLiteral("QA run R-1");
    QTest::newRow("downgrade") << Edits{} << true
                               << edit(Dev, QStringLiteral("version: 1.2.0"),
                                       QStringLiteral("version: 1.0.0"))
                               << QStringList{QStringLiteral("error downgrade ") + Dev
                                              + QStringLiteral(":4:14")}
                               << QStringLiteral("from 1.2.0 to 1.0.0");
    QTest::newRow("downgrade, allowed")
        << Edits{} << true
        << edit(Dev, QStringLiteral("version: 1.2.0\n"),
                QStringLiteral("version: 1.0.0\n    allow_downgrade: true\n"))
        << QStringList{} << QString();
    QTest::newRow("unapproved-in-production")
        << Edits{} << false
        << edit(Prod, QStringLiteral("version: 1.1.0"), QStringLiteral("version: 1.2.0"))
        << QStringList{QStringLiteral("error unapproved-in-production ") + Prod
                       + QStringLiteral(":4:14")}
        << QStringLiteral("never approved in staging");
    QTest::newRow("requires-violated")
        << Edits{} << false
        << edit(Dev, QStringLiteral("version: 1.2.0"), QStringLiteral("version: 2.0.0"))
        << QStringList{QStringLiteral("error requires-violated ") + Dev + QStringLiteral(":9:22")}
        << QStringLiteral("runs `api` 2.0.0");
    QTest::newRow("requires-violated, missing component")
        << Edits{} << false
        << edit(Dev, QStringLiteral("{ api: \">=1.0.0 <2.0.0\" }"),
                QStringLiteral("{ db: \">=1.0.0\" }"))
        << QStringList{QStringLiteral("error requires-violated ") + Dev + QStringLiteral(":9:21")}
        << QStringLiteral("has no `db`");
    QTest::newRow("unpinned-helm-release")
        << Edits{} << false
        << edit(QStringLiteral("environments/prod/main.tf"), {},
                QStringLiteral("\nresource \"helm_release\" \"extra\" {\n  name  = \"extra\"\n"
                               "  chart = \"extra\"\n}\n"))
        << QStringList{QStringLiteral(
               "warning unpinned-helm-release environments/prod/main.tf:26:1")}
        << QStringLiteral("helm_release.extra");
    QTest::newRow("unknown-environment, missing folder")
        << Edits{} << false
        << edit(Config, QStringLiteral("catalogs:\n"),
                QStringLiteral("  - { name: qa, path: environments/qa, tier: staging }\n"
                               "catalogs:\n"))
        << QStringList{QStringLiteral("error unknown-environment .envdeck.yaml:6:5")}
        << QStringLiteral("environments/qa");
    QTest::newRow("unknown-environment, promotes_from")
        << Edits{} << false
        << edit(Config, QStringLiteral("promotes_from: staging"),
                QStringLiteral("promotes_from: stagin"))
        << QStringList{QStringLiteral("error unknown-environment .envdeck.yaml:5:5"),
                       QStringLiteral("info unapproved-in-production ") + Prod}
        << QStringLiteral("stagin");
    QTest::newRow("stale-approval")
        << Edits{} << false
        << edit(Staging, QStringLiteral("version: 4.9.0"), QStringLiteral("version: 4.8.3"))
        << QStringList{QStringLiteral("warning stale-approval ") + ApprovalFile
                       + QStringLiteral(":10:19")}
        << QStringLiteral("ingress-nginx 4.9.0 → 4.8.3");
    QTest::newRow("approval edited by hand")
        << Edits{} << false
        << edit(ApprovalFile, QStringLiteral("  api: 1.1.0"), QStringLiteral("  api: 1.2.0"))
        << QStringList{QStringLiteral("warning stale-approval ") + ApprovalFile
                           + QStringLiteral(":10:19"),
                       QStringLiteral("error unapproved-in-production ") + Prod
                           + QStringLiteral(":4:14")}
        << QStringLiteral("never approved");
    QTest::newRow("approval unreadable")
        << Edits{} << false
        << edit(ApprovalFile, QStringLiteral("versions:\n"), QStringLiteral("versions: [\n"))
        << QStringList{QStringLiteral("error yaml-syntax ") + ApprovalFile
                           + QStringLiteral(":8:16"),
                       QStringLiteral("info unapproved-in-production ") + Prod}
        << QString();
    QTest::newRow("severity from .envdeck.yaml")
        << Edits{} << false
        << (edit(Dev, QStringLiteral("third_party:\n"), WorkerEntry)
            + edit(Config, {},
                   QStringLiteral("validation:\n  rules:\n    unknown-component: error\n")))
        << QStringList{QStringLiteral("error unknown-component ") + Dev + QStringLiteral(":10:3"),
                       QStringLiteral("info version-not-in-catalog ") + Dev
                           + QStringLiteral(":11:14")}
        << QString();
    QTest::newRow("rule switched off")
        << Edits{} << false
        << (edit(Dev, QStringLiteral("third_party:\n"), WorkerEntry)
            + edit(Config, {},
                   QStringLiteral("validation:\n  rules:\n    unknown-component: off\n")))
        << QStringList{QStringLiteral("info version-not-in-catalog ") + Dev
                       + QStringLiteral(":11:14")}
        << QString();
    QTest::newRow("envdeck-config, unknown rule")
        << Edits{} << false
        << edit(Config, {}, QStringLiteral("validation:\n  rules:\n    no-such-rule: error\n"))
        << QStringList{QStringLiteral("error envdeck-config .envdeck.yaml:10:5")}
        << QStringLiteral("no-such-rule");
}

void tst_Validation::rules()
{
    QFETCH(Edits, baseEdits);
    QFETCH(bool, useBase);
    QFETCH(Edits, edits);
    QFETCH(QStringList, expected);
    QFETCH(QString, messagePart);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const GitFixture fixture(dir.filePath(QStringLiteral("shop")));
    QVERIFY(ValidationFixture::write(fixture));
    QVERIFY(apply(fixture.root(), baseEdits));
    if (!baseEdits.isEmpty())
        QVERIFY(fixture.commit(QStringLiteral("Before the change")));
    QVERIFY(apply(fixture.root(), edits));

    LoadOptions options;
    if (useBase)
        options.base = QStringLiteral("HEAD");
    auto input = loadValidationInput(fixture.root(), options);
    QVERIFY2(input, qPrintable(input ? QString() : input.error().toString()));
    const Report report = validate(*input);

    QStringList actual;
    for (const Finding &finding : report.findings) {
        // Without a base, every run notes that locks and downgrades were not compared.
        if (!useBase && finding.notChecked && !finding.location.isValid())
            continue;
        actual.append(describe(finding));
    }
    if (actual != expected) {
        for (const Finding &finding : report.findings)
            qWarning().noquote() << describe(finding) << "--" << finding.message;
    }
    QCOMPARE(actual, expected);
    if (!messagePart.isEmpty()) {
        const auto last
            = std::find_if(report.findings.cbegin(), report.findings.cend(),
                           [&](const Finding &f) { return describe(f) == expected.last(); });
        QVERIFY(last != report.findings.cend());
        QVERIFY2(last->message.contains(messagePart), qPrintable(last->message));
    }
    for (const Finding &finding : report.findings) {
        QVERIFY(!finding.message.isEmpty());
        QVERIFY(findRule(finding.ruleId));
    }
    QCOMPARE(report.hasErrors(), expected.join(u'\n').contains(QLatin1String("error ")));
}

void tst_Validation::environmentFilter()
{
    QTemporaryDir dir;
    const GitFixture fixture(dir.filePath(QStringLiteral("shop")));
    QVERIFY(ValidationFixture::write(fixture));
    QVERIFY(apply(
        fixture.root(),
        edit(Dev, QStringLiteral("version: 1.2.0"), QStringLiteral("version: 1.3.0"))
            + edit(Prod, QStringLiteral("version: 1.1.0"), QStringLiteral("version: 1.2.0"))));
    auto input = loadValidationInput(fixture.root(), {});
    QVERIFY(input);
    const Report all = validate(*input);
    QCOMPARE(all.count(Severity::Error), 2);
    const Report prod = validate(*input, ValidateOptions{QStringLiteral("prod")});
    QCOMPARE(prod.environments, QStringList{QStringLiteral("prod")});
    QCOMPARE(prod.count(Severity::Error), 1);
    for (const Finding &finding : prod.findings) {
        QVERIFY(finding.environment.isEmpty() || finding.environment == u"prod");
        if (finding.severity == Severity::Error)
            QCOMPARE(finding.location.file, Prod);
    }
}

void tst_Validation::badBaseRevision()
{
    QTemporaryDir dir;
    const GitFixture fixture(dir.filePath(QStringLiteral("shop")));
    QVERIFY(ValidationFixture::write(fixture));
    LoadOptions options;
    options.base = QStringLiteral("no-such-branch");
    auto input = loadValidationInput(fixture.root(), options);
    QVERIFY(!input);
    QVERIFY2(input.error().message().contains(QLatin1String("no-such-branch")),
             qPrintable(input.error().message()));
}

void tst_Validation::everyRuleHasAnId()
{
    QSet<QString> ids;
    for (const RuleInfo &rule : allRules()) {
        QVERIFY(!rule.id.isEmpty());
        QVERIFY(!rule.summary.isEmpty());
        QVERIFY2(!ids.contains(rule.id), qPrintable(rule.id));
        ids.insert(rule.id);
    }
    QCOMPARE(ids.size(), 14);
}

ENVDECK_TEST_MAIN_CORE(tst_Validation)
#include "tst_validation.moc"
