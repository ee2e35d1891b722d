// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;

namespace EnvDeck {

class EnvironmentFilterModel;
class EnvironmentListModel;

// The left pane: the repository's environments in promotion order, with a filter.
class EnvironmentPanel : public QWidget
{
    Q_OBJECT

public:
    explicit EnvironmentPanel(EnvironmentListModel *model, QWidget *parent = nullptr);

    QString currentEnvironment() const;
    bool selectEnvironment(const QString &name);
    void selectFirst();
    void clearFilter();
    QListView *view() const { return m_view; }

signals:
    // Empty when no environment is selected.
    void currentEnvironmentChanged(const QString &name);

private:
    void updatePlaceholder();

    EnvironmentListModel *m_model = nullptr;
    EnvironmentFilterModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QListView *m_view = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_placeholder = nullptr;
    QString m_lastNotified;
};

} // namespace EnvDeck
