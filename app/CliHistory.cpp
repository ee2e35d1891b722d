// SPDX-License-Identifier: GPL-3.0-or-later
// `envdeck history [REPO] [--env E] [--component C] [--since DATE] [--format text|csv|json]`:
// the deployment history read from Git (and cached), headless, for reports and CI.
#include "Cli.h"
#include "CliCommands.h"

#include "history/DeploymentEvent.h"
#include "history/HistoryScanner.h"
#include "repo/RepositoryLoader.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace EnvDeck::Cli {

namespace {

using History::DeploymentEvent;

// RFC 4180: quoted when the field holds a comma, a quote or a line break; quotes doubled.
QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n')
        && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString isoDate(const QDateTime &date)
{
    return date.toUTC().toString(Qt::ISODate);
}

QDateTime parseSince(const QString &text)
{
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (day.isValid())
        return QDateTime(day, QTime(0, 0), Qt::UTC);
    QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    if (time.isValid() && time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC); // a time without a zone is read as UTC, like the output
    return time;
}

void writeText(QTextStream &out, const QList<DeploymentEvent> &events)
{
    for (const DeploymentEvent &event : events) {
        QString change;
        switch (event.kind) {
        case DeploymentEvent::Kind::Deploy:
            change = event.from + QStringLiteral(" → ") + event.to;
            break;
        case DeploymentEvent::Kind::Add:
            change = QStringLiteral("added ") + event.to;
            break;
        case DeploymentEvent::Kind::Remove:
            change = QStringLiteral("removed ") + event.from;
            break;
        case DeploymentEvent::Kind::Lock:
            change
                = QStringLiteral("locked at ") + event.to
                  + (event.lockReason.isEmpty() ? QString()
                                                : QStringLiteral(" (") + event.lockReason + u')');
            break;
        case DeploymentEvent::Kind::Unlock:
            change = QStringLiteral("unlocked at ") + event.to;
            break;
        case DeploymentEvent::Kind::Approval:
            change
                = QStringLiteral("approved") + (event.to.isEmpty() ? QString() : u' ' + event.to);
            break;
        }
        out << event.date.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) << "  "
            << event.environment << "  " << event.component << "  " << change << "  "
            << event.commit.left(8) << "  " << event.author;
        if (!event.mergeRequest.isEmpty())
            out << "  " << event.mergeRequest;
        out << '\n';
    }
}

void writeCsv(QTextStream &out, const QList<DeploymentEvent> &events)
{
    out << "date,environment,component,kind,from,to,commit,author,author_email,merge_request,"
           "path,lock_reason\r\n";
    for (const DeploymentEvent &event : events) {
        const QStringList fields{
            isoDate(event.date), event.environment,  event.component, History::kindName(event.kind),
            event.from,          event.to,           event.commit,    event.author,
            event.authorEmail,   event.mergeRequest, event.path,      event.lockReason};
        QStringList quoted;
        for (const QString &field : fields)
            quoted << csvField(field);
        out << quoted.join(u',') << "\r\n";
    }
}

void writeJson(QTextStream &out, const QList<DeploymentEvent> &events)
{
    QJsonArray list;
    for (const DeploymentEvent &event : events) {
        list.append(QJsonObject{
            {QStringLiteral("environment"), event.environment},
            {QStringLiteral("component"), event.component},
            {QStringLiteral("from"), event.from},
            {QStringLiteral("to"), event.to},
            {QStringLiteral("kind"), History::kindName(event.kind)},
            {QStringLiteral("commit"), event.commit},
            {QStringLiteral("author"), event.author},
            {QStringLiteral("author_email"), event.authorEmail},
            {QStringLiteral("date"), isoDate(event.date)},
            {QStringLiteral("merge_request"), event.mergeRequest},
            {QStringLiteral("path"), event.path},
            {QStringLiteral("lock_reason"), event.lockReason},
        });
    }
    out << QJsonDocument(list).toJson(QJsonDocument::Indented);
}

} // namespace

void declareHistory(QCommandLineParser &parser)
{
    parser.addPositionalArgument(
        QStringLiteral("REPO"),
        QStringLiteral("Repository work tree (default: the current folder)."),
        QStringLiteral("[REPO]"));
    parser.addOption(QCommandLineOption(QStringList{QStringLiteral("env")},
                                        QStringLiteral("Only this environment."),
                                        QStringLiteral("E")));
    parser.addOption(QCommandLineOption(QStringList{QStringLiteral("component")},
                                        QStringLiteral("Only this component."),
                                        QStringLiteral("C")));
    parser.addOption(QCommandLineOption(
        QStringList{QStringLiteral("since")},
        QStringLiteral("Only events from this date on: YYYY-MM-DD or an ISO 8601 time (UTC)."),
        QStringLiteral("DATE")));
    parser.addOption(
        QCommandLineOption(QStringList{QStringLiteral("format")},
                           QStringLiteral("Output format: text, csv or json (default text)."),
                           QStringLiteral("FORMAT"), QStringLiteral("text")));
}

int runHistory(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        err << "envdeck history: expected at most one REPO\n";
        return Usage;
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != u"text" && format != u"csv" && format != u"json") {
        err << "envdeck history: unknown format '" << format << "'; use text, csv or json\n";
        return Usage;
    }
    QDateTime since;
    if (parser.isSet(QStringLiteral("since"))) {
        since = parseSince(parser.value(QStringLiteral("since")));
        if (!since.isValid()) {
            err << "envdeck history: --since '" << parser.value(QStringLiteral("since"))
                << "' is not a date; use YYYY-MM-DD or an ISO 8601 time\n";
            return Usage;
        }
    }
    const QString path = positional.isEmpty() ? QDir::currentPath() : positional.first();
    const QString environment = parser.value(QStringLiteral("env"));
    if (!environment.isEmpty()) {
        auto snapshot = RepositoryLoader::load(path, {}, RepositoryLoader::History::Skip);
        if (!snapshot) {
            err << "envdeck history: " << snapshot.error().toString() << '\n';
            return Usage;
        }
        if (!snapshot->findEnvironment(environment)) {
            QStringList names;
            for (const Environment &each : snapshot->environments)
                names << each.name;
            err << "envdeck history: no environment named '" << environment
                << "'; the repository has: " << names.join(QStringLiteral(", ")) << '\n';
            return Usage;
        }
    }

    auto history = History::readHistory(path);
    if (!history) {
        err << "envdeck history: " << history.error().toString() << '\n';
        return Failed;
    }
    for (const Error &problem : history->problems)
        err << "envdeck history: warning: " << problem.toString() << '\n';

    const QString component = parser.value(QStringLiteral("component"));
    QList<DeploymentEvent> events;
    for (const DeploymentEvent &event : history->events) {
        if (!environment.isEmpty() && event.environment != environment)
            continue;
        if (!component.isEmpty() && event.component != component)
            continue;
        if (since.isValid() && event.date < since)
            continue;
        events.append(event);
    }
    if (format == u"json")
        writeJson(out, events);
    else if (format == u"csv")
        writeCsv(out, events);
    else
        writeText(out, events);
    return Success;
}

} // namespace EnvDeck::Cli
