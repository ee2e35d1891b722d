// SPDX-License-Identifier: GPL-3.0-or-later
// Differential test of EnvDeck::Hcl::toJson against HashiCorp's converter (@cdktf/hcl2json
// 0.21.0, run by tests/hcl/reference/hcl2json-batch.js in one node process): the hand-written
// corpus (tests/hcl/corpus) and ENVDECK_HCL_RANDOM_FILES (default 10000) generated files, seeds
// from ENVDECK_HCL_SEED (default 1). A difference prints the file, the first differing JSON
// path, and for a generated file its seed and a minimal file that still differs.
#include "HclGenerator.h"
#include "TestSupport.h"
#include "hcl/HclJson.h"
#include "hcl/HclParser.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using namespace EnvDeck;

namespace {

const QString SourceDir = QStringLiteral(ENVDECK_SOURCE_DIR);
const QString ReferenceDir = QStringLiteral(ENVDECK_HCL_REFERENCE_DIR);

QString referenceScript()
{
    return SourceDir + QStringLiteral("/tests/hcl/reference/hcl2json-batch.js");
}

struct ReferenceResult
{
    bool ok = false;
    QJsonObject json;
    QString error;
    QByteArray text; // the JSON text exactly as node printed it
};

// Runs the reference once over files; returns file → result, or an error message.
std::variant<QHash<QString, ReferenceResult>, QString> runReference(const QStringList &files,
                                                                    const QString &workDir)
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty())
        return QStringLiteral("node is not installed: the reference converter needs node 20");
    const QString manifestPath = workDir + QStringLiteral("/manifest.jsonl");
    QFile manifest(manifestPath);
    if (!manifest.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write ") + manifestPath;
    for (const QString &file : files)
        manifest.write(
            QJsonDocument(QJsonArray{file}).toJson(QJsonDocument::Compact).mid(1).chopped(1)
            + '\n');
    manifest.close();

    QProcess process;
    process.start(node, {referenceScript(), QStringLiteral("--modules"), ReferenceDir,
                         QStringLiteral("--manifest"), manifestPath});
    if (!process.waitForStarted(30000))
        return QStringLiteral("cannot start node: ") + process.errorString();
    QByteArray output;
    while (process.state() != QProcess::NotRunning) {
        process.waitForReadyRead(1000);
        output += process.readAllStandardOutput();
    }
    output += process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QStringLiteral("the reference runner failed: ")
               + QString::fromUtf8(process.readAllStandardError());

    QHash<QString, ReferenceResult> results;
    for (const QByteArray &line : output.split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        ReferenceResult result;
        result.ok = entry.contains(QStringLiteral("json"));
        // the line is {"file":…,"json":TEXT}; TEXT is what JSON.stringify printed
        const QByteArray marker = QByteArrayLiteral(",\"json\":");
        const qsizetype at = line.indexOf(marker);
        if (result.ok && at > 0 && line.endsWith('}'))
            result.text = line.mid(at + marker.size(), line.size() - at - marker.size() - 1);
        result.json = entry.value(QStringLiteral("json")).toObject();
        result.error = entry.value(QStringLiteral("error")).toString();
        results.insert(entry.value(QStringLiteral("file")).toString(), result);
    }
    return results;
}

QString compact(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

// The first path where the values differ ("" when equal), with both values.
QString firstDifference(const QJsonValue &expected, const QJsonValue &actual, const QString &path)
{
    const auto describe = [&]() -> QString {
        return path + QStringLiteral(": reference ") + compact(expected).left(300)
               + QStringLiteral(", EnvDeck ") + compact(actual).left(300);
    };
    if (expected.type() != actual.type())
        return describe();
    if (expected.isObject()) {
        const QJsonObject e = expected.toObject();
        const QJsonObject a = actual.toObject();
        for (auto it = e.begin(); it != e.end(); ++it) {
            if (!a.contains(it.key()))
                return path + QLatin1Char('.') + it.key() + QStringLiteral(": missing in EnvDeck");
            const QString d = firstDifference(it.value(), a.value(it.key()),
                                              path + QLatin1Char('.') + it.key());
            if (!d.isEmpty())
                return d;
        }
        for (auto it = a.begin(); it != a.end(); ++it) {
            if (!e.contains(it.key()))
                return path + QLatin1Char('.') + it.key() + QStringLiteral(": only in EnvDeck");
        }
        return {};
    }
    if (expected.isArray()) {
        const QJsonArray e = expected.toArray();
        const QJsonArray a = actual.toArray();
        for (qsizetype i = 0; i < qMin(e.size(), a.size()); ++i) {
            const QString d
                = firstDifference(e.at(i), a.at(i), path + QStringLiteral("[%1]").arg(i));
            if (!d.isEmpty())
                return d;
        }
        if (e.size() != a.size())
            return describe();
        return {};
    }
    if (expected.isDouble())
        return expected.toDouble() == actual.toDouble() ? QString() : describe();
    return expected == actual ? QString() : describe();
}

// EnvDeck's JSON for source, or an error text.
std::variant<QJsonObject, QString> envdeckJson(const QByteArray &source, const QString &fileName)
{
    const Hcl::ParseResult parsed = Hcl::parse(source, fileName);
    if (!parsed.ok())
        return QStringLiteral("EnvDeck's parser rejects it: ") + parsed.errors.first().toString();
    Result<QJsonObject> json = Hcl::toJsonObject(parsed.file, source);
    if (!json)
        return QStringLiteral("EnvDeck's converter fails: ") + json.error().toString();
    return *json;
}

// "" when EnvDeck agrees with the reference result: the same JSON values, and then the same text
// byte for byte (key order, number and string formatting of node's JSON.stringify).
QString compare(const ReferenceResult &reference, const QByteArray &source, const QString &file)
{
    if (!reference.ok)
        return QStringLiteral("the reference rejects it: ") + reference.error;
    const auto ours = envdeckJson(source, file);
    if (const QString *error = std::get_if<QString>(&ours))
        return *error;
    const QString difference
        = firstDifference(reference.json, std::get<QJsonObject>(ours), QStringLiteral("$"));
    if (!difference.isEmpty())
        return difference;
    const Hcl::ParseResult parsed = Hcl::parse(source, file);
    const Result<QByteArray> text = Hcl::toJson(parsed.file, source);
    if (!text || *text != reference.text) {
        return QStringLiteral("same values, different JSON text:\n  reference %1\n  EnvDeck   %2")
            .arg(QString::fromUtf8(reference.text.left(400)),
                 QString::fromUtf8(text ? text->left(400) : QByteArray()));
    }
    return {};
}

} // namespace

