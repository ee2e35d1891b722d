// SPDX-License-Identifier: GPL-3.0-or-later
#include "tst_settingsdialog.h"

#include "GitFixture.h"
#include "TestSupport.h"

#include "PublishController.h"
#include "ReadOnlyMode.h"
#include "Theme.h"
#include "settings/AccountsPage.h"
#include "settings/CommitIdentity.h"
#include "settings/GeneralPage.h"
#include "settings/IdentityPage.h"
#include "settings/PipelinesPage.h"
#include "settings/SettingsDialog.h"

#include "matrix/VersionWorkspace.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>

#include <git2.h>

using namespace EnvDeck;
using namespace EnvDeck::Settings;

namespace {

QPushButton *button(SettingsDialog *dialog, QDialogButtonBox::StandardButton which)
{
    return dialog->buttons()->button(which);
}
} // namespace

std::unique_ptr<SettingsDialog> tst_SettingsDialog::makeDialog(const QString &root)
{
    return std::make_unique<SettingsDialog>(m_tokens.get(), nullptr, root);
}

void tst_SettingsDialog::clearSettings()
{
    QSettings settings;
    for (const QString &key :
         {Theme::settingsKey(), GeneralPage::languageKey(), ReadOnlyMode::settingsKey(),
          identityNameKey(), identityEmailKey(), accountsKey(), PipelinesPage::fallbackKey(),
          VersionWorkspace::offlineSettingsKey()})
        settings.remove(key);
}

void tst_SettingsDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // No token or identity of the machine may leak in: no environment tokens, no git
    // credential helper, no global git configuration.
    for (const char *name : {"GITLAB_TOKEN", "GH_TOKEN", "GITHUB_TOKEN", "AZURE_DEVOPS_EXT_PAT",
                             "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL"})
        qunsetenv(name);
    qputenv("GIT_TERMINAL_PROMPT", "0");
    qputenv("GIT_CONFIG_NOSYSTEM", "1");
    qputenv("GIT_CONFIG_GLOBAL", QFile::encodeName(m_dir.filePath(QStringLiteral("gitconfig"))));
    const QByteArray empty = QFile::encodeName(m_dir.path());
    for (int level : {GIT_CONFIG_LEVEL_GLOBAL, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_SYSTEM})
        QCOMPARE(git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, empty.constData()), 0);
    m_tokens = std::make_unique<Credentials::TokenStore>();
    m_tokens->setKeychainTimeout(std::chrono::milliseconds(1000));
    m_tokens->setGitTimeout(std::chrono::milliseconds(3000));
}

void tst_SettingsDialog::init()
{
    clearSettings();
    Theme::apply(Theme::Mode::Light);
}

void tst_SettingsDialog::cleanupTestCase()
{
    clearSettings();
}

void tst_SettingsDialog::generalLoads_data()
{
    QTest::addColumn<QString>("theme");
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("readOnly");
    QTest::addColumn<QString>("expectedTheme");
    QTest::addColumn<int>("expectedLanguage");

    QTest::newRow("nothing stored") << ""
                                    << "" << false << "System" << 0;
    QTest::newRow("dark, German, read-only") << "dark"
                                             << "de" << true << "Dark" << 2;
    QTest::newRow("light, English") << "light"
                                    << "en" << false << "Light" << 1;
    QTest::newRow("unknown values") << "purple"
                                    << "xx" << false << "System" << 0;
}

void tst_SettingsDialog::generalLoads()
{
    QFETCH(QString, theme);
    QFETCH(QString, language);
    QFETCH(bool, readOnly);
    QFETCH(QString, expectedTheme);
    QFETCH(int, expectedLanguage);

    QSettings settings;
    settings.setValue(Theme::settingsKey(), theme);
    settings.setValue(GeneralPage::languageKey(), language);
    settings.setValue(ReadOnlyMode::settingsKey(), readOnly);
    auto dialog = makeDialog();
    GeneralPage *page = dialog->generalPage();
    QCOMPARE(page->themeBox()->currentText(), expectedTheme);
    QCOMPARE(page->languageBox()->currentIndex(), expectedLanguage);
    QCOMPARE(page->readOnlyBox()->isChecked(), readOnly);
}

void tst_SettingsDialog::generalSaves_data()
{
    QTest::addColumn<int>("themeIndex");
    QTest::addColumn<int>("languageIndex");
    QTest::addColumn<bool>("readOnly");
    QTest::addColumn<QString>("theme");
    QTest::addColumn<QString>("language");

    QTest::newRow("system default") << 0 << 0 << false << "system"
                                    << "";
    QTest::newRow("light, English") << 1 << 1 << true << "light"
                                    << "en";
    QTest::newRow("dark, Deutsch") << 2 << 2 << false << "dark"
                                   << "de";
}

