// SPDX-License-Identifier: GPL-3.0-or-later
#include "PublishController.h"

#include "UiLogging.h"

#include "change/ChangeSummary.h"
#include "change/RemoteAccess.h"
#include "credentials/TokenStore.h"
#include "forge/LocalForgeClient.h"
#include "forge/RestForgeClient.h"
#include "git/Repository.h"
#include "settings/CommitIdentity.h"
#include "validation/ValidationInput.h"

#include <QDate>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QtConcurrent>

namespace EnvDeck {

// Everything the dialog shows and the publish needs, gathered on a worker thread.
struct PublishController::Review
{
    QString root;
    QStringList files; // the ones that really differ from HEAD
    ReviewProposal proposal;
    Change::ChangeSummary summary;
    Forge::ForgeSettings forge;
    QString forgeProblem;
    Error error;
    bool ok = false;
    std::optional<Wording> wording;
    bool committed = false;
};

namespace {

QString statusText(const Git::StatusEntry &entry)
{
    if (entry.untracked)
        return QStringLiteral("added");
    if (entry.deleted)
        return QStringLiteral("deleted");
    return QStringLiteral("modified");
}

} // namespace

PublishController::PublishController(QWidget *window, Credentials::TokenStore *tokens,
                                     QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_tokens(tokens)
    , m_network(network)
{
    m_tokenPrompt = [](QWidget *parent, const QString &what) {
        bool ok = false;
        const QString token = QInputDialog::getText(
            parent, tr("Token needed"),
            tr("EnvDeck found no token for %1 in the keychain, the environment or git's "
               "credential helpers.\nPaste a personal access token; it is kept in the keychain "
               "(or for this session only when there is none):")
                .arg(what),
            QLineEdit::Password, {}, &ok);
        return ok ? token.trimmed() : QString();
    };
    m_identityPrompt = [](QWidget *parent) -> std::optional<std::pair<QString, QString>> {
        QDialog dialog(parent);
        dialog.setWindowTitle(tr("Commit identity"));
        auto *layout = new QFormLayout(&dialog);
        auto *intro = new QLabel(tr("Git does not know who you are yet. Commits are recorded "
                                    "under this name and email address (saved in your git "
                                    "configuration, so EnvDeck asks only once)."),
                                 &dialog);
        intro->setWordWrap(true);
        layout->addRow(intro);
        auto *name = new QLineEdit(&dialog);
        auto *email = new QLineEdit(&dialog);
        layout->addRow(tr("&Name:"), name);
        layout->addRow(tr("&Email:"), email);
        auto *buttons
            = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        layout->addRow(buttons);
        const auto update = [=] {
            buttons->button(QDialogButtonBox::Ok)
                ->setEnabled(!name->text().trimmed().isEmpty() && email->text().contains(u'@'));
        };
        QObject::connect(name, &QLineEdit::textChanged, &dialog, update);
        QObject::connect(email, &QLineEdit::textChanged, &dialog, update);
        QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        update();
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return std::pair{name->text().trimmed(), email->text().trimmed()};
    };
    m_hostKeyPrompt = [](QWidget *parent, const Git::HostKey &key) {
        return QMessageBox::warning(
                   parent, tr("Unknown SSH host"),
                   tr("The SSH host %1 is not in your known_hosts file.\n\n%2 key "
                      "fingerprint:\n%3\n\n"
                      "Compare it with the fingerprint your administrator published. "
                      "Connect anyway?")
                       .arg(key.host, key.type, key.sha256),
                   QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
               == QMessageBox::Yes;
    };
}

PublishController::~PublishController() = default;

bool PublishController::ensureIdentity(const QString &root)
{
    if (Settings::configuredIdentity())
        return true; // Preferences ▸ Commit identity names the author
    auto repository = Git::Repository::open(root);
    if (!repository || repository->identity())
        return true; // a broken repository is reported by the commit itself
    if (!m_identityPrompt)
        return true;
    const auto answer
        = m_identityPrompt(m_dialog ? static_cast<QWidget *>(m_dialog.data()) : m_window);
    if (!answer)
        return false;
    if (auto saved = Git::Repository::setGlobalIdentity(answer->first, answer->second); !saved) {
        QMessageBox::warning(m_window, tr("Commit identity"), saved.error().toString());
        return false;
    }
    return true;
}

void PublishController::finishReview(const std::shared_ptr<Review> &review)
{
    if (!review->wording || !review->wording->closed)
        return;
    const auto closed = std::exchange(review->wording->closed, nullptr);
    closed(review->committed);
}

void PublishController::review(const QString &root, const QStringList &files,
                               const Validation::ValidationInput &input,
                               const Validation::Report &report, std::optional<Wording> wording)
{
    auto review = std::make_shared<Review>();
    review->root = root;
    review->wording = std::move(wording);
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        finishReview(review);
        return;
    }
    review->summary.changes
        = review->wording ? review->wording->changes : Change::versionChanges(input);
    Change::addValidation(review->summary, report);

    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, review] {
        watcher->deleteLater();
        if (!review->ok) {
            QMessageBox::warning(m_window, tr("Review & Commit"), review->error.toString());
            finishReview(review);
            return;
        }
        if (review->files.isEmpty()) {
            QMessageBox::information(m_window, tr("Review & Commit"),
                                     tr("Nothing to commit: the files EnvDeck saved are the same "
                                        "as in the last commit."));
            finishReview(review);
            return;
        }
        showDialog(review);
    });
    watcher->setFuture(QtConcurrent::run([review, files] {
        auto repository = Git::Repository::open(review->root);
        if (!repository) {
            review->error = repository.error();
            return;
        }
        auto status = repository->status();
        if (!status) {
            review->error = status.error();
            return;
        }
        ReviewProposal &proposal = review->proposal;
        for (const Git::StatusEntry &entry : *status) {
            if (!files.contains(entry.path) || entry.conflicted)
                continue;
            ChangedFile file;
            file.path = entry.path;
            file.status = statusText(entry);
            if (auto patch = repository->diffWorkTreeToHead({entry.path}))
                file.patch = *patch;
            for (const Change::FileStat &stat : Change::fileStats(file.patch)) {
                file.insertions += stat.insertions;
                file.deletions += stat.deletions;
                review->summary.files.append(stat);
            }
            review->files.append(entry.path);
            proposal.files.append(file);
        }
        // Only the changes that are in the files to commit.
        QList<Change::VersionChange> changes;
        for (const auto &change : review->summary.changes) {
            if (review->files.contains(change.file))
                changes.append(change);
        }
        review->summary.changes = changes;
        for (const auto &c : changes)
            proposal.changes.append({c.environment, c.component, c.from, c.to, c.lockChange});

        proposal.currentBranch
            = repository->currentBranch().ok() ? *repository->currentBranch() : QString();
        proposal.suggestedBranch = Change::suggestBranchName(changes, QDate::currentDate());
        for (int n = 2; repository->branchExists(proposal.suggestedBranch); ++n)
            proposal.suggestedBranch = Change::suggestBranchName(changes, QDate::currentDate())
                                       + u'-' + QString::number(n);
        proposal.message = Change::commitMessage(changes);
        if (const auto &wording = review->wording) {
            proposal.message = wording->message;
            proposal.suggestedBranch = wording->branch;
            for (int n = 2; repository->branchExists(proposal.suggestedBranch); ++n)
                proposal.suggestedBranch = wording->branch + u'-' + QString::number(n);
        }
        proposal.errors = review->summary.errors;
        proposal.warnings = review->summary.warnings;
        proposal.validationSummary
            = review->summary.errors == 0 && review->summary.warnings == 0
                  ? tr("Validation passed: no errors or warnings")
                  : tr("Validation: %n error(s)", nullptr, review->summary.errors)
                        + QStringLiteral(", ")
                        + tr("%n warning(s)", nullptr, review->summary.warnings);
        const QString remoteUrl = repository->remoteUrl(QStringLiteral("origin"));
        auto forge = Forge::readForgeSettings(review->root, remoteUrl);
        if (forge) {
            review->forge = *forge;
            proposal.providerName = Forge::providerDisplayName(forge->provider);
        } else {
            review->forgeProblem = forge.error().toString();
        }
        proposal.hasRemote = !repository->remoteUrl(review->forge.remote).isEmpty();
        review->ok = true;
    }));
}

