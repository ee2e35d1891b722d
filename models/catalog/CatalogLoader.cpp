// SPDX-License-Identifier: GPL-3.0-or-later
// CatalogSet::load() and loadAsync(): the loads that may download.
#include "catalog/CatalogFetch.h"
#include "catalog/CatalogLogging.h"
#include "catalog/CatalogSet.h"
#include "catalog/CatalogSetPrivate.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QPromise>
#include <QTimer>
#include <QtConcurrent>

#include <memory>
#include <optional>
#include <vector>

namespace EnvDeck {
namespace {

// How often a running load looks whether it was cancelled.
constexpr std::chrono::milliseconds CancelPoll{50};

} // namespace

CatalogSet CatalogSet::load(const QString &root, const CatalogConfig &config,
                            const CatalogLoadOptions &options, const Progress &progress)
{
    CatalogSet set = CatalogLoaderPrivate::prepare(root, config, options);
    CatalogLoaderPrivate::loadLocal(set, options);

    QList<qsizetype> toFetch;
    for (qsizetype i = 0; i < set.m_catalogs.size(); ++i) {
        if (CatalogLoaderPrivate::needsDownload(set, set.m_catalogs.at(i), options))
            toFetch << i;
    }
    if (toFetch.isEmpty())
        return set;
    const int total = int(toFetch.size());
    int finished = 0;
    QString step = total == 1 ? QStringLiteral("Downloading 1 catalog")
                              : QStringLiteral("Downloading %1 catalogs").arg(total);
    const auto report = [&] { return !progress || progress(finished, total, step); };
    if (!report())
        return set;

    // The downloads run together on this thread's event loop; the objects live here and die
    // here, so no reply ever crosses a thread.
    QNetworkAccessManager network;
    QEventLoop loop;
    std::vector<std::unique_ptr<CatalogFetch>> fetches;
    std::vector<std::optional<Result<FetchedDocument>>> results(size_t(toFetch.size()));
    qsizetype pending = toFetch.size();
    for (qsizetype k = 0; k < toFetch.size(); ++k) {
        auto fetch = std::make_unique<CatalogFetch>(
            &network, set.m_catalogs.at(toFetch.at(k)).entry.url, options.timeout);
        const CatalogFetch *sender = fetch.get();
        QObject::connect(sender, &CatalogFetch::done, &loop,
                         [&, sender, k](const Result<FetchedDocument> &result) {
                             results[size_t(k)] = result;
                             ++finished;
                             step = QStringLiteral("Downloaded %1").arg(displayUrl(sender->url()));
                             report();
                             if (--pending == 0)
                                 loop.quit();
                         });
        fetches.push_back(std::move(fetch));
    }
    QTimer poll;
    if (progress) {
        QObject::connect(&poll, &QTimer::timeout, &loop, [&fetches, &report] {
            if (report())
                return;
            for (const auto &fetch : fetches)
                fetch->cancel(QStringLiteral("the download of %1 was cancelled")
                                  .arg(displayUrl(fetch->url())));
        });
        poll.start(CancelPoll);
    }
    for (const auto &fetch : fetches)
        fetch->start();
    // A fetch that fails at once (a bad URL) reports before the loop runs.
    if (pending > 0)
        loop.exec();
    poll.stop();

    for (qsizetype k = 0; k < toFetch.size(); ++k) {
        CatalogState &state = set.m_catalogs[toFetch.at(k)];
        CatalogLoaderPrivate::applyDownload(set, state, *results[size_t(k)]);
    }
    return set;
}

QFuture<CatalogSet> CatalogSet::loadAsync(const QString &root, const CatalogConfig &config,
                                          const CatalogLoadOptions &options)
{
    return QtConcurrent::run([root, config, options](QPromise<CatalogSet> &promise) {
        CatalogSet set
            = load(root, config, options, [&promise](int done, int total, const QString &step) {
                  promise.setProgressRange(0, total);
                  promise.setProgressValueAndText(done, step);
                  return !promise.isCanceled();
              });
        if (!promise.isCanceled())
            promise.addResult(std::move(set));
    });
}

} // namespace EnvDeck
