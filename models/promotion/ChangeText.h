// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "promotion/Promotion.h"

#include <QString>

// What a commit and a merge request say about a QA decision, a promotion or a rollback. The
// command line and the window word them the same way, so a merge request reads alike whoever
// opened it.
namespace EnvDeck::Promotion {

struct ChangeText
{
    QString title;       // the commit's first line and the merge request's title
    QString message;     // the whole commit message
    QString description; // the merge request's Markdown description
    QString branch;      // a suggested branch: "envdeck/approve-staging-2026-11-26-r3"
};

// The decision recorded in `edit` (from renderDecision) on `review`'s version set.
ChangeText describeDecision(const Review &review, const Decision &decision, const FileEdit &edit);

// A promotion or rollback plan: its title, commitMessage() and description().
ChangeText describePlan(const Plan &plan);

// "staging-billing 1.9.0 → 1.9.1 (!12, !14)": one changed row of a review.
QString reviewRowText(const ReviewRow &row);

// "envdeck/promote-r25-from-staging-to-prod-eu": lower case, a valid git branch name.
QString branchNameFor(const QString &text);

} // namespace EnvDeck::Promotion
