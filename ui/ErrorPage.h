// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;

namespace EnvDeck {

// Shown in place of the repository when it cannot be opened: what failed, why, and what to do.
class ErrorPage : public QWidget
{
    Q_OBJECT

public:
    explicit ErrorPage(QWidget *parent = nullptr);

    // `hint` says what the user can do about it; it may be empty.
    void setError(const QString &title, const QString &message, const QString &path,
                  const QString &hint = {});
    QString message() const;

signals:
    void openAnotherRequested();
    void tryAgainRequested();

private:
    QLabel *m_title = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_path = nullptr;
    QLabel *m_hint = nullptr;
};

} // namespace EnvDeck
