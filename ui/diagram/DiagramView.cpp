// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagram/DiagramView.h"

#include "diagram/DiagramAccessible.h"
#include "diagram/DiagramScene.h"
#include "diagram/NodeItem.h"

#include <QAction>
#include <QEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

namespace EnvDeck::Diagram {

namespace {

// A palette with every role set explicitly: the scene resolves the palette it is given against
// the application's, so an inherited palette (nothing set explicitly) would be dropped.
QPalette explicitPalette(const QPalette &palette)
{
    QPalette copy;
    for (int group = 0; group < QPalette::NColorGroups; ++group) {
        for (int role = 0; role < QPalette::NColorRoles; ++role) {
            const auto g = QPalette::ColorGroup(group);
            const auto r = QPalette::ColorRole(role);
            if (r != QPalette::NoRole)
                copy.setBrush(g, r, palette.brush(g, r));
        }
    }
    return copy;
}

} // namespace

DiagramView::DiagramView(QWidget *parent)
    : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("diagramView"));
    // Its nodes as accessible children; installed before anything asks for the interface.
    installDiagramAccessibility();
    setAccessibleName(tr("Environment diagram"));
    viewport()->setAccessibleName(tr("Environment diagram"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                   | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::RubberBandDrag);
    setTransformationAnchor(QGraphicsView::NoAnchor);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);

    m_fitAction = new QAction(tr("Fit to &Window"), this);
    m_fitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_zoomInAction = new QAction(tr("Zoom &In"), this);
    m_zoomInAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Plus), QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    m_zoomOutAction = new QAction(tr("Zoom &Out"), this);
    m_zoomOutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    m_fitAction->setObjectName(QStringLiteral("actionFitDiagram"));
    m_zoomInAction->setObjectName(QStringLiteral("actionZoomIn"));
    m_zoomOutAction->setObjectName(QStringLiteral("actionZoomOut"));
    for (QAction *action : {m_fitAction, m_zoomInAction, m_zoomOutAction}) {
        // Only while the diagram has focus, so the shortcuts do not clash with other pages.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    connect(m_fitAction, &QAction::triggered, this, &DiagramView::fitAll);
    connect(m_zoomInAction, &QAction::triggered, this, &DiagramView::zoomIn);
    connect(m_zoomOutAction, &QAction::triggered, this, &DiagramView::zoomOut);
}

double DiagramView::zoom() const
{
    return transform().m11();
}

void DiagramView::setZoom(double zoom, const QPoint &anchor)
{
    const double clamped = std::clamp(zoom, MinZoom, MaxZoom);
    const QPoint viewportAnchor = anchor.isNull() ? viewport()->rect().center() : anchor;
    const QPointF sceneAnchor = mapToScene(viewportAnchor);
    setTransform(QTransform::fromScale(clamped, clamped));
    // Scroll so the scene point under the anchor is under it again.
    const QPointF moved = mapFromScene(sceneAnchor) - QPointF(viewportAnchor);
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + qRound(moved.x()));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + qRound(moved.y()));
    emit viewportChanged();
}

void DiagramView::zoomIn()
{
    setZoom(zoom() * ZoomStep);
}

void DiagramView::zoomOut()
{
    setZoom(zoom() / ZoomStep);
}

void DiagramView::fitAll()
{
    auto *diagram = qobject_cast<DiagramScene *>(scene());
    const QRectF rect = diagram   ? diagram->diagramRect()
                        : scene() ? scene()->itemsBoundingRect()
                                  : QRectF();
    if (rect.isEmpty())
        return;
    // The scene rect's margin included, so a fitted diagram needs no scroll bars.
    const double margin = DiagramScene::Margin + 2;
    const QRectF target = rect.adjusted(-margin, -margin, margin, margin);
    const QRectF area = viewport()->rect().adjusted(2, 2, -2, -2);
    const double factor = std::min(area.width() / target.width(), area.height() / target.height());
    setTransform(QTransform::fromScale(std::clamp(std::min(factor, 1.0), MinZoom, MaxZoom),
                                       std::clamp(std::min(factor, 1.0), MinZoom, MaxZoom)));
    centerOn(target.center());
    emit viewportChanged();
}

void DiagramView::showStart()
{
    fitAll();
    if (zoom() >= ReadableZoom)
        return;
    auto *diagram = qobject_cast<DiagramScene *>(scene());
    if (!diagram)
        return;
    QRectF modules;
    for (const NodeItem *item : diagram->nodeItems()) {
        if (item->isVisible() && item->node().kind == NodeKind::Module)
            modules = modules.united(item->sceneBoundingRect());
    }
    setZoom(1.0);
    centerOn(modules.isEmpty() ? diagram->diagramRect().center() : modules.center());
    emit viewportChanged();
}

