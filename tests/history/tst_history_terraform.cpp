// SPDX-License-Identifier: GPL-3.0-or-later
// Versions written in .tf/.tfvars, read from hand-built histories: exact event lists per commit.
#include "TestSupport.h"

#include "git/GitHandle.h"
#include "git/MutableTree.h"
#include "history/HistoryScanner.h"
#include "history/TerraformVersions.h"

#include <git2.h>

#include <QFile>
#include <QTemporaryDir>

using namespace EnvDeck;
using Files = QMap<QString, QByteArray>;
using Snapshots = QList<Files>;

namespace {

// A history on main, one commit per snapshot of the whole tree (linear unless told).
class SnapshotRepo
{
public:
    explicit SnapshotRepo(QString root)
        : m_root(std::move(root))
    {}

    // `parents[i]` lists the parents of snapshot i (indices); missing: the one before.
    Result<void> write(const Snapshots &snapshots, const QList<QList<int>> &parents = {})
    {
        const QByteArray path = QFile::encodeName(m_root);
        if (Git::call(m_repository, git_repository_init, path.constData(), 0u) < 0)
            return Git::lastError(QStringLiteral("Cannot create %1").arg(m_root));
        for (qsizetype i = 0; i < snapshots.size(); ++i) {
            const QList<int> mine = i < parents.size() ? parents[i]
                                    : i == 0           ? QList<int>()
                                                       : QList<int>{int(i - 1)};
            if (auto written = commit(snapshots[i], mine); !written)
                return written;
        }
        Git::ReferenceHandle reference;
        if (Git::call(reference, git_reference_create, m_repository.get(), "refs/heads/main",
                      &m_commits.last(), 1, "test")
                < 0
            || git_repository_set_head(m_repository.get(), "refs/heads/main") < 0)
            return Git::lastError(QStringLiteral("Cannot point main at the last commit"));
        git_checkout_options options = GIT_CHECKOUT_OPTIONS_INIT;
        options.checkout_strategy = GIT_CHECKOUT_FORCE;
        if (git_checkout_head(m_repository.get(), &options) < 0)
            return Git::lastError(QStringLiteral("Cannot check main out"));
        return {};
    }

    // Commit id -> its index in the snapshots.
    int indexOf(const QString &commit) const
    {
        for (int i = 0; i < m_commits.size(); ++i) {
            if (Git::toHex(m_commits[i]) == commit)
                return i;
        }
        return -1;
    }

private:
    Result<void> commit(const Files &files, const QList<int> &parentIndices)
    {
        Git::MutableTree tree;
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            git_oid blob;
            if (git_blob_create_from_buffer(&blob, m_repository.get(), it->constData(),
                                            size_t(it->size()))
                < 0)
                return Git::lastError(QStringLiteral("Cannot write a blob"));
            if (auto set = tree.setFile(it.key().toUtf8(), blob); !set)
                return set;
        }
        Git::OdbHandle odb;
        if (Git::call(odb, git_repository_odb, m_repository.get()) < 0)
            return Git::lastError(QStringLiteral("Cannot open the object database"));
        auto treeId
            = tree.write([&](const QByteArray &data, const QByteArray &) -> Result<git_oid> {
                  git_oid id;
                  if (git_odb_write(&id, odb.get(), data.constData(), size_t(data.size()),
                                    GIT_OBJECT_TREE)
                      < 0)
                      return Git::lastError(QStringLiteral("Cannot write a tree"));
                  return id;
              });
        if (!treeId)
            return treeId.error();
        Git::TreeHandle treeObject;
        Git::SignatureHandle signature;
        // One hour apart: readHistory orders by author date first.
        const git_time_t when = 1767225600 + git_time_t(m_commits.size()) * 3600;
        if (Git::call(treeObject, git_tree_lookup, m_repository.get(), &treeId.value()) < 0
            || Git::call(signature, git_signature_new, "Maria Silva", "maria@example.io", when, 0)
                   < 0)
            return Git::lastError(QStringLiteral("Cannot prepare a commit"));
        std::vector<Git::CommitHandle> parents(size_t(parentIndices.size()));
        std::vector<const git_commit *> pointers;
        for (size_t i = 0; i < parents.size(); ++i) {
            if (Git::call(parents[i], git_commit_lookup, m_repository.get(),
                          &m_commits[parentIndices[qsizetype(i)]])
                < 0)
                return Git::lastError(QStringLiteral("Cannot read a parent"));
            pointers.push_back(parents[i].get());
        }
        git_oid id;
        if (git_commit_create(&id, m_repository.get(), nullptr, signature.get(), signature.get(),
                              nullptr, "Change", treeObject.get(), pointers.size(), pointers.data())
            < 0)
            return Git::lastError(QStringLiteral("Cannot write a commit"));
        m_commits.append(id);
        return {};
    }

