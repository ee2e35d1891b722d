// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>

class QDialogButtonBox;
class QListWidget;
class QStackedWidget;

namespace EnvDeck {
class ReadOnlyMode;
}
namespace EnvDeck::Credentials {
class TokenStore;
}

namespace EnvDeck::Settings {

class AccountsPage;
class GeneralPage;
class IdentityPage;
class PipelinesPage;
class SettingsPage;

// Edit ▸ Preferences: pages listed on the left, OK / Cancel / Apply. Nothing is stored before OK
// or Apply (tokens excepted: "Save token" keeps them at once); Cancel puts back a previewed
// theme. OK and Apply stay disabled while a page is invalid. The QSettings keys:
//   appearance/theme      "system" | "light" | "dark"                  (General)
//   language              "" (the system's) | "en" | "de"; next start  (General)
//   ui/readOnly           bool, through ReadOnlyMode                    (General)
//   identity/name, identity/email   empty: git's identity              (Commit identity)
//   accounts              array of provider, url, user; never a token   (Accounts)
//   pipelines/fallback    "none" | "forge"                              (Pipelines & catalogs)
//   catalogs/offline      bool, true: cached catalog indexes only       (Pipelines & catalogs)
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Page { General, Identity, Accounts, Pipelines };

    // `tokens` and `readOnly` are the window's (may be null); `repositoryRoot` the open
    // repository, empty when none.
    SettingsDialog(Credentials::TokenStore *tokens, ReadOnlyMode *readOnly,
                   const QString &repositoryRoot, QWidget *parent = nullptr);

    void showPage(Page page);
    // Stores every page; false (nothing stored) while a page is invalid.
    bool apply();

    GeneralPage *generalPage() const { return m_general; }
    IdentityPage *identityPage() const { return m_identity; }
    AccountsPage *accountsPage() const { return m_accounts; }
    PipelinesPage *pipelinesPage() const { return m_pipelines; }
    QListWidget *pageList() const { return m_list; }
    QDialogButtonBox *buttons() const { return m_buttons; }

    void accept() override;
    void reject() override;

private:
    void addPage(SettingsPage *page);
    void updateButtons();

    QListWidget *m_list = nullptr;
    QStackedWidget *m_stack = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QList<SettingsPage *> m_pages;
    GeneralPage *m_general = nullptr;
    IdentityPage *m_identity = nullptr;
    AccountsPage *m_accounts = nullptr;
    PipelinesPage *m_pipelines = nullptr;
};

} // namespace EnvDeck::Settings
