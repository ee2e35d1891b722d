// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/SettingsPage.h"

#include "Formatting.h"

#include <QEvent>
#include <QLabel>

namespace EnvDeck::Settings {

QLabel *SettingsPage::makeProblemLabel(const QString &objectName)
{
    auto label = new QLabel(this);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->hide();
    m_problemLabels.append(label);
    toneProblems();
    return label;
}

void SettingsPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        toneProblems();
}

void SettingsPage::toneProblems()
{
    const QColor bad = Formatting::toneColor(this, Formatting::Tone::Bad);
    for (QLabel *label : std::as_const(m_problemLabels)) {
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText, bad);
        label->setPalette(palette);
    }
}

} // namespace EnvDeck::Settings
