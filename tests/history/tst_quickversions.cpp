// SPDX-License-Identifier: GPL-3.0-or-later
// The history's quick versions reader must give exactly what the full reader (VersionDocument)
// gives, or step aside. Checked on hand-written files and on every versions file in the history of
// a generated demo repository, where it must also accept nearly all (or it would not be quick).

#include "GitFixture.h"
#include "TestSupport.h"

#include "demo/DemoRepository.h"
#include "history/QuickVersions.h"
#include "versions/VersionDocument.h"

#include <QTemporaryDir>

using namespace EnvDeck;
using History::QuickComponent;

namespace {

// What VersionDocument reads, in the quick reader's terms; nullopt when it fails or has problems.
std::optional<QHash<QString, QuickComponent>> fullRead(const QByteArray &bytes)
{
    auto document = VersionDocument::parse(bytes, QStringLiteral("versions.yaml"));
    if (!document || !document->problems().isEmpty())
        return std::nullopt;
    QHash<QString, QuickComponent> components;
    for (const VersionEntry &entry : document->entries())
        components.insert(entry.name,
                          {entry.version.text, entry.isLocked(), entry.lockReason.text});
    return components;
}

QString describe(const std::optional<QHash<QString, QuickComponent>> &components)
{
    if (!components)
        return QStringLiteral("(not read)");
    QStringList lines;
    for (auto it = components->cbegin(); it != components->cend(); ++it)
        lines << QStringLiteral("%1=%2%3%4")
                     .arg(it.key(), it->version, it->locked ? QStringLiteral(" locked") : QString(),
                          it->lockReason.isEmpty() ? QString() : u' ' + it->lockReason);
    lines.sort();
    return lines.join(QStringLiteral("; "));
}

} // namespace

class TestQuickVersions : public QObject
{
    Q_OBJECT

private slots:
    void sameAsTheFullReader_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<bool>("accepted");

        QTest::newRow("block maps and comments")
            << QByteArray("# staging\ncomponents:\n  # note\n  api-gateway:\n    version: 2.4.1\n"
                          "    chart: api-gateway\n    locked: true\n    lock_reason: QA run R-118 "
                          "# why\n  billing:\n    version: 1.9.0\n    requires: { api-gateway: "
                          "\">=2.4.0 <3.0.0\" }\nthird_party:\n  ingress-nginx: { version: 4.8.3, "
                          "repository: https://kubernetes.github.io/ingress-nginx }\n")
            << true;
        QTest::newRow("shorthand and quotes")
            << QByteArray("components:\n  a: 1.2.3\n  b:\n    version: \"2.0.0\"\n    locked: "
                          "'yes'\n")
            << true;
        QTest::newRow("nested requires block")
            << QByteArray("components:\n  a:\n    version: 1.0.0\n    requires:\n      b: "
                          "\">=1\"\n    locked: false\n")
            << true;
        QTest::newRow("other top-level keys")
            << QByteArray("environment: staging\nnotes:\n  owner: qa\ncomponents:\n  a:\n    "
                          "version: 1.0.0\n")
            << true;
        QTest::newRow("anchor") << QByteArray("components:\n  a:\n    version: &v 1.0.0\n  b:\n    "
                                              "version: *v\n")
                                << false;
        QTest::newRow("block scalar")
            << QByteArray("components:\n  a:\n    version: 1.0.0\n    lock_reason: |\n      "
                          "long\n")
            << false;
        QTest::newRow("escapes") << QByteArray("components:\n  a:\n    version: \"1.0\\u0030\"\n")
                                 << false;
        QTest::newRow("duplicate component")
            << QByteArray("components:\n  a: 1.0.0\n  a: 1.0.1\n") << false;
        QTest::newRow("no version") << QByteArray("components:\n  a:\n    chart: a\n") << false;
        QTest::newRow("multi-line flow map")
            << QByteArray("third_party:\n  a: { version: 1.0.0,\n       repository: x }\n")
            << false;
        QTest::newRow("tab") << QByteArray("components:\n\ta: 1.0.0\n") << false;
        QTest::newRow("not yaml") << QByteArray("components:\n  a: [1.0.0\n") << false;
    }

    void sameAsTheFullReader()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(bool, accepted);
        const auto quick = History::readVersionsQuickly(yaml);
        QCOMPARE(quick.has_value(), accepted);
        if (quick)
            QCOMPARE(describe(quick), describe(fullRead(yaml)));
    }

    // Every versions file the demo's history holds, on every branch.
    void everyVersionsFileOfTheDemo()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString repo = dir.filePath(QStringLiteral("infra"));
        Demo::Options options;
        options.endTime = QDateTime(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC);
        auto made = Demo::generate(repo, options);
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().toString()));
        const GitFixture git(repo);
        QStringList blobs;
        for (const QString &line : git.git({QStringLiteral("rev-list"), QStringLiteral("--all"),
                                            QStringLiteral("--objects")})
                                       .split(u'\n', Qt::SkipEmptyParts)) {
            if (line.endsWith(QStringLiteral("/versions.yaml")))
                blobs << line.section(u' ', 0, 0);
        }
        QVERIFY(blobs.size() > 100);
        int accepted = 0;
        for (const QString &blob : std::as_const(blobs)) {
            const QByteArray bytes
                = git.git({QStringLiteral("cat-file"), QStringLiteral("blob"), blob}).toUtf8();
            const auto quick = History::readVersionsQuickly(bytes);
            if (!quick)
                continue;
            ++accepted;
            QCOMPARE(describe(quick), describe(fullRead(bytes)));
        }
        // The demo writes what EnvDeck writes: the quick reader must take (nearly) all of it.
        QVERIFY2(accepted >= blobs.size() * 99 / 100,
                 qPrintable(QStringLiteral("%1 of %2").arg(accepted).arg(blobs.size())));
    }
};

ENVDECK_TEST_MAIN_CORE(TestQuickVersions)
#include "tst_quickversions.moc"
