// SPDX-License-Identifier: GPL-3.0-or-later
// Editing the staging diagram of the generated demo repository: every edit through
// DiagramEditor's actions and prompts, undone and redone, shown as exact unified diffs in the
// Pending changes panel, and saved as exactly one changed file.
#include "AddCacheModule.h"
#include "TestSupport.h"
#include "demo/DemoRepository.h"
#include "diagram/AddModuleDialog.h"
#include "diagram/DiagramCommands.h"
#include "diagram/DiagramEditor.h"
#include "diagram/GraphModel.h"
#include "diagram/PendingChangesPanel.h"
#include "matrix/VersionWorkspace.h"
#include "repo/RepositoryLoader.h"
#include "tst_diagramediting_diffs.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QLineEdit>
#include <QPushButton>
#include <QUndoStack>

#include <memory>

using namespace EnvDeck;
using namespace DiagramEditingDiffs;

class tst_DiagramEditing : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void addModuleUndoRedo();
    void addModuleDialogValidation_data();
    void addModuleDialogValidation();
    void removeModule();
    void renameModule();
    void connectInput();
    void changeVersionRefused();
    void actionsFollowSelection();
    void discardIsUndoable();
    void saveWritesOnlyMainTf();
    void dragsMerge();
    void openTerraformFile_data();
    void openTerraformFile();

private:
    // Adds module "cache" from modules/redis with its three required inputs.
    void addCache();
    QHash<QString, QByteArray> fileHashes() const;

    QTemporaryDir m_tmp;
    QString m_template;
    QString m_repo;
    int m_run = 0;
    std::unique_ptr<RepositorySnapshot> m_snapshot;
    std::unique_ptr<VersionWorkspace> m_workspace;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<DiagramEditor> m_editor;
    std::unique_ptr<PendingChangesPanel> m_panel;
    QStringList m_warnings;
    QStringList m_questions;
    QStringList m_answers; // given to the item and text prompts, in order
};

void tst_DiagramEditing::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_template = m_tmp.filePath(QStringLiteral("template"));
    Demo::Options options;
    options.commits = 20;
    options.endTime = QDateTime(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC);
    const auto demo = Demo::generate(m_template, options);
    QVERIFY2(demo, demo ? "" : qPrintable(demo.error().toString()));
}

void tst_DiagramEditing::init()
{
    // A fresh copy for every test function: edits and saves must not leak between them.
    m_repo = m_tmp.filePath(QStringLiteral("infra-%1").arg(++m_run));
    QProcess copy;
    copy.start(QStringLiteral("cp"), {QStringLiteral("-a"), m_template, m_repo});
    QVERIFY(copy.waitForFinished(60000) && copy.exitCode() == 0);

    auto snapshot = RepositoryLoader::load(m_repo);
    QVERIFY2(snapshot, snapshot ? "" : qPrintable(snapshot.error().toString()));
    m_snapshot = std::make_unique<RepositorySnapshot>(std::move(snapshot.value()));
    auto data = VersionWorkspace::load(m_repo, true);
    QVERIFY2(data, data ? "" : qPrintable(data.error().toString()));
    m_workspace = std::make_unique<VersionWorkspace>();
    m_workspace->setData(std::move(data.value()));
    m_stack = std::make_unique<QUndoStack>();
    m_editor = std::make_unique<DiagramEditor>(m_workspace.get(), m_stack.get());
    m_editor->setContext(m_snapshot.get(), QStringLiteral("staging"));
    m_panel = std::make_unique<PendingChangesPanel>(m_workspace.get(), m_stack.get());
    m_warnings.clear();
    m_questions.clear();
    m_answers.clear();
    m_editor->setWarning([this](const QString &title, const QString &text) {
        m_warnings << title + QStringLiteral(": ") + text;
    });
    m_editor->setQuestion([this](const QString &, const QString &text) {
        m_questions << text;
        return true;
    });
    const auto answer = [this]() -> std::optional<QString> {
        if (m_answers.isEmpty())
            return std::nullopt;
        return m_answers.takeFirst();
    };
    m_editor->setTextPrompt(
        [answer](const QString &, const QString &, const QString &) { return answer(); });
    m_editor->setItemPrompt(
        [answer](const QString &, const QString &, const QStringList &, bool) { return answer(); });
}