void DiagramView::centreOnNode(const QString &id)
{
    auto *diagram = qobject_cast<DiagramScene *>(scene());
    if (NodeItem *item = diagram ? diagram->nodeItem(id) : nullptr) {
        // A node at the diagram's edge can only be centred when the scene reaches far enough
        // around it; the next layout shrinks the scene rect again.
        const QPointF centre = item->sceneBoundingRect().center();
        const QSizeF half = visibleSceneRect().size() / 2;
        const QRectF needed(centre - QPointF(half.width(), half.height()), half * 2);
        if (!diagram->sceneRect().contains(needed))
            diagram->setSceneRect(diagram->sceneRect().united(needed));
        centerOn(centre);
        emit viewportChanged();
    }
}

QRectF DiagramView::visibleSceneRect() const
{
    return mapToScene(viewport()->rect()).boundingRect();
}

void DiagramView::syncPalette()
{
    syncScenePalette();
}

void DiagramView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    setZoom(zoom() * std::pow(ZoomStep, steps), event->position().toPoint());
    event->accept();
}

void DiagramView::keyPressEvent(QKeyEvent *event)
{
    // The shortcuts reach the actions when the window is active; these keys cover a view that
    // has focus in a window that is not (tests, embedded use).
    if (event->modifiers() & Qt::ControlModifier) {
        switch (event->key()) {
        case Qt::Key_0:
            fitAll();
            return;
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            zoomIn();
            return;
        case Qt::Key_Minus:
            zoomOut();
            return;
        default:
            break;
        }
    }
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void DiagramView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        viewport()->unsetCursor();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void DiagramView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_panFrom = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void DiagramView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint delta = event->position().toPoint() - m_panFrom;
        m_panFrom = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void DiagramView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        m_panning = false;
        if (m_spaceHeld)
            viewport()->setCursor(Qt::OpenHandCursor);
        else
            viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void DiagramView::changeEvent(QEvent *event)
{
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        syncScenePalette();
}

void DiagramView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    emit viewportChanged();
}

void DiagramView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    emit viewportChanged();
}

void DiagramView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    syncScenePalette();
}

void DiagramView::syncScenePalette()
{
    // The scene draws with the view's palette so the diagram follows the application's theme.
    if (scene()) {
        scene()->setPalette(explicitPalette(palette()));
        scene()->setFont(font());
    }
}

OverviewWidget::OverviewWidget(DiagramView *view, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
{
    setObjectName(QStringLiteral("diagramOverview"));
    setAccessibleName(tr("Diagram overview"));
    setToolTip(tr("The whole diagram: click or drag to move the view"));
    setMinimumSize(120, 90);
    connect(view, &DiagramView::viewportChanged, this, qOverload<>(&QWidget::update));
}

QRectF OverviewWidget::sourceRect() const
{
    auto *diagram = m_view ? qobject_cast<DiagramScene *>(m_view->scene()) : nullptr;
    return diagram ? diagram->diagramRect().adjusted(-10, -10, 10, 10) : QRectF();
}

QTransform OverviewWidget::sceneToWidget() const
{
    const QRectF source = sourceRect();
    if (source.isEmpty())
        return {};
    const QRectF area = QRectF(rect()).adjusted(4, 4, -4, -4);
    const double scale = std::min(area.width() / source.width(), area.height() / source.height());
    const QPointF offset
        = area.center() - QPointF(source.center().x() * scale, source.center().y() * scale);
    return QTransform(scale, 0, 0, scale, offset.x(), offset.y());
}

void OverviewWidget::invalidate()
{
    m_picture = QPixmap();
    update();
}

void OverviewWidget::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event);
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
    if (!m_view || !m_view->scene())
        return;
    const QRectF source = sourceRect();
    if (source.isEmpty())
        return;
    const QTransform transform = sceneToWidget();
    const qreal ratio = devicePixelRatioF();
    if (m_picture.isNull() || m_pictureSource != source
        || m_picture.size() != (QSizeF(size()) * ratio).toSize()) {
        m_picture = QPixmap((QSizeF(size()) * ratio).toSize());
        m_picture.setDevicePixelRatio(ratio);
        m_picture.fill(Qt::transparent);
        QPainter picture(&m_picture);
        picture.setRenderHint(QPainter::Antialiasing);
        m_view->scene()->render(&picture, transform.mapRect(source), source);
        m_pictureSource = source;
    }
    painter.drawPixmap(0, 0, m_picture);
    painter.setRenderHint(QPainter::Antialiasing);
    QColor frame = palette().color(QPalette::Highlight);
    painter.setPen(QPen(frame, 1.5));
    frame.setAlphaF(0.15f);
    painter.setBrush(frame);
    painter.drawRect(transform.mapRect(m_view->visibleSceneRect()).intersected(QRectF(rect())));
}

void OverviewWidget::mousePressEvent(QMouseEvent *event)
{
    moveViewTo(event->position().toPoint());
}

void OverviewWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        moveViewTo(event->position().toPoint());
}

void OverviewWidget::moveViewTo(const QPoint &position)
{
    if (!m_view)
        return;
    bool invertible = false;
    const QTransform inverse = sceneToWidget().inverted(&invertible);
    if (!invertible)
        return;
    m_view->centerOn(inverse.map(QPointF(position)));
    update();
}

} // namespace EnvDeck::Diagram
