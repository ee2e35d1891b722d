// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/PipelinesPage.h"

#include "Formatting.h"
#include "catalog/CatalogConfig.h"
#include "matrix/VersionWorkspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QVBoxLayout>

namespace EnvDeck::Settings {

QString PipelinesPage::fallbackKey()
{
    return QStringLiteral("pipelines/fallback");
}

bool PipelinesPage::fallbackToForge()
{
    return QSettings().value(fallbackKey()).toString() == QStringLiteral("forge");
}

PipelinesPage::PipelinesPage(const QString &repositoryRoot, QWidget *parent)
    : SettingsPage(parent)
{
    setObjectName(QStringLiteral("pipelinesPage"));
    m_fallback = new QComboBox(this);
    m_fallback->setObjectName(QStringLiteral("pipelineFallback"));
    m_fallback->addItem(tr("None"), QStringLiteral("none"));
    m_fallback->addItem(tr("The repository's forge"), QStringLiteral("forge"));
    auto fallbackNote = new QLabel(tr("Used when .envdeck.yaml has no pipelines: entry, from the "
                                      "next refresh of the Timelines (Ctrl+F5). With None, the "
                                      "Timeline says how to name one."),
                                   this);
    fallbackNote->setWordWrap(true);

    m_download = new QCheckBox(tr("&Download catalog indexes"), this);
    m_download->setObjectName(QStringLiteral("downloadCatalogs"));
    m_download->setToolTip(tr("Off: validation uses the cached copies of Helm indexes given by "
                              "URL and downloads nothing."));

    m_catalogs = new QListWidget(this);
    m_catalogs->setObjectName(QStringLiteral("catalogList"));
    m_catalogs->setAccessibleName(tr("Catalogs of the open repository"));
    m_catalogs->setSelectionMode(QAbstractItemView::NoSelection);
    listCatalogs(repositoryRoot);

    auto pipelines = new QGroupBox(tr("Pipelines"), this);
    auto pipelinesForm = new QFormLayout(pipelines);
    auto fallbackLabel = new QLabel(tr("Pipeline &provider:"), pipelines);
    fallbackLabel->setBuddy(m_fallback);
    pipelinesForm->addRow(fallbackLabel, m_fallback);
    pipelinesForm->addRow(QString(), fallbackNote);

    auto catalogs = new QGroupBox(tr("Catalogs"), this);
    auto catalogsLayout = new QVBoxLayout(catalogs);
    catalogsLayout->addWidget(m_download);
    auto downloadNote = new QLabel(tr("Off: validation uses the cached copies of Helm indexes "
                                      "and downloads nothing. From the next reload (F5)."),
                                   catalogs);
    downloadNote->setWordWrap(true);
    catalogsLayout->addWidget(downloadNote);
    auto listLabel
        = new QLabel(tr("&Where versions come from (catalogs: in .envdeck.yaml):"), catalogs);
    listLabel->setBuddy(m_catalogs);
    catalogsLayout->addWidget(listLabel);
    catalogsLayout->addWidget(m_catalogs, 1);

    auto layout = new QVBoxLayout(this);
    layout->addWidget(pipelines);
    layout->addWidget(catalogs, 1);
    setTabOrder(m_fallback, m_download);
    setTabOrder(m_download, m_catalogs);
}

QString PipelinesPage::title() const
{
    return tr("Pipelines & catalogs");
}

void PipelinesPage::load()
{
    m_fallback->setCurrentIndex(fallbackToForge() ? 1 : 0);
    m_download->setChecked(!VersionWorkspace::offlineSetting());
}

void PipelinesPage::save()
{
    QSettings settings;
    settings.setValue(fallbackKey(), m_fallback->currentData().toString());
    settings.setValue(VersionWorkspace::offlineSettingsKey(), !m_download->isChecked());
}

void PipelinesPage::listCatalogs(const QString &root)
{
    m_catalogs->clear();
    if (root.isEmpty()) {
        m_catalogs->addItem(tr("No repository open"));
        return;
    }
    const auto config = readCatalogConfig(root);
    if (!config) {
        m_catalogs->addItem(config.error().toString());
        return;
    }
    for (const CatalogEntry &entry : config->entries) {
        auto item = new QListWidgetItem(entry.describe(), m_catalogs);
        item->setToolTip(entry.location.toString());
    }
    for (const Error &problem : config->problems) {
        auto item = new QListWidgetItem(problem.toString(), m_catalogs);
        item->setForeground(Formatting::toneColor(m_catalogs, Formatting::Tone::Bad));
    }
    if (config->entries.isEmpty() && config->problems.isEmpty())
        m_catalogs->addItem(tr("The repository's .envdeck.yaml lists no catalogs."));
}

} // namespace EnvDeck::Settings
