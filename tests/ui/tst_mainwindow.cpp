// SPDX-License-Identifier: GPL-3.0-or-later
#include <QApplication>

#include "AboutDialog.h"
#include "Formatting.h"
#include "GitFixture.h"
#include "MainWindow.h"
#include "Screenshots.h"
#include "TestSupport.h"
#include "core/BuildInfo.h"
#include "demo/DemoRepository.h"
#include "repo/EnvironmentListModel.h"

#include <QAction>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QThreadPool>

using namespace EnvDeck;

namespace {

constexpr int LoadTimeout = 60000;

QString canonical(const QString &path)
{
    return QFileInfo(path).canonicalFilePath();
}

QStringList environmentNames(const EnvironmentListModel *model)
{
    QStringList names;
    for (int row = 0; row < model->rowCount(); ++row)
        names << model->index(row, 0).data(EnvironmentListModel::NameRole).toString();
    return names;
}

// A small repository found by convention: environments/<name>/ with a main.tf and a versions.yaml.
// Every name containing "staging" gets a locked component.
bool createFixture(const QString &root, const QStringList &environments)
{
    GitFixture fixture(root);
    if (!fixture.init())
        return false;
    for (const QString &name : environments) {
        const QString folder = QStringLiteral("environments/") + name;
        const QByteArray tf = "module \"network\" {\n  source = \"../../modules/network\"\n}\n"
                              "module \"cluster\" {\n  source = \"../../modules/cluster\"\n}\n";
        QByteArray versions = "components:\n"
                              "  api-gateway:\n    version: 2.4.1\n";
        if (name.contains(QLatin1String("staging")))
            versions += "    locked: true\n    lock_reason: QA regression run R-118\n";
        versions += "  billing:\n    version: 1.9.0\n"
                    "third_party:\n  ingress-nginx: { version: 4.8.3 }\n";
        if (!fixture.write(folder + QStringLiteral("/main.tf"), tf)
            || !fixture.write(folder + QStringLiteral("/versions.yaml"), versions))
            return false;
    }
    return fixture.commit(QStringLiteral("Add environments"));
}

void showWindow(MainWindow &window)
{
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void relativeTime_data();
    void relativeTime();
    void startsOnWelcomePage();
    void demoRepositoryListsEnvironments();
    void filterNarrowsTheList();
    void problemsAreShown();
    void badPaths_data();
    void badPaths();
    void tryAgainAfterTheProblemIsFixed();
    void secondOpenSupersedesFirst();
    void cancelLoadingReturnsToWelcome();
    void reloadKeepsSelection();
    void closeRepository();
    void recentRepositories();
    void dropFolderOpensIt();
    void aboutDialogShowsVersions();
    void openDemoGeneratesAndOpens();
    void demoFailureShowsErrorPage();
    void cancelDemoGeneration();
    void menusAndShortcuts();
    void geometryIsRestored();
    void welcomePageListsRecentRepositories();

private:
    QTemporaryDir m_tmp;
    QString m_demo; // generated once, shared by the tests that only read it
    QString m_fixtureA;
    QString m_fixtureB;
};

void tst_MainWindow::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_demo = m_tmp.filePath(QStringLiteral("infra"));
    Demo::Options options;
    auto summary = Demo::generate(m_demo, options);
    QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));

    m_fixtureA = m_tmp.filePath(QStringLiteral("alpha"));
    m_fixtureB = m_tmp.filePath(QStringLiteral("beta"));
    QVERIFY(createFixture(m_fixtureA, {QStringLiteral("a-dev"), QStringLiteral("a-staging")}));
    QVERIFY(createFixture(m_fixtureB, {QStringLiteral("b-dev"), QStringLiteral("b-staging"),
                                       QStringLiteral("b-prod")}));
}

void tst_MainWindow::init()
{
    QSettings().clear(); // no recent list, geometry or splitter state leaks between tests
}

