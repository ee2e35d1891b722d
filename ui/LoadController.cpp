// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoadController.h"

#include "UiLogging.h"
#include "demo/DemoRepository.h"
#include "repo/RepositoryLoader.h"

#include <QPromise>
#include <QtConcurrent>

namespace EnvDeck {

LoadController::LoadController(QObject *parent)
    : QObject(parent)
{}

LoadController::~LoadController()
{
    drop();
}

void LoadController::load(const QString &path)
{
    drop();
    start(Operation::Loading, path);
    qCInfo(lcUi) << "Loading repository" << path;

    m_loadWatcher = new QFutureWatcher<Result<RepositorySnapshot>>(this);
    auto watcher = m_loadWatcher;
    forwardProgress(watcher);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher] { onLoadFinished(watcher); });
    watcher->setFuture(RepositoryLoader::loadAsync(path));
}

void LoadController::loadDemo(const QString &directory)
{
    drop();
    start(Operation::GeneratingDemo, directory);
    qCInfo(lcUi) << "Preparing the demo repository in" << directory;

    m_demoWatcher = new QFutureWatcher<Result<QString>>(this);
    auto watcher = m_demoWatcher;
    forwardProgress(watcher);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher] { onDemoFinished(watcher); });
    watcher->setFuture(QtConcurrent::run(
        [](QPromise<Result<QString>> &promise, const QString &directory) {
            const auto progress = [&promise](int done, int total, const QString &step) {
                promise.setProgressRange(0, total);
                promise.setProgressValueAndText(done, step);
                return !promise.isCanceled();
            };
            promise.addResult(Demo::ensure(directory, progress));
        },
        directory));
}

void LoadController::cancel()
{
    if (!isBusy())
        return;
    qCInfo(lcUi) << "Cancelled" << m_operation << m_target;
    drop();
    emit cancelled();
}

void LoadController::start(Operation operation, const QString &target)
{
    m_operation = operation;
    m_target = target;
    m_timer.start();
    emit started(operation, target);
}

// Forgets the current operation. Its future keeps running on the thread pool until it notices
// the cancellation; nothing it reports reaches this object any more.
void LoadController::drop()
{
    if (m_loadWatcher) {
        m_loadWatcher->disconnect(this);
        m_loadWatcher->cancel();
        m_loadWatcher->deleteLater();
        m_loadWatcher = nullptr;
    }
    if (m_demoWatcher) {
        m_demoWatcher->disconnect(this);
        m_demoWatcher->cancel();
        m_demoWatcher->deleteLater();
        m_demoWatcher = nullptr;
    }
    m_operation = Operation::None;
}

template<typename T>
void LoadController::forwardProgress(QFutureWatcher<T> *watcher)
{
    connect(watcher, &QFutureWatcherBase::progressRangeChanged, this,
            &LoadController::progressRangeChanged);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this,
            &LoadController::progressChanged);
    connect(watcher, &QFutureWatcherBase::progressTextChanged, this,
            &LoadController::progressTextChanged);
}

void LoadController::onLoadFinished(QFutureWatcher<Result<RepositorySnapshot>> *watcher)
{
    if (watcher != m_loadWatcher)
        return; // superseded; drop() already disconnected it, this is a second line of defence
    const QFuture<Result<RepositorySnapshot>> future = watcher->future();
    const QString target = m_target;
    const qint64 elapsed = m_timer.elapsed();
    m_loadWatcher = nullptr;
    m_operation = Operation::None;
    watcher->deleteLater();

    if (future.isCanceled() || future.resultCount() == 0) {
        emit cancelled();
        return;
    }
    const Result<RepositorySnapshot> result = future.result();
    if (!result) {
        qCWarning(lcUi).noquote() << "Cannot open" << target << "-" << result.error().toString();
        emit failed(Operation::Loading, target, result.error());
        return;
    }
    qCInfo(lcUi) << "Loaded" << target << "in" << elapsed << "ms";
    emit loaded(result.value(), elapsed);
}

void LoadController::onDemoFinished(QFutureWatcher<Result<QString>> *watcher)
{
    if (watcher != m_demoWatcher)
        return;
    const QFuture<Result<QString>> future = watcher->future();
    const QString target = m_target;
    m_demoWatcher = nullptr;
    m_operation = Operation::None;
    watcher->deleteLater();

    if (future.isCanceled() || future.resultCount() == 0) {
        emit cancelled();
        return;
    }
    const Result<QString> result = future.result();
    if (!result) {
        qCWarning(lcUi).noquote() << "Cannot create the demo repository in" << target << "-"
                                  << result.error().toString();
        emit failed(Operation::GeneratingDemo, target, result.error());
        return;
    }
    load(result.value());
}

} // namespace EnvDeck