class TestHcl2Json : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(
            !QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty(),
            "node is not installed: the hcl2json reference (tests/hcl/reference) needs node 20 "
            "and npm");
        QProcess install;
        install.start(
            QStringLiteral("/bin/sh"),
            {SourceDir + QStringLiteral("/tests/hcl/reference/install.sh"), ReferenceDir});
        QVERIFY2(install.waitForFinished(300000), "tests/hcl/reference/install.sh did not finish");
        const QByteArray message = install.readAllStandardError();
        QVERIFY2(install.exitStatus() == QProcess::NormalExit && install.exitCode() == 0,
                 qPrintable(QStringLiteral("cannot install @cdktf/hcl2json 0.21.0 into %1: %2")
                                .arg(ReferenceDir, QString::fromUtf8(message))));
    }

    void matchesReference()
    {
        QTemporaryDir work;
        QVERIFY(work.isValid());

        QStringList files;
        const QDir corpus(SourceDir + QStringLiteral("/tests/hcl/corpus"));
        const QStringList corpusFiles = corpus.entryList(
            {QStringLiteral("*.tf"), QStringLiteral("*.tfvars"), QStringLiteral("*.hcl")},
            QDir::Files, QDir::Name);
        QVERIFY2(corpusFiles.size() >= 20, "the corpus tests/hcl/corpus is missing");
        for (const QString &name : corpusFiles)
            files.append(corpus.filePath(name));

        bool ok = false;
        int randomCount = qEnvironmentVariableIntValue("ENVDECK_HCL_RANDOM_FILES", &ok);
        if (!ok)
            randomCount = 10000;
        const quint64 firstSeed = qEnvironmentVariableIsSet("ENVDECK_HCL_SEED")
                                      ? qgetenv("ENVDECK_HCL_SEED").toULongLong()
                                      : 1;
        QHash<QString, quint64> seeds;
        for (int i = 0; i < randomCount; ++i) {
            const quint64 seed = firstSeed + quint64(i);
            const QString path = work.filePath(QStringLiteral("gen-%1.tf").arg(seed));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(HclTest::generate(seed).text());
            files.append(path);
            seeds.insert(path, seed);
        }

        auto reference = runReference(files, work.path());
        if (const QString *error = std::get_if<QString>(&reference))
            QFAIL(qPrintable(*error));
        const auto &results = std::get<QHash<QString, ReferenceResult>>(reference);

        int failures = 0;
        bool shrunk = false;
        for (const QString &path : std::as_const(files)) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray source = file.readAll();
            const auto it = results.constFind(path);
            const QString difference = it == results.constEnd()
                                           ? QStringLiteral("no answer from the reference")
                                           : compare(*it, source, path);
            if (difference.isEmpty())
                continue;
            ++failures;
            if (failures <= 10)
                qWarning().noquote() << path << difference;
            if (seeds.contains(path) && !shrunk) {
                shrunk = true;
                const quint64 seed = seeds.value(path);
                const HclTest::GeneratedFile generated = HclTest::generate(seed);
                const QString probe = work.filePath(QStringLiteral("shrink.tf"));
                const auto stillFails = [&](const QByteArray &text) {
                    QFile out(probe);
                    if (!out.open(QIODevice::WriteOnly))
                        return false;
                    out.write(text);
                    out.close();
                    auto again = runReference({probe}, work.path());
                    const auto *map = std::get_if<QHash<QString, ReferenceResult>>(&again);
                    if (!map || !map->contains(probe) || !map->value(probe).ok)
                        return false; // keep files the reference accepts
                    return !compare(map->value(probe), text, probe).isEmpty();
                };
                const QList<QByteArray> minimal = HclTest::shrink(generated.items, stillFails);
                const QByteArray text = HclTest::render(minimal);
                QFile out(probe);
                QVERIFY(out.open(QIODevice::WriteOnly));
                out.write(text);
                out.close();
                auto again = runReference({probe}, work.path());
                const auto *map = std::get_if<QHash<QString, ReferenceResult>>(&again);
                const QString why = map && map->contains(probe)
                                        ? compare(map->value(probe), text, probe)
                                        : QString();
                qWarning().noquote() << QStringLiteral("seed %1 fails; minimal file (%2):\n%3")
                                            .arg(seed)
                                            .arg(why, QString::fromUtf8(text));
            }
        }
        qInfo("%d corpus files, %d generated files (seeds %llu..): %d differ from the reference "
              "(in JSON values or byte-for-byte text)",
              int(corpusFiles.size()), randomCount, firstSeed, failures);
        QVERIFY2(failures == 0,
                 qPrintable(QStringLiteral("%1 files differ from the reference").arg(failures)));
    }
};

ENVDECK_TEST_MAIN_CORE(TestHcl2Json)
#include "tst_hcl2json.moc"