void tst_DiagramEditing::cleanup()
{
    m_panel.reset();
    m_editor.reset();
    m_stack.reset();
    if (m_workspace)
        m_workspace->lastValidation().waitForFinished();
    m_workspace.reset();
    m_snapshot.reset();
}

void tst_DiagramEditing::addCache()
{
    m_editor->setAddModulePrompt(&fillInCacheModule);
    m_editor->addModuleAction()->trigger();
}

void tst_DiagramEditing::addModuleUndoRedo()
{
    QVERIFY(m_panel->files().isEmpty());
    QSignalSpy changed(m_workspace.get(), &VersionWorkspace::terraformFileChanged);
    addCache();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("environments/staging/main.tf"));
    QCOMPARE(m_workspace->modifiedTerraformFiles(),
             QStringList{QStringLiteral("environments/staging/main.tf")});
    QCOMPARE(m_workspace->terraformOverlay().keys(),
             QList<QString>{QStringLiteral("environments/staging/main.tf")});
    QCOMPARE(m_warnings, QStringList());
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_stack->undoText(), QStringLiteral("Add module cache"));
    QCOMPARE(m_panel->files(), QStringList{QStringLiteral("environments/staging/main.tf")});
    const QString &expected = addCacheDiff;
    QCOMPARE(m_panel->diffText(), expected);
    QCOMPARE(m_panel->shownText(), expected);
    QVERIFY(m_workspace->modifiedEnvironments().contains(QStringLiteral("staging")));

    m_stack->undo();
    QCOMPARE(m_panel->files(), QStringList());
    QCOMPARE(m_panel->diffText(), QString());
    QVERIFY(!m_workspace->isModified());
    m_stack->redo();
    QCOMPARE(m_panel->diffText(), expected);
}

void tst_DiagramEditing::addModuleDialogValidation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("fillRequired");
    QTest::addColumn<QString>("problem");

    QTest::newRow("valid") << QStringLiteral("cache") << true << QString();
    QTest::newRow("name used") << QStringLiteral("redis") << true
                               << QStringLiteral("There is already a module \"redis\".");
    QTest::newRow("bad name") << QStringLiteral("my cache") << true
                              << QStringLiteral("\"my cache\" is not a valid name: use a letter or "
                                                "_ followed by letters, digits, _ and -.");
    QTest::newRow("required missing")
        << QStringLiteral("cache") << false
        << QStringLiteral("Required: name_prefix, location, resource_group_name.");
}

void tst_DiagramEditing::addModuleDialogValidation()
{
    QFETCH(QString, name);
    QFETCH(bool, fillRequired);
    QFETCH(QString, problem);
    const std::unique_ptr<AddModuleDialog> dialog(m_editor->createAddModuleDialog());
    QVERIFY(!dialog->okButton()->isEnabled());
    dialog->filterEdit()->setText(QStringLiteral("red"));
    QVERIFY(!dialog->selectBlock(QStringLiteral("network"))); // filtered out
    QVERIFY(dialog->selectBlock(QStringLiteral("redis")));
    QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("redis_2")); // a free name
    QCOMPARE(dialog->valueEditor(QStringLiteral("sku_name"))->lineEdit()->placeholderText(),
             QStringLiteral("\"Standard\""));
    QVERIFY(
        dialog->valueEditor(QStringLiteral("location"))->findText(QStringLiteral("var.location"))
        >= 0);
    QVERIFY(dialog->valueEditor(QStringLiteral("location"))
                ->findText(QStringLiteral("module.network.resource_group_name"))
            >= 0);
    dialog->nameEdit()->setText(name);
    if (fillRequired) {
        for (const char *input : {"name_prefix", "location", "resource_group_name"})
            dialog->valueEditor(QLatin1String(input))->setCurrentText(QStringLiteral("var.x"));
    }
    QCOMPARE(dialog->problem(), problem);
    QCOMPARE(dialog->okButton()->isEnabled(), problem.isEmpty());
}

