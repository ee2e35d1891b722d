// SPDX-License-Identifier: GPL-3.0-or-later
// `envdeck validate [REPO] [--env NAME] [--base REV] [--format F] [--output FILE]`: the rules of
// the validation engine, for CI. Exit 0: no errors; 1: errors found; 2: could not run.
#include "Cli.h"
#include "CliCommands.h"

#include "validation/Engine.h"
#include "validation/ReportWriter.h"
#include "validation/ValidationLoader.h"

#include <QDir>
#include <QSaveFile>

namespace EnvDeck::Cli {

void declareValidate(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("REPO"),
                                 QStringLiteral("Repository work tree (default: the current "
                                                "folder)."),
                                 QStringLiteral("[REPO]"));
    parser.addOption(QCommandLineOption(QStringList{QStringLiteral("env")},
                                        QStringLiteral("Validate only this environment."),
                                        QStringLiteral("NAME")));
    parser.addOption(QCommandLineOption(
        QStringList{QStringLiteral("base")},
        QStringLiteral("Compare with this revision for the rules that need a before (locked "
                       "components, downgrades), e.g. origin/main."),
        QStringLiteral("REV")));
    parser.addOption(QCommandLineOption(QStringList{QStringLiteral("format")},
                                        QStringLiteral("text, json, junit or sarif (default "
                                                       "text)."),
                                        QStringLiteral("FORMAT"), QStringLiteral("text")));
    parser.addOption(QCommandLineOption(QStringList{QStringLiteral("output")},
                                        QStringLiteral("Write the report to FILE instead of "
                                                       "standard output."),
                                        QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(
        QStringList{QStringLiteral("offline")},
        QStringLiteral("Do not fetch catalogs from the network; use their cached copies.")));
}

int runValidate(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        err << "envdeck validate: expected at most one REPO\n";
        return Usage;
    }
    const auto format = Validation::reportFormatFromName(parser.value(QStringLiteral("format")));
    if (!format) {
        err << "envdeck validate: --format must be text, json, junit or sarif, not '"
            << parser.value(QStringLiteral("format")) << "'\n";
        return Usage;
    }

    Validation::LoadOptions options;
    options.base = parser.value(QStringLiteral("base"));
    options.offline = parser.isSet(QStringLiteral("offline"));
    const QString path = positional.isEmpty() ? QDir::currentPath() : positional.first();
    auto input = Validation::loadValidationInput(path, options);
    if (!input) {
        err << "envdeck validate: " << input.error().toString() << '\n';
        return Usage;
    }

    Validation::ValidateOptions validateOptions;
    validateOptions.environment = parser.value(QStringLiteral("env"));
    if (!validateOptions.environment.isEmpty()
        && !input->findEnvironment(validateOptions.environment)) {
        QStringList names;
        for (const auto &environment : input->environments)
            names.append(environment.name);
        err << "envdeck validate: no environment '" << validateOptions.environment
            << "' (environments: " << names.join(QStringLiteral(", ")) << ")\n";
        return Usage;
    }

    const Validation::Report report = Validation::validate(*input, validateOptions);
    const QByteArray text = Validation::writeReport(report, *format);
    if (parser.isSet(QStringLiteral("output"))) {
        QSaveFile file(parser.value(QStringLiteral("output")));
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
            err << "envdeck validate: cannot write " << parser.value(QStringLiteral("output"))
                << ": " << file.errorString() << '\n';
            return Usage;
        }
        // The summary still goes to the terminal, so a CI log shows what the file holds.
        if (*format != Validation::ReportFormat::Text)
            err << Validation::writeReport(report, Validation::ReportFormat::Text);
    } else {
        out << text;
    }
    return report.hasErrors() ? Failed : Success;
}

} // namespace EnvDeck::Cli
