// SPDX-License-Identifier: GPL-3.0-or-later
// The Accounts page: the list in QSettings, bad URLs refused, and a token saved in the dialog
// read back exactly the way the window reads its forge's token.

#include "tst_settingsdialog.h"

#include "settings/AccountsPage.h"
#include "settings/SettingsDialog.h"

#include "change/RemoteAccess.h"
#include "forge/ForgeSettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

using namespace EnvDeck;
using namespace EnvDeck::Settings;

namespace {

QPushButton *button(SettingsDialog *dialog, QDialogButtonBox::StandardButton which)
{
    return dialog->buttons()->button(which);
}

// The token the window would read for `account`, or the error text.
QString readToken(Credentials::TokenStore *store, const Credentials::Account &account)
{
    Credentials::TokenJob *job = store->read(account);
    QSignalSpy done(job, &Credentials::TokenJob::finished);
    if (!done.wait(20000))
        return QStringLiteral("(no answer)");
    job->deleteLater();
    return job->result() ? job->result()->value : QStringLiteral("(none)");
}

} // namespace

void tst_SettingsDialog::accountsRoundTrip()
{
    auto dialog = makeDialog();
    AccountsPage *page = dialog->accountsPage();
    QCOMPARE(page->table()->rowCount(), 0);
    page->addAccount();
    page->addAccount();
    QCOMPARE(page->table()->rowCount(), 2);
    page->selectAccount(1);
    page->providerBox()->setCurrentIndex(1); // GitHub
    emit page->providerBox()->activated(1);
    QCOMPARE(page->urlEdit()->text(), QStringLiteral("https://github.com"));
    QTest::keyClicks(page->userEdit(), QStringLiteral("octocat"));
    page->selectAccount(0);
    page->urlEdit()->clear();
    QTest::keyClicks(page->urlEdit(), QStringLiteral("https://gitlab.example.io:8443"));
    QCOMPARE(page->table()->item(0, 1)->text(), QStringLiteral("https://gitlab.example.io:8443"));
    QVERIFY(dialog->apply());

    const QList<ForgeAccount> expected{
        {Forge::Provider::GitLab, QStringLiteral("https://gitlab.example.io:8443"), QString()},
        {Forge::Provider::GitHub, QStringLiteral("https://github.com"), QStringLiteral("octocat")}};
    QCOMPARE(storedAccounts(), expected);
    auto again = makeDialog();
    QCOMPARE(again->accountsPage()->accounts(), expected);
    QCOMPARE(again->accountsPage()->table()->item(1, 2)->text(), QStringLiteral("octocat"));

    again->accountsPage()->selectAccount(0);
    again->accountsPage()->removeAccount();
    QVERIFY(again->apply());
    QCOMPARE(storedAccounts(), expected.mid(1));
}

void tst_SettingsDialog::badUrlRefused_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("valid");

    QTest::newRow("https") << "https://gitlab.com" << true;
    QTest::newRow("http with port") << "http://gitlab.local:8080" << true;
    QTest::newRow("no scheme") << "gitlab.com" << false;
    QTest::newRow("ssh") << "ssh://git@gitlab.com" << false;
    QTest::newRow("no host") << "https://" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("spaces") << "https://git lab.com" << false;
}

void tst_SettingsDialog::badUrlRefused()
{
    QFETCH(QString, url);
    QFETCH(bool, valid);

    auto dialog = makeDialog();
    dialog->show();
    dialog->showPage(SettingsDialog::Page::Accounts);
    AccountsPage *page = dialog->accountsPage();
    page->addAccount();
    page->urlEdit()->selectAll();
    QTest::keyClick(page->urlEdit(), Qt::Key_Backspace);
    QTest::keyClicks(page->urlEdit(), url);
    QCOMPARE(page->isValid(), valid);
    QCOMPARE(button(dialog.get(), QDialogButtonBox::Ok)->isEnabled(), valid);
    auto problem = page->findChild<QLabel *>(QStringLiteral("accountsProblem"));
    QCOMPARE(problem->isVisible(), !valid);
    if (!valid)
        QVERIFY2(problem->text().contains(QStringLiteral("https://")), qPrintable(problem->text()));
    QCOMPARE(dialog->apply(), valid);
    QCOMPARE(storedAccounts().size(), valid ? 1 : 0);
}