void tst_DiagramEditing::removeModule()
{
    m_editor->setSelectedNode(QStringLiteral("module.postgres"));
    m_editor->removeModuleAction()->trigger();
    QCOMPARE(m_warnings, QStringList());
    QCOMPARE(m_questions.size(), 1);
    QCOMPARE(m_questions.value(0), removePostgresQuestion);
    QCOMPARE(m_panel->diffText(), removePostgresDiff);
    QCOMPARE(m_stack->undoText(), QStringLiteral("Remove module postgres"));
    m_stack->undo();
    QCOMPARE(m_panel->files(), QStringList());
}

void tst_DiagramEditing::renameModule()
{
    m_editor->setSelectedNode(QStringLiteral("module.dns"));
    m_answers << QStringLiteral("zone");
    m_editor->renameAction()->trigger();
    QCOMPARE(m_warnings, QStringList());
    QCOMPARE(m_panel->diffText(), renameDnsDiff);
    QCOMPARE(m_stack->undoText(), QStringLiteral("Rename module dns to zone"));
}

void tst_DiagramEditing::connectInput()
{
    m_editor->setSelectedNode(QStringLiteral("module.redis"));
    m_answers << QStringLiteral("capacity") << QStringLiteral("module.cluster.node_count");
    m_editor->connectInputAction()->trigger();
    QCOMPARE(m_warnings, QStringList());
    QCOMPARE(m_panel->diffText(), connectCapacityDiff);
}

void tst_DiagramEditing::changeVersionRefused()
{
    m_editor->setSelectedNode(QStringLiteral("module.redis"));
    m_answers << QStringLiteral("1.2.3");
    m_editor->changeVersionAction()->trigger();
    QCOMPARE(m_warnings, QStringList{QStringLiteral(
                             "Cannot edit the diagram: environments/staging/main.tf:68:25: "
                             "Module \"redis\" is a local module: it has no version")});
    QCOMPARE(m_stack->count(), 0);
}

void tst_DiagramEditing::actionsFollowSelection()
{
    QVERIFY(m_editor->addModuleAction()->isEnabled());
    QVERIFY(!m_editor->removeModuleAction()->isEnabled());
    m_editor->setSelectedNode(QStringLiteral("module.redis"));
    for (QAction *action : m_editor->actions())
        QVERIFY2(action->isEnabled(), qPrintable(action->objectName()));
    m_editor->setSelectedNode(QStringLiteral("module.services.helm_release.billing"));
    QVERIFY(!m_editor->renameAction()->isEnabled());
    m_editor->setContext(nullptr, {});
    QVERIFY(!m_editor->addModuleAction()->isEnabled());
}

void tst_DiagramEditing::discardIsUndoable()
{
    addCache();
    QCOMPARE(m_panel->files().size(), 1);
    m_panel->setCurrentFile(QStringLiteral("environments/staging/main.tf"));
    QVERIFY(m_panel->discardButton()->isEnabled());
    m_panel->discardButton()->click();
    QCOMPARE(m_panel->files(), QStringList());
    QCOMPARE(m_stack->count(), 2);
    m_stack->undo();
    QCOMPARE(m_panel->files().size(), 1);
}

QHash<QString, QByteArray> tst_DiagramEditing::fileHashes() const
{
    QHash<QString, QByteArray> hashes;
    QDirIterator it(m_repo, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(QLatin1String("/.git/")))
            continue;
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            hashes.insert(QDir(m_repo).relativeFilePath(path),
                          QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha1));
    }
    return hashes;
}

