// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings/SettingsPage.h"

class QLabel;
class QLineEdit;

namespace EnvDeck::Settings {

// The name and email of the commits EnvDeck makes ("identity/name", "identity/email"); empty
// fields show git's identity as placeholder text and mean "use git's".
class IdentityPage : public SettingsPage
{
    Q_OBJECT
public:
    // `repositoryRoot`: the open repository, whose git identity the placeholders show; may be
    // empty (then git's global configuration).
    explicit IdentityPage(const QString &repositoryRoot, QWidget *parent = nullptr);

    QString title() const override;
    void load() override;
    void save() override;
    bool isValid() const override;

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *emailEdit() const { return m_email; }
    // Why the page is invalid, empty when it is not.
    QString problem() const;

private:
    void updateProblem();

    QLineEdit *m_name = nullptr;
    QLineEdit *m_email = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace EnvDeck::Settings
