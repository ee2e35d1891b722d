// SPDX-License-Identifier: GPL-3.0-or-later
// The merge requests EnvDeck opened: the list model (columns, roles, a state refreshed in place)
// and the panel around it (empty state, open in browser, refresh, errors with Retry).
#include <QApplication>

#include "MergeRequestsPanel.h"
#include "Screenshots.h"
#include "TestSupport.h"
#include "forge/MergeRequestListModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>

using namespace EnvDeck;
using Forge::MergeRequest;
using Forge::MergeRequestListModel;
using Forge::MergeRequestState;
using Forge::Provider;

namespace {

QList<MergeRequest> mergeRequests(const QDateTime &now)
{
    MergeRequest open;
    open.provider = Provider::GitLab;
    open.number = 42;
    open.reference = QStringLiteral("!42");
    open.title = QStringLiteral("Promote payments-api 2.7.3 to prod-eu");
    open.sourceBranch = QStringLiteral("envdeck/payments-api-2.7.3");
    open.targetBranch = QStringLiteral("main");
    open.webUrl
        = QUrl(QStringLiteral("https://gitlab.example.io/platform/infra/-/merge_requests/42"));
    open.author = QStringLiteral("Maria Silva");
    open.created = now.addSecs(-2 * 3600);
    MergeRequest merged = open;
    merged.number = 39;
    merged.reference = QStringLiteral("!39");
    merged.title = QStringLiteral("Lock cert-manager in staging");
    merged.sourceBranch = QStringLiteral("envdeck/lock-cert-manager");
    merged.state = MergeRequestState::Merged;
    merged.webUrl
        = QUrl(QStringLiteral("https://gitlab.example.io/platform/infra/-/merge_requests/39"));
    merged.created = now.addDays(-1);
    MergeRequest local;
    local.provider = Provider::Local;
    local.number = 3;
    local.reference = QStringLiteral("local 3");
    local.title = QStringLiteral("Bump external-dns to 7.2.0 in dev");
    local.sourceBranch = QStringLiteral("envdeck/external-dns-7.2.0");
    local.targetBranch = QStringLiteral("main");
    local.created = now.addDays(-5);
    return {open, merged, local};
}

bool showActive(QWidget *widget)
{
    widget->show();
    widget->activateWindow();
    return QTest::qWaitForWindowActive(widget);
}

} // namespace

class tst_MergeRequests : public QObject
{
    Q_OBJECT

private slots:
    void modelRowsAndColumns();
    void modelUpdateItem();
    void panelEmptyState();
    void panelOpenAndRefresh();
    void screenshot();
};

void tst_MergeRequests::modelRowsAndColumns()
{
    MergeRequestListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    model.setItems(mergeRequests(now));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 6);
    QCOMPARE(model.headerData(MergeRequestListModel::BranchesColumn, Qt::Horizontal),
             QVariant(QStringLiteral("Branches")));
    const auto cell = [&model](int row, int column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role);
    };
    QCOMPARE(cell(0, MergeRequestListModel::ReferenceColumn).toString(), QStringLiteral("!42"));
    QCOMPARE(cell(0, MergeRequestListModel::BranchesColumn).toString(),
             QStringLiteral("envdeck/payments-api-2.7.3 → main"));
    QCOMPARE(cell(1, MergeRequestListModel::StateColumn).toString(), QStringLiteral("merged"));
    QCOMPARE(cell(0, MergeRequestListModel::ProviderColumn).toString(), QStringLiteral("GitLab"));
    QCOMPARE(cell(2, MergeRequestListModel::ProviderColumn).toString(),
             QStringLiteral("Local (git only)"));
    QCOMPARE(cell(0, MergeRequestListModel::CreatedColumn, Qt::EditRole).toDateTime(),
             now.addSecs(-2 * 3600));
    QCOMPARE(cell(0, MergeRequestListModel::CreatedColumn).toString(),
             now.addSecs(-2 * 3600).toString(Qt::ISODate));
    QCOMPARE(cell(0, 0, MergeRequestListModel::UrlRole).toUrl(), mergeRequests(now).at(0).webUrl);
    QVERIFY(cell(2, 0, MergeRequestListModel::UrlRole).toUrl().isEmpty());
    QCOMPARE(cell(2, 0, MergeRequestListModel::NumberRole).toInt(), 3);
    QCOMPARE(cell(2, 0, MergeRequestListModel::ProviderRole).toInt(), int(Provider::Local));
    QCOMPARE(model.rowOf(39), 1);
    QCOMPARE(model.rowOf(7), -1);
}