void PublishController::showDialog(const std::shared_ptr<Review> &review)
{
    auto *dialog = new ReviewCommitDialog(review->proposal, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &QObject::destroyed, this, [review] { finishReview(review); });
    connect(dialog, &ReviewCommitDialog::commitRequested, this,
            [this, review](const ReviewDecision &decision) { startPublish(review, decision); });
    dialog->open();
}

void PublishController::readRemoteToken(const QString &root, const Forge::ForgeSettings &settings,
                                        std::function<void(Git::RemoteOptions)> done)
{
    QString remoteUrl;
    if (auto repository = Git::Repository::open(root))
        remoteUrl = repository->remoteUrl(settings.remote);
    tryAccounts(Change::remoteAccounts(remoteUrl, settings), 0, std::move(done));
}

void PublishController::tryAccounts(const QList<Credentials::Account> &accounts, int index,
                                    std::function<void(Git::RemoteOptions)> done)
{
    if (index >= accounts.size()) {
        // No token anywhere: SSH and file remotes need none, and a server that does says so.
        done(Change::remoteOptions(std::nullopt, std::nullopt));
        return;
    }
    Credentials::TokenJob *job = m_tokens->read(accounts[index]);
    connect(job, &Credentials::TokenJob::finished, this, [this, job, accounts, index, done] {
        job->deleteLater();
        if (const auto &token = job->result())
            done(Change::remoteOptions(*token, accounts[index]));
        else
            tryAccounts(accounts, index + 1, done);
    });
}

