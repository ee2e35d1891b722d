// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsView>
#include <QPixmap>
#include <QPointer>

class QAction;

namespace EnvDeck::Diagram {

// The diagram's view: wheel zoom around the cursor, Ctrl+0 fits, Ctrl++ / Ctrl+- zoom, the
// middle button or Space + left button pans, a plain left drag selects with a rubber band.
class DiagramView : public QGraphicsView
{
    Q_OBJECT

public:
    static constexpr double MinZoom = 0.1;
    static constexpr double ReadableZoom = 0.75;
    static constexpr double MaxZoom = 4.0;
    static constexpr double ZoomStep = 1.25;

    explicit DiagramView(QWidget *parent = nullptr);

    double zoom() const;
    // Clamped to [MinZoom, MaxZoom]; `anchor` in viewport coordinates stays put (the centre when
    // it is null).
    void setZoom(double zoom, const QPoint &anchor = {});
    void zoomIn();
    void zoomOut();
    // The first view of a diagram: all of it when it stays readable (75 % or more), otherwise
    // 100 % centred on the environment's modules, the part architects look at first.
    void showStart();
    void fitAll(); // the whole diagram, never zoomed in beyond 1:1
    void centreOnNode(const QString &id);
    // The part of the scene the viewport shows, in scene coordinates.
    QRectF visibleSceneRect() const;
    // Hands the view's palette and font to its scene (done on palette changes and when shown).
    void syncPalette();

    QAction *fitAction() const { return m_fitAction; }
    QAction *zoomInAction() const { return m_zoomInAction; }
    QAction *zoomOutAction() const { return m_zoomOutAction; }

signals:
    void viewportChanged();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void syncScenePalette();

    QAction *m_fitAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_panFrom;
};

// A small map of the whole scene with the view's visible rect; a click or drag moves the view.
class OverviewWidget : public QWidget
{
    Q_OBJECT

public:
    explicit OverviewWidget(DiagramView *view, QWidget *parent = nullptr);

    // The transform from scene to widget coordinates used to draw the map.
    QTransform sceneToWidget() const;
    QSize sizeHint() const override { return {220, 150}; }

public slots:
    // The scene changed: draw the map again at the next paint (moving the view only moves the
    // frame over the kept picture, so panning a big diagram does not paint it twice).
    void invalidate();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    void moveViewTo(const QPoint &position);
    QRectF sourceRect() const;

    QPointer<DiagramView> m_view;
    QPixmap m_picture;
    QRectF m_pictureSource;
};

} // namespace EnvDeck::Diagram
