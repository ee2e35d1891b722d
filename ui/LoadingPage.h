// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace EnvDeck {

// Shown while a repository is read or the demo repository generated: what is happening, a
// progress bar with the current step, and Cancel.
class LoadingPage : public QWidget
{
    Q_OBJECT

public:
    explicit LoadingPage(QWidget *parent = nullptr);

    void start(const QString &title, const QString &path);
    void setProgressRange(int minimum, int maximum);
    void setProgressValue(int value);
    void setStep(const QString &text);

signals:
    void cancelRequested();

private:
    QLabel *m_title = nullptr;
    QLabel *m_path = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_step = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace EnvDeck