void PublishController::connectForge(
    const QString &root, bool mayAsk,
    std::function<void(std::shared_ptr<Forge::ForgeClient>, QString problem)> done)
{
    QString remoteUrl;
    if (auto repository = Git::Repository::open(root))
        remoteUrl = repository->remoteUrl(QStringLiteral("origin"));
    auto settings = Forge::readForgeSettings(root, remoteUrl);
    if (!settings) {
        done(nullptr, settings.error().toString());
        return;
    }
    const Forge::ForgeSettings forge = *settings;
    if (forge.provider == Forge::Provider::Local) {
        Git::Signature identity = Settings::configuredIdentity().value_or(Git::Signature{});
        if (auto repository = Git::Repository::open(root); repository && identity.name.isEmpty()) {
            if (auto who = repository->identity())
                identity = *who;
        }
        readRemoteToken(root, forge, [root, forge, identity, done](Git::RemoteOptions options) {
            done(std::make_shared<Forge::LocalForgeClient>(
                     root, identity,
                     [root, remote = forge.remote, options](const Forge::LocalRecords::Record &r) {
                         return Forge::shareLocalRecord(root, remote, options, r);
                     }),
                 QString());
        });
        return;
    }
    const auto account = Change::forgeAccount(forge);
    Credentials::TokenJob *job = m_tokens->read(*account);
    connect(job, &Credentials::TokenJob::finished, this, [this, job, forge, account, done, mayAsk] {
        job->deleteLater();
        QString token;
        if (const auto &result = job->result())
            token = result->value;
        if (token.isEmpty() && mayAsk && m_tokenPrompt) {
            token = m_tokenPrompt(
                m_dialog ? static_cast<QWidget *>(m_dialog.data()) : m_window,
                tr("%1 (%2)").arg(Forge::providerDisplayName(forge.provider), account->host));
            if (!token.isEmpty()) {
                Credentials::TokenJob *saved = m_tokens->write(*account, token);
                connect(saved, &Credentials::TokenJob::finished, saved, &QObject::deleteLater);
            }
        }
        if (token.isEmpty()) {
            done(nullptr, tr("No token for %1 (%2): set one in the keychain or in %3")
                              .arg(Forge::providerDisplayName(forge.provider), account->host,
                                   Credentials::environmentVariables(account->service)
                                       .join(QStringLiteral(" / "))));
            return;
        }
        done(std::shared_ptr<Forge::ForgeClient>(Forge::createForgeClient(forge, token, m_network)),
             QString());
    });
}

