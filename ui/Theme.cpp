// SPDX-License-Identifier: GPL-3.0-or-later
#include "Theme.h"

#include "UiLogging.h"

#include <QApplication>
#include <QCoreApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

#include <optional>

namespace EnvDeck::Theme {
namespace {

// What the application looked like before EnvDeck changed anything, for System.
struct Original
{
    QString styleName;
    QPalette palette;
};

std::optional<Original> &original()
{
    static std::optional<Original> value;
    return value;
}

Mode &current()
{
    static Mode value = Mode::System;
    return value;
}

void setColors(QPalette &palette, QPalette::ColorGroup group,
               std::initializer_list<std::pair<QPalette::ColorRole, QColor>> colors)
{
    for (const auto &[role, color] : colors)
        palette.setColor(group, role, color);
}

QString translated(const char *text)
{
    return QCoreApplication::translate("EnvDeck::Theme", text);
}

} // namespace

QString settingsKey()
{
    return QStringLiteral("appearance/theme");
}

QString modeKey(Mode mode)
{
    switch (mode) {
    case Mode::Light:
        return QStringLiteral("light");
    case Mode::Dark:
        return QStringLiteral("dark");
    case Mode::System:
        break;
    }
    return QStringLiteral("system");
}

Mode modeFromKey(const QString &key)
{
    if (key == u"light")
        return Mode::Light;
    if (key == u"dark")
        return Mode::Dark;
    return Mode::System;
}

QString modeDisplayName(Mode mode)
{
    switch (mode) {
    case Mode::Light:
        return translated(QT_TRANSLATE_NOOP("EnvDeck::Theme", "Light"));
    case Mode::Dark:
        return translated(QT_TRANSLATE_NOOP("EnvDeck::Theme", "Dark"));
    case Mode::System:
        break;
    }
    return translated(QT_TRANSLATE_NOOP("EnvDeck::Theme", "System"));
}

Mode storedMode()
{
    return modeFromKey(QSettings().value(settingsKey()).toString());
}

void storeMode(Mode mode)
{
    QSettings().setValue(settingsKey(), modeKey(mode));
}

QPalette lightPalette()
{
    QPalette palette;
    setColors(palette, QPalette::All,
              {{QPalette::Window, QColor(0xef, 0xf0, 0xf1)},
               {QPalette::WindowText, QColor(0x23, 0x26, 0x29)},
               {QPalette::Base, Qt::white},
               {QPalette::AlternateBase, QColor(0xf5, 0xf6, 0xf7)},
               {QPalette::ToolTipBase, QColor(0xff, 0xfd, 0xe8)},
               {QPalette::ToolTipText, QColor(0x23, 0x26, 0x29)},
               {QPalette::PlaceholderText, QColor(0x70, 0x74, 0x78)},
               {QPalette::Text, QColor(0x23, 0x26, 0x29)},
               {QPalette::Button, QColor(0xe3, 0xe5, 0xe7)},
               {QPalette::ButtonText, QColor(0x23, 0x26, 0x29)},
               {QPalette::BrightText, Qt::white},
               {QPalette::Light, Qt::white},
               {QPalette::Midlight, QColor(0xe9, 0xeb, 0xed)},
               {QPalette::Mid, QColor(0xb8, 0xbc, 0xc0)},
               {QPalette::Dark, QColor(0x9a, 0x9e, 0xa3)},
               {QPalette::Shadow, QColor(0x47, 0x4b, 0x50)},
               {QPalette::Highlight, QColor(0x2a, 0x6f, 0xc9)},
               {QPalette::HighlightedText, Qt::white},
               {QPalette::Link, QColor(0x1d, 0x5f, 0xb8)},
               {QPalette::LinkVisited, QColor(0x6a, 0x3f, 0xb0)}});
    setColors(palette, QPalette::Disabled,
              {{QPalette::WindowText, QColor(0x8f, 0x93, 0x97)},
               {QPalette::Text, QColor(0x8f, 0x93, 0x97)},
               {QPalette::ButtonText, QColor(0x8f, 0x93, 0x97)},
               {QPalette::Highlight, QColor(0xa8, 0xb4, 0xc4)}});
    return palette;
}

QPalette darkPalette()
{
    // Grey rather than black backgrounds, and text that is not pure white, so long tables and
    // diagrams stay comfortable; every foreground keeps a contrast of at least 4.5:1.
    QPalette palette;
    setColors(palette, QPalette::All,
              {{QPalette::Window, QColor(0x2b, 0x2d, 0x30)},
               {QPalette::WindowText, QColor(0xe2, 0xe4, 0xe6)},
               {QPalette::Base, QColor(0x1f, 0x21, 0x24)},
               {QPalette::AlternateBase, QColor(0x27, 0x29, 0x2c)},
               {QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x41)},
               {QPalette::ToolTipText, QColor(0xe2, 0xe4, 0xe6)},
               {QPalette::PlaceholderText, QColor(0x95, 0x99, 0x9e)},
               {QPalette::Text, QColor(0xe2, 0xe4, 0xe6)},
               {QPalette::Button, QColor(0x37, 0x3a, 0x3e)},
               {QPalette::ButtonText, QColor(0xe2, 0xe4, 0xe6)},
               {QPalette::BrightText, QColor(0xff, 0x8a, 0x80)},
               {QPalette::Light, QColor(0x4a, 0x4e, 0x53)},
               {QPalette::Midlight, QColor(0x3f, 0x42, 0x46)},
               {QPalette::Mid, QColor(0x30, 0x33, 0x36)},
               {QPalette::Dark, QColor(0x1a, 0x1b, 0x1d)},
               {QPalette::Shadow, QColor(0x0e, 0x0f, 0x10)},
               {QPalette::Highlight, QColor(0x35, 0x74, 0xd4)},
               {QPalette::HighlightedText, Qt::white},
               {QPalette::Link, QColor(0x7c, 0xb7, 0xff)},
               {QPalette::LinkVisited, QColor(0xc3, 0x9b, 0xff)}});
    setColors(palette, QPalette::Disabled,
              {{QPalette::WindowText, QColor(0x7d, 0x81, 0x86)},
               {QPalette::Text, QColor(0x7d, 0x81, 0x86)},
               {QPalette::ButtonText, QColor(0x7d, 0x81, 0x86)},
               {QPalette::Highlight, QColor(0x44, 0x4a, 0x52)}});
    return palette;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::WindowText).lightness()
           > palette.color(QPalette::Window).lightness();
}

void apply(Mode mode)
{
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    if (!app)
        return;
    if (!original())
        original() = Original{QApplication::style()->name(), QApplication::palette()};
    current() = mode;

    if (mode == Mode::System) {
        if (QApplication::style()->name() != original()->styleName)
            QApplication::setStyle(original()->styleName);
        QApplication::setPalette(original()->palette);
        qCInfo(lcUi) << "Theme: the system's, style" << original()->styleName;
        return;
    }
    // Fusion takes every colour from the palette; native styles may ignore parts of it.
    if (QApplication::style()->name().compare(u"fusion", Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(mode == Mode::Dark ? darkPalette() : lightPalette());
    qCInfo(lcUi) << "Theme:" << modeKey(mode);
}

Mode currentMode()
{
    return current();
}

} // namespace EnvDeck::Theme
