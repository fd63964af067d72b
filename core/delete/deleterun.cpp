#include "deleterun.h"

#include "deletelistsidecar.h"

#include "config/configwriter.h"
#include "config/deleteimagelistloader.h"
#include "config/mirroroptions.h"
#include "registry/credentialstore.h"
#include "registry/imagereference.h"
#include "registry/registryclient.h"
#include "workspace/distributionstore.h"
#include "workspace/runlog.h"
#include "workspace/workingdirectory.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QtConcurrent>

DeleteRun::Options DeleteRun::Options::fromMirrorOptions(const MirrorOptions &options)
{
    Options result;
    result.listFile = options.deleteYamlFile;
    result.destinationRegistry = options.destinationRegistry;
    result.authFile = options.authFile;
    result.destTlsVerify = options.destTlsVerify;
    result.parallelImages = options.parallelImages;
    result.force = options.force;
    result.forceCacheDelete = options.forceCacheDelete;
    result.cacheStorageDir = options.cacheStorageDir();
    return result;
}

int DeleteRun::Check::manifestCount() const
{
    QSet<QString> manifests;
    for (const DeleteExecutor::Outcome &outcome : outcomes) {
        if (outcome.state != DeleteExecutor::State::Deleted)
            continue;
        QString reference = outcome.item.imageReference;
        if (reference.startsWith(QLatin1String("docker://")))
            reference = reference.mid(9);
        const auto parsed = ImageReference::parse(reference);
        manifests.insert(parsed ? parsed->withTag(QString()).withDigest(outcome.digest).toString() : reference);
    }
    return static_cast<int>(manifests.size());
}

