// SPDX-License-Identifier: GPL-3.0-or-later
// Accessibility in the real window on a generated demo repository: the diagram's nodes are
// accessible children of the view with their names, descriptions and places; every focusable
// widget of every tab has an accessible name; the charts say what they show.

#include "DemoWindow.h"
#include "MainWindow.h"
#include "RepositoryPage.h"
#include "TestSupport.h"

#include "diagram/DiagramController.h"
#include "diagram/DiagramPage.h"
#include "diagram/DiagramScene.h"
#include "diagram/DiagramStyle.h"
#include "diagram/DiagramView.h"
#include "diagram/GraphModel.h"
#include "diagram/NodeItem.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QChartView>
#include <QDockWidget>
#include <QLabel>
#include <QSet>
#include <QTabWidget>
#include <QTemporaryDir>

using namespace EnvDeck;
using namespace EnvDeck::Diagram;

namespace {

QString describe(const QWidget *widget)
{
    return QStringLiteral("%1 '%2' in %3")
        .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName(),
             widget->parentWidget()
                 ? QString::fromLatin1(widget->parentWidget()->metaObject()->className())
                 : QString());
}

} // namespace

class tst_Accessibility : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    RepositoryPage *page() const { return m_window->findChild<RepositoryPage *>(); }
    DiagramPage *diagram() const { return page()->diagramPage(); }

    bool showDiagram(const QString &environment)
    {
        if (!page()->selectEnvironment(environment))
            return false;
        page()->tabs()->setCurrentWidget(diagram());
        return QTest::qWaitFor(
            [&] {
                const GraphModel *model = diagram()->model();
                return !page()->diagramController()->isBusy()
                       && model->graph().environment == environment
                       && !model->graph().nodes.isEmpty()
                       && model->layout().nodes.size()
                              == model->graph().nodes.size()
                                     + model->comparison().removedNodes.size();
            },
            60000);
    }

    // The visible focusable widgets of the window that nothing names: no accessible name,
    // not a button or label with its own text, not the buddy of a label.
    QStringList unnamedFocusableWidgets() const
    {
        QSet<const QWidget *> buddies;
        for (const QLabel *label : m_window->findChildren<QLabel *>()) {
            if (label->buddy() && !label->text().isEmpty())
                buddies.insert(label->buddy());
        }
        QStringList unnamed;
        for (QWidget *widget : m_window->findChildren<QWidget *>()) {
            if (!widget->isVisible() || !(widget->focusPolicy() & Qt::TabFocus))
                continue;
            if (auto button = qobject_cast<QAbstractButton *>(widget);
                button && !button->text().isEmpty())
                continue;
            if (auto label = qobject_cast<QLabel *>(widget); label && !label->text().isEmpty())
                continue;
            if (buddies.contains(widget))
                continue;
            // Focus given to the line edit inside a date edit goes to the date edit, its focus
            // proxy, which is what assistive tools announce.
            QWidget *named = widget->focusProxy() ? widget->focusProxy() : widget;
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(named);
            if (!iface || iface->text(QAccessible::Name).trimmed().isEmpty())
                unnamed << describe(widget);
        }
        return unnamed;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_window = TestSupport::openDemoWindow(m_dir.filePath(QStringLiteral("infra")));
        QVERIFY(m_window);
        m_window->mergeRequestsDock()->show();
        m_window->pendingChangesDock()->show();
    }

    void cleanupTestCase()
    {
        if (m_window)
            page()->versionMatrix()->workspace()->lastValidation().waitForFinished();
        m_window.reset();
    }

    void diagramNodesAreChildrenOfTheView_data()
    {
        QTest::addColumn<QString>("environment");
        QTest::newRow("dev") << "dev";
        QTest::newRow("prod-eu") << "prod-eu";
    }

    void diagramNodesAreChildrenOfTheView()
    {
        QFETCH(QString, environment);
        QVERIFY(showDiagram(environment));
        const GraphModel *model = diagram()->model();
        QList<Node> nodes = model->graph().nodes;
        nodes += model->comparison().removedNodes;

        QAccessibleInterface *view = QAccessible::queryAccessibleInterface(diagram()->view());
        QVERIFY(view);
        QCOMPARE(view->role(), QAccessible::List);
        QVERIFY(!view->text(QAccessible::Name).isEmpty());
        QCOMPARE(view->childCount(), int(nodes.size()));
        QVERIFY(view->childCount() > 3);

        QStringList names;
        QStringList expected;
        for (int i = 0; i < view->childCount(); ++i) {
            QAccessibleInterface *child = view->child(i);
            QVERIFY(child && child->isValid());
            QCOMPARE(child->parent(), view);
            QCOMPARE(view->indexOfChild(child), i);
            QCOMPARE(view->child(i), child); // the same object each time
            names << child->text(QAccessible::Name);
            expected << nodes.at(i).label;
            const QString description = child->text(QAccessible::Description);
            QVERIFY2(description.startsWith(nodeKindTitle(nodes.at(i).kind)),
                     qPrintable(description));
            if (!nodes.at(i).version.isEmpty())
                QVERIFY2(description.contains(nodes.at(i).version), qPrintable(description));
            QVERIFY(child->state().selectable);
        }
        QCOMPARE(names, expected);

        // The first node: its screen rect is where the view draws it, selecting it shows.
        NodeItem *item = diagram()->scene()->nodeItem(nodes.first().id);
        QVERIFY(item);
        diagram()->view()->centerOn(item);
        QAccessibleInterface *first = view->child(0);
        const QRect rect = first->rect();
        const QRect drawn
            = diagram()->view()->mapFromScene(item->sceneBoundingRect()).boundingRect();
        QCOMPARE(rect.size(), drawn.size());
        QCOMPARE(rect.topLeft(), diagram()->view()->viewport()->mapToGlobal(drawn.topLeft()));
        QCOMPARE(view->childAt(rect.center().x(), rect.center().y()), first);
        QVERIFY(!first->state().offscreen);

        diagram()->scene()->clearSelection();
        QVERIFY(!first->state().selected);
        item->setSelected(true);
        QVERIFY(first->state().selected);
        diagram()->scene()->clearSelection();
    }

    // The selected node is the view's focus child, selected and focused. (The Selection and
    // Focus events sent with it need an accessibility backend, which the offscreen platform
    // does not have: QAccessible::updateAccessibility() drops them here.)
    void selectedNodeIsTheFocusChild()
    {
        QVERIFY(showDiagram(QStringLiteral("dev")));
        DiagramView *view = diagram()->view();
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(view);
        QVERIFY(iface->childCount() > 1);
        QAccessibleInterface *second = iface->child(1);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        view->setFocus();
        QTRY_VERIFY(view->hasFocus());
        diagram()->scene()->clearSelection();
        QVERIFY(!second->state().selected && !second->state().focused);
        QCOMPARE(iface->focusChild(), nullptr);

        diagram()->scene()->nodeItems().at(1)->setSelected(true);
        QVERIFY(second->state().selected && second->state().focused);
        QCOMPARE(iface->focusChild(), second);
        QVERIFY(!iface->child(0)->state().selected);
        diagram()->scene()->clearSelection();
    }

    void focusableWidgetsHaveNames_data()
    {
        QTest::addColumn<int>("tab");
        QTest::addColumn<int>("chart"); // the tab of the Timelines' charts, or -1
        QTabWidget *tabs = page()->tabs();
        for (int i = 0; i < tabs->count(); ++i) {
            const QString name = tabs->tabText(i).remove(u'&');
            auto charts = tabs->widget(i)->findChild<QTabWidget *>();
            if (!charts) {
                QTest::newRow(qPrintable(name)) << i << -1;
                continue;
            }
            for (int chart = 0; chart < charts->count(); ++chart)
                QTest::addRow("%s: %s", qPrintable(name), qPrintable(charts->tabText(chart)))
                    << i << chart;
        }
    }

    void focusableWidgetsHaveNames()
    {
        QFETCH(int, tab);
        QFETCH(int, chart);
        page()->tabs()->setCurrentIndex(tab);
        QVERIFY(page()->tabs()->currentWidget()->isVisible());
        if (chart >= 0)
            page()->tabs()->currentWidget()->findChild<QTabWidget *>()->setCurrentIndex(chart);
        if (page()->tabs()->currentWidget() == diagram())
            diagram()->focusSearch(); // the search bar shows only when asked for
        QTest::qWait(50);             // lets the tab lay out and show its lazily made widgets
        const QStringList unnamed = unnamedFocusableWidgets();
        QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("Widgets without a name:\n  ")
                                               + unnamed.join(QStringLiteral("\n  "))));
    }

    void chartsSayWhatTheyShow()
    {
        const QList<QChartView *> charts = m_window->findChildren<QChartView *>();
        QVERIFY(charts.size() >= 3);
        for (QChartView *chart : charts) {
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(chart);
            QVERIFY2(!iface->text(QAccessible::Name).isEmpty(), qPrintable(describe(chart)));
            QVERIFY2(iface->text(QAccessible::Description).size() > 20,
                     qPrintable(describe(chart)));
        }
    }
};

ENVDECK_TEST_MAIN_GUI(tst_Accessibility)
#include "tst_accessibility.moc"