void tst_MergeRequests::modelUpdateItem()
{
    MergeRequestListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setItems(mergeRequests(QDateTime::currentDateTimeUtc()));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    QVERIFY(model.updateItem(42, MergeRequestState::Merged));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(),
             model.index(0, MergeRequestListModel::StateColumn));
    QCOMPARE(model.index(0, MergeRequestListModel::StateColumn).data().toString(),
             QStringLiteral("merged"));
    QCOMPARE(model.items().at(0).state, MergeRequestState::Merged);
    QCOMPARE(model.index(0, 0, {}).data(MergeRequestListModel::StateRole).toInt(),
             int(MergeRequestState::Merged));
    QVERIFY(model.updateItem(42, MergeRequestState::Merged)); // unchanged: no signal
    QCOMPARE(changed.size(), 1);
    QVERIFY(!model.updateItem(1000, MergeRequestState::Closed));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.index(1, MergeRequestListModel::StateColumn).data().toString(),
             QStringLiteral("merged"));
    QCOMPARE(model.index(2, MergeRequestListModel::StateColumn).data().toString(),
             QStringLiteral("open"));
}

void tst_MergeRequests::panelEmptyState()
{
    MergeRequestsPanel panel;
    const auto empty = panel.findChild<QLabel *>(QStringLiteral("mergeRequestsEmpty"));
    QCOMPARE(empty->text(), QStringLiteral("No merge requests opened from EnvDeck yet"));
    QVERIFY(panel.isShowingEmptyState());
    panel.model()->setItems(mergeRequests(QDateTime::currentDateTime()));
    QVERIFY(!panel.isShowingEmptyState());
    panel.model()->setItems({});
    QVERIFY(panel.isShowingEmptyState());
    QVERIFY(!panel.openAction()->isEnabled());
}

void tst_MergeRequests::panelOpenAndRefresh()
{
    MergeRequestsPanel panel;
    panel.resize(760, 260);
    const QList<MergeRequest> requests = mergeRequests(QDateTime::currentDateTime());
    panel.model()->setItems(requests);
    QVERIFY(showActive(&panel));
    QSignalSpy open(&panel, &MergeRequestsPanel::openRequested);
    QSignalSpy refresh(&panel, &MergeRequestsPanel::refreshRequested);

    // Newest first.
    QCOMPARE(panel.view()->model()->index(0, 0).data().toString(), QStringLiteral("!42"));
    QCOMPARE(panel.view()->model()->index(2, 0).data().toString(), QStringLiteral("local 3"));

    QVERIFY(panel.selectMergeRequest(3));
    QVERIFY(!panel.openAction()->isEnabled()); // local records have no page
    panel.view()->setFocus();
    QTest::keyClick(panel.view(), Qt::Key_Return);
    QCOMPARE(open.size(), 0);

    QVERIFY(panel.selectMergeRequest(39));
    QVERIFY(panel.openAction()->isEnabled());
    QTest::keyClick(panel.view(), Qt::Key_Return);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.at(0).at(0).value<MergeRequest>().number, 39);
    const QModelIndex first = panel.view()->model()->index(0, 1);
    // A real double-click: the view only takes the second press as one after a first.
    const QPoint centre = panel.view()->visualRect(first).center();
    QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(panel.view()->viewport(), Qt::LeftButton, {}, centre);
    QCOMPARE(open.size(), 2);
    QCOMPARE(open.at(1).at(0).value<MergeRequest>().number, 42);

    QTest::keyClick(panel.view(), Qt::Key_F5);
    QCOMPARE(refresh.size(), 1);
    panel.setRefreshing(true);
    QVERIFY(!panel.refreshAction()->isEnabled());
    QCOMPARE(panel.statusLabel()->text(), QStringLiteral("Refreshing…"));
    panel.setError(QStringLiteral("GitLab answered 401: the token was refused"));
    QVERIFY(panel.refreshAction()->isEnabled());
    QVERIFY(!panel.retryButton()->isHidden());
    QVERIFY(panel.statusLabel()->styleSheet().contains(QStringLiteral("color")));
    panel.retryButton()->click();
    QCOMPARE(refresh.size(), 2);
    panel.setRefreshedAt(QDateTime(QDate(2026, 11, 26), QTime(10, 42)));
    QCOMPARE(panel.statusLabel()->text(), QStringLiteral("Refreshed at 10:42"));
    QVERIFY(panel.retryButton()->isHidden());
}

void tst_MergeRequests::screenshot()
{
    MergeRequestsPanel panel;
    panel.resize(820, 240);
    panel.model()->setItems(mergeRequests(QDateTime::currentDateTime()));
    panel.setRefreshedAt(QDateTime::currentDateTime());
    QVERIFY(showActive(&panel));
    panel.selectMergeRequest(42);
    saveScreenshot(&panel, QStringLiteral("merge-requests.png"));
}

ENVDECK_TEST_MAIN_GUI(tst_MergeRequests)
#include "tst_mergerequests.moc"