    QString m_root;
    Git::RepositoryHandle m_repository;
    QList<git_oid> m_commits;
};

// "<commit index> <kind> <env>/<component> <from> -> <to> <path>" for each event.
QStringList described(const SnapshotRepo &repo, const QList<History::DeploymentEvent> &events)
{
    QStringList lines;
    for (const History::DeploymentEvent &e : events) {
        lines.append(
            QStringLiteral("%1 %2 %3/%4 %5 -> %6 %7")
                .arg(repo.indexOf(e.commit))
                .arg(History::kindName(e.kind), e.environment, e.component, e.from, e.to, e.path));
    }
    return lines;
}

const QString Folder = QStringLiteral("environments/prod/");

// prod with `api` in versions.yaml (so the folder is an environment) and the given Terraform.
Files prod(const Files &terraform, const QByteArray &api = "1.0.0", const QString &folder = Folder)
{
    Files files;
    files.insert(QStringLiteral("README.md"), "# Infrastructure\n");
    files.insert(folder + QStringLiteral("versions.yaml"),
                 "components:\n  api:\n    version: " + api + '\n');
    for (auto it = terraform.cbegin(); it != terraform.cend(); ++it)
        files.insert(folder + it.key(), it.value());
    return files;
}

Files mainTf(const QByteArray &text)
{
    return {{QStringLiteral("main.tf"), text}};
}

QByteArray module(const QByteArray &name, const QByteArray &body)
{
    return "module \"" + name + "\" {\n" + body + "}\n";
}

QByteArray release(const QByteArray &label, const QByteArray &body)
{
    return "resource \"helm_release\" \"" + label + "\" {\n  chart = \"x\"\n" + body + "}\n";
}

const QString ApiAdd = QStringLiteral("0 add prod/api  -> 1.0.0 environments/prod/versions.yaml");

} // namespace

