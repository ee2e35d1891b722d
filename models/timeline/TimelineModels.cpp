// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/TimelineModels.h"

#include <QLocale>

namespace EnvDeck::Timeline {

using History::DeploymentEvent;
using Pipelines::PipelineRun;

namespace {

// Dates are shown in UTC with the same fixed format everywhere so that tables, tooltips and CSV
// files agree and sort as text too.
QString formatDate(const QDateTime &date)
{
    return date.isValid() ? date.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

} // namespace

namespace {

template<typename T>
QList<T> valuesOf(const QAbstractItemModel &model)
{
    QList<T> values;
    values.reserve(model.rowCount());
    for (int row = 0; row < model.rowCount(); ++row) {
        const QVariant value = model.index(row, 0).data(ValueRole);
        if (value.metaType() == QMetaType::fromType<T>())
            values.append(value.value<T>());
    }
    return values;
}

} // namespace

QList<DeploymentEvent> eventsOf(const QAbstractItemModel &model)
{
    return valuesOf<DeploymentEvent>(model);
}

QList<PipelineRun> runsOf(const QAbstractItemModel &model)
{
    return valuesOf<PipelineRun>(model);
}

QString formatDuration(qint64 seconds)
{
    if (seconds < 0)
        return QString();
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds % 3600) / 60;
    const qint64 rest = seconds % 60;
    if (hours > 0)
        return QStringLiteral("%1h %2m").arg(hours).arg(minutes, 2, 10, QLatin1Char('0'));
    if (minutes > 0)
        return QStringLiteral("%1m %2s").arg(minutes).arg(rest, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1s").arg(rest);
}

QString DeploymentEventModel::kindLabel(History::DeploymentEvent::Kind kind)
{
    using K = History::DeploymentEvent::Kind;
    switch (kind) {
    case K::Deploy:
        return tr("deploy");
    case K::Add:
        return tr("add");
    case K::Remove:
        return tr("remove");
    case K::Lock:
        return tr("lock");
    case K::Unlock:
        return tr("unlock");
    case K::Approval:
        return tr("approval");
    }
    return History::kindName(kind);
}

QVariant DeploymentEventModel::data(const QModelIndex &index, int role) const
{
    const DeploymentEvent *event = itemAt(index);
    if (!event)
        return {};
    if (role == ValueRole)
        return QVariant::fromValue(*event);
    if (role == Qt::ToolTipRole && index.column() == Commit)
        return event->commit;
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (Column(index.column())) {
    case Date:
        return role == Qt::EditRole ? QVariant(event->date) : QVariant(formatDate(event->date));
    case Environment:
        return event->environment;
    case Component:
        return event->component;
    case Kind:
        // The display follows the language; the edit role keeps the name `envdeck history` uses.
        return role == Qt::EditRole ? History::kindName(event->kind) : kindLabel(event->kind);
    case From:
        return event->from;
    case To:
        return event->to;
    case Commit:
        return role == Qt::EditRole ? event->commit : event->commit.left(8);
    case Author:
        return event->author;
    case MergeRequest:
        return event->mergeRequest;
    }
    return {};
}

QVariant DeploymentEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Date:
        return tr("Date (UTC)");
    case Environment:
        return tr("Environment");
    case Component:
        return tr("Component");
    case Kind:
        return tr("Change");
    case From:
        return tr("From");
    case To:
        return tr("To");
    case Commit:
        return tr("Commit");
    case Author:
        return tr("Author");
    case MergeRequest:
        return tr("Merge request");
    }
    return {};
}

QVariant PipelineRunModel::data(const QModelIndex &index, int role) const
{
    const PipelineRun *run = itemAt(index);
    if (!run)
        return {};
    if (role == ValueRole)
        return QVariant::fromValue(*run);
    if (role == Qt::ToolTipRole)
        return run->url.isEmpty() ? QVariant() : QVariant(run->url);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (Column(index.column())) {
    case Started:
        return role == Qt::EditRole ? QVariant(run->started) : QVariant(formatDate(run->started));
    case Name:
        return run->name;
    case Environment:
        return run->environment;
    case Result:
        // A run still going has no result yet; its status says what it is doing.
        return run->result.isEmpty() ? run->status : run->result;
    case Duration:
        return role == Qt::EditRole ? QVariant(run->durationSeconds())
                                    : QVariant(formatDuration(run->durationSeconds()));
    case Branch:
        return run->branch;
    case Commit:
        return role == Qt::EditRole ? run->commit : run->commit.left(8);
    case Provider:
        return run->provider;
    }
    return {};
}

QVariant PipelineRunModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Started:
        return tr("Started (UTC)");
    case Name:
        return tr("Pipeline");
    case Environment:
        return tr("Environment");
    case Result:
        return tr("Result");
    case Duration:
        return tr("Duration");
    case Branch:
        return tr("Branch");
    case Commit:
        return tr("Commit");
    case Provider:
        return tr("Provider");
    }
    return {};
}

} // namespace EnvDeck::Timeline
