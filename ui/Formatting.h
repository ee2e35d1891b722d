// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "repo/Environment.h"

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <functional>

class QLabel;
class QPalette;
class QWidget;

namespace EnvDeck {

// Texts and colours that several views show the same way.
class Formatting
{
    Q_DECLARE_TR_FUNCTIONS(EnvDeck::Formatting)

public:
    // "just now", "5 minutes ago", "yesterday", "3 days ago", "4 months ago"; a date for times
    // in the future or older than a year.
    static QString relativeTime(const QDateTime &time,
                                const QDateTime &now = QDateTime::currentDateTime());

    // "Maria Silva · 3 days ago"; empty when the commit is not known.
    static QString authorAndTime(const QString &author, const QDateTime &time);

    // The translated name of a tier as the models spell it ("dev", "staging", "production").
    static QString tierLabel(const QString &tier);
    static QString tierLabel(Tier tier) { return tierLabel(tierToString(tier)); }

    // The badge colour of a tier; white text is readable on all of them.
    static QColor tierColor(const QString &tier);
    static QColor tierColor(Tier tier) { return tierColor(tierToString(tier)); }

    // A text colour for good, worrying or bad news that stays readable on `widget`'s palette,
    // light or dark; Neutral is the palette's own text colour.
    enum class Tone { Neutral, Good, Warning, Bad };
    static QColor toneColor(const QWidget *widget, Tone tone);
    static QColor toneColor(const QPalette &palette, Tone tone);

    // Makes `label` a notice banner: the text in the palette's own colour, the tone in its frame
    // and a light tint behind it. The style follows theme switches for as long as the label
    // lives; calling it again changes the tone.
    static void styleBanner(QLabel *label, Tone tone);
    // Calls `changed` whenever the application's palette changes (a theme switch), for as long
    // as `owner` lives: for colours a view computes once rather than reading at paint time.
    static void onPaletteChange(QObject *owner, const std::function<void()> &changed);

    // "12 modules", "1 module", and so on.
    static QString moduleCount(int count);
    static QString componentCount(int count);
    static QString lockedCount(int count);
    static QString environmentCount(int count);
};

} // namespace EnvDeck