void tst_MainWindow::relativeTime_data()
{
    QTest::addColumn<qint64>("secondsAgo");
    QTest::addColumn<QString>("expected");

    QTest::newRow("seconds") << qint64(30) << QStringLiteral("just now");
    QTest::newRow("one minute") << qint64(61) << QStringLiteral("a minute ago");
    QTest::newRow("minutes") << qint64(5 * 60) << QStringLiteral("5 minutes ago");
    QTest::newRow("one hour") << qint64(3600) << QStringLiteral("an hour ago");
    QTest::newRow("hours") << qint64(3 * 3600) << QStringLiteral("3 hours ago");
    QTest::newRow("yesterday") << qint64(25 * 3600) << QStringLiteral("yesterday");
    QTest::newRow("days") << qint64(3 * 86400) << QStringLiteral("3 days ago");
    QTest::newRow("weeks") << qint64(20 * 86400) << QStringLiteral("2 weeks ago");
    QTest::newRow("months") << qint64(95 * 86400) << QStringLiteral("3 months ago");
    QTest::newRow("later today") << qint64(-2 * 3600) << QStringLiteral("today at ");
}

void tst_MainWindow::relativeTime()
{
    QFETCH(qint64, secondsAgo);
    QFETCH(QString, expected);
    const QDateTime now(QDate(2026, 3, 10), QTime(12, 0));
    const QString text = Formatting::relativeTime(now.addSecs(-secondsAgo), now);
    QVERIFY2(text.startsWith(expected), qPrintable(text));
    QCOMPARE(
        Formatting::authorAndTime(QStringLiteral("Maria Silva"), now.addSecs(-3 * 86400)),
        QStringLiteral("Maria Silva · %1").arg(Formatting::relativeTime(now.addSecs(-3 * 86400))));
}

void tst_MainWindow::startsOnWelcomePage()
{
    MainWindow window;
    showWindow(window);
    QCOMPARE(window.currentPage(), MainWindow::Page::Welcome);
    auto welcome = window.findChild<QWidget *>(QStringLiteral("welcomePage"));
    QVERIFY(welcome);
    QVERIFY(welcome->isVisible());
    QVERIFY(window.findChild<QPushButton *>(QStringLiteral("welcomeOpenButton"))->isVisible());
    QVERIFY(window.findChild<QPushButton *>(QStringLiteral("welcomeDemoButton"))->isVisible());
    QCOMPARE(window.windowTitle(), QStringLiteral("EnvDeck"));
    QCOMPARE(window.environmentModel()->rowCount(), 0);
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("actionReload"))->isEnabled());
}

