// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagram/Graph.h"
#include "diagram/GraphLayout.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QPointer>

class QFont;

namespace EnvDeck {

struct Environment;
struct RepositorySnapshot;
class VersionWorkspace;

namespace Diagram {

class DiagramPage;

// What the diagram of an environment needs before it can be drawn: its graph, in compare mode the
// graph of the other environment and the comparison, and the layout of both together (removed
// nodes are shown where they were). Built from the snapshot and the unsaved Terraform edits.
struct PreparedGraphs
{
    int generation = 0;
    Graph graph;
    Graph other; // empty unless comparing
};

// Reads the environment's root module again with `overlay` (repository-relative path -> edited
// bytes) in place of the files on disk, and builds its graph. Runs on any thread.
Graph graphOf(const QString &root, Environment environment,
              const QHash<QString, QByteArray> &overlay = {});
// The graph the layout places: ours plus, in compare mode, the removed nodes and edges.
Graph layoutGraph(const class GraphModel &model);
// The environment a customer cluster is compared with by default: its base; empty otherwise.
QString defaultComparison(const RepositorySnapshot &snapshot, const QString &environment);

// Keeps a DiagramPage's model in step with the selected environment: builds the graph on a worker
// thread (again after every Terraform edit in the workspace), measures the nodes, lays them out
// with dot (or the layered layout, with a banner saying how to get dot) and, when the user picks
// a second environment, compares the two. Results that arrive after the user moved on are dropped.
class DiagramController : public QObject
{
    Q_OBJECT

public:
    explicit DiagramController(DiagramPage *page, QObject *parent = nullptr);

    void setWorkspace(VersionWorkspace *workspace);
    // The snapshot must stay alive until the next call; null clears the diagram.
    void setSnapshot(const RepositorySnapshot *snapshot);
    void setEnvironment(const QString &environment);
    void compareWith(const QString &environment); // empty leaves compare mode
    void setLayoutOptions(const LayoutOptions &options) { m_options = options; }

    QString environment() const { return m_environment; }
    QString comparedWith() const { return m_compareWith; }
    bool isBusy() const { return m_busy; }

signals:
    // The model holds the graph, comparison and layout of the current request.
    void ready();

private:
    void rebuild();
    void onGraphsReady();
    void onLayoutReady();
    void setBusy(bool busy);
    void updateCompareChoices();
    QHash<QString, QByteArray> overlay() const;

    QPointer<DiagramPage> m_page;
    QPointer<VersionWorkspace> m_workspace;
    const RepositorySnapshot *m_snapshot = nullptr;
    QString m_environment;
    QString m_compareWith;
    LayoutOptions m_options;
    int m_generation = 0;
    bool m_busy = false;
    QFutureWatcher<PreparedGraphs> m_graphs;
    QFutureWatcher<LayoutOutcome> m_layout;
    int m_layoutGeneration = 0;
    QStringList m_problems; // of the graphs being laid out, for the banner
};

} // namespace Diagram
} // namespace EnvDeck
