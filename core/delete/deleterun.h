#pragma once

#include "cachedeleter.h"
#include "deleteexecutor.h"

#include "config/deleteimageitem.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

class MirrorOptions;
class RegistryClient;
class RunLog;

// One execution of a delete-images.yaml (`delete --delete-yaml-file … docker://R`), shared by ferryctl and the
// review window: load() reads the list and Ferry's files beside it (expected digests; in a working-dir what its
// ImageSetConfiguration still mirrors) and refuses a list older than the last mirror run; check() tells, without
// deleting, what would go, what is protected and why, and what a garbage collection would then free; execute()
// checks again and deletes, logs each outcome, cleans the local cache when asked and writes delete-report.txt
// beside the list. The *Now() functions block (worker threads, the command line); start*() run them on a worker
// and report on this object's thread.
class DeleteRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeleteRun)

public:
    struct Options
    {
        QString listFile;
        QString destinationRegistry; // R, without docker://
        QString authFile;            // empty: no credentials
        bool destTlsVerify = true;
        int parallelImages = 4;
        bool force = false;
        bool forceCacheDelete = false;
        QString cacheStorageDir; // the local cache --force-cache-delete cleans

        static Options fromMirrorOptions(const MirrorOptions &options);
    };

    // What would happen, without deleting anything.
    struct Check
    {
        QList<DeleteExecutor::Outcome> outcomes; // Deleted means "will delete"
        QString error;                           // nothing could be checked
        GarbageEstimator::Estimate garbage;      // as if every "will delete" outcome went
        bool garbageEstimated = false;
        int manifestCount() const; // distinct manifests the execution deletes (two tags may share one)
    };

    struct Summary
    {
        DeleteExecutor::Result result;
        QByteArray report;
        QString reportFile; // where the report was written; empty when it could not be
        bool cacheCleaned = false;
        CacheDeleter::Result cache;
        int exitCode = 1; // ferryctl's: 0 when nothing failed
    };

    explicit DeleteRun(Options options, RunLog *log = nullptr, QObject *parent = nullptr);
    ~DeleteRun() override; // cancels and waits for the worker

    const Options &options() const { return m_options; }

    // Reads the list and its sidecar files; errors go to the log and to errors(). Blocks briefly (local files).
    bool load();
    const QList<DeleteImageItem> &items() const { return m_items; }
    QStringList errors() const { return m_errors; }
    // Where delete-report.txt goes: beside the list.
    QString reportFile() const;

    Check checkNow(const QList<DeleteImageItem> &items) const;
    Summary executeNow(const QList<DeleteImageItem> &items);

    void startCheck(const QList<DeleteImageItem> &items);
    void startExecute(const QList<DeleteImageItem> &items);
    // Items not started yet end as failed ("cancelled"); what is being deleted finishes.
    void cancel();
    // From a start*() call until its finished signal.
    bool isRunning() const;

signals:
    void checkFinished(const DeleteRun::Check &check);
    // index: position in the executed items (the outcomes of the summary use the same order).
    void itemStarted(int index);
    void itemFinished(int index, const DeleteExecutor::Outcome &outcome);
    void executionFinished(const DeleteRun::Summary &summary);

private:
    void logError(const QString &message);
    DeleteExecutor::Options executorOptions() const;

    Options m_options;
    RunLog *m_log;
    std::unique_ptr<RegistryClient> m_client;
    QList<DeleteImageItem> m_items;
    QStringList m_errors;
    QHash<QString, QString> m_expectedDigests;
    QHash<QString, QString> m_keptByConfiguration;
    std::atomic_bool m_cancelled{false};
    QFuture<void> m_worker;
    bool m_busy = false; // from a start*() until its signal
};
