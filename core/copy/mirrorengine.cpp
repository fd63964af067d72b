#include "mirrorengine.h"

#include "workspace/atomicfilewriter.h"

#include "imagecopier.h"

#include <QFutureSynchronizer>
#include <QSaveFile>
#include <QtConcurrent>

#include <algorithm>
#include <map>

MirrorEngine::MirrorEngine(RegistryClient *client, Options options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_options(std::move(options))
{
    qRegisterMetaType<ImageCopyProgress>();
    qRegisterMetaType<QList<ImageCopyProgress>>();
    qRegisterMetaType<MirrorRunResult>();
    // Images are checked well ahead of the copies (a check is one or two small requests), so that a run with
    // little to copy is bound by request round trips in parallel, not by parallelImages.
    m_imagePool.setMaxThreadCount(copySlots() + checkAhead);
    m_copySlots.release(copySlots());
    m_coordinator.setMaxThreadCount(1);
    m_flushTimer.setInterval(100);
    connect(&m_flushTimer, &QTimer::timeout, this, &MirrorEngine::flushProgress);
}

MirrorEngine::~MirrorEngine()
{
    m_cancelled = true;
    m_coordinator.waitForDone();
    m_imagePool.waitForDone();
}

QFuture<MirrorRunResult> MirrorEngine::start(const QList<MirrorPlanEntry> &entries)
{
    m_entries = entries;
    m_destinationTags = std::make_unique<DestinationTagIndex>(m_client);
    m_progress.clear();
    for (int row = 0; row < m_entries.size(); ++row) {
        ImageCopyProgress progress;
        progress.row = row;
        m_progress.append(progress);
    }
    if (!m_options.journalFile.isEmpty()) {
        m_journal = std::make_unique<CopyJournal>(m_options.journalFile);
        m_journal->open();
    }
    m_flushTimer.start();
    return QtConcurrent::run(&m_coordinator, [this] { return run(); }).then(this, [this](MirrorRunResult result) {
        m_flushTimer.stop();
        flushProgress();
        emit finished(result);
        return result;
    });
}

void MirrorEngine::cancel()
{
    m_stopRequested = true;
    m_cancelled = true;
}

QList<ImageCopyProgress> MirrorEngine::progressSnapshot() const
{
    QMutexLocker locker(&m_progressMutex);
    return m_progress;
}

void MirrorEngine::update(const ImageCopyProgress &progress)
{
    QMutexLocker locker(&m_progressMutex);
    m_progress[progress.row] = progress;
    m_dirtyRows.insert(progress.row);
}

void MirrorEngine::flushProgress()
{
    QList<ImageCopyProgress> changed;
    {
        QMutexLocker locker(&m_progressMutex);
        QList<int> rows(m_dirtyRows.cbegin(), m_dirtyRows.cend());
        std::sort(rows.begin(), rows.end());
        for (int row : rows)
            changed.append(m_progress.at(row));
        m_dirtyRows.clear();
    }
    if (!changed.isEmpty())
        emit progressChanged(changed);
}

void MirrorEngine::copyOne(int row, MirrorRunResult &result, QMutex &resultMutex, QSet<QString> &failedBundles)
{
    const MirrorPlanEntry &entry = m_entries.at(row);
    ImageCopyProgress progress = m_progress.value(row);
    auto finish = [&](ImageCopyProgress::State state, const QString &error) {
        progress.state = state;
        progress.error = error;
        update(progress);
        QMutexLocker locker(&resultMutex);
        if (state == ImageCopyProgress::State::Failed) {
            result.failures.append({entry, error});
            // Images a user's stop left alone did not fail; those a release failure stopped are retried with it.
            if (m_journal && !m_stopRequested)
                m_journal->recordFailed(entry.destination);
            for (const QString &bundle : entry.bundleNames)
                failedBundles.insert(bundle);
            if (entry.category() == ImageCategory::Release && !m_cancelled.exchange(true))
                result.fatalError = QStringLiteral("release image %1 failed: %2").arg(entry.origin, error);
        } else {
            result.counts[entry.category()].mirrored += 1;
            if (state == ImageCopyProgress::State::Done)
                result.copied += 1;
            else
                result.skipped += 1;
            result.bytesCopied += state == ImageCopyProgress::State::Done ? progress.bytesDone : 0;
        }
    };
    if (m_cancelled) {
        finish(ImageCopyProgress::State::Failed, QStringLiteral("not copied: the run was stopped"));
        return;
    }
    if (entry.kind == ImageKind::OperatorBundle) {
        QMutexLocker locker(&resultMutex);
        for (const QString &bundle : entry.bundleNames) {
            if (failedBundles.contains(bundle)) {
                locker.unlock();
                finish(ImageCopyProgress::State::Failed,
                       QStringLiteral("bundle %1 skipped: one of its related images failed").arg(bundle));
                return;
            }
        }
    }

    ImageCopier copier({m_client, m_options.sourceCache, m_options.cacheRegistry, m_options.destinationCache,
                        m_options.registriesConf, &m_ledger, m_journal.get(), m_options.parallelLayers, &m_cancelled,
                        m_destinationTags.get()});
    const ImageCopier::Probe probe = copier.probe(entry);
    if (!probe.needsCopy()) {
        finish(probe.outcome == ImageCopier::Outcome::AlreadyPresent ? ImageCopyProgress::State::Skipped
                                                                     : ImageCopyProgress::State::Failed,
               probe.error);
        return;
    }
    // At most parallelImages images copy at once; the other threads keep checking the images after them.
    m_copySlots.acquire();
    const QSemaphoreReleaser releaser(m_copySlots);
    if (m_cancelled) {
        finish(ImageCopyProgress::State::Failed, QStringLiteral("not copied: the run was stopped"));
        return;
    }
    progress.state = ImageCopyProgress::State::Copying;
    update(progress);
    const auto copied = copier.copy(entry, probe, progress, [this, &progress](const ImageCopyProgress &now) {
        progress = now;
        update(now);
    });
    switch (copied.outcome) {
    case ImageCopier::Outcome::Copied:
        finish(ImageCopyProgress::State::Done, QString());
        break;
    case ImageCopier::Outcome::AlreadyPresent:
        finish(ImageCopyProgress::State::Skipped, QString());
        break;
    case ImageCopier::Outcome::Failed:
        finish(ImageCopyProgress::State::Failed, copied.error);
        break;
    }
}

MirrorRunResult MirrorEngine::run()
{
    MirrorRunResult result;
    QMutex resultMutex;
    QSet<QString> failedBundles;
    std::map<int, QList<int>> phases; // copy order → rows
    for (int row = 0; row < m_entries.size(); ++row) {
        result.counts[m_entries.at(row).category()].total += 1;
        phases[ImageKinds::copyOrder(m_entries.at(row).kind)].append(row);
    }
    // Each phase completes before the next starts, so bundles see the outcome of every related image.
    for (const auto &[order, rows] : phases) {
        Q_UNUSED(order)
        QFutureSynchronizer<void> phase;
        for (int row : rows) {
            phase.addFuture(QtConcurrent::run(&m_imagePool, [this, row, &result, &resultMutex, &failedBundles] {
                copyOne(row, result, resultMutex, failedBundles);
            }));
        }
        phase.waitForFinished();
    }
    if (m_cancelled && result.fatalError.isEmpty()) {
        result.cancelled = true;
        result.fatalError = QStringLiteral("the run was cancelled");
    }
    writeErrorsFile(result);
    if (m_journal && result.failures.isEmpty() && !m_cancelled)
        m_journal->clear();
    return result;
}

void MirrorEngine::writeErrorsFile(const MirrorRunResult &result) const
{
    if (m_options.errorsFile.isEmpty() || result.failures.isEmpty())
        return;
    QByteArray text;
    for (const MirrorRunResult::Failure &failure : result.failures) {
        QString line = QStringLiteral("error mirroring image ") + failure.entry.origin;
        if (!failure.entry.bundleNames.isEmpty() || !failure.entry.operatorNames.isEmpty()) {
            line += QStringLiteral(" (Operator bundles: [%1] - Operators: [%2])")
                        .arg(failure.entry.bundleNames.join(QLatin1Char(' ')),
                             failure.entry.operatorNames.join(QLatin1Char(' ')));
        }
        line += QStringLiteral(" error: ") + failure.reason + QLatin1Char('\n');
        text += line.toUtf8();
    }
    AtomicFileWriter::write(m_options.errorsFile, text);
}
