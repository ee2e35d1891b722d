// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentials/TokenJob.h"

#include <QMetaObject>

namespace EnvDeck::Credentials {

TokenJob::TokenJob(QObject *parent)
    : QObject(parent)
    , m_result(Error(QStringLiteral("The token job has not finished")))
{}

TokenJob::~TokenJob() = default;

void TokenJob::addNote(const QString &note)
{
    m_notes.append(note);
}

void TokenJob::finish(Result<Token> result)
{
    if (m_finished || m_finishing)
        return;
    m_finishing = true;
    m_result = std::move(result);
    // Queued, so that a job that ends at once still finishes after the caller connected to it.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_finished = true;
            emit finished();
        },
        Qt::QueuedConnection);
}

} // namespace EnvDeck::Credentials
