// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A generated environment diagram the size of a big platform repository, for the layout (and
// later painting) benchmarks: deterministic, with the fan-out real environments have.

#include "diagram/GraphLayout.h"

namespace EnvDeck::DiagramBench {

struct BenchGraph
{
    Diagram::Graph graph;
    Diagram::SizeMap sizes; // what the scene would measure for each node's labels
    int clusters = 0;
};

// About `nodes` nodes: inputs, top-level modules, a few platform modules with nested modules
// (the clusters), and the Helm releases and secrets the modules create; about 1.4 edges per
// node. The same seed gives the same graph.
BenchGraph makeBenchGraph(int nodes = 1000, quint32 seed = 20261126);

// The dot CLI alone, as a user runs it by hand: `dot -T<format> < graph.dot > out`. False when dot
// fails, times out or writes nothing; `output` receives what it wrote.
bool runDotCli(const QString &dot, const QString &format, const QByteArray &text,
               QByteArray *output = nullptr, int timeoutMs = 10 * 60 * 1000);

} // namespace EnvDeck::DiagramBench