void tst_SettingsDialog::generalSaves()
{
    QFETCH(int, themeIndex);
    QFETCH(int, languageIndex);
    QFETCH(bool, readOnly);
    QFETCH(QString, theme);
    QFETCH(QString, language);

    auto dialog = makeDialog();
    GeneralPage *page = dialog->generalPage();
    page->themeBox()->setCurrentIndex(themeIndex);
    page->languageBox()->setCurrentIndex(languageIndex);
    page->readOnlyBox()->setChecked(readOnly);
    QVERIFY(button(dialog.get(), QDialogButtonBox::Ok)->isEnabled());
    button(dialog.get(), QDialogButtonBox::Ok)->click();
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QSettings settings;
    QCOMPARE(settings.value(Theme::settingsKey()).toString(), theme);
    QCOMPARE(settings.value(GeneralPage::languageKey()).toString(), language);
    QCOMPARE(settings.value(ReadOnlyMode::settingsKey()).toBool(), readOnly);
    QCOMPARE(int(Theme::currentMode()), themeIndex);
}

void tst_SettingsDialog::everyControlIsNamed()
{
    auto dialog = makeDialog();
    QStringList unnamed;
    const QList<QLabel *> labels = dialog->findChildren<QLabel *>();
    const auto hasBuddy = [&labels](const QWidget *widget) {
        return std::any_of(labels.begin(), labels.end(),
                           [widget](const QLabel *label) { return label->buddy() == widget; });
    };
    for (QWidget *widget : dialog->findChildren<QWidget *>()) {
        const bool input = qobject_cast<QLineEdit *>(widget) || qobject_cast<QComboBox *>(widget)
                           || qobject_cast<QAbstractItemView *>(widget);
        if (!input || widget->objectName().startsWith(u"qt_"))
            continue;
        // A combo box's own line edit or list, a table's headers, belong to it.
        if (qobject_cast<QComboBox *>(widget->parentWidget())
            || qobject_cast<QAbstractItemView *>(widget->parentWidget()))
            continue;
        if (hasBuddy(widget) || !widget->accessibleName().isEmpty())
            continue;
        unnamed.append(widget->objectName().isEmpty()
                           ? QString::fromLatin1(widget->metaObject()->className())
                           : widget->objectName());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u',')));
    // Check boxes and buttons carry their own text.
    for (const QAbstractButton *button : dialog->findChildren<QAbstractButton *>())
        QVERIFY2(!button->text().isEmpty() || !button->accessibleName().isEmpty()
                     || qobject_cast<QAbstractItemView *>(button->parentWidget()),
                 button->metaObject()->className());
}

void tst_SettingsDialog::cancelStoresNothing()
{
    auto dialog = makeDialog();
    QVERIFY(!Theme::isDark(QApplication::palette()));
    // The theme previews as it is chosen...
    QComboBox *theme = dialog->generalPage()->themeBox();
    theme->setCurrentIndex(2);
    emit theme->activated(2);
    QVERIFY(Theme::isDark(QApplication::palette()));
    dialog->generalPage()->languageBox()->setCurrentIndex(2);
    dialog->generalPage()->readOnlyBox()->setChecked(true);
    dialog->identityPage()->nameEdit()->setText(QStringLiteral("Olga"));
    dialog->identityPage()->emailEdit()->setText(QStringLiteral("olga@example.org"));
    dialog->accountsPage()->addAccount();
    dialog->pipelinesPage()->fallbackBox()->setCurrentIndex(1);
    dialog->pipelinesPage()->downloadBox()->setChecked(false);
    // ...and Cancel puts it back and stores nothing.
    button(dialog.get(), QDialogButtonBox::Cancel)->click();
    QCOMPARE(dialog->result(), int(QDialog::Rejected));
    QVERIFY(!Theme::isDark(QApplication::palette()));
    QCOMPARE(Theme::currentMode(), Theme::Mode::Light);
    QSettings settings;
    settings.sync();
    QStringList stored = settings.allKeys();
    stored.removeIf([](const QString &key) {
        return !key.startsWith(u"appearance") && !key.startsWith(u"language")
               && !key.startsWith(u"ui/") && !key.startsWith(u"identity")
               && !key.startsWith(u"accounts") && !key.startsWith(u"pipelines")
               && !key.startsWith(u"catalogs");
    });
    QCOMPARE(stored, QStringList());
}

void tst_SettingsDialog::applyDarkMakesPaletteDark()
{
    auto dialog = makeDialog();
    QVERIFY(!Theme::isDark(QApplication::palette()));
    dialog->generalPage()->themeBox()->setCurrentIndex(2);
    button(dialog.get(), QDialogButtonBox::Apply)->click();
    QVERIFY(Theme::isDark(QApplication::palette()));
    QCOMPARE(Theme::storedMode(), Theme::Mode::Dark);
    // Cancel after Apply keeps what was applied.
    dialog->reject();
    QVERIFY(Theme::isDark(QApplication::palette()));
    Theme::apply(Theme::Mode::Light);
}

