// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "change/ChangeSummary.h"
#include "promotion/Promotion.h"

#include <QColor>
#include <QWidget>

class QLabel;
class QListWidget;
class QProgressBar;
class QTableWidget;

// What the staging review, the promotion wizard and the rollback dialog share: coloured
// banners and the preview of a plan.
namespace EnvDeck::Release {

enum class Tone { Neutral, Good, Warning, Bad };

// A text colour for `tone` that stays readable on `widget`'s palette, light or dark.
QColor toneColor(const QWidget *widget, Tone tone);

// Shows `text` in `label` in a framed box tinted by `tone`; hides the label when text is empty.
void setBanner(QLabel *label, const QString &text, Tone tone);

// The rows of the Review & Commit table for a plan: one per version change, with the versions
// file it is written to.
QList<Change::VersionChange> changeRows(const Promotion::Plan &plan,
                                        const Validation::ValidationInput &input);

// The preview of a promotion or rollback plan: a banner with the outcome, where the versions
// come from, the table environment | component | from | to, and the new validation findings.
class PlanPreview : public QWidget
{
    Q_OBJECT
public:
    explicit PlanPreview(QWidget *parent = nullptr);

    void setBusy(const QString &text); // "Working out the promotion…"
    void setPlan(const Promotion::Plan &plan);
    void clear();

    QTableWidget *table() const { return m_table; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *basisLabel() const { return m_basis; }
    QListWidget *findingsList() const { return m_findings; }

private:
    QLabel *m_status = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_basis = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_findingsTitle = nullptr;
    QListWidget *m_findings = nullptr;
};

} // namespace EnvDeck::Release
