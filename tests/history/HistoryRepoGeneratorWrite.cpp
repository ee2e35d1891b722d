// SPDX-License-Identifier: GPL-3.0-or-later
// Writing the generated commits through libgit2, and the ledger read back from them.
#include "HistoryRepoGenerator.h"

#include "git/MutableTree.h"

#include <git2.h>

#include <QFile>

#include <algorithm>

using namespace EnvDeck;

namespace {

struct Person
{
    const char *name;
    const char *email;
};
constexpr Person Authors[] = {{"Maria Silva", "maria@example.io"},
                              {"Jonas Berg", "jonas@example.io"},
                              {"Aiko Tanaka", "aiko@example.io"}};

Result<git_oid> writeBlob(git_repository *repository, const QByteArray &data)
{
    git_oid id;
    if (git_blob_create_from_buffer(&id, repository, data.constData(), size_t(data.size())) < 0)
        return Git::lastError(QStringLiteral("Cannot write a blob"));
    return id;
}

} // namespace

Result<int> HistoryRepoGenerator::writeCommit(const State &state, const QList<int> &parents,
                                              const QString &message, QList<Expected> events,
                                              const QString &mergeRequest)
{
    Git::MutableTree tree;
    auto put = [&](const QString &path, const QByteArray &data) -> Result<void> {
        auto blob = writeBlob(m_repository.get(), data);
        if (!blob)
            return blob.error();
        return tree.setFile(path.toUtf8(), blob.value());
    };
    QList<std::pair<QString, QByteArray>> files;
    files.append({QStringLiteral("README.md"), QByteArrayLiteral("# Infrastructure\n")});
    if (!state.notes.isEmpty())
        files.append({QStringLiteral("docs/notes.md"), state.notes.toUtf8()});
    for (const Env &env : state.envs) {
        const QString folder = QStringLiteral("environments/") + env.name;
        files.append({folder + QStringLiteral("/main.tf"),
                      QByteArrayLiteral("terraform {\n  required_version = \">= 1.5\"\n}\n")});
        QByteArray yaml = "# " + env.name.toUtf8() + "\ncomponents:\n";
        for (auto it = env.components.cbegin(); it != env.components.cend(); ++it) {
            yaml += "  " + it.key().toUtf8() + ":\n    version: " + it->version.toUtf8() + '\n';
            if (it->locked)
                yaml += "    locked: true\n    lock_reason: \"" + it->lockReason.toUtf8() + "\"\n";
        }
        if (env.malformed)
            yaml = "components:\n  api: { version: [1.0\n  web: }\n";
        files.append({folder + QStringLiteral("/versions.yaml"), yaml});
        for (auto it = env.approvals.cbegin(); it != env.approvals.cend(); ++it) {
            QByteArray approval = "release: " + it.value().toUtf8()
                                  + "\napproved_by: QA\ndecision: approved\nversions:\n";
            for (auto c = env.components.cbegin(); c != env.components.cend(); ++c)
                approval += "  " + c.key().toUtf8() + ": " + c->version.toUtf8() + '\n';
            files.append(
                {QStringLiteral("approvals/%1/%2.yaml").arg(env.name, it.key()), approval});
        }
    }
    for (const auto &[path, data] : std::as_const(files)) {
        if (auto written = put(path, data); !written)
            return written.error();
    }
    Git::OdbHandle odb;
    if (Git::call(odb, git_repository_odb, m_repository.get()) < 0)
        return Git::lastError(QStringLiteral("Cannot open the object database"));
    auto treeId = tree.write([&](const QByteArray &data, const QByteArray &) -> Result<git_oid> {
        git_oid id;
        if (git_odb_write(&id, odb.get(), data.constData(), size_t(data.size()), GIT_OBJECT_TREE)
            < 0)
            return Git::lastError(QStringLiteral("Cannot write a tree"));
        return id;
    });
    if (!treeId)
        return treeId.error();

    m_clock = m_clock.addSecs(3600 + m_random.bounded(600));
    const Person &person = Authors[m_random.bounded(3)];
    Git::SignatureHandle signature;
    if (Git::call(signature, git_signature_new, person.name, person.email,
                  git_time_t(m_clock.toSecsSinceEpoch()), 0)
        < 0)
        return Git::lastError(QStringLiteral("Cannot make a signature"));
    Git::TreeHandle treeObject;
    if (Git::call(treeObject, git_tree_lookup, m_repository.get(), &treeId.value()) < 0)
        return Git::lastError(QStringLiteral("Cannot read the tree back"));
    std::vector<Git::CommitHandle> parentCommits(parents.size());
    std::vector<const git_commit *> parentPointers;
    for (size_t i = 0; i < parentCommits.size(); ++i) {
        if (Git::call(parentCommits[i], git_commit_lookup, m_repository.get(),
                      &m_commits[parents[qsizetype(i)]].id)
            < 0)
            return Git::lastError(QStringLiteral("Cannot read a parent"));
        parentPointers.push_back(parentCommits[i].get());
    }
    Commit commit;
    const QByteArray utf8 = message.toUtf8();
    if (git_commit_create(&commit.id, m_repository.get(), nullptr, signature.get(), signature.get(),
                          nullptr, utf8.constData(), treeObject.get(), parentPointers.size(),
                          parentPointers.data())
        < 0)
        return Git::lastError(QStringLiteral("Cannot write a commit"));
    commit.parents = parents;
    commit.date = m_clock;
    commit.mergeRequest = mergeRequest;
    commit.state = state;
    for (Expected &expected : events) {
        expected.event.commit = Git::toHex(commit.id);
        expected.event.author = QString::fromUtf8(person.name);
        expected.event.authorEmail = QString::fromUtf8(person.email);
        expected.event.date = m_clock;
        expected.event.mergeRequest = mergeRequest;
    }
    commit.events = events;
    m_commits.append(commit);
    return int(m_commits.size() - 1);
}

