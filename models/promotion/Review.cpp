// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotion/Promotion.h"

#include "demo/VersionSet.h"
#include "git/GitHandle.h"
#include "git/RevisionReader.h"
#include "history/HistoryScanner.h"
#include "promotion/PlanSupport.h"
#include "repo/RepositoryConfig.h"
#include "versions/VersionDocument.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <algorithm>
#include <optional>

namespace EnvDeck::Promotion {
namespace {

// Which components were locked at the commit QA reviewed; nullopt when that state cannot be read
// (no commit recorded, a commit the clone does not have, a file that did not parse then).
std::optional<QHash<QString, bool>> locksAt(const QString &root, const QString &commit,
                                            const QString &versionsFile)
{
    if (commit.isEmpty())
        return std::nullopt;
    auto reader = Git::RevisionReader::open(root, commit);
    if (!reader) {
        qCDebug(lcPromotion) << "no lock state at" << commit << reader.error().toString();
        return std::nullopt;
    }
    auto bytes = reader->read(versionsFile);
    if (!bytes || !bytes->has_value())
        return std::nullopt;
    auto document = VersionDocument::parse(**bytes, commit.left(8) + u':' + versionsFile);
    if (!document)
        return std::nullopt;
    QHash<QString, bool> locks;
    for (const VersionEntry &entry : document->entries())
        locks.insert(entry.name, entry.isLocked());
    return locks;
}

// Tells whether a commit came after the approval's commit: it is neither that commit nor one of
// its ancestors. A branch commit made before the approval but merged after it counts as after,
// which is what QA wants to see. Without a usable commit, the author date decides.
class AfterApproval
{
public:
    AfterApproval(const QString &root, const Approval &approval)
        : m_approvedAt(approval.approvedAt)
    {
        const QByteArray path = root.toUtf8();
        if (approval.commit.isEmpty()
            || Git::call(m_repository, git_repository_open_ext, path.constData(), 0, nullptr) < 0)
            return;
        const QByteArray hex = approval.commit.toLatin1();
        Git::ObjectHandle object;
        if (Git::call(object, git_revparse_single, m_repository.get(), hex.constData()) < 0)
            return;
        Git::ObjectHandle commit;
        if (Git::call(commit, git_object_peel, object.get(), GIT_OBJECT_COMMIT) < 0)
            return;
        m_approvalCommit = *git_object_id(commit.get());
        m_known = true;
    }

    bool operator()(const History::DeploymentEvent &event)
    {
        if (!m_known)
            return m_approvedAt.isValid() && event.date > m_approvedAt;
        if (auto cached = m_answers.constFind(event.commit); cached != m_answers.cend())
            return *cached;
        bool after = true;
        git_oid id;
        const QByteArray hex = event.commit.toLatin1();
        if (git_oid_fromstr(&id, hex.constData()) == 0) {
            if (git_oid_equal(&id, &m_approvalCommit))
                after = false;
            else
                after = git_graph_descendant_of(m_repository.get(), &m_approvalCommit, &id) != 1;
        }
        m_answers.insert(event.commit, after);
        return after;
    }

private:
    Git::RepositoryHandle m_repository;
    git_oid m_approvalCommit{};
    bool m_known = false;
    QDateTime m_approvedAt;
    QHash<QString, bool> m_answers;
};

void addMergeRequests(Review &review, const QString &root, const Approval &approval)
{
    auto history = History::readHistory(root);
    if (!history) {
        review.problems.append(
            history.error().withContext(QObject::tr("Cannot read the deployment history")));
        return;
    }
    using Kind = History::DeploymentEvent::Kind;
    AfterApproval after(root, approval);
    for (ReviewRow &row : review.rows) {
        if (!row.changed() && !row.lockChanged)
            continue;
        for (const History::DeploymentEvent &event : std::as_const(history->events)) {
            if (event.environment != review.environment || event.component != row.component
                || event.mergeRequest.isEmpty() || row.mergeRequests.contains(event.mergeRequest))
                continue;
            const bool versionEvent = (event.kind == Kind::Deploy || event.kind == Kind::Add)
                                      && row.changed() && event.to == row.currentVersion;
            const bool lockEvent
                = (event.kind == Kind::Lock || event.kind == Kind::Unlock) && row.lockChanged;
            if ((versionEvent || lockEvent) && after(event))
                row.mergeRequests.append(event.mergeRequest);
        }
    }
}

} // namespace

QStringList defaultChecklist()
{
    return {QObject::tr("Smoke tests pass"), QObject::tr("Regression tests pass"),
            QObject::tr("Integrations checked end to end"),
            QObject::tr("No open P1 incidents on this environment"),
            QObject::tr("Release notes reviewed")};
}

bool isStale(const Approval &approval, const QMap<QString, QString> &currentVersions)
{
    return versionSetHash(approval.versions) != versionSetHash(currentVersions);
}

bool Review::lastApprovalIsStale() const
{
    const Approval *last = lastApproved();
    return last && isStale(*last, versions);
}

Result<Review> reviewEnvironment(const Validation::ValidationInput &input,
                                 const QString &environment)
{
    const Validation::EnvironmentInput *env = input.findEnvironment(environment);
    if (!env)
        return Detail::unknownEnvironment(input, environment);
    if (env->versionsFile.isEmpty())
        return Error(QObject::tr("Environment \"%1\" has no versions file").arg(env->name));

    Review review;
    review.environment = env->name;
    review.versions = Detail::versionsOf(*env);
    review.versionSetHash = versionSetHash(review.versions);
    for (const Error &problem : env->syntaxErrors) {
        if (problem.location().file == env->versionsFile)
            review.problems.append(problem);
    }
    review.approvals = input.approvals.value(env->name);
    review.problems.append(review.approvals.problems);

    // .envdeck.yaml is read again here: the validation input keeps only what validation needs.
    if (auto config = RepositoryConfig::read(input.root); config) {
        review.checklist = config->checklist;
        review.problems.append(config->problems);
    } else {
        review.problems.append(config.error());
    }
    if (review.checklist.isEmpty())
        review.checklist = defaultChecklist();

    const Approval *last = review.lastApproved();
    const QMap<QString, QString> approved = last ? last->versions : QMap<QString, QString>();
    QStringList names = review.versions.keys() + approved.keys();
    names.removeDuplicates();
    std::sort(names.begin(), names.end());
    const auto locksThen = last ? locksAt(input.root, last->commit, env->versionsFile)
                                : std::optional<QHash<QString, bool>>();
    for (const QString &name : std::as_const(names)) {
        ReviewRow row;
        row.component = name;
        row.approvedVersion = approved.value(name);
        row.currentVersion = review.versions.value(name);
        if (const Validation::ComponentEntry *entry = env->findComponent(name)) {
            row.locked = entry->locked;
            row.lockReason = entry->lockReason;
        }
        if (locksThen)
            row.lockChanged = locksThen->value(name, false) != row.locked;
        review.rows.append(row);
    }
    std::stable_partition(review.rows.begin(), review.rows.end(),
                          [](const ReviewRow &row) { return row.changed(); });

    const bool anythingChanged
        = std::any_of(review.rows.cbegin(), review.rows.cend(),
                      [](const ReviewRow &row) { return row.changed() || row.lockChanged; });
    if (last && anythingChanged)
        addMergeRequests(review, input.root, *last);

    qCDebug(lcPromotion) << "review of" << review.environment << review.rows.size() << "rows,"
                         << (last ? last->id : QStringLiteral("no approval"))
                         << (review.lastApprovalIsStale() ? "stale" : "current");
    return review;
}

} // namespace EnvDeck::Promotion
