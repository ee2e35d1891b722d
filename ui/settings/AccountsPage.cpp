// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/AccountsPage.h"

#include "credentials/TokenStore.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

namespace EnvDeck::Settings {

namespace {

enum Column { ProviderColumn, UrlColumn, UserColumn, ColumnCount };

QString defaultUrl(Forge::Provider provider)
{
    switch (provider) {
    case Forge::Provider::GitHub:
        return QStringLiteral("https://github.com");
    case Forge::Provider::AzureDevOps:
        return QStringLiteral("https://dev.azure.com");
    case Forge::Provider::GitLab:
    case Forge::Provider::Local:
        break;
    }
    return QStringLiteral("https://gitlab.com");
}

} // namespace

AccountsPage::AccountsPage(Credentials::TokenStore *tokens, QWidget *parent)
    : SettingsPage(parent)
    , m_tokens(tokens)
{
    setObjectName(QStringLiteral("accountsPage"));
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("accountsTable"));
    m_table->setAccessibleName(tr("Forge accounts"));
    m_table->setHorizontalHeaderLabels({tr("Provider"), tr("URL"), tr("User")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(UrlColumn, QHeaderView::Stretch);
    m_table->setTabKeyNavigation(false);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &AccountsPage::showSelected);

    m_add = new QPushButton(tr("&Add"), this);
    m_add->setObjectName(QStringLiteral("addAccount"));
    m_remove = new QPushButton(tr("Re&move"), this);
    m_remove->setObjectName(QStringLiteral("removeAccount"));
    connect(m_add, &QPushButton::clicked, this, &AccountsPage::addAccount);
    connect(m_remove, &QPushButton::clicked, this, &AccountsPage::removeAccount);

    m_provider = new QComboBox(this);
    m_provider->setObjectName(QStringLiteral("accountProvider"));
    for (Forge::Provider provider : accountProviders())
        m_provider->addItem(Forge::providerDisplayName(provider), int(provider));
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("accountUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://gitlab.com"));
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("accountUser"));
    m_user->setPlaceholderText(tr("optional"));
    m_user->setToolTip(tr("Whose token it is, for you to tell accounts apart. EnvDeck uses one "
                          "token per forge address."));
    connect(m_provider, &QComboBox::activated, this, &AccountsPage::editSelected);
    connect(m_url, &QLineEdit::textEdited, this, &AccountsPage::editSelected);
    connect(m_user, &QLineEdit::textEdited, this, &AccountsPage::editSelected);

    m_token = new QLineEdit(this);
    m_token->setObjectName(QStringLiteral("accountToken"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("paste a personal access token"));
    m_saveToken = new QPushButton(tr("&Save token"), this);
    m_saveToken->setObjectName(QStringLiteral("saveToken"));
    m_removeToken = new QPushButton(tr("Remove t&oken"), this);
    m_removeToken->setObjectName(QStringLiteral("removeToken"));
    connect(m_saveToken, &QPushButton::clicked, this, &AccountsPage::saveToken);
    connect(m_removeToken, &QPushButton::clicked, this, &AccountsPage::removeToken);
    connect(m_token, &QLineEdit::textChanged, this, [this] {
        m_saveToken->setEnabled(m_tokens && currentRow() >= 0 && !m_token->text().isEmpty());
        updateProblem(); // a typed token not saved yet keeps OK disabled
    });
    // Enter in the token field saves the token rather than pressing the dialog's OK, which
    // would close it with the token unsaved.
    m_token->installEventFilter(this);
    m_tokenStatus = new QLabel(this);
    m_tokenStatus->setObjectName(QStringLiteral("tokenStatus"));
    m_tokenStatus->setWordWrap(true);
    m_tokenStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_problem = makeProblemLabel(QStringLiteral("accountsProblem"));

    auto tableButtons = new QHBoxLayout;
    tableButtons->addWidget(m_add);
    tableButtons->addWidget(m_remove);
    tableButtons->addStretch();

    auto selected = new QGroupBox(tr("Selected account"), this);
    auto form = new QFormLayout(selected);
    auto providerLabel = new QLabel(tr("&Provider:"), selected);
    providerLabel->setBuddy(m_provider);
    form->addRow(providerLabel, m_provider);
    auto urlLabel = new QLabel(tr("&URL:"), selected);
    urlLabel->setBuddy(m_url);
    form->addRow(urlLabel, m_url);
    auto userLabel = new QLabel(tr("Us&er:"), selected);
    userLabel->setBuddy(m_user);
    form->addRow(userLabel, m_user);
    auto tokenLabel = new QLabel(tr("&Token:"), selected);
    tokenLabel->setBuddy(m_token);
    auto tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_saveToken);
    tokenRow->addWidget(m_removeToken);
    form->addRow(tokenLabel, tokenRow);
    form->addRow(QString(), m_tokenStatus);

    auto layout = new QVBoxLayout(this);
    auto intro = new QLabel(tr("The forges EnvDeck opens merge requests on and reads pipelines "
                               "from. Tokens are kept in the system keychain, never in the "
                               "settings."),
                            this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(tableButtons);
    layout->addWidget(m_problem);
    layout->addWidget(selected);

    setTabOrder(m_table, m_add);
    setTabOrder(m_add, m_remove);
    setTabOrder(m_remove, m_provider);
    setTabOrder(m_provider, m_url);
    setTabOrder(m_url, m_user);
    setTabOrder(m_user, m_token);
    setTabOrder(m_token, m_saveToken);
    setTabOrder(m_saveToken, m_removeToken);
    showSelected();
    updateProblem();
}

