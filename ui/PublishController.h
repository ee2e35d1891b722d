// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ReviewCommitDialog.h"

#include "change/ChangeSummary.h"
#include "change/Publisher.h"
#include "forge/ForgeSettings.h"
#include "forge/MergeRequest.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QWidget;

namespace EnvDeck {

namespace Credentials {
class TokenStore;
struct Account;
} // namespace Credentials
namespace Validation {
struct ValidationInput;
struct Report;
} // namespace Validation

// Turns the files EnvDeck saved into a commit, a push and a merge request: gathers the review
// (diffs, version changes, validation) off the GUI thread, shows the Review & commit dialog,
// reads the tokens it needs, and runs a Change::Publisher with the user's decision.
class PublishController : public QObject
{
    Q_OBJECT
public:
    // Asks for a token the keychain and the fallbacks did not have; empty: the user cancelled.
    using TokenPrompt = std::function<QString(QWidget *parent, const QString &what)>;

    PublishController(QWidget *window, Credentials::TokenStore *tokens,
                      QNetworkAccessManager *network, QObject *parent = nullptr);
    ~PublishController() override;

    void setTokenPrompt(TokenPrompt prompt) { m_tokenPrompt = std::move(prompt); }
    // Asks for the commit identity when git has none; nullopt: the user cancelled.
    using IdentityPrompt
        = std::function<std::optional<std::pair<QString, QString>>(QWidget *parent)>;
    void setIdentityPrompt(IdentityPrompt prompt) { m_identityPrompt = std::move(prompt); }
    // Asks whether to trust an SSH host key that known_hosts does not list.
    using HostKeyPrompt = std::function<bool(QWidget *parent, const Git::HostKey &key)>;
    void setHostKeyPrompt(HostKeyPrompt prompt) { m_hostKeyPrompt = std::move(prompt); }

    // What a caller that wrote its own files (a QA decision, a promotion, a rollback) says about
    // them, in place of what the saved versions files would say.
    struct Wording
    {
        QString message;                      // the commit message
        QString branch;                       // the suggested branch ("-2", "-3" when taken)
        QString description;                  // the merge request's description
        QList<Change::VersionChange> changes; // the table's rows (`file` among the files)
        // Called once when the review is over: the dialog closed or never opened. `committed`:
        // a commit was made, so the files belong to Git now; otherwise the caller may put back
        // what it wrote.
        std::function<void(bool committed)> closed;
    };

    // Opens the dialog for `files` (relative paths EnvDeck wrote) of the repository at `root`.
    // `input` was loaded with HEAD as its base, `report` is its latest validation.
    void review(const QString &root, const QStringList &files,
                const Validation::ValidationInput &input, const Validation::Report &report,
                std::optional<Wording> wording = std::nullopt);

    // Makes sure git knows who commits: asks for a name and email when it does not. False: the
    // user cancelled or the answer could not be saved (they were told).
    bool ensureIdentity(const QString &root);

    // The dialog on screen, for tests and screenshots; null when none is open.
    ReviewCommitDialog *dialog() const { return m_dialog; }

    // The forge a repository uses and a client for it (the local provider needs no token).
    // Reads tokens asynchronously; `done` gets the client or why there is none. `mayAsk`: when
    // no token is stored anywhere, ask the user (never for background refreshes).
    void
    connectForge(const QString &root, bool mayAsk,
                 std::function<void(std::shared_ptr<Forge::ForgeClient>, QString problem)> done);

signals:
    // The files are committed: they are no longer EnvDeck's pending changes.
    void committed(const QStringList &files);
    void mergeRequestOpened(const EnvDeck::Forge::MergeRequest &mergeRequest, const QString &root);

private:
    struct Review;
    void showDialog(const std::shared_ptr<Review> &review);
    static void finishReview(const std::shared_ptr<Review> &review);
    void startPublish(const std::shared_ptr<Review> &review, const ReviewDecision &decision);
    void readRemoteToken(const QString &root, const Forge::ForgeSettings &settings,
                         std::function<void(Git::RemoteOptions)> done);
    void tryAccounts(const QList<Credentials::Account> &accounts, int index,
                     std::function<void(Git::RemoteOptions)> done);

    QWidget *m_window = nullptr;
    Credentials::TokenStore *m_tokens = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    TokenPrompt m_tokenPrompt;
    IdentityPrompt m_identityPrompt;
    HostKeyPrompt m_hostKeyPrompt;
    QPointer<ReviewCommitDialog> m_dialog;
    QPointer<Change::Publisher> m_publisher;
    std::shared_ptr<Forge::ForgeClient> m_forge;
};

} // namespace EnvDeck
