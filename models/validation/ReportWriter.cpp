// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReportWriter.h"

#include "core/BuildInfo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamWriter>

namespace EnvDeck::Validation {
namespace {

const QString RepositoryScope = QStringLiteral("repository");

QString where(const Finding &finding)
{
    return finding.location.isValid() ? finding.location.toString() : QStringLiteral("envdeck");
}

// "error", "warning" or "note" (compilers call informational findings notes).
QString textLevel(const Finding &finding)
{
    return finding.severity == Severity::Info ? QStringLiteral("note")
                                              : severityName(finding.severity);
}

QString plural(int count, const char *one, const char *many)
{
    return QString::number(count) + u' '
           + (count == 1 ? QString::fromLatin1(one) : QString::fromLatin1(many));
}

QByteArray writeText(const Report &report)
{
    QString text;
    for (const Finding &finding : report.findings) {
        text += where(finding) + QStringLiteral(": ") + textLevel(finding) + QStringLiteral(": ")
                + (finding.notChecked ? QStringLiteral("not checked: ") : QString())
                + finding.message + QStringLiteral(" [") + finding.ruleId + QStringLiteral("]\n");
        if (!finding.hint.isEmpty())
            text += QStringLiteral("    hint: ") + finding.hint + u'\n';
    }
    int notChecked = 0;
    for (const Finding &finding : report.findings)
        notChecked += finding.notChecked ? 1 : 0;
    text += plural(report.count(Severity::Error), "error", "errors") + QStringLiteral(", ")
            + plural(report.count(Severity::Warning), "warning", "warnings") + QStringLiteral(", ")
            + plural(report.count(Severity::Info) - notChecked, "note", "notes")
            + QStringLiteral(", ") + QString::number(notChecked) + QStringLiteral(" not checked")
            + QStringLiteral(" in ")
            + plural(int(report.environments.size()), "environment", "environments");
    if (!report.base.isEmpty())
        text += QStringLiteral(" (compared with %1 at %2)")
                    .arg(report.base, report.baseCommit.left(8));
    text += u'\n';
    return text.toUtf8();
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue orNull(int number)
{
    return number > 0 ? QJsonValue(number) : QJsonValue(QJsonValue::Null);
}

QByteArray writeJson(const Report &report)
{
    QJsonArray findings;
    for (const Finding &finding : report.findings) {
        findings.append(QJsonObject{
            {QStringLiteral("rule"), finding.ruleId},
            {QStringLiteral("severity"), severityName(finding.severity)},
            {QStringLiteral("not_checked"), finding.notChecked},
            {QStringLiteral("file"), orNull(finding.location.file)},
            {QStringLiteral("line"), orNull(finding.location.line)},
            {QStringLiteral("column"), orNull(finding.location.column)},
            {QStringLiteral("message"), finding.message},
            {QStringLiteral("hint"), orNull(finding.hint)},
            {QStringLiteral("environment"), orNull(finding.environment)},
            {QStringLiteral("component"), orNull(finding.component)},
        });
    }
    const QJsonObject root{
        {QStringLiteral("tool"), QStringLiteral("envdeck")},
        {QStringLiteral("version"), BuildInfo::applicationVersion()},
        {QStringLiteral("base"), orNull(report.base)},
        {QStringLiteral("base_commit"), orNull(report.baseCommit)},
        {QStringLiteral("environments"), QJsonArray::fromStringList(report.environments)},
        {QStringLiteral("rules"), QJsonArray::fromStringList(report.rules)},
        {QStringLiteral("summary"),
         QJsonObject{{QStringLiteral("errors"), report.count(Severity::Error)},
                     {QStringLiteral("warnings"), report.count(Severity::Warning)},
                     {QStringLiteral("infos"), report.count(Severity::Info)}}},
        {QStringLiteral("findings"), findings},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

// JUnit XML as the test tabs of Azure Pipelines (PublishTestResults) and GitLab (artifacts:
// reports: junit) read it: one test suite per environment (plus "repository" for findings that
// belong to no environment), one test case per rule. Errors fail the case; a rule that could not
// check something is reported as skipped, never as passed; warnings and notes go to system-out.
QByteArray writeJUnit(const Report &report)
{
    QStringList scopes = report.environments;
    scopes.prepend(RepositoryScope);

    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.setAutoFormatting(true);
    writer.setAutoFormattingIndent(2);
    writer.writeStartDocument();
    writer.writeStartElement(QStringLiteral("testsuites"));
    writer.writeAttribute(QStringLiteral("name"), QStringLiteral("envdeck validate"));

    struct Case
    {
        QString rule;
        QList<const Finding *> findings;
    };
    struct Suite
    {
        QString name;
        QList<Case> cases;
        int failures = 0;
        int skipped = 0;
    };
    QList<Suite> suites;
    int totalTests = 0;
    int totalFailures = 0;
    int totalSkipped = 0;
    for (const QString &scope : scopes) {
        Suite suite{scope, {}, 0, 0};
        for (const QString &rule : report.rules) {
            Case testCase{rule, {}};
            for (const Finding &finding : report.findings) {
                const QString findingScope
                    = finding.environment.isEmpty() ? RepositoryScope : finding.environment;
                if (finding.ruleId == rule && findingScope == scope)
                    testCase.findings.append(&finding);
            }
            bool failed = false;
            // A rule that could not run at all is skipped in every environment; the note that
            // says why is in the repository suite.
            bool skipped = scope != RepositoryScope && report.rulesNotRun.contains(rule);
            for (const Finding *finding : testCase.findings) {
                failed = failed || (finding->severity == Severity::Error && !finding->notChecked);
                skipped = skipped || finding->notChecked;
            }
            suite.failures += failed ? 1 : 0;
            suite.skipped += (!failed && skipped) ? 1 : 0;
            suite.cases.append(testCase);
        }
        totalTests += int(suite.cases.size());
        totalFailures += suite.failures;
        totalSkipped += suite.skipped;
        suites.append(suite);
    }
    writer.writeAttribute(QStringLiteral("tests"), QString::number(totalTests));
    writer.writeAttribute(QStringLiteral("failures"), QString::number(totalFailures));
    writer.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    writer.writeAttribute(QStringLiteral("skipped"), QString::number(totalSkipped));

    for (const Suite &suite : suites) {
        writer.writeStartElement(QStringLiteral("testsuite"));
        writer.writeAttribute(QStringLiteral("name"), suite.name);
        writer.writeAttribute(QStringLiteral("tests"), QString::number(suite.cases.size()));
        writer.writeAttribute(QStringLiteral("failures"), QString::number(suite.failures));
        writer.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
        writer.writeAttribute(QStringLiteral("skipped"), QString::number(suite.skipped));
        for (const Case &testCase : suite.cases) {
            writer.writeStartElement(QStringLiteral("testcase"));
            writer.writeAttribute(QStringLiteral("classname"),
                                  QStringLiteral("envdeck.validate.") + suite.name);
            writer.writeAttribute(QStringLiteral("name"), testCase.rule);
            writer.writeAttribute(QStringLiteral("time"), QStringLiteral("0"));
            QString errors;
            QString notChecked;
            QString other;
            int errorCount = 0;
            for (const Finding *finding : testCase.findings) {
                QString line
                    = finding->location.isValid()
                          ? finding->location.toString() + QStringLiteral(": ") + finding->message
                          : finding->message;
                if (!finding->hint.isEmpty())
                    line += QStringLiteral(" (hint: ") + finding->hint + u')';
                line += u'\n';
                if (finding->notChecked) {
                    notChecked += line;
                } else if (finding->severity == Severity::Error) {
                    errors += line;
                    ++errorCount;
                } else {
                    other += textLevel(*finding) + QStringLiteral(": ") + line;
                }
            }
            if (errorCount > 0) {
                writer.writeStartElement(QStringLiteral("failure"));
                writer.writeAttribute(QStringLiteral("type"), testCase.rule);
                writer.writeAttribute(QStringLiteral("message"),
                                      plural(errorCount, "error", "errors"));
                writer.writeCharacters(errors);
                writer.writeEndElement();
            } else if (!notChecked.isEmpty() || report.rulesNotRun.contains(testCase.rule)) {
                if (notChecked.isEmpty())
                    notChecked = report.rulesNotRun.value(testCase.rule);
                writer.writeStartElement(QStringLiteral("skipped"));
                writer.writeAttribute(QStringLiteral("message"),
                                      QStringLiteral("not checked: ") + notChecked.trimmed());
                writer.writeEndElement();
            }
            if (!other.isEmpty() || (errorCount > 0 && !notChecked.isEmpty()))
                writer.writeTextElement(QStringLiteral("system-out"),
                                        other + (errorCount > 0 ? notChecked : QString()));
            writer.writeEndElement(); // testcase
        }
        writer.writeEndElement(); // testsuite
    }
    writer.writeEndElement(); // testsuites
    writer.writeEndDocument();
    return xml;
}

QString sarifLevel(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("note");
    }
    return QStringLiteral("error");
}

// SARIF 2.1.0 (OASIS): one run, the rules as reportingDescriptors, each finding a result with
// its location relative to the repository root (%SRCROOT%).
QByteArray writeSarif(const Report &report)
{
    QJsonArray rules;
    QHash<QString, int> ruleIndex;
    for (const RuleInfo &rule : allRules()) {
        ruleIndex.insert(rule.id, int(rules.size()));
        rules.append(QJsonObject{
            {QStringLiteral("id"), rule.id},
            {QStringLiteral("shortDescription"),
             QJsonObject{{QStringLiteral("text"), rule.summary}}},
            {QStringLiteral("defaultConfiguration"),
             QJsonObject{{QStringLiteral("level"), sarifLevel(rule.defaultSeverity)}}},
        });
    }
    QJsonArray results;
    for (const Finding &finding : report.findings) {
        QJsonObject result{
            {QStringLiteral("ruleId"), finding.ruleId},
            {QStringLiteral("ruleIndex"), ruleIndex.value(finding.ruleId, -1)},
            {QStringLiteral("level"),
             finding.notChecked ? QStringLiteral("none") : sarifLevel(finding.severity)},
            {QStringLiteral("kind"),
             finding.notChecked ? QStringLiteral("notApplicable") : QStringLiteral("fail")},
            {QStringLiteral("message"),
             QJsonObject{{QStringLiteral("text"),
                          finding.hint.isEmpty()
                              ? finding.message
                              : finding.message + QStringLiteral(" Hint: ") + finding.hint}}},
        };
        if (finding.location.isValid()) {
            QJsonObject physical{
                {QStringLiteral("artifactLocation"),
                 QJsonObject{{QStringLiteral("uri"), finding.location.file},
                             {QStringLiteral("uriBaseId"), QStringLiteral("%SRCROOT%")}}}};
            if (finding.location.line > 0) {
                QJsonObject region{{QStringLiteral("startLine"), finding.location.line}};
                if (finding.location.column > 0)
                    region[u"startColumn"] = finding.location.column;
                physical[u"region"] = region;
            }
            result[u"locations"]
                = QJsonArray{QJsonObject{{QStringLiteral("physicalLocation"), physical}}};
        }
        QJsonObject properties;
        if (!finding.environment.isEmpty())
            properties[u"environment"] = finding.environment;
        if (!finding.component.isEmpty())
            properties[u"component"] = finding.component;
        if (!properties.isEmpty())
            result[u"properties"] = properties;
        results.append(result);
    }
    const QJsonObject run{
        {QStringLiteral("tool"),
         QJsonObject{{QStringLiteral("driver"),
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("EnvDeck")},
                                  {QStringLiteral("version"), BuildInfo::applicationVersion()},
                                  {QStringLiteral("rules"), rules}}}}},
        {QStringLiteral("originalUriBaseIds"),
         QJsonObject{{QStringLiteral("%SRCROOT%"),
                      QJsonObject{{QStringLiteral("description"),
                                   QJsonObject{{QStringLiteral("text"),
                                                QStringLiteral("The repository root")}}}}}}},
        {QStringLiteral("results"), results},
    };
    const QJsonObject root{
        {QStringLiteral("$schema"),
         QStringLiteral("https://json.schemastore.org/sarif-2.1.0.json")},
        {QStringLiteral("version"), QStringLiteral("2.1.0")},
        {QStringLiteral("runs"), QJsonArray{run}},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace

std::optional<ReportFormat> reportFormatFromName(const QString &name)
{
    if (name == u"text")
        return ReportFormat::Text;
    if (name == u"json")
        return ReportFormat::Json;
    if (name == u"junit")
        return ReportFormat::JUnit;
    if (name == u"sarif")
        return ReportFormat::Sarif;
    return std::nullopt;
}

QByteArray writeReport(const Report &report, ReportFormat format)
{
    switch (format) {
    case ReportFormat::Text:
        return writeText(report);
    case ReportFormat::Json:
        return writeJson(report);
    case ReportFormat::JUnit:
        return writeJUnit(report);
    case ReportFormat::Sarif:
        return writeSarif(report);
    }
    return {};
}

} // namespace EnvDeck::Validation