Result<void> HistoryRepoGenerator::publish()
{
    Git::ReferenceHandle reference;
    if (Git::call(reference, git_reference_create, m_repository.get(), "refs/heads/main",
                  &m_commits[m_main].id, 1, "generator")
        < 0)
        return Git::lastError(QStringLiteral("Cannot update main"));
    if (git_repository_set_head(m_repository.get(), "refs/heads/main") < 0)
        return Git::lastError(QStringLiteral("Cannot point HEAD at main"));
    git_checkout_options options = GIT_CHECKOUT_OPTIONS_INIT;
    options.checkout_strategy = GIT_CHECKOUT_FORCE | GIT_CHECKOUT_REMOVE_UNTRACKED;
    if (git_checkout_head(m_repository.get(), &options) < 0)
        return Git::lastError(QStringLiteral("Cannot check main out"));
    return {};
}

QString HistoryRepoGenerator::mainTip() const
{
    return Git::toHex(m_commits[m_main].id);
}

namespace {

// Indices of the commits reachable from `tip`.
template<typename Commits>
QList<int> reachable(const Commits &commits, int tip)
{
    QList<int> result;
    QList<bool> seen(commits.size(), false);
    QList<int> stack{tip};
    while (!stack.isEmpty()) {
        const int index = stack.takeLast();
        if (seen[index])
            continue;
        seen[index] = true;
        result.append(index);
        stack.append(commits[index].parents);
    }
    std::sort(result.begin(), result.end());
    return result;
}

} // namespace

QList<History::DeploymentEvent> HistoryRepoGenerator::ledger() const
{
    const State &head = m_commits[m_main].state;
    QList<History::DeploymentEvent> events;
    for (int index : reachable(m_commits, m_main)) {
        for (const Expected &expected : m_commits[index].events) {
            History::DeploymentEvent event = expected.event;
            event.environment = head.envs[expected.environment].name;
            events.append(event);
        }
    }
    std::stable_sort(events.begin(), events.end(), [](const auto &x, const auto &y) {
        if (x.date != y.date)
            return x.date < y.date;
        if (x.environment != y.environment)
            return x.environment < y.environment;
        if (x.component != y.component)
            return x.component < y.component;
        return int(x.kind) < int(y.kind);
    });
    return events;
}

QStringList HistoryRepoGenerator::malformedFiles() const
{
    QStringList files;
    for (int index : reachable(m_commits, m_main)) {
        for (const Env &env : m_commits[index].state.envs) {
            if (env.malformed)
                files.append(Git::toHex(m_commits[index].id) + u':'
                             + QStringLiteral("environments/%1/versions.yaml").arg(env.name));
        }
    }
    return files;
}
