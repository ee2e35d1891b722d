// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliPublish.h"

#include "Cli.h"

#include "change/RemoteAccess.h"
#include "credentials/TokenStore.h"
#include "forge/LocalForgeClient.h"
#include "forge/RestForgeClient.h"
#include "git/Repository.h"

#include <QEventLoop>

namespace EnvDeck::Cli {

namespace {

QCommandLineOption option(const QString &name, const QString &description,
                          const QString &valueName = {})
{
    return QCommandLineOption(QStringList{name}, description, valueName);
}

Git::Signature identityOf(const QString &root)
{
    auto repository = Git::Repository::open(root);
    if (!repository)
        return {};
    auto identity = repository->identity();
    return identity ? *identity : Git::Signature{};
}

} // namespace

void declareRepositoryArgument(QCommandLineParser &parser)
{
    parser.addPositionalArgument(
        QStringLiteral("REPO"),
        QStringLiteral("Repository work tree (default: the current folder)."),
        QStringLiteral("[REPO]"));
}

void addOption(QCommandLineParser &parser, const QString &name, const QString &description,
               const QString &value)
{
    parser.addOption(QCommandLineOption(QStringList{name}, description, value));
}

void declarePublishOptions(QCommandLineParser &parser)
{
    addOption(parser, QStringLiteral("offline"),
              QStringLiteral("Do not fetch catalogs from the network; use their cached copies."));
    parser.addOption(
        option(QStringLiteral("branch"),
               QStringLiteral("Create BRANCH from HEAD, commit there and leave the work "
                              "tree clean (default: commit on the current branch)."),
               QStringLiteral("BRANCH")));
    parser.addOption(
        option(QStringLiteral("message"),
               QStringLiteral("The commit message (default: written from the change)."),
               QStringLiteral("TEXT")));
    parser.addOption(
        option(QStringLiteral("push"), QStringLiteral("Push the branch to its remote.")));
    parser.addOption(
        option(QStringLiteral("open-mr"),
               QStringLiteral("Open a merge request for the branch (pushes it first).")));
    parser.addOption(
        option(QStringLiteral("provider"),
               QStringLiteral("local, gitlab, github or azure-devops (default: "
                              "`forge:` in .envdeck.yaml, else guessed from the remote)."),
               QStringLiteral("NAME")));
    parser.addOption(option(QStringLiteral("remote"),
                            QStringLiteral("The remote to push to (default: origin)."),
                            QStringLiteral("NAME")));
}

PublishSession::PublishSession() = default;
PublishSession::~PublishSession() = default;

bool PublishSession::prepare(const QCommandLineParser &parser, const QString &root,
                             QTextStream &err)
{
    const QString remote = parser.isSet(QStringLiteral("remote"))
                               ? parser.value(QStringLiteral("remote"))
                               : QStringLiteral("origin");
    QString remoteUrl;
    if (auto repository = Git::Repository::open(root))
        remoteUrl = repository->remoteUrl(remote);

    auto settings = Forge::readForgeSettings(root, remoteUrl);
    if (parser.isSet(QStringLiteral("provider"))) {
        const auto provider = Forge::providerFromName(parser.value(QStringLiteral("provider")));
        if (!provider) {
            err << "envdeck: --provider must be local, gitlab, github or azure-devops, not '"
                << parser.value(QStringLiteral("provider")) << "'\n";
            return false;
        }
        if (!settings || settings->provider != *provider) {
            // The configuration names another forge: guess this one's details from the remote.
            auto guessed = Forge::guessForgeSettings(remoteUrl);
            if (guessed && guessed->provider == *provider) {
                settings = guessed;
            } else if (*provider == Forge::Provider::Local) {
                settings = Forge::ForgeSettings{};
            } else {
                err << "envdeck: cannot tell the " << Forge::providerDisplayName(*provider)
                    << " project from the remote URL '" << Git::redactUrl(remoteUrl)
                    << "'; add `forge:` to .envdeck.yaml\n";
                return false;
            }
        }
    } else if (!settings) {
        const bool needed = parser.isSet(QStringLiteral("open-mr"));
        if (needed) {
            err << "envdeck: " << settings.error().toString() << '\n';
            return false;
        }
        settings = Forge::ForgeSettings{};
    }
    m_settings = *settings;
    m_settings.remote = remote;

    m_tokens = std::make_unique<Credentials::TokenStore>();
    std::optional<Credentials::Token> remoteToken;
    std::optional<Credentials::Account> remoteAccount;
    if (parser.isSet(QStringLiteral("push")) || parser.isSet(QStringLiteral("open-mr"))) {
        for (const auto &account : Change::remoteAccounts(remoteUrl, m_settings)) {
            if (auto token = m_tokens->readBlocking(account)) {
                remoteToken = *token;
                remoteAccount = account;
                break;
            }
        }
    }
    m_remoteOptions = Change::remoteOptions(remoteToken, remoteAccount);
    m_remoteOptions.acceptHostKey = [&err](const Git::HostKey &key) {
        err << "envdeck: the SSH host key of " << key.host << " (" << key.type << ' ' << key.sha256
            << ") is not in known_hosts; refusing. Check the fingerprint and add it with "
               "`ssh-keyscan`.\n";
        return false;
    };

    if (!parser.isSet(QStringLiteral("open-mr")))
        return true;
    if (m_settings.provider == Forge::Provider::Local) {
        const QString remoteName = m_settings.remote;
        const Git::RemoteOptions options = m_remoteOptions;
        m_forge = std::make_unique<Forge::LocalForgeClient>(
            root, identityOf(root),
            [root, remoteName, options](const Forge::LocalRecords::Record &record) {
                // Share the record with the team when there is a remote to share it through.
                return Forge::shareLocalRecord(root, remoteName, options, record);
            });
        return true;
    }
    const auto account = Change::forgeAccount(m_settings);
    QStringList notes;
    auto token = m_tokens->readBlocking(*account, &notes);
    if (!token) {
        err << "envdeck: no token for " << Forge::providerDisplayName(m_settings.provider) << " ("
            << account->host << "): " << token.error().message() << '\n';
        return false;
    }
    m_network = std::make_unique<QNetworkAccessManager>();
    m_forge = Forge::createForgeClient(m_settings, token->value, m_network.get());
    if (!m_forge) {
        err << "envdeck: cannot open merge requests on "
            << Forge::providerDisplayName(m_settings.provider) << '\n';
        return false;
    }
    return true;
}

Change::PublishRequest PublishSession::request(const QCommandLineParser &parser,
                                               const QString &root, const QStringList &paths,
                                               const QString &message, const QString &title,
                                               const QString &description) const
{
    Change::PublishRequest request;
    request.repository = root;
    request.paths = paths;
    request.branch = parser.value(QStringLiteral("branch"));
    request.message = parser.isSet(QStringLiteral("message"))
                          ? parser.value(QStringLiteral("message"))
                          : message;
    request.push = parser.isSet(QStringLiteral("push"));
    request.openMergeRequest = parser.isSet(QStringLiteral("open-mr"));
    request.remote = m_settings.remote;
    request.targetBranch = m_settings.targetBranch;
    request.title = parser.isSet(QStringLiteral("message"))
                        ? parser.value(QStringLiteral("message")).section(u'\n', 0, 0)
                        : title;
    request.description = description;
    return request;
}

int PublishSession::run(const Change::PublishRequest &request, QTextStream &out, QTextStream &err,
                        bool *committed)
{
    Change::Publisher publisher;
    const Git::RemoteOptions options = m_remoteOptions;
    publisher.setRemoteOptions([options] { return options; });
    publisher.setForge(m_forge.get());
    QEventLoop loop;
    int code = Success;
    QObject::connect(&publisher, &Change::Publisher::stepChanged, &loop,
                     [&err](const QString &step) { err << step << '\n'
                                                       << Qt::flush; });
    const auto printDone = [&](const Change::PublishState &state) {
        if (state.commitId.isEmpty())
            return;
        out << "commit " << state.commitId << " on " << state.branch << '\n';
        if (state.pushed)
            out << "pushed " << state.branch << " to " << request.remote << '/'
                << state.remoteBranch << '\n';
    };
    QObject::connect(&publisher, &Change::Publisher::finished, &loop,
                     [&](const Change::PublishState &state) {
                         printDone(state);
                         if (state.mergeRequest) {
                             const auto &mr = *state.mergeRequest;
                             out << "merge request " << mr.reference;
                             if (!mr.webUrl.isEmpty())
                                 out << ' ' << mr.webUrl.toString();
                             if (mr.reused)
                                 out << " (it existed already and was reused)";
                             out << '\n';
                         }
                         loop.quit();
                     });
    QObject::connect(&publisher, &Change::Publisher::failed, &loop,
                     [&](const QString &message, Change::Recoveries offered) {
                         // What was done stays done: say so before what failed.
                         printDone(publisher.state());
                         err << "envdeck: " << message << '\n';
                         if (offered.testFlag(Change::Recovery::FetchAndRebase))
                             err << "hint: fetch, rebase the branch onto the remote one and push "
                                    "again, or push it under a new name with --branch\n";
                         code = Failed;
                         loop.quit();
                     });
    publisher.start(request);
    if (publisher.isRunning())
        loop.exec();
    if (committed)
        *committed = !publisher.state().commitId.isEmpty();
    return code;
}

} // namespace EnvDeck::Cli
