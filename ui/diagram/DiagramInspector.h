// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "diagram/Graph.h"
#include "diagram/GraphModel.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace EnvDeck::Diagram {

// Everything about the selected node: kind, name, id, source, version and where it is written,
// multiplicity, lock and reason, inputs, references in and out (a click selects that node) and
// where the node is declared. In compare mode a changed node shows ours against theirs.
class DiagramInspector : public QWidget
{
    Q_OBJECT

public:
    explicit DiagramInspector(QWidget *parent = nullptr);

    void setModel(GraphModel *model);
    // The graph compared with, for the "theirs" column; empty when not comparing.
    void setTheirGraph(const Graph &graph);
    QString nodeId() const { return m_nodeId; }
    void showNode(const QString &id); // empty shows the "nothing selected" hint

    // The parts, for tests and the main window.
    QLabel *kindLabel() const { return m_kind; }
    QLabel *nameLabel() const { return m_name; }
    QLabel *idLabel() const { return m_id; }
    QLabel *sourceLabel() const { return m_source; }
    QLabel *versionLabel() const { return m_version; }
    QLabel *multiplicityLabel() const { return m_multiplicity; }
    QLabel *lockLabel() const { return m_lock; }
    QLabel *declaredLabel() const { return m_declared; }
    QTableWidget *inputsTable() const { return m_inputs; }
    QListWidget *referencesIn() const { return m_referencesIn; }
    QListWidget *referencesOut() const { return m_referencesOut; }
    QPushButton *openFileButton() const { return m_openFile; }
    QLabel *compareLabel() const { return m_compareText; }
    QTableWidget *compareTable() const { return m_compare; }

signals:
    void nodeActivated(const QString &id);
    void openFileRequested(const QString &file, int line, int column);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void openLocation(const SourceLocation &location);
    void fillCompare(const Node &node);

    QPointer<GraphModel> m_model;
    Graph m_theirs;
    QString m_nodeId;
    QLabel *m_hint = nullptr;
    QWidget *m_details = nullptr;
    QLabel *m_kind = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_id = nullptr;
    QLabel *m_source = nullptr;
    QLabel *m_version = nullptr;
    QLabel *m_multiplicity = nullptr;
    QLabel *m_lock = nullptr;
    QLabel *m_declared = nullptr;
    QTableWidget *m_inputs = nullptr;
    QListWidget *m_referencesIn = nullptr;
    QListWidget *m_referencesOut = nullptr;
    QPushButton *m_openFile = nullptr;
    QLabel *m_compareTitle = nullptr;
    QLabel *m_compareText = nullptr;
    QTableWidget *m_compare = nullptr;
    SourceLocation m_versionLocation;
    SourceLocation m_location;
};

} // namespace EnvDeck::Diagram