void tst_MainWindow::demoRepositoryListsEnvironments()
{
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::repositoryLoaded);
    QSignalSpy failed(&window, &MainWindow::repositoryFailed);
    showWindow(window);
    window.openRepository(m_demo);
    QCOMPARE(window.currentPage(), MainWindow::Page::Loading);
    QVERIFY(window.findChild<QWidget *>(QStringLiteral("loadingPage"))->isVisible());

    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, LoadTimeout);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(canonical(loaded.at(0).at(0).toString()), canonical(m_demo));
    QCOMPARE(window.environmentModel()->rowCount(), 5);
    QCOMPARE(
        environmentNames(window.environmentModel()),
        QStringList({QStringLiteral("dev"), QStringLiteral("staging"), QStringLiteral("prod-eu"),
                     QStringLiteral("prod-us"), QStringLiteral("contoso")}));
    QCOMPARE(window.currentPage(), MainWindow::Page::Repository);
    QCOMPARE(window.windowTitle(), QStringLiteral("infra — EnvDeck"));
    auto list = window.findChild<QListView *>(QStringLiteral("environmentList"));
    QVERIFY(list && list->isVisible());
    QCOMPARE(list->model()->rowCount(), 5);
    QVERIFY(!list->model()->index(0, 0).data(Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(list->model()
                ->index(1, 0)
                .data(Qt::AccessibleTextRole)
                .toString()
                .contains(QStringLiteral("staging")));

    // The first environment is selected on load; staging on request.
    QCOMPARE(window.currentEnvironment(), QStringLiteral("dev"));
    QVERIFY(window.selectEnvironment(QStringLiteral("staging")));
    QCOMPARE(window.currentEnvironment(), QStringLiteral("staging"));

    const Environment *staging = window.snapshot()->findEnvironment(QStringLiteral("staging"));
    QVERIFY(staging);
    QVERIFY(staging->componentCount() > 0);
    ComponentTableModel *components = window.componentModel();
    QCOMPARE(components->rowCount(), staging->componentCount());
    for (int row = 0; row < components->rowCount(); ++row) {
        QCOMPARE(components->index(row, ComponentTableModel::NameColumn)
                     .data(ComponentTableModel::NameRole)
                     .toString(),
                 staging->components.at(row).name);
    }
    int locked = 0;
    for (int row = 0; row < components->rowCount(); ++row)
        locked += components->index(row, 0).data(ComponentTableModel::LockedRole).toBool();
    QVERIFY2(locked > 0, "the demo's staging has locked components");
    QCOMPARE(locked, staging->lockedCount());

    auto table = window.findChild<QTableView *>(QStringLiteral("componentTable"));
    QVERIFY(table && table->isVisible());
    QCOMPARE(table->model()->rowCount(), staging->componentCount());
    auto name = window.findChild<QLabel *>(QStringLiteral("overviewName"));
    QCOMPARE(name->text(), QStringLiteral("staging"));
    auto environments = window.findChild<QLabel *>(QStringLiteral("statusEnvironments"));
    QCOMPARE(environments->text(), QStringLiteral("5 environments"));

    saveScreenshot(&window, QStringLiteral("main-window.png"));

    // The Terraform tab shows the same environment's module calls and Helm releases, with
    // where each version is written.
    auto tabs = window.findChild<QTabWidget *>(QStringLiteral("viewTabs"));
    QVERIFY(tabs);
    QCOMPARE(tabs->tabText(1), QStringLiteral("Diagram"));
    QCOMPARE(tabs->tabText(2), QStringLiteral("Terraform"));
    tabs->setCurrentIndex(2);
    auto modules = window.findChild<QTableView *>(QStringLiteral("moduleTable"));
    auto releases = window.findChild<QTableView *>(QStringLiteral("helmReleaseTable"));
    QVERIFY(modules && modules->isVisible() && releases && releases->isVisible());
    QCOMPARE(modules->model()->rowCount(), staging->moduleCount);
    QCOMPARE(modules->model()->rowCount(), int(staging->terraform.modules.size()));
    QCOMPARE(releases->model()->rowCount(), int(staging->terraform.helmReleases.size()));
    QCOMPARE(releases->model()->rowCount(), staging->componentCount());
    for (int row = 0; row < releases->model()->rowCount(); ++row)
        QVERIFY(releases->model()->index(row, 3).data().toString().startsWith(
            QStringLiteral("environments/staging/versions.yaml:")));
    saveScreenshot(&window, QStringLiteral("terraform-tab.png"));
    tabs->setCurrentIndex(0);
}

void tst_MainWindow::filterNarrowsTheList()
{
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::repositoryLoaded);
    showWindow(window);
    window.openRepository(m_demo);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, LoadTimeout);

    auto filter = window.findChild<QLineEdit *>(QStringLiteral("environmentFilter"));
    auto list = window.findChild<QListView *>(QStringLiteral("environmentList"));
    QVERIFY(filter && list);
    QTest::keyClicks(filter, QStringLiteral("prod-"));
    QCOMPARE(list->model()->rowCount(), 2);
    filter->clear();
    QCOMPARE(list->model()->rowCount(), 5);
}

void tst_MainWindow::problemsAreShown()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString root = tmp.filePath(QStringLiteral("broken"));
    QVERIFY(createFixture(root, {QStringLiteral("dev"), QStringLiteral("staging")}));
    GitFixture fixture(root);
    QVERIFY(fixture.write(QStringLiteral("environments/staging/versions.yaml"),
                          "components:\n  api-gateway: [1.0\n"));
    QVERIFY(fixture.write(QStringLiteral(".envdeck.yaml"), "environments: 5\n"));
    QVERIFY(fixture.commit(QStringLiteral("Break things")));

    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::repositoryLoaded);
    showWindow(window);
    window.openRepository(root);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, LoadTimeout);
    QCOMPARE(window.environmentModel()->rowCount(), 2);

    // Repository-wide: a banner above the panes.
    QVERIFY(!window.snapshot()->problems.isEmpty());
    auto banner = window.findChild<QLabel *>(QStringLiteral("repositoryProblems"));
    QVERIFY(banner && banner->isVisible());
    QVERIFY(banner->text().contains(QStringLiteral(".envdeck.yaml")));

    // Per environment: file:line:column: message under the components.
    auto problems = window.findChild<QListWidget *>(QStringLiteral("problemList"));
    QVERIFY(problems);
    QVERIFY(!problems->isVisible()); // dev is fine
    QVERIFY(window.selectEnvironment(QStringLiteral("staging")));
    QVERIFY(problems->isVisible());
    QVERIFY(problems->count() > 0);
    QVERIFY2(
        problems->item(0)->text().startsWith(QStringLiteral("environments/staging/versions.yaml:")),
        qPrintable(problems->item(0)->text()));
    saveScreenshot(&window, QStringLiteral("problems.png"));
}