QString AccountsPage::title() const
{
    return tr("Accounts");
}

void AccountsPage::load()
{
    m_accounts = storedAccounts();
    refreshTable();
    if (!m_accounts.isEmpty())
        selectAccount(0);
    updateProblem();
}

void AccountsPage::save()
{
    storeAccounts(m_accounts);
}

bool AccountsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_token && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            if (m_saveToken->isEnabled())
                saveToken();
            return true;
        }
    }
    return SettingsPage::eventFilter(watched, event);
}

QString AccountsPage::problem() const
{
    if (!m_token->text().isEmpty())
        return tr("Save the token typed for the selected account (Enter), or clear the field.");
    for (int row = 0; row < m_accounts.size(); ++row) {
        if (auto account = credentialsAccount(m_accounts[row]); !account)
            return tr("Account %1: %2").arg(row + 1).arg(account.error().message());
    }
    return {};
}

bool AccountsPage::isValid() const
{
    return problem().isEmpty();
}

int AccountsPage::currentRow() const
{
    const QList<QTableWidgetSelectionRange> ranges = m_table->selectedRanges();
    const int row = ranges.isEmpty() ? -1 : ranges.first().topRow();
    return row < m_accounts.size() ? row : -1;
}

void AccountsPage::refreshTable()
{
    m_table->setRowCount(int(m_accounts.size()));
    for (int row = 0; row < m_accounts.size(); ++row)
        refreshRow(row);
}

void AccountsPage::refreshRow(int row)
{
    const ForgeAccount &account = m_accounts[row];
    const QStringList texts{Forge::providerDisplayName(account.provider), account.url,
                            account.user};
    for (int column = 0; column < ColumnCount; ++column) {
        QTableWidgetItem *item = m_table->item(row, column);
        if (!item) {
            item = new QTableWidgetItem;
            m_table->setItem(row, column, item);
        }
        item->setText(texts[column]);
    }
}

void AccountsPage::selectAccount(int row)
{
    if (row < 0 || row >= m_table->rowCount()) {
        m_table->clearSelection();
        return;
    }
    if (row == currentRow())
        showSelected(); // the same row again: still read where its token is now
    else
        m_table->selectRow(row);
}

void AccountsPage::addAccount()
{
    m_accounts.append(
        ForgeAccount{Forge::Provider::GitLab, defaultUrl(Forge::Provider::GitLab), QString()});
    refreshTable();
    selectAccount(int(m_accounts.size()) - 1);
    updateProblem();
    m_url->setFocus();
    m_url->selectAll();
}

void AccountsPage::removeAccount()
{
    const int row = currentRow();
    if (row < 0)
        return;
    m_accounts.removeAt(row);
    {
        // The view moves the selection while the row goes: show it once the table agrees again.
        const QSignalBlocker blocker(m_table->selectionModel());
        m_table->removeRow(row);
    }
    selectAccount(std::min(row, int(m_accounts.size()) - 1));
    showSelected();
    updateProblem();
}

