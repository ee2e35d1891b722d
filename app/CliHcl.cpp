// SPDX-License-Identifier: GPL-3.0-or-later
// `envdeck hcl2json FILE...`: HCL as JSON, in the shape of HashiCorp's converter.
#include "Cli.h"
#include "CliCommands.h"

#include "core/TextFiles.h"
#include "hcl/HclJson.h"
#include "hcl/HclParser.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace EnvDeck::Cli {

void declareHcl2Json(QCommandLineParser &parser)
{
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QStringLiteral("HCL files (.tf, .tfvars, terragrunt.hcl). With several, "
                       "the output is one object keyed by each path as given."),
        QStringLiteral("FILE..."));
    parser.addOption(QCommandLineOption(QStringList{QStringLiteral("compact")},
                                        QStringLiteral("Print the JSON on one line.")));
}

int runHcl2Json(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        err << "envdeck hcl2json: expected at least one FILE (see envdeck hcl2json --help)\n";
        return Usage;
    }

    QJsonObject combined;
    QJsonObject single;
    bool failed = false;
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            err << path << ": cannot read the file: " << file.errorString() << '\n';
            failed = true;
            continue;
        }
        const QByteArray source = file.readAll();
        if (looksBinaryOrEncrypted(source)) {
            err << path << ": the file is binary or encrypted, not HCL\n";
            failed = true;
            continue;
        }
        const Hcl::ParseResult parsed = Hcl::parse(source, path);
        if (!parsed.ok()) {
            for (const Error &error : parsed.errors)
                err << error.toString() << '\n';
            failed = true;
            continue;
        }
        auto json = Hcl::toJsonObject(parsed.file, source);
        if (!json) {
            err << json.error().toString() << '\n';
            failed = true;
            continue;
        }
        single = json.value();
        combined.insert(path, single);
    }
    if (failed)
        return Failed;
    const QJsonDocument document(files.size() == 1 ? single : combined);
    out << document.toJson(parser.isSet(QStringLiteral("compact")) ? QJsonDocument::Compact
                                                                   : QJsonDocument::Indented);
    if (parser.isSet(QStringLiteral("compact")))
        out << '\n';
    return Success;
}

} // namespace EnvDeck::Cli