void tst_MainWindow::badPaths_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");

    QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("does not exist");
    QTest::newRow("plain file") << QStringLiteral("file") << QStringLiteral("is a file");
    QTest::newRow("not a repository")
        << QStringLiteral("folder") << QStringLiteral("is not a git repository");
    QTest::newRow("empty repository")
        << QStringLiteral("empty") << QStringLiteral("has no commits yet");
}

void tst_MainWindow::badPaths()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QString path = tmp.filePath(QStringLiteral("subject"));
    if (kind == QLatin1String("file")) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a repository\n");
    } else if (kind == QLatin1String("folder")) {
        QVERIFY(QDir().mkpath(path));
    } else if (kind == QLatin1String("empty")) {
        QVERIFY(GitFixture(path).init());
    }

    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::repositoryLoaded);
    QSignalSpy failed(&window, &MainWindow::repositoryFailed);
    showWindow(window);
    window.openRepository(path);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, LoadTimeout);
    QCOMPARE(loaded.size(), 0);
    QVERIFY2(failed.at(0).at(0).toString().contains(expected),
             qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(window.currentPage(), MainWindow::Page::Error);
    QVERIFY(window.findChild<QWidget *>(QStringLiteral("errorPage"))->isVisible());
    QVERIFY(window.errorMessage().contains(expected));
    QVERIFY(window.findChild<QPushButton *>(QStringLiteral("errorTryAgainButton"))->isVisible());
    QVERIFY(window.findChild<QPushButton *>(QStringLiteral("errorOpenAnotherButton"))->isVisible());
    QCOMPARE(window.environmentModel()->rowCount(), 0);
    QVERIFY(window.recentRepositories().isEmpty());
    QCOMPARE(window.windowTitle(), QStringLiteral("subject — EnvDeck"));

    if (kind == QLatin1String("folder"))
        saveScreenshot(&window, QStringLiteral("error.png"));
}

void tst_MainWindow::tryAgainAfterTheProblemIsFixed()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    GitFixture fixture(tmp.filePath(QStringLiteral("late")));
    QVERIFY(fixture.init());

    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::repositoryLoaded);
    QSignalSpy failed(&window, &MainWindow::repositoryFailed);
    showWindow(window);
    window.openRepository(fixture.root());
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, LoadTimeout);

    QVERIFY(createFixture(fixture.root(), {QStringLiteral("dev")}));
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("errorTryAgainButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, LoadTimeout);
    QCOMPARE(window.currentPage(), MainWindow::Page::Repository);
    QCOMPARE(environmentNames(window.environmentModel()), QStringList{QStringLiteral("dev")});
}

void tst_MainWindow::secondOpenSupersedesFirst()
{
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::repositoryLoaded);
    QSignalSpy failed(&window, &MainWindow::repositoryFailed);
    showWindow(window);
    window.openRepository(m_demo); // the larger one, still loading when the second starts
    window.openRepository(m_fixtureB);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, LoadTimeout);
    QTest::qWait(1500); // time for the first load to finish, and to be ignored
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(canonical(loaded.at(0).at(0).toString()), canonical(m_fixtureB));
    QCOMPARE(environmentNames(window.environmentModel()),
             QStringList(
                 {QStringLiteral("b-dev"), QStringLiteral("b-staging"), QStringLiteral("b-prod")}));
    QCOMPARE(window.windowTitle(), QStringLiteral("beta — EnvDeck"));
    QCOMPARE(window.recentRepositories(), QStringList{canonical(m_fixtureB)});
}

