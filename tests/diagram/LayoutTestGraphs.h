// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Graphs built by hand for the layout tests, and the checks every layout has to pass.

#include "diagram/GraphLayout.h"

namespace LayoutTests {

struct Sample
{
    EnvDeck::Diagram::Graph graph;
    EnvDeck::Diagram::SizeMap sizes;
    bool acyclic = true; // every edge can point along the ranks
};

// "empty", "single", "chain", "diamond", "cycle", "clusters", "odd ids", "parallel",
// "random200" (fixed seed). An unknown name gives an empty sample.
Sample makeSample(const QString &shape);
QStringList sampleShapes();

// The distance from `point` to the nearest point of `rect`'s outline.
double distanceToBorder(QPointF point, const QRectF &rect);

// QVERIFY/QCOMPARE the invariants of a layout of `sample`; check QTest::currentTestFailed().
// `foreignNodesOutsideClusters`: no cluster box meets a node that is not in it.
void checkLayout(const Sample &sample, const EnvDeck::Diagram::Layout &layout, bool leftToRight,
                 double borderTolerance, bool foreignNodesOutsideClusters);

} // namespace LayoutTests
