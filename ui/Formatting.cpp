// SPDX-License-Identifier: GPL-3.0-or-later
#include "Formatting.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QWidget>

namespace EnvDeck {
namespace {

QString bannerStyleSheet(const QLabel *label, Formatting::Tone tone)
{
    // The application's palette for the label, not the label's own: the style sheet changes
    // that one, and a theme switch reaches it only after the label hears of the switch.
    const QColor colour = Formatting::toneColor(QApplication::palette(label), tone);
    QColor background = colour;
    background.setAlpha(36);
    return QStringLiteral("QLabel { background: %1; border: 1px solid %2;"
                          " border-left: 4px solid %2; border-radius: 3px; padding: 6px; }")
        .arg(background.name(QColor::HexArgb), colour.name(QColor::HexRgb));
}

// Calls back when the application's palette changes. A theme switch is announced to the
// application object; a widget with a style sheet does not always hear of it itself.
class PaletteWatcher final : public QObject
{
public:
    PaletteWatcher(QObject *owner, std::function<void()> changed)
        : QObject(owner)
        , m_changed(std::move(changed))
    {
        QCoreApplication::instance()->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == QCoreApplication::instance()
            && event->type() == QEvent::ApplicationPaletteChange)
            m_changed();
        return false;
    }

private:
    std::function<void()> m_changed;
};

const char BannerToneProperty[] = "envdeckBannerTone";

} // namespace

void Formatting::onPaletteChange(QObject *owner, const std::function<void()> &changed)
{
    new PaletteWatcher(owner, changed);
}

void Formatting::styleBanner(QLabel *label, Tone tone)
{
    const bool watched = label->property(BannerToneProperty).isValid();
    label->setProperty(BannerToneProperty, int(tone));
    const auto restyle = [label] {
        const auto current = Tone(label->property(BannerToneProperty).toInt());
        const QString sheet = bannerStyleSheet(label, current);
        if (label->styleSheet() != sheet)
            label->setStyleSheet(sheet);
    };
    restyle();
    if (!watched)
        onPaletteChange(label, restyle);
}

// The plural texts keep "1" as a text of its own, so that the English source reads right without
// a translation file, while translations still get every numerus form for the %n texts.

QString Formatting::relativeTime(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return {};
    const qint64 seconds = time.secsTo(now);
    if (seconds < -60) { // clock skew, or a commit dated ahead: say when, not "in 3 hours"
        const QDateTime local = time.toLocalTime();
        const QString clock = QLocale().toString(local.time(), QLocale::ShortFormat);
        if (local.date() == now.toLocalTime().date())
            return tr("today at %1").arg(clock);
        return tr("%1 at %2").arg(QLocale().toString(local.date(), QLocale::ShortFormat), clock);
    }
    if (seconds < 60)
        return tr("just now");
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return minutes == 1 ? tr("a minute ago") : tr("%n minutes ago", nullptr, int(minutes));
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return hours == 1 ? tr("an hour ago") : tr("%n hours ago", nullptr, int(hours));
    const qint64 days = time.toLocalTime().date().daysTo(now.toLocalTime().date());
    if (days <= 1)
        return tr("yesterday");
    if (days < 14)
        return tr("%n days ago", nullptr, int(days));
    if (days < 60)
        return tr("%n weeks ago", nullptr, int(days / 7));
    if (days < 365)
        return tr("%n months ago", nullptr, int(days / 30));
    return QLocale().toString(time.toLocalTime().date(), QLocale::ShortFormat);
}

QString Formatting::authorAndTime(const QString &author, const QDateTime &time)
{
    const QString when = relativeTime(time);
    if (author.isEmpty())
        return when;
    if (when.isEmpty())
        return author;
    return tr("%1 · %2", "author · relative time").arg(author, when);
}

QString Formatting::tierLabel(const QString &tier)
{
    if (tier == QLatin1String("dev"))
        return tr("dev");
    if (tier == QLatin1String("staging"))
        return tr("staging");
    if (tier == QLatin1String("production"))
        return tr("production");
    return tr("unknown tier");
}

QColor Formatting::tierColor(const QString &tier)
{
    if (tier == QLatin1String("dev"))
        return QColor(0x2e, 0x7d, 0x32);
    if (tier == QLatin1String("staging"))
        return QColor(0xa8, 0x5d, 0x00);
    if (tier == QLatin1String("production"))
        return QColor(0xc6, 0x28, 0x28);
    return QColor(0x61, 0x61, 0x61);
}

QString Formatting::moduleCount(int count)
{
    return count == 1 ? tr("1 module") : tr("%n modules", nullptr, count);
}

QString Formatting::componentCount(int count)
{
    return count == 1 ? tr("1 component") : tr("%n components", nullptr, count);
}

QString Formatting::lockedCount(int count)
{
    return tr("%n locked", nullptr, count);
}

QString Formatting::environmentCount(int count)
{
    return count == 1 ? tr("1 environment") : tr("%n environments", nullptr, count);
}

QColor Formatting::toneColor(const QWidget *widget, Tone tone)
{
    return toneColor(widget->palette(), tone);
}

QColor Formatting::toneColor(const QPalette &palette, Tone tone)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    switch (tone) {
    case Tone::Bad:
        return dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28);
    case Tone::Warning:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xa8, 0x5d, 0x00);
    case Tone::Good:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
    case Tone::Neutral:
        break;
    }
    return palette.color(QPalette::WindowText);
}

} // namespace EnvDeck
