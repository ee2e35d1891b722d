// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A generated demo repository for the promotion tests, put back to its generated state after
// every test function. Versions and approvals are read from its files, never assumed.

#include "DemoPicks.h"
#include "GitFixture.h"
#include "demo/DemoRepository.h"
#include "promotion/Promotion.h"
#include "validation/ValidationLoader.h"
#include "versions/VersionDocument.h"

#include <QTemporaryDir>

#include <functional>

#include <memory>

class PromotionFixture
{
public:
    // The newest commit of the demo; commits of the tests come after it.
    static QDateTime demoEnd() { return QDateTime(QDate(2026, 3, 20), QTime(17, 0), Qt::UTC); }

    bool generate()
    {
        if (!m_dir.isValid())
            return false;
        EnvDeck::Demo::Options options;
        options.endTime = demoEnd();
        auto summary = EnvDeck::Demo::generate(m_dir.path() + QStringLiteral("/infra"), options);
        if (!summary) {
            qWarning().noquote() << summary.error().toString();
            return false;
        }
        m_git = std::make_unique<GitFixture>(summary->workTree);
        m_head = m_git->head();
        return !m_head.isEmpty();
    }

    // Back to the generated state: every commit and file of the last test goes.
    bool reset() const
    {
        return !m_git
                    ->git({QStringLiteral("reset"), QStringLiteral("-q"), QStringLiteral("--hard"),
                           m_head})
                    .isNull()
               && !m_git->git({QStringLiteral("clean"), QStringLiteral("-qfdx")}).isNull();
    }

    const QString &root() const { return m_git->root(); }
    const GitFixture &git() const { return *m_git; }

    EnvDeck::Validation::ValidationInput load() const
    {
        auto input = EnvDeck::Validation::loadValidationInput(root(), {QString(), true});
        if (!input)
            qFatal("cannot load the demo: %s", qPrintable(input.error().toString()));
        return *input;
    }

    QByteArray bytesOf(const QString &relativePath) const
    {
        QFile file(QDir(root()).filePath(relativePath));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QMap<QString, QString> versions(const QString &environment) const
    {
        return versionsOfBytes(bytesOf(demoVersionsFile(environment)));
    }

    QMap<QString, QString> versionsAt(const QString &revision, const QString &environment) const
    {
        return versionsOfBytes(
            m_git->git({QStringLiteral("show"), revision + u':' + demoVersionsFile(environment)})
                .toUtf8());
    }

    // The team components (not third-party, not locked) of `environment` that `other` has too.
    QStringList unlockedShared(const QString &environment, const QString &other) const
    {
        auto document
            = EnvDeck::VersionDocument::parse(bytesOf(demoVersionsFile(environment)), environment);
        const QMap<QString, QString> otherVersions = versions(other);
        QStringList names;
        if (!document)
            return names;
        for (const EnvDeck::VersionEntry &entry : document->entries()) {
            if (!entry.thirdParty && !entry.isLocked() && otherVersions.contains(entry.name))
                names.append(entry.name);
        }
        return names;
    }

    static QString nextPatch(const QString &version)
    {
        QStringList parts = version.split(u'.');
        parts.last() = QString::number(parts.last().toInt() + 1);
        return parts.join(u'.');
    }

    // Edits one versions file the way a person would and commits it. `message` may name a
    // merge request ("Merged PR 77: ...").
    bool edit(const QString &environment,
              const std::function<EnvDeck::Result<void>(EnvDeck::VersionDocument &)> &change,
              const QString &message)
    {
        const QString path = QDir(root()).filePath(demoVersionsFile(environment));
        auto document = EnvDeck::VersionDocument::load(path, demoVersionsFile(environment));
        if (!document || !change(*document) || !document->save(path))
            return false;
        return commit(message);
    }

    bool bump(const QString &environment, const QString &component, const QString &version,
              const QString &message)
    {
        return edit(
            environment,
            [&](EnvDeck::VersionDocument &document) {
                return document.setVersion(component, version);
            },
            message);
    }

    // Commits everything, an hour after the previous commit of the test.
    bool commit(const QString &message)
    {
        m_clock = m_clock.isValid() ? m_clock.addSecs(3600) : demoEnd().addSecs(3600);
        return m_git->commit(message, m_clock.toString(Qt::ISODate));
    }

    // QA approves what `environment` runs now; the file is committed. Returns its id.
    QString approve(const QString &environment)
    {
        auto review = EnvDeck::Promotion::reviewEnvironment(load(), environment);
        if (!review)
            return {};
        EnvDeck::Promotion::Decision decision;
        decision.environment = environment;
        decision.by = QStringLiteral("Quinn Tester <quinn@example.io>");
        decision.at = m_clock.isValid() ? m_clock.addSecs(60) : demoEnd().addSecs(60);
        decision.commit = m_git->head();
        decision.versions = review->versions;
        for (const QString &item : std::as_const(review->checklist))
            decision.answers.append({item, QStringLiteral("passed"), {}});
        auto edit = EnvDeck::Promotion::renderDecision(root(), decision);
        if (!edit || !EnvDeck::Promotion::writeEdits({*edit}))
            return {};
        if (!commit(QStringLiteral("qa: approve ") + environment))
            return {};
        return QFileInfo(edit->file).completeBaseName();
    }

    void resetClock() { m_clock = QDateTime(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<GitFixture> m_git;
    QString m_head;
    QDateTime m_clock;
};
