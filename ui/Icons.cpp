// SPDX-License-Identifier: GPL-3.0-or-later
#include "Icons.h"

#include "UiLogging.h"

#include <QAction>
#include <QFile>
#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace EnvDeck::Icons {
namespace {

QString pathOf(const QString &name)
{
    return QStringLiteral(":/icons/actions/%1.svg").arg(name);
}

// The colour an icon takes in `mode` on the application's current palette.
QColor tintFor(QIcon::Mode mode)
{
    const QPalette palette = QGuiApplication::palette();
    switch (mode) {
    case QIcon::Disabled:
        return palette.color(QPalette::Disabled, QPalette::WindowText);
    case QIcon::Selected:
        return palette.color(QPalette::Active, QPalette::HighlightedText);
    case QIcon::Active:
    case QIcon::Normal:
        break;
    }
    return palette.color(QPalette::Active, QPalette::WindowText);
}

class TintedSvgEngine final : public QIconEngine
{
public:
    TintedSvgEngine(const QString &name, const QColor &colour)
        : m_name(name)
        , m_colour(colour)
        , m_exists(exists(name))
    {}

    QIconEngine *clone() const override { return new TintedSvgEngine(m_name, m_colour); }
    QString key() const override { return QStringLiteral("EnvDeck::TintedSvg"); }
    QString iconName() override { return m_name; }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap image = render(rect.size() * ratio, mode, state);
        image.setDevicePixelRatio(ratio);
        painter->drawPixmap(rect, image);
    }

    // QIcon asks for the size in device pixels already multiplied by the screen's ratio, so the
    // drawing is rendered at exactly the resolution that is shown.
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return render(size, mode, state);
    }

    // Asked on every layout and paint of a menu or tool bar: known once, not parsed each time.
    bool isNull() override { return !m_exists; }

private:
    QPixmap render(const QSize &size, QIcon::Mode mode, QIcon::State) const
    {
        if (size.isEmpty())
            return {};
        const QColor tint
            = m_colour.isValid() && mode != QIcon::Disabled ? m_colour : tintFor(mode);
        const QString cacheKey = QStringLiteral("envdeck-icon:%1:%2x%3:%4")
                                     .arg(m_name)
                                     .arg(size.width())
                                     .arg(size.height())
                                     .arg(tint.rgba(), 8, 16, QLatin1Char('0'));
        QPixmap cached;
        if (QPixmapCache::find(cacheKey, &cached))
            return cached;

        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QSvgRenderer renderer(pathOf(m_name));
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            // Keep the drawing square and centred in a wide or tall request.
            const int side = qMin(size.width(), size.height());
            const QRectF target((size.width() - side) / 2.0, (size.height() - side) / 2.0, side,
                                side);
            renderer.render(&painter, target);
            // The drawing's alpha stays, its colour becomes the tint.
            painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
            painter.fillRect(image.rect(), tint);
        }
        QPixmap pixmap = QPixmap::fromImage(image);
        QPixmapCache::insert(cacheKey, pixmap);
        return pixmap;
    }

    QString m_name;
    QColor m_colour; // invalid: the palette's
    bool m_exists;
};

struct ActionIcon
{
    const char *objectName;
    const char *icon;
};

// Every action of the window that has a drawing, by object name; a trailing '*' matches every
// name that starts with the rest. Actions without one show their text only.
constexpr ActionIcon ActionIcons[] = {
    {"actionOpenRepository", "open"},
    {"actionReload", "reload"},
    {"actionCloseRepository", "close"},
    {"actionReviewCommit", "commit"},
    {"actionQaReview", "review"},
    {"actionPromote", "promote"},
    {"actionRollBack", "rollback"},
    {"actionPreferences", "settings"},
    {"actionKeyboardShortcuts", "keyboard"},
    {"actionAbout", "info"},
    {"actionRefreshMergeRequests", "reload"},
    {"actionMergeRequest", "merge-request"},
    {"actionOpenMergeRequest", "merge-request"},
    {"actionFilterEnvironments", "filter"},
    {"actionUndo", "undo"},
    {"actionRedo", "redo"},
    {"actionSaveVersions", "save"},
    {"actionLock", "lock"},
    {"actionUnlock", "unlock"},
    {"actionOpenVersionFile", "file"},
    {"actionAddModule", "add"},
    {"actionRemoveModule", "remove"},
    {"actionZoomIn", "zoom-in"},
    {"actionZoomOut", "zoom-out"},
    {"actionFitDiagram", "zoom-fit"},
    {"actionExportPng", "export"},
    {"actionExportSvg", "export"},
    {"actionFindInDiagram", "find"},
    {"actionRefreshTimelines", "reload"},
    {"exportPng*", "export"}, // one per timeline chart: exportPng0, exportPng1, ...
    {"exportCsv*", "export"},
};

} // namespace

bool exists(const QString &name)
{
    if (!QFile::exists(pathOf(name)))
        return false;
    return QSvgRenderer(pathOf(name)).isValid();
}

QIcon icon(const QString &name, const QColor &colour)
{
    if (!exists(name)) {
        qCWarning(lcUi) << "No icon drawing named" << name;
        return {};
    }
    return QIcon(new TintedSvgEngine(name, colour));
}

void applyToActions(QObject *root)
{
    const QList<QAction *> actions = root->findChildren<QAction *>();
    for (const ActionIcon &entry : ActionIcons) {
        QString objectName = QString::fromLatin1(entry.objectName);
        const bool prefix = objectName.endsWith(QLatin1Char('*'));
        if (prefix)
            objectName.chop(1);
        for (QAction *action : actions) {
            if (prefix ? action->objectName().startsWith(objectName)
                       : action->objectName() == objectName)
                action->setIcon(icon(QString::fromLatin1(entry.icon)));
        }
    }
}

} // namespace EnvDeck::Icons