class TestHistoryTerraform : public QObject
{
    Q_OBJECT

private slots:
    void events_data()
    {
        QTest::addColumn<Snapshots>("snapshots");
        QTest::addColumn<QStringList>(
            "expected"); // "<commit> <kind> <env>/<name> <from> -> <to> <path>"
        QTest::addColumn<QStringList>("problems"); // "<commit>:<path>:<line>"

        const QByteArray vpc = "  source = \"terraform-aws-modules/vpc/aws\"\n";
        QTest::newRow("module version bump")
            << Snapshots{prod(mainTf(module("network", vpc + "  version = \"5.1.0\"\n"))),
                         prod(mainTf(module("network", vpc + "  version = \"5.2.0\"\n")))}
            << QStringList{ApiAdd,
                           QStringLiteral("0 add prod/network  -> 5.1.0 environments/prod/main.tf"),
                           QStringLiteral(
                               "1 deploy prod/network 5.1.0 -> 5.2.0 environments/prod/main.tf")}
            << QStringList();

        const QByteArray git = "  source = \"git::https://git.example.com/dns.git//zone?ref=";
        QTest::newRow("git source ref")
            << Snapshots{prod(mainTf(module("dns", git + "v1.2.0\"\n"))),
                         prod(mainTf(module("dns", git + "v1.3.0\"\n")))}
            << QStringList{ApiAdd,
                           QStringLiteral("0 add prod/dns  -> v1.2.0 environments/prod/main.tf"),
                           QStringLiteral(
                               "1 deploy prod/dns v1.2.0 -> v1.3.0 environments/prod/main.tf")}
            << QStringList();

        QTest::newRow("helm_release literal, named and by label")
            << Snapshots{prod(mainTf(release("ingress", "  name = \"ingress-nginx\"\n  version = "
                                                        "\"4.7.0\"\n")
                                     + release("dns", "  version = \"1.13.0\"\n"))),
                         prod(mainTf(release("ingress", "  name = \"ingress-nginx\"\n  version = "
                                                        "\"4.8.0\"\n")
                                     + release("dns", "  version = \"1.13.0\"\n")))}
            << QStringList{ApiAdd,
                           QStringLiteral("0 add prod/dns  -> 1.13.0 environments/prod/main.tf"),
                           QStringLiteral(
                               "0 add prod/ingress-nginx  -> 4.7.0 environments/prod/main.tf"),
                           QStringLiteral("1 deploy prod/ingress-nginx 4.7.0 -> 4.8.0 "
                                          "environments/prod/main.tf")}
            << QStringList();

        const QByteArray variable = "variable \"grafana_version\" {\n  default = \"6.50.0\"\n}\n";
        const QByteArray grafana = release("grafana", "  version = var.grafana_version\n");
        auto tfvars = [&](const QByteArray &value, const QByteArray &autoValue = {}) {
            Files files{{QStringLiteral("main.tf"), grafana},
                        {QStringLiteral("variables.tf"), variable}};
            if (!value.isEmpty())
                files.insert(QStringLiteral("terraform.tfvars"),
                             "grafana_version = \"" + value + "\"\n");
            if (!autoValue.isEmpty())
                files.insert(QStringLiteral("prod.auto.tfvars"),
                             "grafana_version = \"" + autoValue + "\"\n");
            return prod(files);
        };
        QTest::newRow("helm_release variable set in tfvars")
            << Snapshots{tfvars("6.57.0"), tfvars("6.58.0"), tfvars("6.58.0", "6.59.0"), tfvars({})}
            << QStringList{ApiAdd,
                           QStringLiteral(
                               "0 add prod/grafana  -> 6.57.0 environments/prod/terraform.tfvars"),
                           QStringLiteral("1 deploy prod/grafana 6.57.0 -> 6.58.0 "
                                          "environments/prod/terraform.tfvars"),
                           QStringLiteral("2 deploy prod/grafana 6.58.0 -> 6.59.0 "
                                          "environments/prod/prod.auto.tfvars"),
                           QStringLiteral("3 deploy prod/grafana 6.59.0 -> 6.50.0 "
                                          "environments/prod/variables.tf")}
            << QStringList();

        const QByteArray cache = module("cache", "  source = \"./modules/cache\"\n  version = "
                                                 "\"1.0.0\"\n");
        QTest::newRow("module added and removed")
            << Snapshots{prod(mainTf("terraform {}\n")), prod(mainTf("terraform {}\n" + cache)),
                         prod(mainTf("terraform {}\n"))}
            << QStringList{ApiAdd,
                           QStringLiteral("1 add prod/cache  -> 1.0.0 environments/prod/main.tf"),
                           QStringLiteral(
                               "2 remove prod/cache 1.0.0 ->  environments/prod/main.tf")}
            << QStringList();

        const QByteArray locals = "locals {\n  v = yamldecode(file(\"versions.yaml\"))\n}\n";
        QTest::newRow("computed versions give nothing")
            << Snapshots{prod(mainTf(locals + release("api", "  version = local.v.api\n")
                                     + release("web", "  version = \"${var.web}-rc\"\n"))),
                         prod(mainTf(locals + release("api", "  version = local.v.web\n")
                                     + release("web", "  version = \"${var.web}-rc2\"\n")))}
            << QStringList{ApiAdd} << QStringList();

        QTest::newRow("versions.yaml wins over .tf")
            << Snapshots{prod(mainTf(release("api", "  version = \"1.0.0\"\n"))),
                         prod(mainTf(release("api", "  version = \"1.1.0\"\n")), "1.1.0"),
                         prod(mainTf(release("api", "  version = \"1.2.0\"\n")), "1.1.0")}
            << QStringList{ApiAdd,
                           QStringLiteral(
                               "1 deploy prod/api 1.0.0 -> 1.1.0 environments/prod/versions.yaml")}
            << QStringList();

        const QString eu = QStringLiteral("environments/prod-eu/");
        const QByteArray vpc51 = module("network", vpc + "  version = \"5.1.0\"\n");
        QTest::newRow("renamed folder: no add/remove, events under the new name")
            << Snapshots{prod(mainTf(vpc51)), prod(mainTf(vpc51), "1.0.0", eu),
                         prod(mainTf(module("network", vpc + "  version = \"5.2.0\"\n")), "1.0.0",
                              eu)}
            << QStringList{QStringLiteral(
                               "0 add prod-eu/api  -> 1.0.0 environments/prod/versions.yaml"),
                           QStringLiteral(
                               "0 add prod-eu/network  -> 5.1.0 environments/prod/main.tf"),
                           QStringLiteral("2 deploy prod-eu/network 5.1.0 -> 5.2.0 "
                                          "environments/prod-eu/main.tf")}
            << QStringList();

        const QByteArray network = module("network", vpc + "  version = \"5.1.0\"\n");
        auto broken = [&](const QByteArray &version) {
            return prod({{QStringLiteral("main.tf"), module("network", vpc + version)},
                         {QStringLiteral("broken.tf"), "module \"x\" {\n  version = \n"}});
        };
        QTest::newRow("broken file: a problem, the walk goes on")
            << Snapshots{prod(mainTf(network)), broken("  version = \"5.2.0\"\n"),
                         prod(mainTf(module("network", vpc + "  version = \"5.3.0\"\n"))),
                         prod(mainTf(module("network", vpc + "  version = \"5.4.0\"\n")))}
            << QStringList{ApiAdd,
                           QStringLiteral("0 add prod/network  -> 5.1.0 environments/prod/main.tf"),
                           QStringLiteral(
                               "3 deploy prod/network 5.3.0 -> 5.4.0 environments/prod/main.tf")}
            // The missing value, then the block left open at the end of the file.
            << QStringList{QStringLiteral("1:environments/prod/broken.tf:2"),
                           QStringLiteral("1:environments/prod/broken.tf:3")};
    }