void tst_MainWindow::cancelLoadingReturnsToWelcome()
{
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::repositoryLoaded);
    QSignalSpy cancelled(&window, &MainWindow::loadingCancelled);
    showWindow(window);
    window.openRepository(m_demo);
    QVERIFY(window.isLoading());
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("loadingCancelButton")),
                      Qt::LeftButton);
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(!window.isLoading());
    QCOMPARE(window.currentPage(), MainWindow::Page::Welcome);
    QTest::qWait(1000);
    QCOMPARE(loaded.size(), 0);

    // With a repository open, cancelling a second load goes back to it.
    window.openRepository(m_fixtureA);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, LoadTimeout);
    window.openRepository(m_demo);
    window.cancelLoading();
    QCOMPARE(window.currentPage(), MainWindow::Page::Repository);
    QCOMPARE(environmentNames(window.environmentModel()),
             QStringList({QStringLiteral("a-dev"), QStringLiteral("a-staging")}));
    QCOMPARE(window.windowTitle(), QStringLiteral("alpha — EnvDeck"));
}

void tst_MainWindow::reloadKeepsSelection()
{
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::repositoryLoaded);
    showWindow(window);
    window.openRepository(m_fixtureB);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, LoadTimeout);
    QVERIFY(window.selectEnvironment(QStringLiteral("b-staging")));

    auto reload = window.findChild<QAction *>(QStringLiteral("actionReload"));
    QVERIFY(reload->isEnabled());
    QCOMPARE(reload->shortcut(), QKeySequence(Qt::Key_F5));
    reload->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, LoadTimeout);
    QCOMPARE(window.currentEnvironment(), QStringLiteral("b-staging"));
    QCOMPARE(window.componentModel()->rowCount(), 3);
}

void tst_MainWindow::closeRepository()
{
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::repositoryLoaded);
    showWindow(window);
    window.openRepository(m_fixtureA);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, LoadTimeout);

    auto close = window.findChild<QAction *>(QStringLiteral("actionCloseRepository"));
    QVERIFY(close->isEnabled());
    close->trigger();
    QCOMPARE(window.currentPage(), MainWindow::Page::Welcome);
    QCOMPARE(window.environmentModel()->rowCount(), 0);
    QCOMPARE(window.componentModel()->rowCount(), 0);
    QVERIFY(!window.snapshot());
    QCOMPARE(window.windowTitle(), QStringLiteral("EnvDeck"));
    QVERIFY(!close->isEnabled());
}

void tst_MainWindow::recentRepositories()
{
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::repositoryLoaded);
    showWindow(window);
    QVERIFY(window.recentRepositories().isEmpty());

    window.openRepository(m_fixtureA);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, LoadTimeout);
    window.openRepository(m_fixtureB);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, LoadTimeout);
    QCOMPARE(window.recentRepositories(),
             QStringList({canonical(m_fixtureB), canonical(m_fixtureA)}));
    window.openRepository(m_fixtureA);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 3, LoadTimeout);
    QCOMPARE(window.recentRepositories(),
             QStringList({canonical(m_fixtureA), canonical(m_fixtureB)}));
    QCOMPARE(QSettings().value(QStringLiteral("recentRepositories")).toStringList(),
             window.recentRepositories());

    // A path that has gone away stays listed, disabled.
    const QString gone = m_tmp.filePath(QStringLiteral("gone"));
    QSettings().setValue(QStringLiteral("recentRepositories"), window.recentRepositories() << gone);
    auto menu = window.findChild<QMenu *>(QStringLiteral("recentMenu"));
    QVERIFY(menu);
    emit menu->aboutToShow();
    QList<QAction *> entries;
    for (QAction *action : menu->actions()) {
        if (action->data().isValid())
            entries << action;
    }
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(0)->data().toString(), canonical(m_fixtureA));
    QVERIFY(entries.at(0)->isEnabled());
    QCOMPARE(entries.at(2)->data().toString(), gone);
    QVERIFY(!entries.at(2)->isEnabled());

    // Choosing an entry opens it.
    entries.at(1)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 4, LoadTimeout);
    QCOMPARE(canonical(loaded.last().at(0).toString()), canonical(m_fixtureB));

    window.findChild<QAction *>(QStringLiteral("actionClearRecent"))->trigger();
    QVERIFY(window.recentRepositories().isEmpty());
}