DeleteRun::DeleteRun(Options options, RunLog *log, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_log(log)
{
}

DeleteRun::~DeleteRun()
{
    cancel();
    // Only the worker: its continuation runs on this thread's event loop, and goes with this object.
    m_worker.waitForFinished();
}

void DeleteRun::logError(const QString &message)
{
    m_errors << message;
    if (m_log)
        m_log->error(message);
}

QString DeleteRun::reportFile() const
{
    return QFileInfo(m_options.listFile).dir().filePath(QStringLiteral("delete-report.txt"));
}

bool DeleteRun::load()
{
    m_errors.clear();
    m_items.clear();
    const DeleteImageListLoadResult loaded = DeleteImageListLoader::loadFile(m_options.listFile);
    for (const ConfigError &error : loaded.errors)
        logError(error.toString());
    if (!loaded.errors.isEmpty() || !loaded.list)
        return false;
    // Ferry's files beside the list: the digests listed at generation and, in a workspace, what its
    // ImageSetConfiguration still mirrors.
    QString sidecarError;
    m_expectedDigests = DeleteListSidecar::read(DeleteListSidecar::digestsFile(m_options.listFile), &sidecarError);
    m_keptByConfiguration.clear();
    const QDir deleteDir = QFileInfo(m_options.listFile).absoluteDir();
    const bool inWorkspace = deleteDir.dirName() == QLatin1String("delete") &&
                             QFileInfo(deleteDir.absolutePath()).dir().dirName() == WorkingDirectory::directoryName();
    if (inWorkspace) {
        const QString keptFile = DeleteListSidecar::keptFile(m_options.listFile);
        const QFileInfo recorded(
            DeleteListSidecar::lastMirrorConfigurationFile(QFileInfo(deleteDir.absolutePath()).absolutePath()));
        if (recorded.exists() &&
            (!QFileInfo::exists(keptFile) || recorded.lastModified() > QFileInfo(keptFile).lastModified()) &&
            !m_options.force) {
            logError(QStringLiteral("[Executor] the workspace's ImageSetConfiguration (%1) changed after %2 was "
                                    "generated: run delete --generate again, so that what it mirrors now stays")
                         .arg(recorded.filePath(), m_options.listFile));
            return false;
        }
        m_keptByConfiguration = DeleteListSidecar::read(keptFile, &sidecarError);
    }
    if (!sidecarError.isEmpty()) {
        logError(QStringLiteral("[Executor] ") + sidecarError);
        return false;
    }

    m_client = std::make_unique<RegistryClient>();
    QString authError;
    m_client->setCredentialStore(CredentialStore::load(m_options.authFile, &authError));
    if (!authError.isEmpty() && m_log)
        m_log->warn(authError);
    m_client->setInsecure(m_options.destinationRegistry.section(QLatin1Char('/'), 0, 0), !m_options.destTlsVerify);
    m_items = loaded.list->items;
    return true;
}

DeleteExecutor::Options DeleteRun::executorOptions() const
{
    DeleteExecutor::Options options{m_options.destinationRegistry, m_options.parallelImages, m_options.force};
    options.expectedDigests = m_expectedDigests;
    options.keptByConfiguration = m_keptByConfiguration;
    return options;
}

DeleteRun::Check DeleteRun::checkNow(const QList<DeleteImageItem> &items) const
{
    Check check;
    if (!m_client) {
        check.error = QStringLiteral("the delete list is not loaded");
        return check;
    }
    const DeleteExecutor executor(m_client.get(), executorOptions());
    const QStringList foreign = executor.foreignItems(items);
    if (!foreign.isEmpty()) {
        check.error = foreign.join(QLatin1Char('\n'));
        return check;
    }
    QString protectionError;
    check.outcomes = executor.protect(items, &protectionError);
    if (!protectionError.isEmpty()) {
        check.error = QStringLiteral("cannot tell which images are still needed: %1").arg(protectionError);
        check.outcomes.clear();
        return check;
    }
    if (m_cancelled.load())
        return check;
    if (check.manifestCount() > 0) {
        check.garbage = executor.predictGarbage(check.outcomes);
        check.garbageEstimated = true;
    }
    return check;
}

DeleteRun::Summary DeleteRun::executeNow(const QList<DeleteImageItem> &items)
{
    Summary summary;
    if (!m_client) {
        logError(QStringLiteral("[Executor] the delete list is not loaded"));
        return summary;
    }
    RunLog quiet; // keeps the code below free of null checks when nobody logs
    quiet.setConsoleEnabled(false);
    RunLog &log = m_log ? *m_log : quiet;

    log.info(QStringLiteral("🚀 Start deleting the images..."));
    log.info(QStringLiteral("📌 images to delete %1 ").arg(items.size()));
    const DeleteExecutor executor(m_client.get(), executorOptions());
    // Items are deleted on several threads at once: their signals are sent from this object's thread, in order,
    // and before executionFinished (which is queued after them).
    const auto progress = [this](qsizetype index, const DeleteExecutor::Outcome &outcome, bool finished) {
        QMetaObject::invokeMethod(
            this,
            [this, index, outcome, finished] {
                if (finished)
                    emit itemFinished(static_cast<int>(index), outcome);
                else
                    emit itemStarted(static_cast<int>(index));
            },
            Qt::QueuedConnection);
    };
    summary.result = executor.execute(items, &m_cancelled, progress);
    const DeleteExecutor::Result &result = summary.result;
    if (!result.error.isEmpty()) {
        logError(QStringLiteral("[Executor] ") + result.error);
        return summary;
    }
    for (const DeleteExecutor::Outcome &outcome : result.outcomes) {
        switch (outcome.state) {
        case DeleteExecutor::State::Deleted:
            log.info(QStringLiteral("Success deleting %1").arg(outcome.item.imageReference));
            break;
        case DeleteExecutor::State::AlreadyGone:
            log.info(QStringLiteral("Already gone %1").arg(outcome.item.imageReference));
            break;
        case DeleteExecutor::State::Protected:
            log.warn(QStringLiteral("Kept %1: %2").arg(outcome.item.imageReference, outcome.detail));
            break;
        case DeleteExecutor::State::Skipped:
            log.warn(QStringLiteral("Skipped %1: %2").arg(outcome.item.imageReference, outcome.detail));
            break;
        case DeleteExecutor::State::Failed:
            log.error(QStringLiteral("Failed to delete %1: %2").arg(outcome.item.imageReference, outcome.detail));
            break;
        }
    }
    if (!result.deletionDisabledError.isEmpty())
        log.error(result.deletionDisabledError);

    const int gone = result.count(DeleteExecutor::State::Deleted) + result.count(DeleteExecutor::State::AlreadyGone);
    const int protectedCount = result.count(DeleteExecutor::State::Protected);
    const int failed = result.count(DeleteExecutor::State::Failed);
    const int skipped = result.count(DeleteExecutor::State::Skipped);
    const int total = static_cast<int>(items.size()) - protectedCount - skipped;
    if (failed == 0)
        log.info(QStringLiteral("All images deleted successfully %1 / %2").arg(gone).arg(total));
    else
        log.error(QStringLiteral("✗ %1 / %2 images deleted: some images failed to be deleted - please check the logs")
                      .arg(gone)
                      .arg(total));
    if (protectedCount > 0)
        log.warn(QStringLiteral("%1 images were kept because other images still need them").arg(protectedCount));
    if (skipped > 0)
        log.warn(
            QStringLiteral("%1 images were skipped because they changed since the list was generated").arg(skipped));
    if (result.garbageEstimated) {
        if (result.garbage.error.isEmpty())
            log.info(QStringLiteral("🧹 ") + result.garbage.toString());
        else
            log.warn(result.garbage.toString());
    }

    summary.report = DeleteExecutor::report(result);
    bool cacheFailed = false;
    if (m_options.forceCacheDelete) {
        QList<DeleteImageItem> removed;
        for (const DeleteExecutor::Outcome &outcome : result.outcomes) {
            if (outcome.state == DeleteExecutor::State::Deleted || outcome.state == DeleteExecutor::State::AlreadyGone)
                removed.append(outcome.item);
        }
        DistributionStore cache(m_options.cacheStorageDir);
        summary.cache = CacheDeleter(&cache, m_options.destinationRegistry).remove(removed);
        summary.cacheCleaned = true;
        const CacheDeleter::Result &cleaned = summary.cache;
        for (const QString &message : cleaned.errors)
            log.error(QStringLiteral("local cache: ") + message);
        for (const QString &kept : cleaned.keptManifests)
            log.info(QStringLiteral("local cache keeps %1").arg(kept));
        log.info(QStringLiteral("🗑️  ") + cleaned.summary());
        summary.report += "# local cache\n" + cleaned.summary().toUtf8() + '\n';
        for (const QString &tag : cleaned.removedTags)
            summary.report += "removed tag " + tag.toUtf8() + '\n';
        for (const QString &manifest : cleaned.removedManifests)
            summary.report += "removed manifest " + manifest.toUtf8() + '\n';
        cacheFailed = !cleaned.errors.isEmpty();
    }

    const QString file = reportFile();
    QString writeError;
    if (ConfigWriter::writeFile(file, summary.report, &writeError)) {
        summary.reportFile = file;
        log.info(QStringLiteral("report written to %1").arg(file));
    } else {
        log.warn(writeError);
    }
    log.info(QStringLiteral("📝 Remember to execute a garbage collect (or similar) on your remote repository"));
    summary.exitCode = failed == 0 && !cacheFailed ? 0 : 1;
    return summary;
}

void DeleteRun::startCheck(const QList<DeleteImageItem> &items)
{
    if (m_busy)
        return;
    m_busy = true;
    m_cancelled.store(false);
    QFuture<Check> future = QtConcurrent::run([this, items] { return checkNow(items); });
    m_worker = future;
    future.then(this, [this](const Check &check) {
        m_busy = false;
        emit checkFinished(check);
    });
}

void DeleteRun::startExecute(const QList<DeleteImageItem> &items)
{
    if (m_busy)
        return;
    m_busy = true;
    m_cancelled.store(false);
    QFuture<Summary> future = QtConcurrent::run([this, items] { return executeNow(items); });
    m_worker = future;
    future.then(this, [this](const Summary &summary) {
        m_busy = false;
        emit executionFinished(summary);
    });
}

void DeleteRun::cancel()
{
    m_cancelled.store(true);
}

bool DeleteRun::isRunning() const
{
    return m_busy;
}
