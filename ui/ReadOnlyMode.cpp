// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReadOnlyMode.h"

#include "UiLogging.h"

#include <QAction>
#include <QSettings>
#include <QWidget>

namespace EnvDeck {

QString ReadOnlyMode::settingsKey()
{
    return QStringLiteral("ui/readOnly");
}

ReadOnlyMode::ReadOnlyMode(QObject *parent)
    : QObject(parent)
    , m_on(QSettings().value(settingsKey(), false).toBool())
{
    m_toggle = new QAction(tr("&Read-only Mode"), this);
    m_toggle->setObjectName(QStringLiteral("actionReadOnlyMode"));
    m_toggle->setCheckable(true);
    m_toggle->setChecked(m_on);
    m_toggle->setStatusTip(tr("Hide every editing action: look at the repository without "
                              "changing it"));
    connect(m_toggle, &QAction::toggled, this, &ReadOnlyMode::setOn);
}

void ReadOnlyMode::setOn(bool on)
{
    if (m_forced) {
        // The checkbox follows the mode, not the click.
        m_toggle->setChecked(true);
        return;
    }
    if (on == m_on)
        return;
    QSettings().setValue(settingsKey(), on);
    setOnInternal(on);
}

void ReadOnlyMode::forceOn()
{
    m_forced = true;
    m_toggle->setEnabled(false);
    m_toggle->setToolTip(tr("Started with --read-only"));
    if (m_on)
        apply(); // already on by the setting: the handlers learn that it is forced now
    else
        setOnInternal(true);
}

void ReadOnlyMode::setOnInternal(bool on)
{
    const bool changedNow = on != m_on;
    m_on = on;
    {
        const QSignalBlocker blocker(m_toggle);
        m_toggle->setChecked(on);
    }
    if (!changedNow)
        return;
    qCInfo(lcUi) << "Read-only mode" << (on ? "on" : "off") << (m_forced ? "(--read-only)" : "");
    apply();
    emit changed(on);
}

bool ReadOnlyMode::isApproval(const QAction *action) const
{
    for (const QPointer<QAction> &approval : m_approvalActions) {
        if (approval == action)
            return true;
    }
    return false;
}

void ReadOnlyMode::apply()
{
    for (const QPointer<QAction> &action : std::as_const(m_editingActions)) {
        if (action)
            action->setVisible(!m_on || isApproval(action));
    }
    for (const QPointer<QWidget> &widget : std::as_const(m_editingWidgets)) {
        if (widget)
            widget->setVisible(!m_on);
    }
    for (const QPointer<QAction> &action : std::as_const(m_approvalActions)) {
        if (action)
            action->setVisible(true);
    }
    for (const auto &handler : std::as_const(m_handlers))
        handler(m_on);
}

void ReadOnlyMode::addEditingAction(QAction *action)
{
    if (!action || m_editingActions.contains(action))
        return;
    m_editingActions << action;
    if (m_on && !isApproval(action))
        action->setVisible(false);
}

void ReadOnlyMode::addEditingActions(const QList<QAction *> &actions)
{
    for (QAction *action : actions)
        addEditingAction(action);
}

void ReadOnlyMode::addEditingWidget(QWidget *widget)
{
    if (!widget || m_editingWidgets.contains(widget))
        return;
    m_editingWidgets << widget;
    if (m_on)
        widget->setVisible(false);
}

void ReadOnlyMode::addApprovalAction(QAction *action)
{
    if (!action || isApproval(action))
        return;
    m_approvalActions << action;
    action->setVisible(true);
}

void ReadOnlyMode::addHandler(const std::function<void(bool)> &handler)
{
    m_handlers << handler;
    handler(m_on);
}

QList<QAction *> ReadOnlyMode::editingActions() const
{
    QList<QAction *> actions;
    for (const QPointer<QAction> &action : m_editingActions) {
        if (action)
            actions << action;
    }
    return actions;
}

QList<QAction *> ReadOnlyMode::approvalActions() const
{
    QList<QAction *> actions;
    for (const QPointer<QAction> &action : m_approvalActions) {
        if (action)
            actions << action;
    }
    return actions;
}

} // namespace EnvDeck