void PublishController::startPublish(const std::shared_ptr<Review> &review,
                                     const ReviewDecision &decision)
{
    if (!m_dialog)
        return;
    if (!ensureIdentity(review->root)) {
        m_dialog->setFailed(tr("Commits need a name and an email address: nothing was committed."),
                            Recovery::None);
        return;
    }
    m_dialog->setStep(tr("Reading credentials…"));
    m_dialog->setProgress(0, 0);

    Change::PublishRequest request;
    request.repository = review->root;
    request.paths = review->files;
    request.branch = decision.branch;
    request.message = decision.message;
    request.push = decision.push || decision.openMergeRequest;
    request.openMergeRequest = decision.openMergeRequest;
    request.author = Settings::configuredIdentity();
    request.remote = review->forge.remote;
    request.targetBranch = review->forge.targetBranch;
    request.title = decision.message.section(u'\n', 0, 0);
    request.description = review->wording && !review->wording->description.isEmpty()
                              ? review->wording->description
                              : Change::mergeRequestDescription(review->summary);

    const auto run = [this, review, request](std::shared_ptr<Forge::ForgeClient> forge,
                                             Git::RemoteOptions options) {
        if (!m_dialog)
            return;
        m_forge = std::move(forge);
        auto *publisher = new Change::Publisher(this);
        m_publisher = publisher;
        publisher->setForge(m_forge.get());
        QPointer<PublishController> self(this);
        publisher->setRemoteOptions([options, self] {
            Git::RemoteOptions withPrompt = options;
            // Called on the worker thread: the question is asked on the GUI thread, which waits
            // for nothing else meanwhile.
            withPrompt.acceptHostKey = [self](const Git::HostKey &key) {
                bool accepted = false;
                if (self && self->m_hostKeyPrompt)
                    QMetaObject::invokeMethod(
                        self.data(),
                        [self, key, &accepted] {
                            if (self)
                                accepted = self->m_hostKeyPrompt(
                                    self->m_dialog ? static_cast<QWidget *>(self->m_dialog.data())
                                                   : self->m_window,
                                    key);
                        },
                        Qt::BlockingQueuedConnection);
                return accepted;
            };
            return withPrompt;
        });
        QPointer<ReviewCommitDialog> dialog = m_dialog;
        connect(publisher, &Change::Publisher::stepChanged, dialog, &ReviewCommitDialog::setStep);
        connect(publisher, &Change::Publisher::progress, dialog, &ReviewCommitDialog::setProgress);
        connect(
            publisher, &Change::Publisher::failed, this,
            [this, dialog, publisher, review](const QString &message, Change::Recoveries offered) {
                if (!publisher->state().commitId.isEmpty()) {
                    review->committed = true;
                    emit committed(review->files);
                }
                if (dialog)
                    dialog->setFailed(message, Recoveries::fromInt(offered.toInt()));
            });
        connect(publisher, &Change::Publisher::finished, this,
                [this, dialog, review](const Change::PublishState &state) {
                    review->committed = true;
                    emit committed(review->files);
                    if (state.mergeRequest)
                        emit mergeRequestOpened(*state.mergeRequest, review->root);
                    if (dialog)
                        dialog->setFinished(
                            state.commitId,
                            state.mergeRequest ? state.mergeRequest->webUrl : QUrl(),
                            state.mergeRequest ? state.mergeRequest->reference : QString());
                });
        connect(
            dialog, &ReviewCommitDialog::recoveryRequested, publisher,
            [publisher](Recovery choice) { publisher->recover(Change::Recovery(int(choice))); });
        connect(dialog, &QObject::destroyed, publisher, [publisher] {
            // The dialog closed: let the work finish, then the publisher goes.
            if (!publisher->isRunning())
                publisher->deleteLater();
            else
                connect(publisher, &Change::Publisher::finished, publisher, &QObject::deleteLater);
        });
        publisher->start(request);
    };

    const bool needsForge = decision.openMergeRequest;
    readRemoteToken(review->root, review->forge,
                    [this, review, run, needsForge](Git::RemoteOptions options) {
                        if (!needsForge) {
                            run(nullptr, options);
                            return;
                        }
                        connectForge(review->root, true,
                                     [this, run, options](std::shared_ptr<Forge::ForgeClient> forge,
                                                          const QString &problem) {
                                         if (!forge) {
                                             if (m_dialog)
                                                 m_dialog->setFailed(problem, Recovery::None);
                                             return;
                                         }
                                         run(std::move(forge), options);
                                     });
                    });
}

} // namespace EnvDeck