void tst_DiagramEditing::saveWritesOnlyMainTf()
{
    const auto before = fileHashes();
    addCache();
    QSignalSpy review(m_panel.get(), &PendingChangesPanel::reviewRequested);
    QVERIFY(m_panel->reviewButton()->isEnabled());
    const QByteArray edited
        = m_workspace->terraformBytes(QStringLiteral("environments/staging/main.tf"));
    const auto saved = m_workspace->save();
    QVERIFY2(saved, saved ? "" : qPrintable(saved.error().toString()));
    QCOMPARE(m_workspace->savedFiles(),
             QStringList{QStringLiteral("environments/staging/main.tf")});
    const auto after = fileHashes();
    QCOMPARE(after.keys().size(), before.keys().size());
    QStringList changed;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (before.value(it.key()) != it.value())
            changed << it.key();
    }
    QCOMPARE(changed, QStringList{QStringLiteral("environments/staging/main.tf")});
    QFile main(QDir(m_repo).filePath(QStringLiteral("environments/staging/main.tf")));
    QVERIFY(main.open(QIODevice::ReadOnly));
    QCOMPARE(main.readAll(), edited);
    QCOMPARE(m_panel->files(), QStringList());
    QVERIFY(m_panel->reviewButton()->isEnabled()); // saved files are still to be committed
    m_panel->reviewButton()->click();
    QCOMPARE(review.size(), 1);
}

void tst_DiagramEditing::dragsMerge()
{
    Diagram::GraphModel model;
    Diagram::Layout layout;
    layout.nodes.insert(QStringLiteral("module.a"), QRectF(0, 0, 100, 40));
    layout.nodes.insert(QStringLiteral("module.b"), QRectF(200, 0, 100, 40));
    model.setLayout(layout);
    QUndoStack stack;
    const QString a = QStringLiteral("module.a");
    // Three drag steps of a, then one of b: two undo steps.
    stack.push(new MoveNodeCommand(&model, a, {0, 0}, {10, 0}));
    stack.push(new MoveNodeCommand(&model, a, {10, 0}, {20, 5}));
    stack.push(new MoveNodeCommand(&model, a, {20, 5}, {30, 10}));
    stack.push(new MoveNodeCommand(&model, QStringLiteral("module.b"), {200, 0}, {210, 0}));
    QCOMPARE(stack.count(), 2);
    QCOMPARE(model.nodeRect(a).topLeft(), QPointF(30, 10));
    stack.undo();
    QCOMPARE(model.nodeRect(QStringLiteral("module.b")).topLeft(), QPointF(200, 0));
    stack.undo();
    QCOMPARE(model.nodeRect(a).topLeft(), QPointF(0, 0));
    stack.redo();
    QCOMPARE(model.nodeRect(a).topLeft(), QPointF(30, 10));
}

void tst_DiagramEditing::openTerraformFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("bytes"); // written first; null: left as generated
    QTest::addColumn<QString>("error");

    QTest::newRow("a root module file")
        << QStringLiteral("environments/dev/variables.tf") << QByteArray() << QString();
    QTest::newRow("does not parse")
        << QStringLiteral("environments/dev/broken.tf") << QByteArray("locals {\n  a = [1,\n}\n")
        << QStringLiteral("environments/dev/broken.tf:3:1: cannot edit a file that does not parse: "
                          "expected an expression, found '}'");
    QTest::newRow("missing") << QStringLiteral("environments/dev/none.tf") << QByteArray()
                             << QStringLiteral("Cannot read environments/dev/none.tf: No such file "
                                               "or directory");
    QTest::newRow("outside the repository")
        << QStringLiteral("../x.tf") << QByteArray()
        << QStringLiteral("../x.tf is not a path inside the repository");
}

void tst_DiagramEditing::openTerraformFile()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    if (!bytes.isNull()) {
        QFile out(QDir(m_repo).filePath(file));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
    }
    const auto opened = m_workspace->openTerraformFile(file);
    QCOMPARE(opened ? QString() : opened.error().toString(), error);
    QCOMPARE(m_workspace->isTerraformFileOpen(file), error.isEmpty());
    if (!error.isEmpty())
        return;
    // Edited, it makes dev modified; undone through the bytes, it does not.
    const QByteArray saved = m_workspace->terraformBytes(file);
    QVERIFY(m_workspace->setTerraformBytes(file, saved + "# note\n"));
    QCOMPARE(m_workspace->modifiedEnvironments(), QStringList{QStringLiteral("dev")});
    QVERIFY(m_workspace->setTerraformBytes(file, saved));
    QVERIFY(!m_workspace->isModified());
}

ENVDECK_TEST_MAIN_GUI(tst_DiagramEditing)
#include "tst_diagramediting.moc"
