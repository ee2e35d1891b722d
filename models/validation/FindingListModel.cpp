// SPDX-License-Identifier: GPL-3.0-or-later
#include "FindingListModel.h"

namespace EnvDeck::Validation {

QVariant FindingListModel::data(const QModelIndex &index, int role) const
{
    const Finding *finding = itemAt(index);
    if (!finding)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case SeverityColumn:
            return finding->notChecked                      ? tr("not checked")
                   : finding->severity == Severity::Error   ? tr("error")
                   : finding->severity == Severity::Warning ? tr("warning")
                                                            : tr("note");
        case MessageColumn:
            return finding->message;
        case LocationColumn:
            return finding->location.isValid() ? finding->location.toString() : QString();
        case RuleColumn:
            return finding->ruleId;
        }
        return {};
    case Qt::ToolTipRole:
        return finding->hint.isEmpty()
                   ? finding->message
                   : finding->message + u'\n' + tr("Hint: %1").arg(finding->hint);
    case SeverityRole:
        return int(finding->severity);
    case RuleRole:
        return finding->ruleId;
    case FileRole:
        return finding->location.file;
    case LineRole:
        return finding->location.line;
    case ColumnRole:
        return finding->location.column;
    case EnvironmentRole:
        return finding->environment;
    case ComponentRole:
        return finding->component;
    case NotCheckedRole:
        return finding->notChecked;
    case HintRole:
        return finding->hint;
    default:
        return {};
    }
}

QVariant FindingListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case SeverityColumn:
        return tr("Severity");
    case MessageColumn:
        return tr("Problem");
    case LocationColumn:
        return tr("Location");
    case RuleColumn:
        return tr("Rule");
    }
    return {};
}

} // namespace EnvDeck::Validation
