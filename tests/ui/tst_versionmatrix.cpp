// SPDX-License-Identifier: GPL-3.0-or-later
// The version matrix on the demo repository: what it shows (promotion order, skew, locks,
// problems), and editing as a user does it: change a version, lock and unlock with a reason,
// undo and redo byte for byte, save atomically, and files changed on disk.
#include "GitFixture.h"
#include "Screenshots.h"
#include "TestSupport.h"

#include "ProblemsPanel.h"
#include "VersionMatrixView.h"
#include "approval/Approval.h"
#include "catalog/Semver.h"
#include "demo/DemoRepository.h"
#include "matrix/VersionMatrixModel.h"
#include "matrix/VersionWorkspace.h"
#include "validation/FindingListModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace EnvDeck;

namespace {

constexpr int Timeout = 30000;

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_VersionMatrix : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void showsComponentsByEnvironment();
    void skewIsMarked();
    void filters_data();
    void filters();
    void editUndoRedoIsExact();
    void validationMarksCellsAndProblems();
    void lockAndUnlockAskForAReason();
    void saveWarnsWhileErrorsRemain();
    void problemActivationSelectsCell();
    void fileChangedOnDisk();
    void versionsWrittenInTerraform();
    void screenshots();

private:
    QString stagingFile() const
    {
        return m_repo + QStringLiteral("/environments/staging/versions.yaml");
    }
    QString prodFile() const
    {
        return m_repo + QStringLiteral("/environments/prod-eu/versions.yaml");
    }
    QModelIndex cell(const QString &component, const QString &environment) const
    {
        return m_view->model()->indexOf(component, environment);
    }
    // A version the catalog offers but QA never approved in staging: production may not run it.
    QString unapprovedVersion(const QString &component) const
    {
        const ApprovalList approvals = readApprovals(m_repo, QStringLiteral("staging"));
        for (const QString &version : m_view->workspace()->catalogVersions(component)) {
            if (!approvals.wasApproved(component, version))
                return version;
        }
        return {};
    }
    void waitForValidation() const
    {
        QTRY_VERIFY_WITH_TIMEOUT(!m_view->workspace()->isValidating(), Timeout);
    }

    QTemporaryDir m_tmp;
    QString m_template; // the generated demo, copied for every test function
    QString m_repo;
    int m_run = 0;
    std::unique_ptr<VersionMatrixView> m_view;
    QList<QString> m_questions; // titles of the questions asked
    QStringList m_warnings;     // warnings shown, "title: text"
    QMessageBox::StandardButton m_answer = QMessageBox::Cancel;
    std::optional<QString> m_reason;
};

void tst_VersionMatrix::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_template = m_tmp.filePath(QStringLiteral("template"));
    auto summary = Demo::generate(m_template, Demo::Options{});
    QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));
}

void tst_VersionMatrix::init()
{
    // A fresh copy of the demo for every test: edits and saves must not leak between them.
    m_repo = m_tmp.filePath(QStringLiteral("infra-%1").arg(++m_run));
    QProcess copy;
    copy.start(QStringLiteral("cp"), {QStringLiteral("-a"), m_template, m_repo});
    QVERIFY(copy.waitForFinished(60000) && copy.exitCode() == 0);

    m_view = std::make_unique<VersionMatrixView>();
    m_questions.clear();
    m_answer = QMessageBox::Cancel;
    m_reason.reset();
    m_view->setQuestion([this](const QString &title, const QString &, QMessageBox::StandardButtons,
                               QMessageBox::StandardButton) {
        m_questions << title;
        return m_answer;
    });
    m_view->setReasonPrompt([this](const QString &, const QString &) { return m_reason; });
    m_view->setWarning([this](const QString &title, const QString &text) {
        m_warnings << title + QStringLiteral(": ") + text;
    });
    m_warnings.clear();
    m_view->resize(1200, 760);
    QSignalSpy loaded(m_view.get(), &VersionMatrixView::loaded);
    m_view->setRepository(m_repo);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, Timeout);
    waitForValidation();
}

void tst_VersionMatrix::cleanup()
{
    m_view.reset();
}

