// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagram/DiagramController.h"

#include "diagram/DiagramInspector.h"
#include "diagram/DiagramPage.h"
#include "diagram/DiagramScene.h"
#include "diagram/DiagramStyle.h"
#include "diagram/GraphCompare.h"
#include "diagram/GraphModel.h"
#include "matrix/VersionWorkspace.h"
#include "repo/Environment.h"
#include "terraform/TerraformModel.h"

#include <QtConcurrent/QtConcurrentRun>

namespace EnvDeck::Diagram {

Graph graphOf(const QString &root, Environment environment,
              const QHash<QString, QByteArray> &overlay)
{
    // The snapshot's module is what is on disk; unsaved edits need the files read again.
    if (!overlay.isEmpty()) {
        environment.terraform
            = Terraform::readRootModule(root, environment.path, environment.varsFile, overlay);
    }
    return buildGraph(environment);
}

Graph layoutGraph(const GraphModel &model)
{
    Graph graph = model.graph();
    graph.nodes.append(model.comparison().removedNodes);
    graph.edges.append(model.comparison().removedEdges);
    return graph;
}

QString defaultComparison(const RepositorySnapshot &snapshot, const QString &environment)
{
    const Environment *found = snapshot.findEnvironment(environment);
    if (!found || found->base.isEmpty() || !snapshot.findEnvironment(found->base))
        return {};
    return found->base;
}

DiagramController::DiagramController(DiagramPage *page, QObject *parent)
    : QObject(parent)
    , m_page(page)
{
    connect(&m_graphs, &QFutureWatcher<PreparedGraphs>::finished, this,
            &DiagramController::onGraphsReady);
    connect(&m_layout, &QFutureWatcher<LayoutOutcome>::finished, this,
            &DiagramController::onLayoutReady);
    connect(page, &DiagramPage::compareRequested, this, &DiagramController::compareWith);
}

void DiagramController::setWorkspace(VersionWorkspace *workspace)
{
    if (m_workspace)
        disconnect(m_workspace, nullptr, this, nullptr);
    m_workspace = workspace;
    if (workspace) {
        connect(workspace, &VersionWorkspace::terraformFileChanged, this,
                &DiagramController::rebuild);
    }
}

void DiagramController::setSnapshot(const RepositorySnapshot *snapshot)
{
    m_snapshot = snapshot;
    if (!snapshot || !snapshot->findEnvironment(m_environment))
        m_environment.clear();
    m_compareWith.clear();
    updateCompareChoices();
    rebuild();
}

void DiagramController::setEnvironment(const QString &environment)
{
    if (environment == m_environment && !m_page->model()->graph().nodes.isEmpty())
        return;
    m_environment = environment;
    m_compareWith = m_snapshot ? defaultComparison(*m_snapshot, environment) : QString();
    m_page->setEnvironmentLabel(environment);
    updateCompareChoices();
    rebuild();
}

void DiagramController::compareWith(const QString &environment)
{
    if (environment == m_compareWith)
        return;
    m_compareWith = environment;
    rebuild();
}

void DiagramController::updateCompareChoices()
{
    QStringList choices;
    if (m_snapshot) {
        for (const Environment &environment : m_snapshot->environments) {
            if (environment.name != m_environment)
                choices << environment.name;
        }
    }
    m_page->setCompareChoices(choices, m_compareWith);
}

QHash<QString, QByteArray> DiagramController::overlay() const
{
    return m_workspace ? m_workspace->terraformOverlay() : QHash<QString, QByteArray>();
}

void DiagramController::rebuild()
{
    const int generation = ++m_generation;
    const Environment *ours = m_snapshot ? m_snapshot->findEnvironment(m_environment) : nullptr;
    if (!m_page)
        return;
    if (!ours) {
        m_page->model()->clear();
        m_page->showBanner({});
        setBusy(false);
        return;
    }
    const Environment *theirs
        = m_compareWith.isEmpty() ? nullptr : m_snapshot->findEnvironment(m_compareWith);
    setBusy(true);
    m_graphs.setFuture(
        QtConcurrent::run([root = m_snapshot->rootPath, ours = *ours,
                           theirs = theirs ? std::optional<Environment>(*theirs) : std::nullopt,
                           overlay = overlay(), generation] {
            PreparedGraphs prepared;
            prepared.generation = generation;
            prepared.graph = graphOf(root, ours, overlay);
            if (theirs)
                prepared.other = graphOf(root, *theirs, overlay);
            return prepared;
        }));
}

void DiagramController::onGraphsReady()
{
    if (!m_page || m_graphs.future().isCanceled())
        return;
    PreparedGraphs prepared = m_graphs.result();
    if (prepared.generation != m_generation)
        return; // the user moved on; the newer request is running
    GraphModel *model = m_page->model();
    m_problems.clear();
    for (const Error &problem : prepared.graph.problems)
        m_problems << problem.toString();
    const bool comparing = !prepared.other.environment.isEmpty();
    Comparison comparison
        = comparing ? compareGraphs(prepared.graph, prepared.other) : Comparison();
    model->setGraph(std::move(prepared.graph));
    model->setComparison(std::move(comparison));
    m_page->inspector()->setTheirGraph(std::move(prepared.other));

    const Graph placed = layoutGraph(*model);
    m_layoutGeneration = m_generation;
    m_layout.setFuture(
        computeLayoutAsync(placed, nodeSizes(placed, m_page->scene()->font()), m_options));
}

void DiagramController::onLayoutReady()
{
    if (!m_page || m_layout.future().isCanceled() || m_layoutGeneration != m_generation)
        return;
    LayoutOutcome outcome = m_layout.result();
    m_page->model()->setLayout(std::move(outcome.layout));
    QStringList banner = m_problems;
    if (!outcome.dotProblem.isEmpty())
        banner.prepend(outcome.dotProblem);
    m_page->showBanner(banner.join(QLatin1Char('\n')));
    setBusy(false);
    emit ready();
}

void DiagramController::setBusy(bool busy)
{
    m_busy = busy;
    if (m_page)
        m_page->showBusy(busy);
}

} // namespace EnvDeck::Diagram
