// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

class QLabel;

namespace EnvDeck::Settings {

// One page of the settings dialog. load() fills the controls from QSettings; save() stores them
// (only on OK or Apply); isValid() false keeps OK and Apply disabled, the page saying why.
class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    virtual QString title() const = 0;
    virtual void load() = 0;
    virtual void save() = 0;
    virtual bool isValid() const { return true; }
    // Cancel: undo what the page shows live (the theme preview).
    virtual void revert() {}

signals:
    void validityChanged();

protected:
    // A hidden, word-wrapped label for what is wrong on the page, in the "bad news" tone of the
    // palette in use (re-toned when the theme changes, so it stays readable on dark).
    QLabel *makeProblemLabel(const QString &objectName);
    void changeEvent(QEvent *event) override;

private:
    void toneProblems();

    QList<QLabel *> m_problemLabels;
};

} // namespace EnvDeck::Settings