void tst_VersionMatrix::showsComponentsByEnvironment()
{
    QAbstractItemModelTester tester(m_view->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(m_view->filter(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    VersionMatrixModel *model = m_view->model();
    QStringList columns;
    for (int c = 0; c < model->columnCount(); ++c)
        columns << model->environmentAt(c);
    // .envdeck.yaml's promotion order
    QCOMPARE(columns, QStringList({QStringLiteral("dev"), QStringLiteral("staging"),
                                   QStringLiteral("prod-eu"), QStringLiteral("prod-us"),
                                   QStringLiteral("contoso")}));

    // Every component of every versions file is a row, with the version written there.
    const VersionDocument *staging = m_view->workspace()->document(QStringLiteral("staging"));
    QVERIFY(staging);
    for (const VersionEntry &entry : staging->entries()) {
        const QModelIndex index = cell(entry.name, QStringLiteral("staging"));
        QVERIFY2(index.isValid(), qPrintable(entry.name));
        QCOMPARE(index.data().toString(), entry.version.text);
        QCOMPARE(index.data(VersionMatrixModel::LockedRole).toBool(), entry.isLocked());
        QCOMPARE(index.data(VersionMatrixModel::ThirdPartyRole).toBool(), entry.thirdParty);
        QCOMPARE(index.data(VersionMatrixModel::LocationRole).toString(),
                 entry.version.location.toString());
    }
    // Third-party charts come after the team's components.
    bool seenThirdParty = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        const bool thirdParty
            = model->headerData(row, Qt::Vertical, VersionMatrixModel::ThirdPartyRole).toBool();
        QVERIFY(!seenThirdParty || thirdParty);
        seenThirdParty = seenThirdParty || thirdParty;
    }
    QVERIFY(seenThirdParty);
}

void tst_VersionMatrix::skewIsMarked()
{
    VersionMatrixModel *model = m_view->model();
    int ahead = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString component = model->componentAt(row);
        const QModelIndex staging = cell(component, QStringLiteral("staging"));
        const QModelIndex prodEu = cell(component, QStringLiteral("prod-eu"));
        const QModelIndex prodUs = cell(component, QStringLiteral("prod-us"));
        const auto version = [](const QModelIndex &index) {
            return Semver::parse(index.data(VersionMatrixModel::VersionRole).toString());
        };
        if (!staging.data(VersionMatrixModel::PresentRole).toBool()
            || !prodEu.data(VersionMatrixModel::PresentRole).toBool())
            continue;
        const auto s = version(staging);
        const auto p = version(prodEu);
        QVERIFY(s && p);
        const int stagingSkew = staging.data(VersionMatrixModel::SkewRole).toInt();
        const int prodSkew = prodEu.data(VersionMatrixModel::SkewRole).toInt();
        if (*p < *s) {
            ++ahead;
            QVERIFY2(stagingSkew & VersionMatrixModel::AheadOfProduction, qPrintable(component));
            QVERIFY2(prodSkew & VersionMatrixModel::BehindStaging, qPrintable(component));
        } else {
            QVERIFY2(!(prodSkew & VersionMatrixModel::BehindStaging), qPrintable(component));
        }
        const bool differ = prodUs.data(VersionMatrixModel::PresentRole).toBool()
                            && prodUs.data().toString() != prodEu.data().toString();
        QCOMPARE(bool(prodSkew & VersionMatrixModel::ProductionsDiffer), differ);
        // contoso is based on prod-eu
        const QModelIndex contoso = cell(component, QStringLiteral("contoso"));
        if (contoso.data(VersionMatrixModel::PresentRole).toBool())
            QCOMPARE(bool(contoso.data(VersionMatrixModel::SkewRole).toInt()
                          & VersionMatrixModel::DiffersFromBase),
                     contoso.data().toString() != prodEu.data().toString());
    }
    QVERIFY2(ahead > 0, "the demo's staging is ahead of prod-eu for some components");
}

void tst_VersionMatrix::filters_data()
{
    QTest::addColumn<QString>("filter");
    QTest::newRow("locked") << QStringLiteral("locked");
    QTest::newRow("skewed") << QStringLiteral("skewed");
    QTest::newRow("third-party only") << QStringLiteral("third-party");
    QTest::newRow("without third-party") << QStringLiteral("no-third-party");
    QTest::newRow("text") << QStringLiteral("text");
}

void tst_VersionMatrix::filters()
{
    QFETCH(QString, filter);
    VersionMatrixModel *model = m_view->model();
    VersionMatrixFilter *proxy = m_view->filter();
    std::function<bool(int)> expected;
    const auto anyCell = [model](int row, int role) {
        for (int c = 0; c < model->columnCount(); ++c) {
            if (model->index(row, c).data(role).toInt() != 0)
                return true;
        }
        return false;
    };
    if (filter == u"locked") {
        proxy->setLockedOnly(true);
        expected = [&](int row) { return anyCell(row, VersionMatrixModel::LockedRole); };
    } else if (filter == u"skewed") {
        proxy->setSkewedOnly(true);
        expected = [&](int row) { return anyCell(row, VersionMatrixModel::SkewRole); };
    } else if (filter == u"third-party") {
        proxy->setThirdParty(VersionMatrixFilter::ThirdParty::Only);
        expected = [&](int row) {
            return model->index(row, 0).data(VersionMatrixModel::ThirdPartyRole).toBool();
        };
    } else if (filter == u"no-third-party") {
        proxy->setThirdParty(VersionMatrixFilter::ThirdParty::Hide);
        expected = [&](int row) {
            return !model->index(row, 0).data(VersionMatrixModel::ThirdPartyRole).toBool();
        };
    } else {
        proxy->setText(QStringLiteral("GATE"));
        expected = [&](int row) { return model->componentAt(row).contains(QLatin1String("gate")); };
    }
    int count = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        count += expected(row) ? 1 : 0;
    QVERIFY(count > 0);
    QVERIFY(count < model->rowCount());
    QCOMPARE(proxy->rowCount(), count);
}

void tst_VersionMatrix::editUndoRedoIsExact()
{
    const QByteArray original = readFile(stagingFile());
    const QModelIndex index = cell(QStringLiteral("catalog"), QStringLiteral("staging"));
    QVERIFY(m_view->model()->flags(index) & Qt::ItemIsEditable);
    const QString before = index.data().toString();
    QVERIFY(m_view->setVersion(QStringLiteral("staging"), QStringLiteral("catalog"),
                               QStringLiteral("9.9.9")));
    QCOMPARE(index.data().toString(), QStringLiteral("9.9.9"));
    QVERIFY(index.data(VersionMatrixModel::ModifiedRole).toBool());
    QVERIFY(m_view->workspace()->isModified(QStringLiteral("staging")));

    // Exactly the version's bytes changed; nothing was written to disk yet.
    const QByteArray edited = m_view->workspace()->document(QStringLiteral("staging"))->bytes();
    QByteArray expected = original;
    const QByteArray oldText = QByteArray("version: ") + before.toUtf8();
    const qsizetype at = expected.indexOf(oldText, expected.indexOf("\n  catalog:"));
    QVERIFY(at > 0);
    expected.replace(at, 9 + before.size(), "version: 9.9.9");
    QCOMPARE(edited, expected);
    QCOMPARE(readFile(stagingFile()), original);

    m_view->undoStack()->undo();
    QCOMPARE(m_view->workspace()->document(QStringLiteral("staging"))->bytes(), original);
    QCOMPARE(index.data().toString(), before);
    QVERIFY(!index.data(VersionMatrixModel::ModifiedRole).toBool());
    QVERIFY(!m_view->workspace()->isModified());
    m_view->undoStack()->redo();
    QCOMPARE(m_view->workspace()->document(QStringLiteral("staging"))->bytes(), expected);
    QCOMPARE(m_view->undoStack()->undoText(), QStringLiteral("Set catalog to 9.9.9 in staging"));

    // A version the document refuses changes nothing and leaves no command behind.
    const int commands = m_view->undoStack()->count();
    QVERIFY(!m_view->setVersion(QStringLiteral("staging"), QStringLiteral("no-such-component"),
                                QStringLiteral("1.0.0")));
    QCOMPARE(m_view->undoStack()->count(), commands);
    QCOMPARE(m_warnings.size(), 1);
    QVERIFY2(m_warnings.first().contains(QLatin1String("no-such-component")),
             qPrintable(m_warnings.first()));
}

void tst_VersionMatrix::validationMarksCellsAndProblems()
{
    // prod-eu may only run what QA approved in staging: a newer catalog version was not.
    const QModelIndex index = cell(QStringLiteral("api-gateway"), QStringLiteral("prod-eu"));
    const QString newest = unapprovedVersion(QStringLiteral("api-gateway"));
    QVERIFY(!newest.isEmpty());
    QVERIFY(index.data(VersionMatrixModel::SeverityRole).toInt() < 0);
    QVERIFY(m_view->setVersion(QStringLiteral("prod-eu"), QStringLiteral("api-gateway"), newest));
    waitForValidation();
    QTRY_COMPARE_WITH_TIMEOUT(index.data(VersionMatrixModel::SeverityRole).toInt(),
                              int(Validation::Severity::Error), Timeout);
    bool listed = false;
    for (const Validation::Finding &finding : m_view->problems()->model()->items()) {
        listed = listed
                 || (finding.ruleId == u"unapproved-in-production"
                     && finding.environment == u"prod-eu" && finding.component == u"api-gateway");
    }
    QVERIFY(listed);
    m_view->undoStack()->undo();
    waitForValidation();
    QTRY_VERIFY_WITH_TIMEOUT(index.data(VersionMatrixModel::SeverityRole).toInt() < 0, Timeout);
}

void tst_VersionMatrix::lockAndUnlockAskForAReason()
{
    const QModelIndex index = cell(QStringLiteral("catalog"), QStringLiteral("staging"));
    m_view->table()->setCurrentIndex(m_view->filter()->mapFromSource(index));
    auto lockAction = m_view->findChild<QAction *>(QStringLiteral("actionLock"));
    auto unlockAction = m_view->findChild<QAction *>(QStringLiteral("actionUnlock"));
    QVERIFY(lockAction && unlockAction);
    QVERIFY(lockAction->isEnabled());
    QVERIFY(!unlockAction->isEnabled());

    m_reason.reset(); // cancelled
    lockAction->trigger();
    QCOMPARE(m_view->undoStack()->count(), 0);

    m_reason = QStringLiteral("QA run R-200");
    lockAction->trigger();
    QCOMPARE(m_view->undoStack()->count(), 1);
    QVERIFY(index.data(VersionMatrixModel::LockedRole).toBool());
    QCOMPARE(index.data(VersionMatrixModel::LockReasonRole).toString(),
             QStringLiteral("QA run R-200"));
    QVERIFY(unlockAction->isEnabled());
    const QByteArray locked = m_view->workspace()->document(QStringLiteral("staging"))->bytes();
    QVERIFY(locked.contains("lock_reason: QA run R-200"));

    m_reason = QStringLiteral("R-200 passed");
    unlockAction->trigger();
    QVERIFY(!index.data(VersionMatrixModel::LockedRole).toBool());
    QCOMPARE(m_view->undoStack()->undoText(),
             QStringLiteral("Unlock catalog in staging: R-200 passed"));
    QCOMPARE(m_view->workspace()->document(QStringLiteral("staging"))->bytes(),
             readFile(stagingFile()));
}

void tst_VersionMatrix::saveWarnsWhileErrorsRemain()
{
    const QByteArray original = readFile(prodFile());
    const QString newest = unapprovedVersion(QStringLiteral("api-gateway"));
    QVERIFY(m_view->setVersion(QStringLiteral("prod-eu"), QStringLiteral("api-gateway"), newest));
    waitForValidation();
    QVERIFY(m_view->workspace()->report().hasErrors());

    m_answer = QMessageBox::Cancel;
    QVERIFY(!m_view->save());
    QCOMPARE(m_questions, QStringList{QStringLiteral("Save with errors?")});
    QCOMPARE(readFile(prodFile()), original);

    m_answer = QMessageBox::Save;
    QVERIFY(m_view->save());
    const QByteArray saved = readFile(prodFile());
    QCOMPARE(saved, m_view->workspace()->document(QStringLiteral("prod-eu"))->bytes());
    QVERIFY(saved != original);
    QVERIFY(!m_view->workspace()->isModified());
    QVERIFY(m_view->undoStack()->isClean());
    // The other environments' files were not touched.
    QCOMPARE(readFile(stagingFile()),
             readFile(m_template + QStringLiteral("/environments/staging/versions.yaml")));
}

void tst_VersionMatrix::problemActivationSelectsCell()
{
    const QString newest = unapprovedVersion(QStringLiteral("api-gateway"));
    QVERIFY(m_view->setVersion(QStringLiteral("prod-us"), QStringLiteral("api-gateway"), newest));
    waitForValidation();
    QTRY_VERIFY_WITH_TIMEOUT(m_view->problems()->model()->rowCount() > 0, Timeout);
    QTableView *problems = m_view->problems()->view();
    int row = -1;
    for (int r = 0; r < problems->model()->rowCount(); ++r) {
        const QModelIndex index = problems->model()->index(r, 0);
        if (index.data(Validation::FindingListModel::EnvironmentRole).toString() == u"prod-us"
            && index.data(Validation::FindingListModel::ComponentRole).toString() == u"api-gateway")
            row = r;
    }
    QVERIFY(row >= 0);
    m_view->problems()->view()->doubleClicked(problems->model()->index(row, 1));
    const QModelIndex current = m_view->filter()->mapToSource(m_view->table()->currentIndex());
    QCOMPARE(current.data(VersionMatrixModel::ComponentRole).toString(),
             QStringLiteral("api-gateway"));
    QCOMPARE(current.data(VersionMatrixModel::EnvironmentRole).toString(),
             QStringLiteral("prod-us"));
}

void tst_VersionMatrix::fileChangedOnDisk()
{
    // Unsaved edits + a change on disk: the user is asked; "keep" keeps the edits.
    QVERIFY(m_view->setVersion(QStringLiteral("staging"), QStringLiteral("catalog"),
                               QStringLiteral("9.9.9")));
    const QByteArray external = readFile(stagingFile()) + "# touched by a colleague\n";
    QSignalSpy changed(m_view->workspace(), &VersionWorkspace::changedOnDisk);
    {
        QFile file(stagingFile());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(external);
    }
    m_answer = QMessageBox::No;
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, Timeout);
    QCOMPARE(m_questions, QStringList{QStringLiteral("File changed on disk")});
    QVERIFY(m_view->workspace()->document(QStringLiteral("staging"))->bytes().contains("9.9.9"));
    QCOMPARE(readFile(stagingFile()), external); // nothing overwritten

    // Without unsaved edits the file is simply read again.
    m_view->undoStack()->undo();
    QVERIFY(m_view->workspace()->reload(QStringLiteral("staging")));
    QVERIFY(!m_view->workspace()->isModified());
    m_questions.clear();
    const QByteArray second = external + "# and again\n";
    {
        QFile file(stagingFile());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(second);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_view->workspace()->document(QStringLiteral("staging"))->bytes(),
                              second, Timeout);
    QVERIFY(m_questions.isEmpty());
}