void tst_SettingsDialog::readOnlyDrivesMode()
{
    ReadOnlyMode mode;
    QVERIFY(!mode.isOn());
    SettingsDialog dialog(m_tokens.get(), &mode, QString());
    QCheckBox *box = dialog.generalPage()->readOnlyBox();
    QVERIFY(box->isEnabled());
    box->setChecked(true);
    QVERIFY(!mode.isOn()); // not before Apply
    QVERIFY(dialog.apply());
    QVERIFY(mode.isOn());
    QVERIFY(QSettings().value(ReadOnlyMode::settingsKey()).toBool());
    box->setChecked(false);
    QVERIFY(dialog.apply());
    QVERIFY(!mode.isOn());
    QVERIFY(!QSettings().value(ReadOnlyMode::settingsKey()).toBool());
}

void tst_SettingsDialog::readOnlyForcedIsDisabled()
{
    ReadOnlyMode mode;
    mode.forceOn();
    SettingsDialog dialog(m_tokens.get(), &mode, QString());
    QCheckBox *box = dialog.generalPage()->readOnlyBox();
    QVERIFY(!box->isEnabled());
    QVERIFY(box->isChecked());
    QVERIFY(box->toolTip().contains(QStringLiteral("--read-only")));
    QVERIFY(dialog.apply());
    QVERIFY(mode.isOn());
    // The user's own choice is kept for the next session without --read-only.
    QVERIFY(!QSettings().contains(ReadOnlyMode::settingsKey()));
}

void tst_SettingsDialog::identityRoundTrip_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("email");
    QTest::addColumn<bool>("configured");

    QTest::newRow("empty: git's") << ""
                                  << "" << false;
    QTest::newRow("set") << "Olga Override"
                         << "olga@example.org" << true;
    QTest::newRow("trimmed") << "  Jürgen Müller "
                             << " jm@example.de " << true;
}

void tst_SettingsDialog::identityRoundTrip()
{
    QFETCH(QString, name);
    QFETCH(QString, email);
    QFETCH(bool, configured);

    auto dialog = makeDialog();
    dialog->identityPage()->nameEdit()->setText(name);
    dialog->identityPage()->emailEdit()->setText(email);
    QVERIFY(dialog->apply());
    QSettings settings;
    QCOMPARE(settings.value(identityNameKey()).toString(), name.trimmed());
    QCOMPARE(settings.value(identityEmailKey()).toString(), email.trimmed());
    const auto identity = configuredIdentity();
    QCOMPARE(identity.has_value(), configured);
    if (configured) {
        QCOMPARE(identity->name, name.trimmed());
        QCOMPARE(identity->email, email.trimmed());
    }
    auto again = makeDialog();
    QCOMPARE(again->identityPage()->nameEdit()->text(), name.trimmed());
    QCOMPARE(again->identityPage()->emailEdit()->text(), email.trimmed());
}

void tst_SettingsDialog::identityValidation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("email");
    QTest::addColumn<bool>("valid");

    QTest::newRow("both empty") << ""
                                << "" << true;
    QTest::newRow("good") << "Olga"
                          << "olga@example.org" << true;
    QTest::newRow("no at") << "Olga"
                           << "olga.example.org" << false;
    QTest::newRow("nothing after at") << "Olga"
                                      << "olga@" << false;
    QTest::newRow("nothing before at") << "Olga"
                                       << "@example.org" << false;
    QTest::newRow("space inside") << "Olga"
                                  << "olga x@example.org" << false;
    QTest::newRow("name without email") << "Olga"
                                        << "" << false;
    QTest::newRow("email without name") << ""
                                        << "olga@example.org" << false;
    QTest::newRow("angle bracket in name") << "Olga <ops>"
                                           << "olga@example.org" << false;
    QTest::newRow("angle bracket in email") << "Olga"
                                            << "olga>@example.org" << false;
}

void tst_SettingsDialog::identityValidation()
{
    QFETCH(QString, name);
    QFETCH(QString, email);
    QFETCH(bool, valid);

    auto dialog = makeDialog();
    dialog->show();
    dialog->showPage(SettingsDialog::Page::Identity);
    QTest::keyClicks(dialog->identityPage()->nameEdit(), name);
    QTest::keyClicks(dialog->identityPage()->emailEdit(), email);
    QCOMPARE(button(dialog.get(), QDialogButtonBox::Ok)->isEnabled(), valid);
    QCOMPARE(button(dialog.get(), QDialogButtonBox::Apply)->isEnabled(), valid);
    auto problem = dialog->identityPage()->findChild<QLabel *>(QStringLiteral("identityProblem"));
    QVERIFY(problem);
    QCOMPARE(problem->isVisible(), !valid);
    QCOMPARE(dialog->apply(), valid);
    QCOMPARE(QSettings().contains(identityEmailKey()), valid);
}

