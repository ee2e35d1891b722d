// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagram/DiagramExport.h"

#include "UiLogging.h"
#include "diagram/DiagramScene.h"
#include "diagram/GraphModel.h"

#include <QBuffer>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace EnvDeck::Diagram {

namespace {

// Largest side of a PNG export: beyond it QImage allocations fail or the file is unusable.
constexpr double MaxPixels = 16384;

QRectF wholeDiagram(QGraphicsScene *scene)
{
    const auto *diagram = qobject_cast<DiagramScene *>(scene);
    const QRectF rect = diagram ? diagram->diagramRect() : scene->itemsBoundingRect();
    return rect.isEmpty() ? rect : rect.adjusted(-16, -16, 16, 16);
}

Result<void> writeAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(QObject::tr("Cannot write %1: %2").arg(path, file.errorString()));
    if (file.write(bytes) != bytes.size())
        return Error(QObject::tr("Cannot write %1: %2").arg(path, file.errorString()));
    if (!file.commit())
        return Error(QObject::tr("Cannot save %1: %2").arg(path, file.errorString()));
    return {};
}

// Selection outlines and search highlights are interaction state, not part of the picture.
class CleanRender
{
public:
    explicit CleanRender(QGraphicsScene *scene)
        : m_scene(scene)
        , m_selected(scene->selectedItems())
    {
        const QSignalBlocker blocker(scene);
        scene->clearSelection();
    }
    ~CleanRender()
    {
        const QSignalBlocker blocker(m_scene);
        for (QGraphicsItem *item : std::as_const(m_selected))
            item->setSelected(true);
    }
    CleanRender(const CleanRender &) = delete;
    CleanRender &operator=(const CleanRender &) = delete;

private:
    QGraphicsScene *m_scene;
    QList<QGraphicsItem *> m_selected;
};

QString defaultTitle(QGraphicsScene *scene)
{
    const auto *diagram = qobject_cast<DiagramScene *>(scene);
    if (!diagram || !diagram->model())
        return QObject::tr("EnvDeck diagram");
    const GraphModel *model = diagram->model();
    if (model->isComparing())
        return QObject::tr("Environment %1 compared with %2")
            .arg(model->comparison().ours, model->comparison().theirs);
    return QObject::tr("Environment %1").arg(model->graph().environment);
}

} // namespace

Result<void> exportPngRect(QGraphicsScene *scene, const QRectF &source, const QString &path,
                           double scale)
{
    if (!scene || source.isEmpty())
        return Error(QObject::tr("Nothing to export: the diagram is empty."));
    if (scale <= 0)
        return Error(QObject::tr("Invalid export scale %1.").arg(scale));
    const QSize size = (source.size() * scale).toSize();
    if (size.width() > MaxPixels || size.height() > MaxPixels)
        return Error(QObject::tr("The image would be %1 × %2 pixels; export a smaller part or "
                                 "use SVG.")
                         .arg(size.width())
                         .arg(size.height()));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return Error(QObject::tr("Not enough memory for a %1 × %2 image.")
                         .arg(size.width())
                         .arg(size.height()));
    image.fill(scene->backgroundBrush().color());
    {
        const CleanRender clean(scene);
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                               | QPainter::SmoothPixmapTransform);
        scene->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), source, Qt::IgnoreAspectRatio);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return Error(QObject::tr("Cannot encode the PNG image for %1.").arg(path));
    qCInfo(lcUi) << "Exporting the diagram to" << path;
    return writeAtomically(path, bytes);
}

Result<void> exportSvgRect(QGraphicsScene *scene, const QRectF &source, const QString &path,
                           const QString &title, const QString &description)
{
    if (!scene || source.isEmpty())
        return Error(QObject::tr("Nothing to export: the diagram is empty."));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setResolution(96);
    generator.setTitle(title.isEmpty() ? defaultTitle(scene) : title);
    generator.setDescription(
        description.isEmpty()
            ? QObject::tr("Exported by EnvDeck from %1").arg(QFileInfo(path).fileName())
            : description);
    {
        const CleanRender clean(scene);
        QPainter painter;
        if (!painter.begin(&generator))
            return Error(QObject::tr("Cannot start the SVG export for %1.").arg(path));
        painter.fillRect(QRectF(QPointF(0, 0), source.size()), scene->backgroundBrush());
        scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
        painter.end();
    }
    qCInfo(lcUi) << "Exporting the diagram to" << path;
    return writeAtomically(path, bytes);
}

Result<void> exportPng(QGraphicsScene *scene, const QString &path, double scale)
{
    if (!scene)
        return Error(QObject::tr("Nothing to export: there is no diagram."));
    return exportPngRect(scene, wholeDiagram(scene), path, scale);
}

Result<void> exportSvg(QGraphicsScene *scene, const QString &path, const QString &title,
                       const QString &description)
{
    if (!scene)
        return Error(QObject::tr("Nothing to export: there is no diagram."));
    return exportSvgRect(scene, wholeDiagram(scene), path, title, description);
}

Result<void> exportVisiblePng(QGraphicsView *view, const QString &path, double scale)
{
    if (!view || !view->scene())
        return Error(QObject::tr("Nothing to export: there is no diagram."));
    // At the view's zoom, so the picture looks like the screen (times `scale`).
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    const double zoom = view->transform().m11();
    return exportPngRect(view->scene(), visible, path, scale * zoom);
}

Result<void> exportVisibleSvg(QGraphicsView *view, const QString &path, const QString &title,
                              const QString &description)
{
    if (!view || !view->scene())
        return Error(QObject::tr("Nothing to export: there is no diagram."));
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    return exportSvgRect(view->scene(), visible, path, title, description);
}

} // namespace EnvDeck::Diagram