void tst_VersionMatrix::versionsWrittenInTerraform()
{
    // A repository that writes versions in Terraform itself: a literal, a ref inside a git source
    // and a variable set in terraform.tfvars.
    const GitFixture fixture(m_tmp.filePath(QStringLiteral("terraform-only")));
    QVERIFY(fixture.init());
    const QByteArray mainTf = "resource \"helm_release\" \"redis\" {\n"
                              "  name    = \"redis\"\n"
                              "  chart   = \"redis\"\n"
                              "  version = \"18.1.0\" # pinned for the cache tests\n"
                              "}\n"
                              "\n"
                              "module \"vpc\" {\n"
                              "  source = \"git::https://git.example.io/vpc.git?ref=v1.2.0\"\n"
                              "}\n"
                              "\n"
                              "module \"eks\" {\n"
                              "  source  = \"terraform-aws-modules/eks/aws\"\n"
                              "  version = var.eks_version\n"
                              "}\n"
                              "\n"
                              "variable \"eks_version\" {\n"
                              "  default = \"19.0.0\"\n"
                              "}\n";
    const QByteArray tfvars = "# dev\neks_version = \"19.5.0\"\n";
    QVERIFY(fixture.write(QStringLiteral("environments/dev/main.tf"), mainTf));
    QVERIFY(fixture.write(QStringLiteral("environments/dev/terraform.tfvars"), tfvars));
    QVERIFY(fixture.commit(QStringLiteral("dev")));

    VersionMatrixView view;
    view.setQuestion([](const QString &, const QString &, QMessageBox::StandardButtons,
                        QMessageBox::StandardButton) { return QMessageBox::Save; });
    QStringList warnings;
    view.setWarning([&warnings](const QString &title, const QString &text) {
        warnings << title + QStringLiteral(": ") + text;
    });
    QSignalSpy loaded(&view, &VersionMatrixView::loaded);
    view.setRepository(fixture.root());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, Timeout);
    VersionMatrixModel *model = view.model();
    const auto cellOf = [model](const char *name) {
        return model->indexOf(QString::fromLatin1(name), QStringLiteral("dev"));
    };
    QCOMPARE(cellOf("redis").data().toString(), QStringLiteral("18.1.0"));
    QCOMPARE(cellOf("module.vpc ref").data().toString(), QStringLiteral("v1.2.0"));
    QCOMPARE(cellOf("module.eks").data().toString(), QStringLiteral("19.5.0"));
    QVERIFY(cellOf("redis").data(VersionMatrixModel::TerraformRole).toBool());
    QCOMPARE(cellOf("module.eks").data(VersionMatrixModel::LocationRole).toString(),
             QStringLiteral("environments/dev/terraform.tfvars:2:15"));
    QVERIFY(model->flags(cellOf("module.vpc ref")) & Qt::ItemIsEditable);

    QVERIFY2(
        view.setVersion(QStringLiteral("dev"), QStringLiteral("redis"), QStringLiteral("18.2.0")),
        qPrintable(warnings.join(u'\n')));
    QVERIFY2(view.setVersion(QStringLiteral("dev"), QStringLiteral("module.vpc ref"),
                             QStringLiteral("v1.10.0")),
             qPrintable(warnings.join(u'\n')));
    QVERIFY2(view.setVersion(QStringLiteral("dev"), QStringLiteral("module.eks"),
                             QStringLiteral("20.0.0")),
             qPrintable(warnings.join(u'\n')));
    QByteArray expectedMain = mainTf;
    expectedMain.replace("\"18.1.0\"", "\"18.2.0\"").replace("ref=v1.2.0", "ref=v1.10.0");
    QByteArray expectedVars = tfvars;
    expectedVars.replace("19.5.0", "20.0.0");
    QCOMPARE(view.workspace()->terraformBytes(QStringLiteral("environments/dev/main.tf")),
             expectedMain);
    QCOMPARE(view.workspace()->terraformBytes(QStringLiteral("environments/dev/terraform.tfvars")),
             expectedVars);
    QCOMPARE(cellOf("module.vpc ref").data().toString(), QStringLiteral("v1.10.0"));
    QVERIFY(cellOf("redis").data(VersionMatrixModel::ModifiedRole).toBool());
    // Nothing on disk yet; a second edit of the ref starts from the edited text.
    QCOMPARE(readFile(fixture.root() + QStringLiteral("/environments/dev/main.tf")), mainTf);
    QVERIFY(view.setVersion(QStringLiteral("dev"), QStringLiteral("module.vpc ref"),
                            QStringLiteral("v1.11.0")));
    view.undoStack()->undo();
    QCOMPARE(cellOf("module.vpc ref").data().toString(), QStringLiteral("v1.10.0"));

    // Undo all: the files' bytes are exactly what they were.
    while (view.undoStack()->canUndo())
        view.undoStack()->undo();
    QCOMPARE(view.workspace()->terraformBytes(QStringLiteral("environments/dev/main.tf")), mainTf);
    QCOMPARE(cellOf("redis").data().toString(), QStringLiteral("18.1.0"));
    QVERIFY(!view.workspace()->isModified());
    while (view.undoStack()->canRedo())
        view.undoStack()->redo();
    view.undoStack()->undo(); // back to v1.10.0
    QVERIFY(view.save());
    QCOMPARE(readFile(fixture.root() + QStringLiteral("/environments/dev/main.tf")), expectedMain);
    QCOMPARE(readFile(fixture.root() + QStringLiteral("/environments/dev/terraform.tfvars")),
             expectedVars);
    QVERIFY(!cellOf("redis").data(VersionMatrixModel::ModifiedRole).toBool());
}

void tst_VersionMatrix::screenshots()
{
    // The matrix with skew and one problem (an unapproved version in prod-eu), as in the docs.
    QVERIFY(m_view->setVersion(QStringLiteral("prod-eu"), QStringLiteral("payments"),
                               unapprovedVersion(QStringLiteral("payments"))));
    waitForValidation();
    m_view->selectCell(QStringLiteral("prod-eu"), QStringLiteral("payments"));
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    saveScreenshot(m_view.get(), QStringLiteral("version-matrix.png"));
    saveScreenshot(m_view->problems(), QStringLiteral("problems-panel.png"));
}

ENVDECK_TEST_MAIN_GUI(tst_VersionMatrix)
#include "tst_versionmatrix.moc"
