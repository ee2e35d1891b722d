// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "credentials/Credentials.h"

#include <QObject>
#include <QStringList>

namespace EnvDeck::Credentials {

class TokenStore;

// One read, write or remove of a token, made by TokenStore. Emits finished() exactly once, never
// before the caller got the job back (always from the event loop), after which result() holds the
// token or an Error a person can read, and notes() says what was tried and why it was skipped
// ("keychain not available: no D-Bus session"). Neither ever contains the token value. The job is
// a child of the store; delete it (deleteLater) when done with it.
class TokenJob : public QObject
{
    Q_OBJECT
public:
    ~TokenJob() override;

    bool isFinished() const { return m_finished; }
    const Result<Token> &result() const { return m_result; }
    const QStringList &notes() const { return m_notes; }

signals:
    void finished();

private:
    friend class TokenStore;
    explicit TokenJob(QObject *parent);

    void addNote(const QString &note);
    // Sets the result and emits finished() from the event loop; later calls are ignored.
    void finish(Result<Token> result);

    bool m_finished = false;
    bool m_finishing = false;
    Result<Token> m_result;
    QStringList m_notes;
};

} // namespace EnvDeck::Credentials
