// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings/ForgeAccounts.h"
#include "settings/SettingsPage.h"

#include <QPointer>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace EnvDeck::Credentials {
class TokenStore;
}

namespace EnvDeck::Settings {

// The forge accounts ("accounts" in QSettings: provider, url, user) and, for the selected one,
// its token in the TokenStore: saved at once with "Save token" (it is a secret, not a setting, so
// it does not wait for OK), removed with "Remove token", and shown only by where it is kept.
class AccountsPage : public SettingsPage
{
    Q_OBJECT
public:
    // `tokens` is the window's store; may be null (then tokens cannot be set here).
    explicit AccountsPage(Credentials::TokenStore *tokens, QWidget *parent = nullptr);

    QString title() const override;
    void load() override;
    void save() override;
    bool isValid() const override;

    QList<ForgeAccount> accounts() const { return m_accounts; }
    QString problem() const;

    QTableWidget *table() const { return m_table; }
    QComboBox *providerBox() const { return m_provider; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *tokenEdit() const { return m_token; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *saveTokenButton() const { return m_saveToken; }
    QPushButton *removeTokenButton() const { return m_removeToken; }
    // "Token stored: system keychain", "No token stored", what the last save or removal did.
    QLabel *tokenStatus() const { return m_tokenStatus; }

    void addAccount();
    void removeAccount();
    void selectAccount(int row);
    void saveToken();
    void removeToken();

signals:
    // A token read, save or removal finished and tokenStatus() says how.
    void tokenStatusChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int currentRow() const;
    // The keychain account of the selected row; nullopt without a selection or a token store,
    // or when the row cannot name one (the token status then says why).
    std::optional<Credentials::Account> selectedAccount();
    void refreshTable();
    void refreshRow(int row);
    void showSelected();
    void editSelected();
    void updateProblem();
    void readTokenStatus();
    void setTokenStatus(const QString &text);

    QPointer<Credentials::TokenStore> m_tokens;
    QList<ForgeAccount> m_accounts;
    QTableWidget *m_table = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QComboBox *m_provider = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_token = nullptr;
    QPushButton *m_saveToken = nullptr;
    QPushButton *m_removeToken = nullptr;
    QLabel *m_tokenStatus = nullptr;
    QLabel *m_problem = nullptr;
    bool m_showing = false;    // filling the editors from the selection: no edits to copy back
    int m_tokenGeneration = 0; // a newer selection or action makes older answers stale
};

} // namespace EnvDeck::Settings
