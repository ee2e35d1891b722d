// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotion/Promotion.h"

#include "core/YamlSupport.h"
#include "demo/VersionSet.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QObject>
#include <QRegularExpression>

#include <algorithm>

namespace EnvDeck::Promotion {
namespace {

// Free text (names, comments, checklist answers) may hold any character: it is written as a YAML
// double-quoted scalar, where only the backslash escapes are special.
QString quoted(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'"':
            out += QStringLiteral("\\\"");
            break;
        case u'\\':
            out += QStringLiteral("\\\\");
            break;
        case u'\n':
            out += QStringLiteral("\\n");
            break;
        case u'\t':
            out += QStringLiteral("\\t");
            break;
        case u'\r':
            out += QStringLiteral("\\r");
            break;
        case 0x85:
        case 0x2028:
        case 0x2029:
            // Line breaks to YAML 1.1 readers: escaped so they cannot fold the value.
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + u'"';
}

// Names and versions are written plain when YAML reads them back as the same text, as the
// approvals written by hand and by the demo are; anything else is quoted.
QString scalar(const QString &text)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._+/-]*$"));
    static const QRegularExpression special(QStringLiteral("^(null|true|false|yes|no|on|off|y|n)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    if (plain.match(text).hasMatch() && !special.match(text).hasMatch())
        return text;
    return quoted(text);
}

// The id of the new file: `r<N+1>` after the folder's `<date>-r<N>` files, else a short hash of
// the decision, lengthened until no file of the folder ends with it.
QString newId(const QDir &folder, const Decision &decision, const QString &at)
{
    static const QRegularExpression numbered(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}-r(\\d+)$"));
    const QStringList files
        = folder.exists()
              ? folder.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files)
              : QStringList();
    QStringList ids;
    int highest = 0;
    for (const QString &file : files) {
        const QString id = QFileInfo(file).completeBaseName();
        ids.append(id);
        if (const auto match = numbered.match(id); match.hasMatch())
            highest = std::max(highest, match.captured(1).toInt());
    }
    if (highest > 0)
        return u'r' + QString::number(highest + 1);

    const QByteArray seed = (decision.environment + u'\n' + at + u'\n' + decision.by + u'\n'
                             + versionSetHash(decision.versions) + u'\n' + decision.comment)
                                .toUtf8();
    const QString hex
        = QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex());
    for (int length = 7; length <= hex.size(); ++length) {
        const QString id = hex.left(length);
        const bool used = std::any_of(ids.cbegin(), ids.cend(), [&](const QString &existing) {
            return existing.endsWith(u'-' + id) || existing == id;
        });
        if (!used)
            return id;
    }
    return hex + QString::number(ids.size());
}

QString render(const Decision &decision, const QString &id, const QString &at)
{
    const QString environment = decision.environment;
    QString text;
    if (decision.approve)
        text = QStringLiteral("# QA approval of %1, recorded by EnvDeck. The hash covers exactly "
                              "the versions below:\n# any later change to %1's versions makes "
                              "this approval stale.\n")
                   .arg(environment);
    else
        text = QStringLiteral("# QA rejection of %1, recorded by EnvDeck: QA did not approve the "
                              "versions below.\n# The reason is the comment.\n")
                   .arg(environment);
    text += QStringLiteral("environment: ") + scalar(environment) + u'\n';
    if (decision.approve && id.startsWith(u'r'))
        text += QStringLiteral("release: ") + id + u'\n';
    text += QStringLiteral("approved_by: ") + quoted(decision.by) + u'\n';
    text += QStringLiteral("approved_at: ") + at + u'\n';
    text += QStringLiteral("commit: ")
            + (decision.commit.isEmpty() ? QStringLiteral("null") : scalar(decision.commit))
            + u'\n';
    text += QStringLiteral("decision: ")
            + (decision.approve ? QStringLiteral("approved") : QStringLiteral("rejected")) + u'\n';
    if (!decision.comment.trimmed().isEmpty())
        text += QStringLiteral("comment: ") + quoted(decision.comment.trimmed()) + u'\n';
    text += QStringLiteral("versions:\n");
    for (auto it = decision.versions.cbegin(); it != decision.versions.cend(); ++it)
        text += QStringLiteral("  ") + scalar(it.key()) + QStringLiteral(": ") + scalar(it.value())
                + u'\n';
    text += QStringLiteral("version_set_hash: ") + versionSetHash(decision.versions) + u'\n';
    if (decision.answers.isEmpty()) {
        text += QStringLiteral("checklist: []\n");
    } else {
        text += QStringLiteral("checklist:\n");
        for (const Approval::ChecklistItem &answer : decision.answers) {
            text += QStringLiteral("  - { item: ") + quoted(answer.item)
                    + QStringLiteral(", result: ") + quoted(answer.result);
            if (!answer.note.isEmpty())
                text += QStringLiteral(", note: ") + quoted(answer.note);
            text += QStringLiteral(" }\n");
        }
    }
    return text;
}