    void events()
    {
        QFETCH(Snapshots, snapshots);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, problems);
        QTemporaryDir dir;
        SnapshotRepo repo(dir.path());
        const auto written = repo.write(snapshots);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));

        for (bool useCache : {false, true}) {
            History::ScanOptions options;
            options.useCache = useCache;
            auto history = History::readHistory(dir.path(), options);
            QVERIFY2(history.ok(),
                     qPrintable(history.ok() ? QString() : history.error().toString()));
            const QStringList actual = described(repo, history->events);
            QCOMPARE(actual, expected);

            QStringList located;
            for (const Error &problem : std::as_const(history->problems)) {
                // `<commit>:<path>:line:column`: the commit as its index, the rest as written.
                const SourceLocation &where = problem.location();
                const qsizetype colon = where.file.indexOf(u':');
                QVERIFY2(colon == 40 && where.line > 0 && where.column > 0,
                         qPrintable(problem.toString()));
                located.append(QString::number(repo.indexOf(where.file.left(colon)))
                               + where.file.mid(colon) + u':' + QString::number(where.line));
            }
            QCOMPARE(located, problems);
        }
    }

    // A merge gives events only for the values that differ from every parent (a conflict
    // resolved to a third version), as for versions.yaml.
    void merge_data()
    {
        QTest::addColumn<QByteArray>("resolution");
        QTest::addColumn<QStringList>("expected");
        const QStringList branches{
            ApiAdd, QStringLiteral("0 add prod/network  -> 5.1.0 environments/prod/main.tf"),
            QStringLiteral("1 deploy prod/network 5.1.0 -> 5.2.0 environments/prod/main.tf"),
            QStringLiteral("2 deploy prod/network 5.1.0 -> 5.3.0 environments/prod/main.tf")};
        QTest::newRow("takes the second parent") << QByteArray("5.3.0") << branches;
        QTest::newRow("third version")
            << QByteArray("5.4.0")
            << branches
                   + QStringList{QStringLiteral(
                       "3 deploy prod/network 5.2.0 -> 5.4.0 environments/prod/main.tf")};
    }

    void merge()
    {
        QFETCH(QByteArray, resolution);
        QFETCH(QStringList, expected);
        auto network = [](const QByteArray &version) {
            return prod(mainTf(module("network", "  source = \"terraform-aws-modules/vpc/aws\"\n"
                                                 "  version = \""
                                                     + version + "\"\n")));
        };
        QTemporaryDir dir;
        SnapshotRepo repo(dir.path());
        const auto written = repo.write(
            {network("5.1.0"), network("5.2.0"), network("5.3.0"), network(resolution)},
            {{}, {0}, {0}, {1, 2}});
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
        History::ScanOptions options;
        options.useCache = false;
        auto history = History::readHistory(dir.path(), options);
        QVERIFY(history.ok());
        const QStringList actual = described(repo, history->events);
        QCOMPARE(actual, expected);
    }

    void readFile_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("expected"); // "name=version" sorted, or the error's place

        QTest::newRow("ref among other query parameters")
            << QByteArray(
                   "module \"a\" {\n  source = \"git::ssh://git@h/a.git?depth=1&ref=2.0\"\n}\n")
            << QStringLiteral("x/main.tf") << QStringList{QStringLiteral("a=2.0")};
        QTest::newRow("version wins over ref")
            << QByteArray("module \"a\" {\n  source = \"git::https://h/a.git?ref=main\"\n"
                          "  version = \"3.0.0\"\n}\n")
            << QStringLiteral("x/main.tf") << QStringList{QStringLiteral("a=3.0.0")};
        QTest::newRow("registry module without version")
            << QByteArray("module \"a\" {\n  source = \"hashicorp/consul/aws\"\n}\n")
            << QStringLiteral("x/main.tf") << QStringList();
        QTest::newRow("variable without a value")
            << QByteArray("variable \"v\" {}\n" + release("r", "  version = var.v\n"))
            << QStringLiteral("x/main.tf") << QStringList();
        QTest::newRow("tfvars not loaded by Terraform are not read")
            << QByteArray("v = \"9.9.9\"\n") << QStringLiteral("x/prod.tfvars") << QStringList();
        QTest::newRow("parse error located")
            << QByteArray("\n\nmodule \"a\" {\n  version = \"1\" \"2\"\n}\n")
            << QStringLiteral("x/main.tf") << QStringList{QStringLiteral("x/main.tf:4")};
    }

    void readFile()
    {
        QFETCH(QByteArray, source);
        QFETCH(QString, path);
        QFETCH(QStringList, expected);
        QStringList actual;
        QList<History::TerraformFileVersions> files;
        if (History::isTerraformVersionFile(path.mid(path.lastIndexOf(u'/') + 1)))
            files.append(History::readTerraformFile(source, path));
        const auto versions = History::combineTerraformVersions(files);
        if (!versions) {
            const SourceLocation &where = versions.error().location();
            actual.append(where.file + u':' + QString::number(where.line));
        } else {
            for (auto it = versions->cbegin(); it != versions->cend(); ++it) {
                actual.append(it.key() + u'=' + it->version);
                QCOMPARE(it->path, path);
            }
        }
        actual.sort();
        QCOMPARE(actual, expected);
    }
};

ENVDECK_TEST_MAIN_CORE(TestHistoryTerraform)
#include "tst_history_terraform.moc"
