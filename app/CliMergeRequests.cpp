// SPDX-License-Identifier: GPL-3.0-or-later
// `envdeck merge-requests [REPO] [--merge N | --close N] [--format text|json]`: the merge requests
// of the local, git-only provider (refs/envdeck/merge-requests/*): list them, merge one with a
// merge commit, or close one. With a remote, a merge is pushed with its record.
#include "Cli.h"
#include "CliCommands.h"

#include "change/RemoteAccess.h"
#include "credentials/TokenStore.h"
#include "forge/ForgeSettings.h"
#include "forge/LocalForgeClient.h"
#include "forge/LocalRecords.h"
#include "git/Repository.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace EnvDeck::Cli {

namespace {

// The token for an HTTPS origin, from the keychain or its fallbacks; SSH uses the agent.
Git::RemoteOptions remoteOptions(const QString &root)
{
    QString url;
    if (auto repository = Git::Repository::open(root))
        url = repository->remoteUrl(QStringLiteral("origin"));
    const auto forge = Forge::readForgeSettings(root, url);
    Credentials::TokenStore tokens;
    for (const auto &account :
         Change::remoteAccounts(url, forge ? *forge : Forge::ForgeSettings{})) {
        if (auto token = tokens.readBlocking(account))
            return Change::remoteOptions(*token, account);
    }
    return Change::remoteOptions(std::nullopt, std::nullopt);
}

} // namespace

void declareMergeRequests(QCommandLineParser &parser)
{
    parser.addPositionalArgument(
        QStringLiteral("REPO"),
        QStringLiteral("Repository work tree (default: the current folder)."),
        QStringLiteral("[REPO]"));
    parser.addOption(
        QCommandLineOption(QStringList{QStringLiteral("merge")},
                           QStringLiteral("Merge local merge request N into its target "
                                          "with a merge commit."),
                           QStringLiteral("N")));
    parser.addOption(QCommandLineOption(
        QStringList{QStringLiteral("close")},
        QStringLiteral("Close local merge request N without merging."), QStringLiteral("N")));
    parser.addOption(QCommandLineOption(QStringList{QStringLiteral("format")},
                                        QStringLiteral("text or json (default text)."),
                                        QStringLiteral("FORMAT"), QStringLiteral("text")));
}

int runMergeRequests(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        err << "envdeck merge-requests: expected at most one REPO\n";
        return Usage;
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QStringLiteral("text") && format != QStringLiteral("json")) {
        err << "envdeck merge-requests: --format must be text or json\n";
        return Usage;
    }
    auto repository
        = Git::Repository::open(positional.isEmpty() ? QDir::currentPath() : positional.first());
    if (!repository) {
        err << "envdeck merge-requests: " << repository.error().toString() << '\n';
        return Usage;
    }
    const QString root = repository->workTree();

    for (const char *action : {"merge", "close"}) {
        if (!parser.isSet(QLatin1String(action)))
            continue;
        bool ok = false;
        const int number = parser.value(QLatin1String(action)).toInt(&ok);
        if (!ok || number <= 0) {
            err << "envdeck merge-requests: --" << action << " takes a merge request number\n";
            return Usage;
        }
        auto identity = repository->identity();
        if (!identity) {
            err << "envdeck merge-requests: " << identity.error().toString() << '\n';
            return Usage;
        }
        auto record = QLatin1String(action) == QLatin1String("merge")
                          ? Forge::LocalRecords::merge(root, number, *identity)
                          : Forge::LocalRecords::close(root, number, *identity);
        if (!record) {
            err << "envdeck merge-requests: " << record.error().toString() << '\n';
            return Failed;
        }
        out << record->request.reference << ' '
            << Forge::mergeRequestStateName(record->request.state);
        if (!record->mergeCommit.isEmpty())
            out << " as " << record->mergeCommit;
        out << '\n';
        if (auto shared
            = Forge::shareLocalRecord(root, QStringLiteral("origin"), remoteOptions(root), *record);
            !shared) {
            err << "envdeck merge-requests: done locally, but not pushed: "
                << shared.error().toString() << '\n';
            return Failed;
        }
        return Success;
    }

    auto records = Forge::LocalRecords::list(root);
    if (!records) {
        err << "envdeck merge-requests: " << records.error().toString() << '\n';
        return Usage;
    }
    if (format == QStringLiteral("json")) {
        QJsonArray list;
        for (const auto &record : *records) {
            const auto &r = record.request;
            list.append(
                QJsonObject{{QStringLiteral("number"), r.number},
                            {QStringLiteral("title"), r.title},
                            {QStringLiteral("source_branch"), r.sourceBranch},
                            {QStringLiteral("target_branch"), r.targetBranch},
                            {QStringLiteral("state"), Forge::mergeRequestStateName(r.state)},
                            {QStringLiteral("author"), r.author},
                            {QStringLiteral("created"), r.created.toString(Qt::ISODate)},
                            {QStringLiteral("merge_commit"), record.mergeCommit}});
        }
        out << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return Success;
    }
    if (records->isEmpty())
        out << "No local merge requests.\n";
    for (const auto &record : *records) {
        const auto &r = record.request;
        out << r.number << '\t' << Forge::mergeRequestStateName(r.state) << '\t' << r.sourceBranch
            << " -> " << r.targetBranch << '\t' << r.title << '\n';
    }
    return Success;
}

} // namespace EnvDeck::Cli