// The file must read back as the decision: a slip in the quoting would otherwise record
// something QA did not decide.
Result<void> checkReadsBack(const QByteArray &bytes, const QString &file, const Decision &decision)
{
    auto loaded = Yaml::load(bytes, file);
    if (!loaded)
        return loaded.error();
    const YAML::Node document = loaded.value();
    QMap<QString, QString> versions;
    const YAML::Node versionsNode = document["versions"];
    for (auto it = versionsNode.begin(); it != versionsNode.end(); ++it) {
        const YAML::Node key = it->first;
        const YAML::Node value = it->second;
        versions.insert(Yaml::scalar(key), Yaml::scalar(value));
    }
    const bool same = versions == decision.versions
                      && Yaml::scalar(document["approved_by"]) == decision.by
                      && Yaml::scalar(document["comment"]) == decision.comment.trimmed()
                      && int(document["checklist"].size()) == int(decision.answers.size());
    if (!same)
        return Error(QObject::tr("%1 would not read back as the decision").arg(file));
    return {};
}

} // namespace

Result<FileEdit> renderDecision(const QString &repositoryRoot, const Decision &decision)
{
    const QString environment = decision.environment.trimmed();
    if (environment.isEmpty() || environment.contains(u'/') || environment.contains(u'\\')
        || environment.startsWith(u'.'))
        return Error(QObject::tr("\"%1\" is not an environment name").arg(decision.environment));
    if (!decision.approve && decision.comment.trimmed().isEmpty())
        return Error(QObject::tr("A rejection needs a comment: say what QA found"));
    if (decision.by.trimmed().isEmpty())
        return Error(QObject::tr("Who decides? Set your name and e-mail (git config user.name "
                                 "and user.email)"));
    if (decision.versions.isEmpty())
        return Error(QObject::tr("%1 has no versions to decide on").arg(environment));

    // A decision without a time is one made now.
    const QDateTime when
        = decision.at.isValid() ? decision.at.toUTC() : QDateTime::currentDateTimeUtc();
    const QString at = when.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
    const QString folder = QStringLiteral("approvals/") + environment;
    const QDir dir(QDir(repositoryRoot).filePath(folder));

    Decision normalised = decision;
    normalised.environment = environment;
    const QString id = newId(dir, normalised, at);
    FileEdit edit;
    edit.file = folder + u'/' + when.toString(QStringLiteral("yyyy-MM-dd")) + u'-' + id
                + QStringLiteral(".yaml");
    edit.absolutePath = QDir(repositoryRoot).filePath(edit.file);
    edit.after = render(normalised, id, at).toUtf8();
    if (auto check = checkReadsBack(edit.after, edit.file, normalised); !check)
        return check.error();
    qCInfo(lcPromotion).noquote() << (decision.approve ? "approval" : "rejection") << edit.file
                                  << versionSetHash(decision.versions);
    return edit;
}

} // namespace EnvDeck::Promotion
