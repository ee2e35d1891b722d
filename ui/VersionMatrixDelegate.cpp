// SPDX-License-Identifier: GPL-3.0-or-later
#include "VersionMatrixDelegate.h"

#include "matrix/VersionMatrixModel.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>

namespace EnvDeck {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

void drawPadlock(QPainter *painter, const QRectF &box, const QColor &color)
{
    // A body and a shackle, scaled to the box: readable at any DPI without an image.
    const qreal w = box.width();
    const qreal h = box.height();
    const QRectF body(box.left(), box.top() + h * 0.45, w, h * 0.55);
    QPainterPath shackle;
    shackle.moveTo(box.left() + w * 0.22, body.top());
    shackle.lineTo(box.left() + w * 0.22, box.top() + h * 0.28);
    shackle.arcTo(QRectF(box.left() + w * 0.22, box.top(), w * 0.56, h * 0.56), 180, -180);
    shackle.lineTo(box.left() + w * 0.78, body.top());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, qMax(1.2, w / 7.0)));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(shackle);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(body, w * 0.12, w * 0.12);
    painter->restore();
}

} // namespace

VersionMatrixDelegate::VersionMatrixDelegate(VersionsFor versionsFor, Commit commit,
                                             QObject *parent)
    : QStyledItemDelegate(parent)
    , m_versionsFor(std::move(versionsFor))
    , m_commit(std::move(commit))
{}

QColor VersionMatrixDelegate::skewColor(int skew, bool dark)
{
    // Distinct in hue and readable with the default text colour in light and dark themes.
    if (skew & VersionMatrixModel::AheadOfProduction)
        return dark ? QColor(0x1f, 0x4d, 0x2b) : QColor(0xd8, 0xf0, 0xd8);
    if (skew & VersionMatrixModel::BehindStaging)
        return dark ? QColor(0x5a, 0x45, 0x10) : QColor(0xfd, 0xeb, 0xc0);
    if (skew & VersionMatrixModel::ProductionsDiffer)
        return dark ? QColor(0x1d, 0x3b, 0x5e) : QColor(0xd6, 0xe6, 0xfa);
    if (skew & VersionMatrixModel::DiffersFromBase)
        return dark ? QColor(0x4a, 0x2a, 0x5a) : QColor(0xeb, 0xdc, 0xf5);
    return {};
}

void VersionMatrixDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const bool dark = isDark(opt.palette);
    const bool present = index.data(VersionMatrixModel::PresentRole).toBool();
    const int skew = index.data(VersionMatrixModel::SkewRole).toInt();
    const int severity = index.data(VersionMatrixModel::SeverityRole).toInt();
    const bool locked = index.data(VersionMatrixModel::LockedRole).toBool();
    const bool modified = index.data(VersionMatrixModel::ModifiedRole).toBool();

    if (const QColor tint = skewColor(skew, dark); tint.isValid() && present)
        opt.backgroundBrush = tint;
    if (modified)
        opt.font.setBold(true);
    if (!present)
        opt.palette.setColor(QPalette::Text, opt.palette.color(QPalette::PlaceholderText));
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const QRect box = option.rect.adjusted(4, 2, -4, -2);
    painter->save();
    painter->setFont(opt.font);
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(selected ? opt.palette.color(QPalette::HighlightedText)
                             : opt.palette.color(QPalette::Text));
    const QString text
        = index.data(Qt::DisplayRole).toString() + (modified ? QStringLiteral(" •") : QString());
    painter->drawText(box, Qt::AlignCenter, text);
    if (locked) {
        const int size = qMin(12, box.height() - 4);
        drawPadlock(painter,
                    QRectF(box.right() - size, box.center().y() - size / 2.0, size * 0.8, size),
                    selected ? opt.palette.color(QPalette::HighlightedText)
                             : (dark ? QColor(0xf0, 0xc0, 0x60) : QColor(0x8a, 0x5a, 0x00)));
    }
    if (severity >= 0) {
        const QColor frame = severity == int(Validation::Severity::Error) ? QColor(0xd1, 0x24, 0x2f)
                             : severity == int(Validation::Severity::Warning)
                                 ? QColor(0xe0, 0x8a, 0x00)
                                 : QColor(0x3a, 0x7b, 0xd5);
        painter->setPen(QPen(frame, 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(option.rect.adjusted(1, 1, -2, -2));
        // A corner mark, so the problem is visible without colour too.
        QPolygon corner;
        corner << option.rect.topLeft() << option.rect.topLeft() + QPoint(8, 0)
               << option.rect.topLeft() + QPoint(0, 8);
        painter->setBrush(frame);
        painter->setPen(Qt::NoPen);
        painter->drawPolygon(corner);
    }
    painter->restore();
}

QSize VersionMatrixDelegate::sizeHint(const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(qMax(size.width() + 36, 96));
    size.setHeight(qMax(size.height() + 8, 26));
    return size;
}

QWidget *VersionMatrixDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                             const QModelIndex &index) const
{
    auto combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("versionEditor"));
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->addItems(m_versionsFor ? m_versionsFor(index) : QStringList());
    combo->setAccessibleName(tr("Version of %1 in %2")
                                 .arg(index.data(VersionMatrixModel::ComponentRole).toString(),
                                      index.data(VersionMatrixModel::EnvironmentRole).toString()));
    return combo;
}

void VersionMatrixDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto combo = static_cast<QComboBox *>(editor);
    const QString version = index.data(VersionMatrixModel::VersionRole).toString();
    const int at = combo->findText(version);
    if (at >= 0)
        combo->setCurrentIndex(at);
    else
        combo->setEditText(version);
    combo->lineEdit()->selectAll();
}

void VersionMatrixDelegate::setModelData(QWidget *editor, QAbstractItemModel *,
                                         const QModelIndex &index) const
{
    const QString version = static_cast<QComboBox *>(editor)->currentText().trimmed();
    if (version.isEmpty() || version == index.data(VersionMatrixModel::VersionRole).toString())
        return;
    if (m_commit)
        m_commit(index, version);
}

} // namespace EnvDeck
