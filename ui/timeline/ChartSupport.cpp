// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/ChartSupport.h"

#include "UiLogging.h"

#include <QAbstractAxis>
#include <QChart>
#include <QComboBox>
#include <QImageWriter>
#include <QLegend>
#include <QPixmap>
#include <QSaveFile>
#include <QSignalBlocker>
#include <QWidget>

#include <algorithm>

namespace EnvDeck::Timeline {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

void applyChartPalette(QChart *chart, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::WindowText);
    chart->setBackgroundBrush(palette.color(QPalette::Window));
    chart->setBackgroundPen(Qt::NoPen);
    chart->setPlotAreaBackgroundBrush(palette.color(QPalette::Base));
    chart->setPlotAreaBackgroundVisible(true);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    chart->legend()->setBrush(Qt::NoBrush);
    chart->legend()->setPen(Qt::NoPen);
}

void clearChart(QChart *chart, const QPalette &palette, const QString &title)
{
    chart->removeAllSeries();
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
    applyChartPalette(chart, palette);
    chart->setTitle(title);
}

void fillFilterCombo(QComboBox *combo, const QString &allText, QStringList names)
{
    const QString selected = combo->currentData().toString();
    names.sort();
    names.removeDuplicates();
    const QSignalBlocker block(combo);
    combo->clear();
    combo->addItem(allText, QString());
    for (const QString &name : std::as_const(names))
        combo->addItem(name, name);
    combo->setCurrentIndex(std::max(0, combo->findData(selected)));
}

void applyAxisPalette(QAbstractAxis *axis, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(isDark(palette) ? 60 : 40);
    axis->setLabelsColor(text);
    axis->setTitleBrush(text);
    axis->setLinePenColor(text);
    axis->setGridLineColor(grid);
    QFont titleFont = axis->titleFont();
    titleFont.setBold(true);
    axis->setTitleFont(titleFont);
}

QColor componentColor(int index)
{
    // Hues of a relative luminance between 0.15 and 0.30: at least 3:1 against both the light
    // and the dark theme's plot area (white and near black), as WCAG asks of graphics, and
    // readable with white or black text.
    static const QColor colors[] = {
        QColor(0x3b, 0x82, 0xf6), QColor(0xd9, 0x77, 0x06), QColor(0x05, 0x96, 0x69),
        QColor(0xa8, 0x55, 0xf7), QColor(0xef, 0x44, 0x44), QColor(0x08, 0x91, 0xb2),
        QColor(0xec, 0x48, 0x99), QColor(0x65, 0xa3, 0x0d), QColor(0x63, 0x66, 0xf1),
        QColor(0xea, 0x58, 0x0c),
    };
    constexpr int count = int(sizeof(colors) / sizeof(colors[0]));
    return colors[((index % count) + count) % count];
}

QColor resultColor(const QString &result)
{
    if (result == u"succeeded")
        return QColor(0x16, 0xa3, 0x4a);
    if (result == u"failed")
        return QColor(0xdc, 0x26, 0x26);
    return QColor(0x94, 0xa3, 0xb8);
}

Result<void> exportWidgetPng(QWidget *widget, const QString &path)
{
    const QPixmap pixmap = widget->grab();
    QSaveFile file(path);
    if (pixmap.isNull() || !file.open(QIODevice::WriteOnly))
        return Error(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    if (!pixmap.save(&file, "PNG") || !file.commit())
        return Error(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    qCInfo(lcUi) << "Exported chart to" << path;
    return {};
}

void followModel(QObject *chart, QPointer<QAbstractItemModel> &current, QAbstractItemModel *model,
                 const std::function<void()> &rebuild)
{
    if (current)
        QObject::disconnect(current, nullptr, chart, nullptr);
    current = model;
    if (model) {
        QObject::connect(model, &QAbstractItemModel::modelReset, chart, rebuild);
        QObject::connect(model, &QAbstractItemModel::layoutChanged, chart, rebuild);
        QObject::connect(model, &QAbstractItemModel::rowsInserted, chart, rebuild);
        QObject::connect(model, &QAbstractItemModel::rowsRemoved, chart, rebuild);
        QObject::connect(model, &QAbstractItemModel::dataChanged, chart, rebuild);
    }
    rebuild();
}

} // namespace EnvDeck::Timeline