void tst_SettingsDialog::accountTokenReachesForge_data()
{
    QTest::addColumn<int>("providerIndex"); // GitLab, GitHub, Azure DevOps
    QTest::addColumn<QString>("url");       // as typed into the dialog
    QTest::addColumn<QString>("apiBase");   // of the repository's forge settings
    QTest::addColumn<QString>("webBase");
    QTest::addColumn<QString>("host");

    QTest::newRow("gitlab.com") << 0 << "https://gitlab.com"
                                << "https://gitlab.com"
                                << "https://gitlab.com"
                                << "gitlab.com";
    QTest::newRow("self-hosted gitlab with port") << 0 << "https://gitlab.example.io:8443/"
                                                  << "https://gitlab.example.io:8443"
                                                  << "https://gitlab.example.io:8443"
                                                  << "gitlab.example.io:8443";
    QTest::newRow("github.com") << 1 << "https://github.com"
                                << "https://api.github.com"
                                << "https://github.com"
                                << "github.com";
    QTest::newRow("api.github.com") << 1 << "https://api.github.com"
                                    << "https://api.github.com"
                                    << ""
                                    << "github.com";
    QTest::newRow("dev.azure.com") << 2 << "https://dev.azure.com/contoso"
                                   << "https://dev.azure.com"
                                   << "https://dev.azure.com"
                                   << "dev.azure.com";
}

void tst_SettingsDialog::accountTokenReachesForge()
{
    QFETCH(int, providerIndex);
    QFETCH(QString, url);
    QFETCH(QString, apiBase);
    QFETCH(QString, webBase);
    QFETCH(QString, host);

    auto dialog = makeDialog();
    AccountsPage *page = dialog->accountsPage();
    page->addAccount();
    page->providerBox()->setCurrentIndex(providerIndex);
    emit page->providerBox()->activated(providerIndex);
    page->urlEdit()->selectAll();
    QTest::keyClick(page->urlEdit(), Qt::Key_Backspace);
    QTest::keyClicks(page->urlEdit(), url);

    Forge::ForgeSettings forge;
    forge.provider = accountProviders().at(providerIndex);
    forge.apiBase = QUrl(apiBase);
    forge.webBase = QUrl(webBase);
    const auto windowAccount = Change::forgeAccount(forge);
    QVERIFY(windowAccount);
    QCOMPARE(windowAccount->host, host);
    const auto account = credentialsAccount(page->accounts().first());
    QVERIFY2(account.ok(), qPrintable(account.ok() ? QString() : account.error().toString()));
    QCOMPARE(*account, *windowAccount);

    // Saved through the dialog, read the way the window reads it.
    const QString token = QStringLiteral("tok-%1-secret").arg(QTest::currentDataTag());
    QTest::keyClicks(page->tokenEdit(), token);
    QVERIFY(page->saveTokenButton()->isEnabled());
    // A typed token not saved yet keeps OK disabled, so closing cannot lose it.
    QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    QSignalSpy status(page, &AccountsPage::tokenStatusChanged);
    QSignalSpy finished(dialog.get(), &QDialog::finished);
    // Enter in the field saves the token; it does not press OK.
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
    QTest::keyClick(page->tokenEdit(), Qt::Key_Return);
    QVERIFY(page->tokenEdit()->text().isEmpty());
    QCOMPARE(finished.count(), 0);
    QVERIFY(dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(page->tokenStatus()->text().startsWith(QStringLiteral("Token saved")),
                             20000);
    // Without a keychain (CI) the user is told the token lives for this session only.
    QVERIFY2(page->tokenStatus()->text().contains(QStringLiteral("keychain"))
                 || page->tokenStatus()->text().contains(QStringLiteral("this session")),
             qPrintable(page->tokenStatus()->text()));
    QVERIFY(!page->tokenStatus()->text().contains(token));
    QCOMPARE(readToken(m_tokens.get(), *windowAccount), token);

    // The list is stored, the token never is.
    QVERIFY(dialog->apply());
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(token.toUtf8()));

    // Selecting the account says where its token is; "Remove token" removes it.
    page->selectAccount(0);
    QTRY_VERIFY_WITH_TIMEOUT(page->tokenStatus()->text().startsWith(QStringLiteral("Token stored")),
                             20000);
    page->removeTokenButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(page->tokenStatus()->text(), QStringLiteral("Token removed"), 20000);
    QCOMPARE(readToken(m_tokens.get(), *windowAccount), QStringLiteral("(none)"));
}