void tst_SettingsDialog::identitySkipsPrompt_data()
{
    QTest::addColumn<bool>("configured");
    QTest::newRow("identity in the settings: no prompt") << true;
    QTest::newRow("no identity anywhere: prompt") << false;
}

void tst_SettingsDialog::identitySkipsPrompt()
{
    QFETCH(bool, configured);

    // A repository without user.name/user.email, and no global configuration (initTestCase).
    GitFixture work(m_dir.filePath(QStringLiteral("noidentity")));
    QVERIFY(work.init());
    if (configured) {
        QSettings().setValue(identityNameKey(), QStringLiteral("Olga Override"));
        QSettings().setValue(identityEmailKey(), QStringLiteral("olga@example.org"));
    }
    QWidget window;
    QNetworkAccessManager network;
    PublishController publish(&window, m_tokens.get(), &network);
    int asked = 0;
    publish.setIdentityPrompt([&asked](QWidget *) -> std::optional<std::pair<QString, QString>> {
        ++asked;
        return std::nullopt; // the user cancels
    });
    QCOMPARE(publish.ensureIdentity(work.root()), configured);
    QCOMPARE(asked, configured ? 0 : 1);
}

void tst_SettingsDialog::pipelinesRoundTrip_data()
{
    QTest::addColumn<QString>("fallback");
    QTest::addColumn<QVariant>("offline");
    QTest::addColumn<int>("fallbackIndex");
    QTest::addColumn<bool>("download");

    QTest::newRow("nothing stored") << "" << QVariant() << 0 << true;
    QTest::newRow("forge, offline") << "forge" << QVariant(true) << 1 << false;
    QTest::newRow("none, online") << "none" << QVariant(false) << 0 << true;
}

void tst_SettingsDialog::pipelinesRoundTrip()
{
    QFETCH(QString, fallback);
    QFETCH(QVariant, offline);
    QFETCH(int, fallbackIndex);
    QFETCH(bool, download);

    QSettings settings;
    if (!fallback.isEmpty())
        settings.setValue(PipelinesPage::fallbackKey(), fallback);
    if (offline.isValid())
        settings.setValue(VersionWorkspace::offlineSettingsKey(), offline);
    auto dialog = makeDialog();
    PipelinesPage *page = dialog->pipelinesPage();
    QCOMPARE(page->fallbackBox()->currentIndex(), fallbackIndex);
    QCOMPARE(page->downloadBox()->isChecked(), download);

    // Flip both and store.
    page->fallbackBox()->setCurrentIndex(1 - fallbackIndex);
    page->downloadBox()->setChecked(!download);
    QVERIFY(dialog->apply());
    QCOMPARE(PipelinesPage::fallbackToForge(), fallbackIndex == 0);
    QCOMPARE(settings.value(PipelinesPage::fallbackKey()).toString(),
             fallbackIndex == 0 ? QStringLiteral("forge") : QStringLiteral("none"));
    QCOMPARE(VersionWorkspace::offlineSetting(), download);
}

void tst_SettingsDialog::catalogsListed()
{
    {
        auto dialog = makeDialog();
        QListWidget *list = dialog->pipelinesPage()->catalogList();
        QCOMPARE(list->count(), 1);
        QCOMPARE(list->item(0)->text(), QStringLiteral("No repository open"));
    }
    GitFixture repo(m_dir.filePath(QStringLiteral("catalogs")));
    QVERIFY(repo.init());
    QVERIFY(repo.write(QStringLiteral(".envdeck.yaml"),
                       "catalogs:\n"
                       "  - { kind: helm-index, url: https://charts.example.io/index.yaml }\n"
                       "  - { kind: git-tags, pattern: \"{component}/v*\" }\n"
                       "  - { kind: carrier-pigeon }\n"));
    auto dialog = makeDialog(repo.root());
    QListWidget *list = dialog->pipelinesPage()->catalogList();
    QStringList texts;
    for (int i = 0; i < list->count(); ++i)
        texts.append(list->item(i)->text());
    QCOMPARE(texts.size(), 3);
    QCOMPARE(texts[0], QStringLiteral("helm-index https://charts.example.io/index.yaml"));
    QCOMPARE(texts[1], QStringLiteral("git-tags {component}/v*"));
    QVERIFY2(texts[2].startsWith(QStringLiteral(".envdeck.yaml:4:")), qPrintable(texts[2]));
}

ENVDECK_TEST_MAIN_GUI(tst_SettingsDialog)
