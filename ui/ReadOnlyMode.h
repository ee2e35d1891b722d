// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QWidget;

namespace EnvDeck {

// Read-only mode, for QA and managers who look but do not edit: the one place that says whether
// the window may edit. While it is on, every editing action and button registered here is
// hidden (a hidden QAction's shortcut is inactive too, so the edits are inert, not only out of
// sight), and the registered handlers make the rest non-editable (the version matrix opens no
// editor). Viewing, timelines, validation and export are never registered, so they stay.
//
// Approval is not editing: QA approves in read-only mode. Actions registered with
// addApprovalAction() stay visible whatever the mode, also when they were registered as
// editing by mistake.
//
// The setting "ui/readOnly" keeps the choice between sessions; forceOn() (envdeck --read-only)
// turns it on for this session only, without changing the setting, and the user cannot turn
// it off then.
class ReadOnlyMode : public QObject
{
    Q_OBJECT

public:
    static QString settingsKey(); // "ui/readOnly"

    // Starts as the setting says.
    explicit ReadOnlyMode(QObject *parent = nullptr);

    bool isOn() const { return m_on; }
    bool isForced() const { return m_forced; }
    // Switches the mode and stores the choice in the setting; ignored while forced.
    void setOn(bool on);
    // On for the rest of the session (--read-only); the setting keeps what the user chose.
    void forceOn();

    // View ▸ Read-only Mode: checkable, follows the mode, disabled while forced.
    QAction *toggleAction() const { return m_toggle; }

    // Hidden while the mode is on, shown again when it goes off.
    void addEditingAction(QAction *action);
    void addEditingActions(const QList<QAction *> &actions);
    void addEditingWidget(QWidget *widget);
    // Always visible: QA approves while nothing can be edited.
    void addApprovalAction(QAction *action);
    // Called now and on every change with whether the mode is on, for what hiding cannot do.
    void addHandler(const std::function<void(bool on)> &handler);

    QList<QAction *> editingActions() const;
    QList<QAction *> approvalActions() const;

signals:
    void changed(bool on);

private:
    void apply();
    void setOnInternal(bool on);
    bool isApproval(const QAction *action) const;

    bool m_on = false;
    bool m_forced = false;
    QAction *m_toggle = nullptr;
    QList<QPointer<QAction>> m_editingActions;
    QList<QPointer<QWidget>> m_editingWidgets;
    QList<QPointer<QAction>> m_approvalActions;
    QList<std::function<void(bool)>> m_handlers;
};

} // namespace EnvDeck