void tst_MainWindow::dropFolderOpensIt()
{
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::repositoryLoaded);
    showWindow(window);
    const QPoint centre = window.rect().center();

    QMimeData fileData;
    QFile file(m_tmp.filePath(QStringLiteral("plain.txt")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    fileData.setUrls({QUrl::fromLocalFile(file.fileName())});
    QDragEnterEvent refused(centre, Qt::CopyAction, &fileData, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &refused);
    QVERIFY(!refused.isAccepted());

    QMimeData folderData;
    folderData.setUrls({QUrl::fromLocalFile(m_fixtureB)});
    QDragEnterEvent enter(centre, Qt::CopyAction, &folderData, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());

    QDropEvent drop(QPointF(centre), Qt::CopyAction, &folderData, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QVERIFY(drop.isAccepted());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, LoadTimeout);
    QCOMPARE(canonical(loaded.at(0).at(0).toString()), canonical(m_fixtureB));
    QCOMPARE(window.environmentModel()->rowCount(), 3);
}

void tst_MainWindow::aboutDialogShowsVersions()
{
    MainWindow window;
    showWindow(window);
    window.findChild<QAction *>(QStringLiteral("actionAbout"))->trigger();
    auto dialog = window.findChild<AboutDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());

    QStringList texts;
    for (const QLabel *label : dialog->findChildren<QLabel *>())
        texts << label->text();
    const QString all = texts.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(BuildInfo::libgit2Version()), qPrintable(all));
    QVERIFY(all.contains(BuildInfo::applicationVersion()));
    QVERIFY(all.contains(BuildInfo::qtVersion()));
    QVERIFY(all.contains(BuildInfo::yamlCppVersion()));
    QVERIFY(all.contains(QStringLiteral("GPL-3.0-or-later")));
    saveScreenshot(dialog, QStringLiteral("about.png"));
    dialog->reject();
}

void tst_MainWindow::openDemoGeneratesAndOpens()
{
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::repositoryLoaded);
    QSignalSpy failed(&window, &MainWindow::repositoryFailed);
    showWindow(window);
    const QString location = m_tmp.filePath(QStringLiteral("generated/infra"));
    window.openDemoAt(location);
    QCOMPARE(window.currentPage(), MainWindow::Page::Loading);
    auto step = window.findChild<QLabel *>(QStringLiteral("loadingStep"));
    QVERIFY(step);
    const QString firstStep = step->text();
    const bool progressed
        = QTest::qWaitFor([&] { return step->text() != firstStep || !window.isLoading(); }, 10000);
    if (progressed && window.isLoading())
        saveScreenshot(&window, QStringLiteral("loading.png"));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size() + failed.size(), 1, 3 * LoadTimeout);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(canonical(loaded.at(0).at(0).toString()), canonical(location));
    QCOMPARE(window.environmentModel()->rowCount(), 5);
}

void tst_MainWindow::demoFailureShowsErrorPage()
{
    // A file where the demo folder should go: generation cannot succeed.
    const QString location = m_tmp.filePath(QStringLiteral("occupied"));
    QFile file(location);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("in the way\n");
    file.close();

    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::repositoryLoaded);
    QSignalSpy failed(&window, &MainWindow::repositoryFailed);
    showWindow(window);
    window.openDemoAt(location);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, LoadTimeout);
    QCOMPARE(loaded.size(), 0);
    QCOMPARE(window.currentPage(), MainWindow::Page::Error);
    QVERIFY(!window.errorMessage().isEmpty());
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("errorTitle"))->text(),
             QStringLiteral("Cannot create the demo repository"));

    // Try Again generates again (and fails again here), it does not try to open the folder.
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("errorTryAgainButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, LoadTimeout);
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("errorTitle"))->text(),
             QStringLiteral("Cannot create the demo repository"));
}

void tst_MainWindow::cancelDemoGeneration()
{
    const QString location = m_tmp.filePath(QStringLiteral("cancelled/infra"));
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::repositoryLoaded);
    QSignalSpy failed(&window, &MainWindow::repositoryFailed);
    QSignalSpy cancelled(&window, &MainWindow::loadingCancelled);
    showWindow(window);
    window.openDemoAt(location);
    auto step = window.findChild<QLabel *>(QStringLiteral("loadingStep"));
    const QString firstStep = step->text();
    QTRY_VERIFY_WITH_TIMEOUT(step->text() != firstStep, LoadTimeout); // generation is under way
    window.cancelLoading();
    QCOMPARE(cancelled.size(), 1);
    QCOMPARE(window.currentPage(), MainWindow::Page::Welcome);

    // The generator notices and stops (or had just finished); either way nothing reaches the
    // window. Cleaning up a half-written demo is tested in tests/demo.
    QVERIFY(QThreadPool::globalInstance()->waitForDone(LoadTimeout));
    QCoreApplication::processEvents();
    QCOMPARE(loaded.size(), 0);
    QCOMPARE(failed.size(), 0);

    // And a second attempt starts from scratch.
    window.openDemoAt(location);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size() + failed.size(), 1, 3 * LoadTimeout);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(window.environmentModel()->rowCount(), 5);
}

