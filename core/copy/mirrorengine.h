#pragma once

#include "blobledger.h"
#include "copyjournal.h"
#include "destinationtagindex.h"
#include "imagecopyprogress.h"
#include "mirrorrunresult.h"

#include "plan/mirrorplanentry.h"

#include <QFuture>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QSemaphore>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <memory>

class DistributionStore;
class RegistriesConf;
class RegistryClient;

// Runs a plan: `parallelImages` images copying at a time while the next ones are already being checked (destination
// and source digests, so images already in place finish without waiting for a copy slot), blobs `parallelLayers`
// at a time per image, kinds in oc-mirror's copy order (release content first, bundles after their related images,
// catalogs last). A failed image is recorded and the run goes on, except a release image, whose failure stops the
// batch. Progress is reported in batches at most ten times a second; the engine object lives on the thread that
// created it.
class MirrorEngine : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int parallelImages = 4;
        int parallelLayers = 5;
        QString journalFile; // empty: no resume journal
        QString errorsFile;  // logs/mirroring_errors_<ts>.txt, written only when something failed
        DistributionStore *sourceCache = nullptr;
        QString cacheRegistry; // with sourceCache: only sources on this host come from the cache
        DistributionStore *destinationCache = nullptr;
        const RegistriesConf *registriesConf = nullptr;
    };

    MirrorEngine(RegistryClient *client, Options options, QObject *parent = nullptr);
    ~MirrorEngine() override;

    // Starts copying; the future and finished() both deliver the result. One run per engine object.
    QFuture<MirrorRunResult> start(const QList<MirrorPlanEntry> &entries);
    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }

    const QList<MirrorPlanEntry> &entries() const { return m_entries; }
    QList<ImageCopyProgress> progressSnapshot() const;

signals:
    void progressChanged(const QList<ImageCopyProgress> &changed);
    void finished(const MirrorRunResult &result);

private:
    MirrorRunResult run();
    void copyOne(int row, MirrorRunResult &result, QMutex &resultMutex, QSet<QString> &failedBundles);
    void update(const ImageCopyProgress &progress);
    void flushProgress();
    void writeErrorsFile(const MirrorRunResult &result) const;
    int copySlots() const { return std::clamp(m_options.parallelImages, 1, 64); }

    static constexpr int checkAhead = 32; // images checked beyond those copying

    RegistryClient *m_client;
    Options m_options;
    QList<MirrorPlanEntry> m_entries;
    QThreadPool m_imagePool;
    QSemaphore m_copySlots;
    QThreadPool m_coordinator;
    std::atomic_bool m_cancelled{false};
    std::atomic_bool m_stopRequested{false}; // cancel() was called, as opposed to a release failure
    BlobLedger m_ledger;
    std::unique_ptr<DestinationTagIndex> m_destinationTags; // per run: what the destination had at the start
    std::unique_ptr<CopyJournal> m_journal;

    mutable QMutex m_progressMutex;
    QList<ImageCopyProgress> m_progress;
    QSet<int> m_dirtyRows;
    QTimer m_flushTimer;
};