void AccountsPage::showSelected()
{
    const int row = currentRow();
    const bool has = row >= 0;
    m_showing = true;
    if (has) {
        m_provider->setCurrentIndex(m_provider->findData(int(m_accounts[row].provider)));
        m_url->setText(m_accounts[row].url);
        m_user->setText(m_accounts[row].user);
    } else {
        m_url->clear();
        m_user->clear();
    }
    m_showing = false;
    m_token->clear();
    for (QWidget *widget : {static_cast<QWidget *>(m_remove), static_cast<QWidget *>(m_provider),
                            static_cast<QWidget *>(m_url), static_cast<QWidget *>(m_user)})
        widget->setEnabled(has);
    const bool tokens = has && m_tokens;
    m_token->setEnabled(tokens);
    m_saveToken->setEnabled(false);
    m_removeToken->setEnabled(tokens);
    if (!m_tokens)
        setTokenStatus(tr("Tokens can be set from the main window's preferences only."));
    else
        readTokenStatus();
}

void AccountsPage::editSelected()
{
    const int row = currentRow();
    if (m_showing || row < 0)
        return;
    ForgeAccount &account = m_accounts[row];
    const auto provider = Forge::Provider(m_provider->currentData().toInt());
    // A URL still at the old provider's default follows the provider.
    if (provider != account.provider && m_url->text().trimmed() == defaultUrl(account.provider))
        m_url->setText(defaultUrl(provider));
    account.provider = provider;
    account.url = m_url->text().trimmed();
    account.user = m_user->text().trimmed();
    refreshRow(row);
    updateProblem();
    readTokenStatus();
}

void AccountsPage::updateProblem()
{
    const QString text = problem();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    m_url->setAccessibleDescription(text);
    emit validityChanged();
}

void AccountsPage::setTokenStatus(const QString &text)
{
    m_tokenStatus->setText(text);
    m_token->setAccessibleDescription(text);
    emit tokenStatusChanged();
}

std::optional<Credentials::Account> AccountsPage::selectedAccount()
{
    const int row = currentRow();
    if (row < 0 || !m_tokens)
        return std::nullopt;
    auto account = credentialsAccount(m_accounts[row]);
    if (!account) {
        setTokenStatus(account.error().message());
        return std::nullopt;
    }
    return *account;
}

void AccountsPage::readTokenStatus()
{
    const int generation = ++m_tokenGeneration;
    setTokenStatus(QString());
    const auto account = selectedAccount();
    if (!account)
        return;
    setTokenStatus(tr("Looking for a token…"));
    Credentials::TokenJob *job = m_tokens->read(*account);
    connect(job, &Credentials::TokenJob::finished, this, [this, job, generation] {
        job->deleteLater();
        if (generation != m_tokenGeneration)
            return;
        // Only where the token is: its value never reaches the dialog.
        if (const auto &token = job->result())
            setTokenStatus(
                tr("Token stored: %1").arg(Credentials::sourceDisplayName(token->source)));
        else
            setTokenStatus(tr("No token stored"));
    });
}

void AccountsPage::saveToken()
{
    if (m_token->text().isEmpty())
        return;
    const auto account = selectedAccount();
    if (!account)
        return;
    const int generation = ++m_tokenGeneration;
    Credentials::TokenJob *job
        = m_tokens->write(*account, m_token->text(), Credentials::Persist::Keychain);
    m_token->clear();
    setTokenStatus(tr("Saving the token…"));
    connect(job, &Credentials::TokenJob::finished, this, [this, job, generation] {
        job->deleteLater();
        if (generation != m_tokenGeneration)
            return;
        QString text;
        if (const auto &token = job->result())
            text = tr("Token saved: %1").arg(Credentials::sourceDisplayName(token->source));
        else
            text = tr("The token was not saved: %1").arg(job->result().error().message());
        // The notes say why the keychain was skipped ("no D-Bus session"): the user should know
        // the token is gone when EnvDeck quits.
        for (const QString &note : job->notes())
            text += u'\n' + note;
        setTokenStatus(text);
    });
}

void AccountsPage::removeToken()
{
    const auto account = selectedAccount();
    if (!account)
        return;
    const int generation = ++m_tokenGeneration;
    Credentials::TokenJob *job = m_tokens->remove(*account);
    setTokenStatus(tr("Removing the token…"));
    connect(job, &Credentials::TokenJob::finished, this, [this, job, generation] {
        job->deleteLater();
        if (generation != m_tokenGeneration)
            return;
        if (job->result())
            setTokenStatus(tr("Token removed"));
        else
            setTokenStatus(
                tr("The token was not removed: %1").arg(job->result().error().message()));
    });
}

} // namespace EnvDeck::Settings
