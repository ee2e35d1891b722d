// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "credentials/TokenStore.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>

namespace EnvDeck::Settings {
class SettingsDialog;
}

// The settings dialog: its pages load from and save to QSettings, Cancel stores nothing, and the
// settings reach what they drive (the theme, read-only mode, the token the window reads, the
// commit author). tst_settingsdialog_window.cpp opens it from the real main window.
class tst_SettingsDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EnvDeck::Credentials::TokenStore> m_tokens;

    std::unique_ptr<EnvDeck::Settings::SettingsDialog> makeDialog(const QString &root = {});
    static void clearSettings();
    QString demoRepository(); // generated once, in m_dir

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void generalLoads_data();
    void generalLoads();
    void generalSaves_data();
    void generalSaves();
    void everyControlIsNamed();
    void cancelStoresNothing();
    void applyDarkMakesPaletteDark();
    void readOnlyDrivesMode();
    void readOnlyForcedIsDisabled();

    void identityRoundTrip_data();
    void identityRoundTrip();
    void identityValidation_data();
    void identityValidation();
    void identitySkipsPrompt_data();
    void identitySkipsPrompt();

    void accountsRoundTrip();
    void badUrlRefused_data();
    void badUrlRefused();
    void accountTokenReachesForge_data();
    void accountTokenReachesForge();

    void pipelinesRoundTrip_data();
    void pipelinesRoundTrip();
    void catalogsListed();

    // tst_settingsdialog_window.cpp
    void forgeFallbackInTimeline_data();
    void forgeFallbackInTimeline();
    void preferencesFromMainWindow();
};
