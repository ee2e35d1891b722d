// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings/SettingsPage.h"

class QCheckBox;
class QComboBox;
class QListWidget;

namespace EnvDeck::Settings {

// Where pipeline runs come from when `.envdeck.yaml` names no `pipelines:` ("pipelines/fallback":
// "none" | "forge"), whether catalog indexes are downloaded ("catalogs/offline", true = caches
// only), and, read-only, the open repository's `catalogs:` so the user sees where versions come
// from.
class PipelinesPage : public SettingsPage
{
    Q_OBJECT
public:
    static QString fallbackKey(); // "pipelines/fallback"
    // Whether the setting asks for the repository's forge.
    static bool fallbackToForge();

    explicit PipelinesPage(const QString &repositoryRoot, QWidget *parent = nullptr);

    QString title() const override;
    void load() override;
    void save() override;

    QComboBox *fallbackBox() const { return m_fallback; }
    QCheckBox *downloadBox() const { return m_download; }
    QListWidget *catalogList() const { return m_catalogs; }

private:
    void listCatalogs(const QString &root);

    QComboBox *m_fallback = nullptr;
    QCheckBox *m_download = nullptr;
    QListWidget *m_catalogs = nullptr;
};

} // namespace EnvDeck::Settings
