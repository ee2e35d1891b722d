// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/GeneralPage.h"

#include "ReadOnlyMode.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

namespace EnvDeck::Settings {

QString GeneralPage::languageKey()
{
    return QStringLiteral("language");
}

GeneralPage::GeneralPage(ReadOnlyMode *readOnly, QWidget *parent)
    : SettingsPage(parent)
    , m_readOnly(readOnly)
{
    setObjectName(QStringLiteral("generalPage"));
    m_theme = new QComboBox(this);
    m_theme->setObjectName(QStringLiteral("themeBox"));
    for (Theme::Mode mode : {Theme::Mode::System, Theme::Mode::Light, Theme::Mode::Dark})
        m_theme->addItem(Theme::modeDisplayName(mode), int(mode));
    // A preview: the choice shows at once, and is stored only on OK or Apply.
    connect(m_theme, &QComboBox::activated, this, [this] { Theme::apply(chosenTheme()); });

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    auto languageNote
        = new QLabel(tr("The language takes effect the next time EnvDeck starts."), this);
    languageNote->setWordWrap(true);

    m_readOnlyBox = new QCheckBox(tr("&Read-only mode: hide every editing action"), this);
    m_readOnlyBox->setObjectName(QStringLiteral("readOnlyBox"));
    m_readOnlyNote = new QLabel(this);
    m_readOnlyNote->setObjectName(QStringLiteral("readOnlyNote"));
    m_readOnlyNote->setWordWrap(true);
    if (m_readOnly && m_readOnly->isForced()) {
        const QString why = tr("EnvDeck was started with --read-only: read-only mode stays on "
                               "for this session.");
        m_readOnlyBox->setEnabled(false);
        m_readOnlyBox->setToolTip(why);
        m_readOnlyNote->setText(why);
    }
    m_readOnlyNote->setVisible(!m_readOnlyNote->text().isEmpty());

    auto form = new QFormLayout;
    auto themeLabel = new QLabel(tr("&Theme:"), this);
    themeLabel->setBuddy(m_theme);
    form->addRow(themeLabel, m_theme);
    auto languageLabel = new QLabel(tr("&Language:"), this);
    languageLabel->setBuddy(m_language);
    form->addRow(languageLabel, m_language);
    form->addRow(QString(), languageNote);
    form->addRow(m_readOnlyBox);
    form->addRow(m_readOnlyNote);

    auto layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    setTabOrder(m_theme, m_language);
    setTabOrder(m_language, m_readOnlyBox);
}

QString GeneralPage::title() const
{
    return tr("General");
}

Theme::Mode GeneralPage::chosenTheme() const
{
    return Theme::Mode(m_theme->currentData().toInt());
}

void GeneralPage::load()
{
    m_appliedTheme = Theme::currentMode();
    m_theme->setCurrentIndex(m_theme->findData(int(Theme::storedMode())));
    const int language = m_language->findData(QSettings().value(languageKey()).toString());
    m_language->setCurrentIndex(language < 0 ? 0 : language);
    if (m_readOnly)
        m_readOnlyBox->setChecked(m_readOnly->isOn());
    else
        m_readOnlyBox->setChecked(QSettings().value(ReadOnlyMode::settingsKey()).toBool());
}

void GeneralPage::save()
{
    Theme::storeMode(chosenTheme());
    Theme::apply(chosenTheme());
    m_appliedTheme = chosenTheme();
    QSettings().setValue(languageKey(), m_language->currentData().toString());
    if (!m_readOnlyBox->isEnabled())
        return; // forced: the setting keeps what the user chose
    if (m_readOnly)
        m_readOnly->setOn(m_readOnlyBox->isChecked());
    else
        QSettings().setValue(ReadOnlyMode::settingsKey(), m_readOnlyBox->isChecked());
}

void GeneralPage::revert()
{
    if (Theme::currentMode() != m_appliedTheme)
        Theme::apply(m_appliedTheme);
}

} // namespace EnvDeck::Settings
