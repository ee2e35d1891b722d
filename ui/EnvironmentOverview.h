// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QFormLayout;
class QLabel;
class QListWidget;
class QStackedWidget;
class QTableView;

namespace EnvDeck {

class ComponentTableModel;
struct Environment;

// The "Overview" tab: one environment's facts, its components and its problems.
class EnvironmentOverview : public QWidget
{
    Q_OBJECT

public:
    explicit EnvironmentOverview(QWidget *parent = nullptr);

    // Shows `environment`, or a hint to pick one when it is null. Copies what it shows.
    void setEnvironment(const Environment *environment);

    ComponentTableModel *componentModel() const { return m_componentModel; }
    QTableView *componentTable() const { return m_componentTable; }

private:
    QWidget *createDetails();
    void setRow(QLabel *field, const QString &text);

    ComponentTableModel *m_componentModel = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_tier = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_path = nullptr;
    QLabel *m_promotesFrom = nullptr;
    QLabel *m_base = nullptr;
    QLabel *m_terraform = nullptr;
    QLabel *m_versionsFile = nullptr;
    QLabel *m_discoveredBy = nullptr;
    QLabel *m_lastChange = nullptr;
    QLabel *m_componentsTitle = nullptr;
    QTableView *m_componentTable = nullptr;
    QLabel *m_problemsTitle = nullptr;
    QListWidget *m_problems = nullptr;
};

} // namespace EnvDeck
