// SPDX-License-Identifier: GPL-3.0-or-later
#include "forge/LocalRecords.h"

#include "core/Logging.h"
#include "core/YamlSupport.h"
#include "git/GitHandle.h"

#include <git2.h>
#include <yaml-cpp/yaml.h>

#include <QDateTime>
#include <QDir>

#include <algorithm>

namespace EnvDeck::Forge::LocalRecords {

namespace {

using ReferenceIteratorHandle = Git::Handle<git_reference_iterator, git_reference_iterator_free>;

constexpr char RecordFile[] = "merge-request.yaml";
constexpr char DescriptionFile[] = "description.md";

QString refName(int number)
{
    return QLatin1String(RefPrefix) + QString::number(number);
}

Result<Git::RepositoryHandle> openRepository(const QString &path)
{
    Git::RepositoryHandle repository;
    if (Git::call(repository, git_repository_open_ext,
                  QDir::toNativeSeparators(path).toUtf8().constData(), 0u, nullptr)
        < 0)
        return Git::lastError(QObject::tr("Cannot open repository %1").arg(path));
    return repository;
}

Result<QByteArray> readBlob(git_repository *repository, git_tree *tree, const char *name)
{
    const git_tree_entry *entry = git_tree_entry_byname(tree, name);
    if (!entry)
        return Error(QObject::tr("the record has no %1").arg(QLatin1String(name)));
    Git::BlobHandle blob;
    if (Git::call(blob, git_blob_lookup, repository, git_tree_entry_id(entry)) < 0)
        return Git::lastError(QObject::tr("Cannot read %1").arg(QLatin1String(name)));
    return QByteArray(static_cast<const char *>(git_blob_rawcontent(blob.get())),
                      qsizetype(git_blob_rawsize(blob.get())));
}

Result<Record> readRecord(git_repository *repository, int number)
{
    const QString ref = refName(number);
    git_oid id;
    if (git_reference_name_to_id(&id, repository, ref.toUtf8().constData()) < 0)
        return Error(QObject::tr("There is no local merge request %1 (%2)").arg(number).arg(ref));
    Git::CommitHandle commit;
    Git::TreeHandle tree;
    if (Git::call(commit, git_commit_lookup, repository, &id) < 0
        || Git::call(tree, git_commit_tree, commit.get()) < 0)
        return Git::lastError(QObject::tr("Cannot read %1").arg(ref));
    auto yamlBytes = readBlob(repository, tree.get(), RecordFile);
    if (!yamlBytes)
        return yamlBytes.error().withContext(ref);
    const QString where = ref + QLatin1Char(':') + QLatin1String(RecordFile);
    auto document = Yaml::load(*yamlBytes, where);
    if (!document)
        return document.error();
    const YAML::Node &root = *document;
    Record record;
    record.recordCommit = Git::toHex(id);
    MergeRequest &request = record.request;
    request.provider = Provider::Local;
    request.number = number;
    request.reference = QObject::tr("local %1").arg(number);
    request.title = Yaml::scalar(root["title"]);
    request.sourceBranch = Yaml::scalar(root["source_branch"]);
    request.targetBranch = Yaml::scalar(root["target_branch"]);
    request.author = Yaml::scalar(root["author"]);
    request.created = QDateTime::fromString(Yaml::scalar(root["created"]), Qt::ISODate);
    const auto state = mergeRequestStateFromName(Yaml::scalar(root["state"]));
    if (!state)
        return Error(
            QObject::tr("%1: unknown state \"%2\"").arg(where, Yaml::scalar(root["state"])));
    request.state = *state;
    record.sourceCommit = Yaml::scalar(root["source_commit"]);
    record.mergeCommit = Yaml::scalar(root["merge_commit"]);
    if (auto description = readBlob(repository, tree.get(), DescriptionFile))
        record.description = QString::fromUtf8(*description);
    return record;
}

QList<int> recordNumbers(git_repository *repository)
{
    QList<int> numbers;
    ReferenceIteratorHandle iterator;
    const QByteArray glob = QByteArray(RefPrefix) + '*';
    if (Git::call(iterator, git_reference_iterator_glob_new, repository, glob.constData()) < 0)
        return numbers;
    const char *name = nullptr;
    while (git_reference_next_name(&name, iterator.get()) == 0) {
        bool ok = false;
        const int number = QByteArray(name).mid(qsizetype(sizeof(RefPrefix) - 1)).toInt(&ok);
        if (ok && number > 0)
            numbers.append(number);
    }
    std::sort(numbers.begin(), numbers.end());
    return numbers;
}

git_signature *makeSignature(const Git::Signature &who)
{
    git_signature *signature = nullptr;
    const qint64 time = who.time > 0 ? who.time : QDateTime::currentSecsSinceEpoch();
    if (git_signature_new(&signature, who.name.toUtf8().constData(), who.email.toUtf8().constData(),
                          time, who.offsetMinutes)
        < 0)
        return nullptr;
    return signature;
}

QByteArray recordYaml(const Record &record)
{
    const MergeRequest &r = record.request;
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "number" << YAML::Value << r.number;
    out << YAML::Key << "title" << YAML::Value << YAML::DoubleQuoted << r.title.toStdString();
    out << YAML::Key << "source_branch" << YAML::Value << r.sourceBranch.toStdString();
    out << YAML::Key << "target_branch" << YAML::Value << r.targetBranch.toStdString();
    out << YAML::Key << "state" << YAML::Value << mergeRequestStateName(r.state).toStdString();
    out << YAML::Key << "author" << YAML::Value << YAML::DoubleQuoted << r.author.toStdString();
    out << YAML::Key << "created" << YAML::Value
        << r.created.toUTC().toString(Qt::ISODate).toStdString();
    out << YAML::Key << "source_commit" << YAML::Value << record.sourceCommit.toStdString();
    if (!record.mergeCommit.isEmpty())
        out << YAML::Key << "merge_commit" << YAML::Value << record.mergeCommit.toStdString();
    out << YAML::EndMap;
    return QByteArray(out.c_str()) + '\n';
}

// Writes the record as a new commit on top of its previous state and moves the ref, refusing
// when someone else moved the ref meanwhile.
Result<Record> writeRecord(git_repository *repository, Record record, const Git::Signature &who,
                           const QString &message)
{
    const QByteArray yaml = recordYaml(record);
    const QByteArray description = record.description.toUtf8();
    git_oid yamlId, descriptionId, treeId, commitId;
    if (git_blob_create_from_buffer(&yamlId, repository, yaml.constData(), size_t(yaml.size())) < 0
        || git_blob_create_from_buffer(&descriptionId, repository, description.constData(),
                                       size_t(description.size()))
               < 0)
        return Git::lastError(QObject::tr("Cannot write the merge request record"));
    Git::TreeBuilderHandle builder;
    if (Git::call(builder, git_treebuilder_new, repository, nullptr) < 0
        || git_treebuilder_insert(nullptr, builder.get(), DescriptionFile, &descriptionId,
                                  GIT_FILEMODE_BLOB)
               < 0
        || git_treebuilder_insert(nullptr, builder.get(), RecordFile, &yamlId, GIT_FILEMODE_BLOB)
               < 0
        || git_treebuilder_write(&treeId, builder.get()) < 0)
        return Git::lastError(QObject::tr("Cannot write the merge request record"));
    Git::TreeHandle tree;
    if (Git::call(tree, git_tree_lookup, repository, &treeId) < 0)
        return Git::lastError(QObject::tr("Cannot write the merge request record"));

    Git::CommitHandle parent;
    git_oid previousId{};
    const bool hasPrevious = !record.recordCommit.isEmpty();
    if (hasPrevious) {
        if (git_oid_fromstr(&previousId, record.recordCommit.toLatin1().constData()) < 0
            || Git::call(parent, git_commit_lookup, repository, &previousId) < 0)
            return Git::lastError(QObject::tr("Cannot read the previous state of the record"));
    }
    Git::SignatureHandle signature(makeSignature(who));
    if (!signature)
        return Git::lastError(QObject::tr("Invalid identity \"%1 <%2>\"").arg(who.name, who.email));
    const git_commit *parents[] = {parent.get()};
    if (git_commit_create(&commitId, repository, nullptr, signature.get(), signature.get(), "UTF-8",
                          message.toUtf8().constData(), tree.get(), hasPrevious ? 1 : 0,
                          hasPrevious ? parents : nullptr)
        < 0)
        return Git::lastError(QObject::tr("Cannot write the merge request record"));

    const QByteArray ref = refName(record.request.number).toUtf8();
    const QByteArray log = message.section(QLatin1Char('\n'), 0, 0).toUtf8();
    Git::ReferenceHandle reference;
    const int rc = hasPrevious
                       ? Git::call(reference, git_reference_create_matching, repository,
                                   ref.constData(), &commitId, 1, &previousId, log.constData())
                       : Git::call(reference, git_reference_create, repository, ref.constData(),
                                   &commitId, 0, log.constData());
    if (rc < 0)
        return Git::lastError(QObject::tr("Cannot update %1 (was it changed meanwhile?)")
                                  .arg(QString::fromUtf8(ref)));
    record.recordCommit = Git::toHex(commitId);
    return record;
}

Result<git_oid> branchTip(git_repository *repository, const QString &branch)
{
    git_oid id;
    const QByteArray ref = "refs/heads/" + branch.toUtf8();
    if (git_reference_name_to_id(&id, repository, ref.constData()) < 0)
        return Error(QObject::tr("Branch \"%1\" does not exist").arg(branch));
    return id;
}

QString authorText(const Git::Signature &who)
{
    return who.email.isEmpty() ? who.name : who.name + QStringLiteral(" <") + who.email + u'>';
}

} // namespace

Result<QList<Record>> list(const QString &repositoryPath)
{
    auto repository = openRepository(repositoryPath);
    if (!repository)
        return repository.error();
    QList<Record> records;
    for (int number : recordNumbers(repository->get())) {
        auto record = readRecord(repository->get(), number);
        if (!record)
            return record.error();
        records.append(*record);
    }
    return records;
}

Result<Record> get(const QString &repositoryPath, int number)
{
    auto repository = openRepository(repositoryPath);
    if (!repository)
        return repository.error();
    return readRecord(repository->get(), number);
}

Result<Record> open(const QString &repositoryPath, const MergeRequestSpec &spec,
                    const Git::Signature &author)
{
    auto repository = openRepository(repositoryPath);
    if (!repository)
        return repository.error();
    git_repository *repo = repository->get();
    if (spec.sourceBranch == spec.targetBranch)
        return Error(
            QObject::tr("The source and target branch are both \"%1\"").arg(spec.sourceBranch));
    auto source = branchTip(repo, spec.sourceBranch);
    if (!source)
        return source.error();
    if (auto target = branchTip(repo, spec.targetBranch); !target)
        return target.error();

    int next = 1;
    for (int number : recordNumbers(repo)) {
        next = std::max(next, number + 1);
        auto existing = readRecord(repo, number);
        if (existing && existing->request.state == MergeRequestState::Open
            && existing->request.sourceBranch == spec.sourceBranch
            && existing->request.targetBranch == spec.targetBranch) {
            existing->request.reused = true;
            return existing;
        }
    }

    Record record;
    record.request.provider = Provider::Local;
    record.request.number = next;
    record.request.reference = QObject::tr("local %1").arg(next);
    record.request.title = spec.title;
    record.request.sourceBranch = spec.sourceBranch;
    record.request.targetBranch = spec.targetBranch;
    record.request.author = authorText(author);
    record.request.created = author.time > 0 ? QDateTime::fromSecsSinceEpoch(author.time, Qt::UTC)
                                             : QDateTime::currentDateTimeUtc();
    record.description = spec.description;
    record.sourceCommit = Git::toHex(*source);
    const QString message = QStringLiteral("Open merge request %1: %2\n\n%3 -> %4\n")
                                .arg(next)
                                .arg(spec.title, spec.sourceBranch, spec.targetBranch);
    auto written = writeRecord(repo, record, author, message);
    if (written)
        qCInfo(lcGit) << "Recorded local merge request" << next << spec.sourceBranch << "->"
                      << spec.targetBranch;
    return written;
}

namespace {

Result<Record> openRecordForChange(git_repository *repository, int number)
{
    auto record = readRecord(repository, number);
    if (!record)
        return record.error();
    if (record->request.state == MergeRequestState::Merged)
        return Error(QObject::tr("Local merge request %1 is already merged").arg(number));
    if (record->request.state == MergeRequestState::Closed)
        return Error(QObject::tr("Local merge request %1 is already closed").arg(number));
    return record;
}

QStringList conflictingPaths(git_index *index)
{
    QStringList paths;
    git_index_conflict_iterator *iterator = nullptr;
    if (git_index_conflict_iterator_new(&iterator, index) < 0)
        return paths;
    const git_index_entry *ancestor = nullptr, *ours = nullptr, *theirs = nullptr;
    while (git_index_conflict_next(&ancestor, &ours, &theirs, iterator) == 0) {
        const git_index_entry *any = ours ? ours : (theirs ? theirs : ancestor);
        if (any)
            paths.append(QString::fromUtf8(any->path));
    }
    git_index_conflict_iterator_free(iterator);
    return paths;
}

// When `branch` is checked out in a work tree, brings the work tree and index to `tree` with a
// safe checkout: files with local changes that the merge touches make it fail before anything
// is written.
Result<bool> updateWorkTreeIfCheckedOut(git_repository *repository, const QString &branch,
                                        git_tree *tree)
{
    if (git_repository_is_bare(repository))
        return false;
    Git::ReferenceHandle head;
    if (Git::call(head, git_repository_head, repository) < 0)
        return false;
    if (QString::fromUtf8(git_reference_name(head.get())) != QStringLiteral("refs/heads/") + branch)
        return false;
    Git::ObjectHandle headTree;
    if (Git::call(headTree, git_revparse_single, repository, "HEAD^{tree}") < 0)
        return Git::lastError(QObject::tr("Cannot read HEAD"));
    git_checkout_options options = GIT_CHECKOUT_OPTIONS_INIT;
    options.checkout_strategy = GIT_CHECKOUT_SAFE;
    options.baseline = reinterpret_cast<git_tree *>(headTree.get());
    if (git_checkout_tree(repository, reinterpret_cast<const git_object *>(tree), &options) < 0)
        return Git::lastError(
            QObject::tr("The work tree has uncommitted changes to files this merge changes; "
                        "commit or discard them first"));
    return true;
}

} // namespace

Result<Record> merge(const QString &repositoryPath, int number, const Git::Signature &committer)
{
    auto repository = openRepository(repositoryPath);
    if (!repository)
        return repository.error();
    git_repository *repo = repository->get();
    auto record = openRecordForChange(repo, number);
    if (!record)
        return record.error();
    const MergeRequest &request = record->request;
    auto sourceId = branchTip(repo, request.sourceBranch);
    if (!sourceId)
        return sourceId.error();
    auto targetId = branchTip(repo, request.targetBranch);
    if (!targetId)
        return targetId.error();
    if (git_oid_equal(&*sourceId, &*targetId)
        || git_graph_descendant_of(repo, &*targetId, &*sourceId) == 1)
        return Error(QObject::tr("Nothing to merge: \"%1\" already contains every commit of \"%2\"")
                         .arg(request.targetBranch, request.sourceBranch));

    Git::CommitHandle source, target;
    if (Git::call(source, git_commit_lookup, repo, &*sourceId) < 0
        || Git::call(target, git_commit_lookup, repo, &*targetId) < 0)
        return Git::lastError(QObject::tr("Cannot read the branches to merge"));
    Git::IndexHandle index;
    if (Git::call(index, git_merge_commits, repo, target.get(), source.get(), nullptr) < 0)
        return Git::lastError(QObject::tr("Cannot merge \"%1\" into \"%2\"")
                                  .arg(request.sourceBranch, request.targetBranch));
    if (git_index_has_conflicts(index.get()))
        return Error(
            QObject::tr("Merging \"%1\" into \"%2\" conflicts in %3. Rebase the branch onto "
                        "\"%2\" and resolve the conflicts first.")
                .arg(request.sourceBranch, request.targetBranch,
                     conflictingPaths(index.get()).join(QStringLiteral(", "))));
    git_oid treeId, mergeId;
    if (git_index_write_tree_to(&treeId, index.get(), repo) < 0)
        return Git::lastError(QObject::tr("Cannot write the merged tree"));
    Git::TreeHandle tree;
    if (Git::call(tree, git_tree_lookup, repo, &treeId) < 0)
        return Git::lastError(QObject::tr("Cannot write the merged tree"));
    Git::SignatureHandle signature(makeSignature(committer));
    if (!signature)
        return Git::lastError(
            QObject::tr("Invalid identity \"%1 <%2>\"").arg(committer.name, committer.email));
    const QString message
        = QStringLiteral("Merge branch '%1' into %2\n\n%3\n\nLocal merge request %4\n")
              .arg(request.sourceBranch, request.targetBranch, request.title)
              .arg(number);
    const git_commit *parents[] = {target.get(), source.get()};
    if (git_commit_create(&mergeId, repo, nullptr, signature.get(), signature.get(), "UTF-8",
                          message.toUtf8().constData(), tree.get(), 2, parents)
        < 0)
        return Git::lastError(QObject::tr("Cannot write the merge commit"));

    if (auto updated = updateWorkTreeIfCheckedOut(repo, request.targetBranch, tree.get()); !updated)
        return updated.error();
    const QByteArray targetRef = "refs/heads/" + request.targetBranch.toUtf8();
    const QByteArray log = "merge " + request.sourceBranch.toUtf8() + ": local merge request "
                           + QByteArray::number(number);
    Git::ReferenceHandle moved;
    if (Git::call(moved, git_reference_create_matching, repo, targetRef.constData(), &mergeId, 1,
                  &*targetId, log.constData())
        < 0)
        return Git::lastError(QObject::tr("Cannot move \"%1\" (was it changed meanwhile?)")
                                  .arg(request.targetBranch));

    Record merged = *record;
    merged.request.state = MergeRequestState::Merged;
    merged.mergeCommit = Git::toHex(mergeId);
    qCInfo(lcGit) << "Merged local merge request" << number << "as" << merged.mergeCommit;
    return writeRecord(repo, merged, committer,
                       QStringLiteral("Merge merge request %1\n\nMerged as %2\n")
                           .arg(number)
                           .arg(merged.mergeCommit));
}

Result<Record> close(const QString &repositoryPath, int number, const Git::Signature &committer)
{
    auto repository = openRepository(repositoryPath);
    if (!repository)
        return repository.error();
    auto record = openRecordForChange(repository->get(), number);
    if (!record)
        return record.error();
    Record closed = *record;
    closed.request.state = MergeRequestState::Closed;
    return writeRecord(repository->get(), closed, committer,
                       QStringLiteral("Close merge request %1\n").arg(number));
}

} // namespace EnvDeck::Forge::LocalRecords
