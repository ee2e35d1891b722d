// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Theme.h"
#include "settings/SettingsPage.h"

#include <QPointer>

class QCheckBox;
class QComboBox;
class QLabel;

namespace EnvDeck {
class ReadOnlyMode;
}

namespace EnvDeck::Settings {

// Theme ("appearance/theme", previewed as it is chosen), language ("language": "" the system's,
// "en", "de"; read at start) and read-only mode ("ui/readOnly", through ReadOnlyMode).
class GeneralPage : public SettingsPage
{
    Q_OBJECT
public:
    static QString languageKey(); // "language"

    // `readOnly` may be null (then the setting is written directly).
    explicit GeneralPage(ReadOnlyMode *readOnly, QWidget *parent = nullptr);

    QString title() const override;
    void load() override;
    void save() override;
    void revert() override;

    QComboBox *themeBox() const { return m_theme; }
    QComboBox *languageBox() const { return m_language; }
    QCheckBox *readOnlyBox() const { return m_readOnlyBox; }

private:
    Theme::Mode chosenTheme() const;

    QPointer<ReadOnlyMode> m_readOnly;
    QComboBox *m_theme = nullptr;
    QComboBox *m_language = nullptr;
    QCheckBox *m_readOnlyBox = nullptr;
    QLabel *m_readOnlyNote = nullptr;
    // What the application showed when the page was loaded or last saved: Cancel returns to it.
    Theme::Mode m_appliedTheme = Theme::Mode::System;
};

} // namespace EnvDeck::Settings
