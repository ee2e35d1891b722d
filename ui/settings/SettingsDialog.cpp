// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/SettingsDialog.h"

#include "settings/AccountsPage.h"
#include "settings/GeneralPage.h"
#include "settings/IdentityPage.h"
#include "settings/PipelinesPage.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace EnvDeck::Settings {

SettingsDialog::SettingsDialog(Credentials::TokenStore *tokens, ReadOnlyMode *readOnly,
                               const QString &repositoryRoot, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Preferences"));

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("settingsPages"));
    m_list->setAccessibleName(tr("Settings pages"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("settingsStack"));

    m_general = new GeneralPage(readOnly, this);
    m_identity = new IdentityPage(repositoryRoot, this);
    m_accounts = new AccountsPage(tokens, this);
    m_pipelines = new PipelinesPage(repositoryRoot, this);
    for (SettingsPage *page :
         {static_cast<SettingsPage *>(m_general), static_cast<SettingsPage *>(m_identity),
          static_cast<SettingsPage *>(m_accounts), static_cast<SettingsPage *>(m_pipelines)})
        addPage(page);
    m_list->setMaximumWidth(m_list->sizeHintForColumn(0) + 4 * m_list->frameWidth() + 24);
    connect(m_list, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    m_buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            &SettingsDialog::apply);

    auto body = new QHBoxLayout;
    body->addWidget(m_list);
    body->addWidget(m_stack, 1);
    auto layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(m_buttons);

    m_list->setCurrentRow(0);
    setTabOrder(m_list, m_stack);
    updateButtons();
    resize(760, 520);
}

void SettingsDialog::addPage(SettingsPage *page)
{
    page->load();
    m_pages.append(page);
    m_stack->addWidget(page);
    m_list->addItem(page->title());
    connect(page, &SettingsPage::validityChanged, this, &SettingsDialog::updateButtons);
}

void SettingsDialog::showPage(Page page)
{
    m_list->setCurrentRow(int(page));
}

void SettingsDialog::updateButtons()
{
    if (!m_buttons)
        return;
    bool valid = true;
    for (const SettingsPage *page : std::as_const(m_pages))
        valid = valid && page->isValid();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(valid);
}

bool SettingsDialog::apply()
{
    for (SettingsPage *page : std::as_const(m_pages)) {
        if (!page->isValid()) {
            m_list->setCurrentRow(int(m_pages.indexOf(page)));
            return false;
        }
    }
    for (SettingsPage *page : std::as_const(m_pages))
        page->save();
    return true;
}

void SettingsDialog::accept()
{
    if (apply())
        QDialog::accept();
}

void SettingsDialog::reject()
{
    for (SettingsPage *page : std::as_const(m_pages))
        page->revert();
    QDialog::reject();
}

} // namespace EnvDeck::Settings
