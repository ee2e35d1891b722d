// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/IdentityPage.h"

#include "settings/CommitIdentity.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QVBoxLayout>

namespace EnvDeck::Settings {

IdentityPage::IdentityPage(const QString &repositoryRoot, QWidget *parent)
    : SettingsPage(parent)
{
    setObjectName(QStringLiteral("identityPage"));
    auto intro = new QLabel(tr("The author of the commits EnvDeck makes (Review & Commit, QA "
                               "decisions, promotions). Leave both fields empty to use git's "
                               "identity."),
                            this);
    intro->setWordWrap(true);

    const Git::Signature git = gitIdentity(repositoryRoot);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("identityName"));
    m_name->setPlaceholderText(git.name.isEmpty() ? tr("(git has no name set)") : git.name);
    m_email = new QLineEdit(this);
    m_email->setObjectName(QStringLiteral("identityEmail"));
    m_email->setPlaceholderText(git.email.isEmpty() ? tr("(git has no email set)") : git.email);
    m_problem = makeProblemLabel(QStringLiteral("identityProblem"));

    auto form = new QFormLayout;
    auto nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    form->addRow(nameLabel, m_name);
    auto emailLabel = new QLabel(tr("&Email:"), this);
    emailLabel->setBuddy(m_email);
    form->addRow(emailLabel, m_email);

    auto layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addStretch();
    setTabOrder(m_name, m_email);

    connect(m_name, &QLineEdit::textChanged, this, &IdentityPage::updateProblem);
    connect(m_email, &QLineEdit::textChanged, this, &IdentityPage::updateProblem);
    updateProblem();
}

QString IdentityPage::title() const
{
    return tr("Commit identity");
}

void IdentityPage::load()
{
    const QSettings settings;
    m_name->setText(settings.value(identityNameKey()).toString());
    m_email->setText(settings.value(identityEmailKey()).toString());
}

void IdentityPage::save()
{
    QSettings settings;
    settings.setValue(identityNameKey(), m_name->text().trimmed());
    settings.setValue(identityEmailKey(), m_email->text().trimmed());
}

QString IdentityPage::problem() const
{
    const QString name = m_name->text().trimmed();
    const QString email = m_email->text().trimmed();
    // Git writes "Name <email>": angle brackets or a line break would break the commit.
    for (const QString &text : {name, email}) {
        if (text.contains(u'<') || text.contains(u'>') || text.contains(u'\n'))
            return tr("A name or email cannot contain < or > or a line break.");
    }
    if (!email.isEmpty() && !isPlausibleEmail(email))
        return tr("\"%1\" is not an email address (name@example.com).").arg(email);
    if (name.isEmpty() != email.isEmpty())
        return tr("Give both a name and an email, or leave both empty to use git's identity.");
    return {};
}

bool IdentityPage::isValid() const
{
    return problem().isEmpty();
}

void IdentityPage::updateProblem()
{
    const QString text = problem();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    m_email->setAccessibleDescription(text);
    emit validityChanged();
}

} // namespace EnvDeck::Settings
