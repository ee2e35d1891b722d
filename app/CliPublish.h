// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "change/Publisher.h"
#include "forge/ForgeSettings.h"

#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <memory>

namespace EnvDeck::Credentials {
class TokenStore;
}

// What the commands that commit (bump, and later approve, promote, rollback) share: the
// --branch/--message/--push/--open-mr/--provider flags, the forge and its token, and running a
// Publisher to its end with progress on standard error.
namespace EnvDeck::Cli {

// `[REPO]`: the first argument of every command that commits.
void declareRepositoryArgument(QCommandLineParser &parser);
// `--name` with its help text, taking a VALUE when `value` names one.
void addOption(QCommandLineParser &parser, const QString &name, const QString &description,
               const QString &value = {});
// --offline (catalogs from their cached copies) and the publish flags, after a command's own.
void declarePublishOptions(QCommandLineParser &parser);

class PublishSession
{
public:
    PublishSession();
    ~PublishSession();

    // Reads the forge settings and, when the flags need them, the tokens; prints what is wrong
    // to `err`. False: the command cannot run (exit 2) and nothing was changed.
    bool prepare(const QCommandLineParser &parser, const QString &root, QTextStream &err);

    // The request for `paths`, filled from the flags.
    Change::PublishRequest request(const QCommandLineParser &parser, const QString &root,
                                   const QStringList &paths, const QString &message,
                                   const QString &title, const QString &description) const;

    const Forge::ForgeSettings &forge() const { return m_settings; }

    // Runs the publisher to its end. Prints the commit, the push and the merge request to `out`,
    // a failure and what is safe to `err`. Returns the exit code; `committed` tells whether the
    // commit was made (so a caller knows whether to put the file back).
    int run(const Change::PublishRequest &request, QTextStream &out, QTextStream &err,
            bool *committed);

private:
    Forge::ForgeSettings m_settings;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Credentials::TokenStore> m_tokens;
    std::unique_ptr<Forge::ForgeClient> m_forge;
    Git::RemoteOptions m_remoteOptions;
};

} // namespace EnvDeck::Cli
