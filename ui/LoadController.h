// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "repo/Environment.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QString>

namespace EnvDeck {

// Runs the slow work behind opening a repository off the GUI thread: generating the demo
// repository (Demo::ensure) and reading a repository (RepositoryLoader::loadAsync). Only one
// operation is current: starting another, or cancel(), drops the previous one, whose result is
// then ignored even when it arrives later.
class LoadController : public QObject
{
    Q_OBJECT

public:
    enum class Operation { None, GeneratingDemo, Loading };
    Q_ENUM(Operation)

    explicit LoadController(QObject *parent = nullptr);
    ~LoadController() override;

    void load(const QString &path);
    // Generates the demo repository at `directory` unless it is there already, then loads it.
    void loadDemo(const QString &directory);
    void cancel();

    Operation operation() const { return m_operation; }
    bool isBusy() const { return m_operation != Operation::None; }
    // The path being loaded or generated.
    QString target() const { return m_target; }

signals:
    void started(EnvDeck::LoadController::Operation operation, const QString &target);
    void progressRangeChanged(int minimum, int maximum);
    void progressChanged(int value);
    void progressTextChanged(const QString &text);
    void loaded(const EnvDeck::RepositorySnapshot &snapshot, qint64 elapsedMs);
    void failed(EnvDeck::LoadController::Operation operation, const QString &target,
                const EnvDeck::Error &error);
    void cancelled();

private:
    void drop();
    template<typename T>
    void forwardProgress(QFutureWatcher<T> *watcher);
    void start(Operation operation, const QString &target);
    void onLoadFinished(QFutureWatcher<Result<RepositorySnapshot>> *watcher);
    void onDemoFinished(QFutureWatcher<Result<QString>> *watcher);

    Operation m_operation = Operation::None;
    QString m_target;
    QElapsedTimer m_timer;
    QFutureWatcher<Result<RepositorySnapshot>> *m_loadWatcher = nullptr;
    QFutureWatcher<Result<QString>> *m_demoWatcher = nullptr;
};

} // namespace EnvDeck