void tst_MainWindow::menusAndShortcuts()
{
    MainWindow window;
    QStringList menus;
    for (QAction *action : window.menuBar()->actions())
        menus << action->text();
    QCOMPARE(menus, QStringList({QStringLiteral("&File"), QStringLiteral("&Edit"),
                                 QStringLiteral("&Git"), QStringLiteral("&Release"),
                                 QStringLiteral("&View"), QStringLiteral("&Help")}));

    const auto shortcut = [&window](const char *name) {
        auto action = window.findChild<QAction *>(QString::fromLatin1(name));
        return action ? action->shortcut() : QKeySequence();
    };
    QCOMPARE(shortcut("actionOpenRepository"), QKeySequence(Qt::CTRL | Qt::Key_O));
    QCOMPARE(shortcut("actionReload"), QKeySequence(Qt::Key_F5));
    QCOMPARE(shortcut("actionCloseRepository"), QKeySequence(Qt::CTRL | Qt::Key_W));
    QCOMPARE(shortcut("actionQuit"), QKeySequence(Qt::CTRL | Qt::Key_Q));
    QCOMPARE(shortcut("actionSaveVersions"), QKeySequence(QKeySequence::Save));
    QCOMPARE(shortcut("actionUndo"), QKeySequence(QKeySequence::Undo));
    QCOMPARE(shortcut("actionLock"), QKeySequence(Qt::CTRL | Qt::Key_L));
    QCOMPARE(shortcut("actionReviewCommit"), QKeySequence(Qt::CTRL | Qt::Key_K));
    QCOMPARE(shortcut("actionQaReview"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    QCOMPARE(shortcut("actionPromote"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    QCOMPARE(shortcut("actionRollBack"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    // F5 reloads the repository; the merge requests refresh on Shift+F5, so no key is ambiguous.
    QCOMPARE(shortcut("actionRefreshMergeRequests"), QKeySequence(Qt::SHIFT | Qt::Key_F5));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("actionShowMergeRequests")));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("actionOpenDemo")));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("actionAboutQt")));
    QVERIFY(window.findChild<QMenu *>(QStringLiteral("recentMenu")));
}

void tst_MainWindow::geometryIsRestored()
{
    {
        MainWindow window;
        window.resize(900, 640);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.close();
    }
    QVERIFY(QSettings().contains(QStringLiteral("mainWindow/geometry")));
    MainWindow restored;
    QCOMPARE(restored.size(), QSize(900, 640));
}

void tst_MainWindow::welcomePageListsRecentRepositories()
{
    QSettings().setValue(QStringLiteral("recentRepositories"),
                         QStringList({canonical(m_demo), canonical(m_fixtureB),
                                      m_tmp.filePath(QStringLiteral("gone"))}));
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::repositoryLoaded);
    showWindow(window);
    auto recent = window.findChild<QWidget *>(QStringLiteral("welcomeRecentList"));
    QVERIFY(recent && recent->isVisible());
    const QList<QAbstractButton *> buttons = recent->findChildren<QAbstractButton *>();
    QCOMPARE(buttons.size(), 3);
    QCOMPARE(buttons.at(0)->text(), QStringLiteral("infra"));
    QVERIFY(buttons.at(0)->isEnabled());
    QVERIFY(!buttons.at(2)->isEnabled());
    saveScreenshot(&window, QStringLiteral("welcome.png"));

    QTest::mouseClick(buttons.at(1), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, LoadTimeout);
    QCOMPARE(canonical(loaded.at(0).at(0).toString()), canonical(m_fixtureB));
}

ENVDECK_TEST_MAIN_GUI(tst_MainWindow)

#include "tst_mainwindow.moc"
