#include "mirrorworkflow.h"

#include "workspace/atomicfilewriter.h"

#include "imagepuller.h"

#include "additional/additionalimagecollector.h"
#include "additional/blockedimagefilter.h"
#include "archive/archiveextractor.h"
#include "archive/archivehistory.h"
#include "archive/archivesegmentwriter.h"
#include "config/configloader.h"
#include "config/configwriter.h"
#include "config/deleteimagelist.h"
#include "config/deleteimagelistwriter.h"
#include "config/deleteimagesetconfiguration.h"
#include "delete/deleteexecutor.h"
#include "delete/deletelistsidecar.h"
#include "delete/v1imagenamer.h"
#include "helm/helmcollector.h"
#include "plan/catalogplanner.h"
#include "plan/graphimageplanner.h"
#include "plan/mirrorplan.h"
#include "plan/releaseplanner.h"
#include "registry/credentialstore.h"
#include "registry/registriesconf.h"
#include "registry/registryclient.h"
#include "resources/clusterresourcewriter.h"
#include "workspace/distributionstore.h"
#include "workspace/runlog.h"
#include "workspace/workingdirectory.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QSaveFile>
#include <QtConcurrent>

namespace {
// diskToMirror names every image twice, for the cache it is read from and the registry it goes to. An entry that
// already reads from the cache (a rebuilt catalog) keeps that source.
QList<MirrorPlanEntry> zipSources(const QList<MirrorPlanEntry> &inCache, const QList<MirrorPlanEntry> &atDestination,
                                  const QString &cacheRoot)
{
    QList<MirrorPlanEntry> zipped;
    for (qsizetype i = 0; i < atDestination.size() && i < inCache.size(); ++i) {
        MirrorPlanEntry entry = atDestination.at(i);
        const QString cachedSource = inCache.at(i).source;
        entry.source = cachedSource.startsWith(cacheRoot + QLatin1Char('/')) ? cachedSource : inCache.at(i).destination;
        zipped.append(entry);
    }
    return zipped;
}

QString categoryLabel(ImageCategory category)
{
    return ImageKinds::categoryName(category);
}
} // namespace

MirrorWorkflow::MirrorWorkflow(MirrorOptions options, ImageSetConfiguration configuration, RunLog *log,
                               QProcessEnvironment environment, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_configuration(std::move(configuration))
    , m_log(log)
    , m_environment(std::move(environment))
{
    RegistryClient::Options clientOptions;
    clientOptions.retry = RetryPolicy(m_options.retryTimes, m_options.retryDelay);
    m_client = std::make_unique<RegistryClient>(clientOptions);
    m_cache = std::make_unique<DistributionStore>(m_options.cacheStorageDir());
}

MirrorWorkflow::~MirrorWorkflow()
{
    cancel();
    // The workers use this object; a workflow destroyed mid-run waits until they have seen the cancel.
    for (QFuture<void> &worker : m_workers)
        worker.waitForFinished();
    m_engine.reset();
}

void MirrorWorkflow::cancel()
{
    m_cancelled = true;
    if (m_engine)
        m_engine->cancel();
}

void MirrorWorkflow::fail(const QString &message, int exitCode)
{
    m_log->error(QStringLiteral("[Executor] ") + message);
    emit finished(exitCode);
}

void MirrorWorkflow::start()
{
    m_started = QDateTime::currentDateTime();
    auto discovering = QtConcurrent::run([this] { return discover(); });
    m_workers.append(QFuture<void>(discovering));
    discovering.then(this, [this](const Discovery &discovery) {
        if (!discovery.fatalError.isEmpty()) {
            fail(discovery.fatalError, discovery.failedBits ? discovery.failedBits : 1);
            return;
        }
        copy(discovery);
    });
}

MirrorWorkflow::Discovery MirrorWorkflow::discover()
{
    Discovery discovery;
    const WorkingDirectory workingDir(m_options.workingDirectory);
    QString error;
    if (!workingDir.create(&error)) {
        discovery.fatalError = error;
        return discovery;
    }
    if (!m_options.dryRun && m_options.mode != MirrorOptions::Mode::MirrorToDisk)
        workingDir.clearClusterResources();

    const QString cacheRoot = m_options.cacheRegistry();
    if (m_options.mode == MirrorOptions::Mode::DiskToMirror) {
        ArchiveExtractor extractor(
            {m_options.fromPath, QFileInfo(workingDir.root()).absolutePath(), m_options.cacheStorageDir()});
        const auto extracted = extractor.extract(
            [this](int index, int count, const QString &path) {
                m_log->info(QStringLiteral("Extracting chunk file (%1 / %2): %3").arg(index).arg(count).arg(path));
            },
            &m_cancelled);
        if (!extracted.ok) {
            discovery.fatalError = extracted.error;
            return discovery;
        }
    }

    // Where images really come from, and the credentials to get them.
    QString confError;
    if (auto conf = RegistriesConf::load(QString(), &confError))
        m_registriesConf = std::make_unique<RegistriesConf>(*conf);
    else if (m_environment.contains(QStringLiteral("CONTAINERS_REGISTRIES_CONF")))
        m_log->warn(confError);
    QString authError;
    m_client->setCredentialStore(CredentialStore::load(m_options.authFile, &authError));
    if (!authError.isEmpty())
        m_log->warn(authError);
    const QString destinationHost = m_options.destinationRegistry.section(QLatin1Char('/'), 0, 0);
    if (!destinationHost.isEmpty())
        m_client->setInsecure(destinationHost, !m_options.destTlsVerify);

    // Delete generation, like diskToMirror, works from the workspace and the cache only.
    const bool deleting = m_options.mode == MirrorOptions::Mode::Delete;
    const bool offline = m_options.mode == MirrorOptions::Mode::DiskToMirror || deleting;
    QStringList roots;
    if (m_options.mode == MirrorOptions::Mode::MirrorToDisk)
        roots << cacheRoot;
    else if (m_options.mode == MirrorOptions::Mode::MirrorToMirror || deleting)
        roots << m_options.destinationRegistry;
    else
        roots << cacheRoot << m_options.destinationRegistry;
    const ImagePuller puller(
        {m_client.get(), offline ? nullptr : m_registriesConf.get(), offline ? m_cache.get() : nullptr});

    auto srcInsecure = [this](const QString &reference) {
        if (!m_options.srcTlsVerify) {
            if (const auto parsed = ImageReference::parse(reference))
                m_client->setInsecure(parsed->domain(), true);
        }
    };

    QList<QList<MirrorPlanEntry>> perRoot(roots.size());
    m_log->info(QStringLiteral("🕵️  going to discover the necessary images..."));

    const ImageSetContent &mirror = m_configuration.mirror;
    if (mirror.platform && (!mirror.platform->channels.isEmpty() || mirror.platform->release)) {
        m_log->info(QStringLiteral("🔍 collecting release images..."));
        srcInsecure(QStringLiteral("quay.io/openshift-release-dev/ocp-release:latest"));
        ReleasePlanner planner(
            {workingDir.root(), offline, m_options.ignoreReleaseSignature, m_environment, &m_cancelled, deleting});
        const auto results = planner.plan(*mirror.platform, puller, cacheRoot, roots);
        for (const QString &warning : results.value(0).warnings)
            m_log->warn(warning);
        if (!results.value(0).error.isEmpty()) {
            discovery.fatalError = results.value(0).error;
            discovery.failedBits |= ImageKinds::exitCodeBit(ImageCategory::Release);
            return discovery;
        }
        for (qsizetype i = 0; i < roots.size(); ++i)
            perRoot[i] << results.at(i).entries;
        discovery.signatures = results.value(0).signatures;
        if (mirror.platform->graph.value_or(false) && !deleting) {
            m_log->info(QStringLiteral("🔍 preparing the update graph image..."));
            const GraphImagePlanner graphPlanner(
                {workingDir.root(), cacheRoot, m_cache.get(), m_client.get(), offline, m_environment, &m_cancelled});
            const auto graph = graphPlanner.plan(puller, roots);
            for (const QString &warning : graph.warnings)
                m_log->warn(warning);
            for (const QString &info : graph.infos)
                m_log->info(info);
            if (!graph.error.isEmpty()) {
                discovery.fatalError = graph.error;
                discovery.failedBits |= ImageKinds::exitCodeBit(ImageCategory::Release);
                return discovery;
            }
            for (qsizetype i = 0; i < roots.size(); ++i)
                perRoot[i] << graph.entries.value(i);
        }
    }

    if (!mirror.operators.isEmpty()) {
        m_log->info(QStringLiteral("🔍 collecting operator images..."));
        CatalogPlanner planner({workingDir.root(), cacheRoot, m_cache.get(), m_client.get(), offline});
        for (const OperatorCatalog &catalog : mirror.operators) {
            srcInsecure(catalog.catalog);
            const auto result = planner.plan(catalog, puller, roots);
            for (const QString &warning : result.warnings)
                m_log->warn(warning);
            if (!result.errors.isEmpty()) {
                for (const QString &message : result.errors)
                    m_log->error(message);
                discovery.failedBits |= ImageKinds::exitCodeBit(ImageCategory::Operator);
                continue;
            }
            for (qsizetype i = 0; i < roots.size(); ++i)
                perRoot[i] << result.entries.value(i);
        }
    }

    if (!mirror.additionalImages.isEmpty()) {
        m_log->info(QStringLiteral("🔍 collecting additional images..."));
        for (qsizetype i = 0; i < roots.size(); ++i) {
            const auto result = AdditionalImageCollector(DestinationNamer(roots.at(i), m_options.maxNestedPaths))
                                    .collect(mirror.additionalImages, mirror.blockedImages);
            if (i == 0) {
                for (const QString &warning : result.warnings)
                    m_log->warn(warning);
                for (const QString &message : result.errors)
                    m_log->error(message);
            }
            if (!result.errors.isEmpty())
                discovery.failedBits |= ImageKinds::exitCodeBit(ImageCategory::Additional);
            perRoot[i] << result.entries;
        }
        for (const AdditionalImage &image : mirror.additionalImages)
            srcInsecure(image.name);
    }

    if (mirror.helm && (!mirror.helm->repositories.isEmpty() || !mirror.helm->local.isEmpty())) {
        m_log->info(QStringLiteral("🔍 collecting helm images..."));
        const auto result = HelmCollector(m_environment, m_options.maxNestedPaths)
                                .collect(*mirror.helm, workingDir.root(), roots, offline);
        for (const QString &warning : result.warnings)
            m_log->warn(warning);
        for (const QString &message : result.errors)
            m_log->error(message);
        if (!result.errors.isEmpty())
            discovery.failedBits |= ImageKinds::exitCodeBit(ImageCategory::Helm);
        for (qsizetype i = 0; i < roots.size(); ++i) {
            perRoot[i] << result.entries.value(i);
            if (i == 0) {
                for (const MirrorPlanEntry &entry : result.entries.value(i))
                    srcInsecure(entry.effectiveSource());
            }
        }
    }

    QList<MirrorPlanEntry> entries =
        roots.size() > 1 ? zipSources(perRoot.value(0), perRoot.value(1), cacheRoot) : perRoot.value(0);
    // blockedImages apply to every kind of image, by origin and by destination.
    const BlockedImageFilter blocked(mirror.blockedImages);
    MirrorPlan plan;
    for (const MirrorPlanEntry &entry : std::as_const(entries)) {
        const QString pattern = blocked.blockingPattern(entry.origin, entry.destination);
        if (!pattern.isEmpty() && entry.kind != ImageKind::Generic) {
            m_log->warn(
                QStringLiteral("%1 is blocked by blockedImages \"%2\" and is not mirrored").arg(entry.origin, pattern));
            continue;
        }
        plan.add(entry);
    }
    discovery.entries = plan.inCopyOrder();
    if (discovery.entries.isEmpty() && discovery.failedBits == 0)
        discovery.fatalError = deleting ? QStringLiteral("no images to delete") : QStringLiteral("no images to copy");
    return discovery;
}

void MirrorWorkflow::writeDryRun(const QList<MirrorPlanEntry> &entries) const
{
    const WorkingDirectory workingDir(m_options.workingDirectory);
    QByteArray mapping;
    QByteArray missing;
    int missingCount = 0;
    for (const MirrorPlanEntry &entry : entries) {
        const QByteArray line =
            "docker://" + entry.effectiveSource().toUtf8() + "=docker://" + entry.destination.toUtf8() + '\n';
        mapping += line;
        if (m_options.mode == MirrorOptions::Mode::MirrorToDisk) {
            const auto destination = ImageReference::parse(entry.destination);
            if (!destination || m_cache->manifestDigestForTag(destination->path(), destination->tag()).isEmpty()) {
                missing += line;
                ++missingCount;
            }
        }
    }
    QDir().mkpath(workingDir.dryRunDir());
    AtomicFileWriter::write(workingDir.dryRunMappingFile(), mapping);
    m_log->info(QStringLiteral("📄 dry-run: mapping written to %1").arg(workingDir.dryRunMappingFile()));
    if (m_options.mode == MirrorOptions::Mode::MirrorToDisk) {
        if (missingCount > 0) {
            AtomicFileWriter::write(workingDir.dryRunMissingFile(), missing);
            m_log->warn(QStringLiteral("%1/%2 images necessary for mirroring are not available in the cache.")
                            .arg(missingCount)
                            .arg(entries.size()));
            m_log->warn(QStringLiteral("List of missing images in : %1").arg(workingDir.dryRunMissingFile()));
        } else {
            m_log->info(QStringLiteral("all %1 images required for mirroring are available in local cache.")
                            .arg(entries.size()));
        }
    }
}

void MirrorWorkflow::copy(const Discovery &discovery)
{
    // A cancel() during discovery finds no engine yet: nothing may start copying after it.
    if (m_cancelled) {
        fail(QStringLiteral("the run was cancelled before copying"), 1);
        return;
    }
    m_plan = discovery.entries;
    const QString journalFile =
        QDir(WorkingDirectory(m_options.workingDirectory).internalDir()).filePath(QStringLiteral("copy-journal"));
    if (m_options.retryFailed && m_options.mode != MirrorOptions::Mode::Delete) {
        // Only what the journal says failed last time; the rest of the plan was mirrored by earlier runs.
        CopyJournal journal(journalFile);
        QString error;
        if (!journal.load(&error)) {
            fail(error, 1);
            return;
        }
        const QSet<QString> failed = journal.failedDestinations();
        QList<MirrorPlanEntry> retried;
        for (const MirrorPlanEntry &entry : std::as_const(m_plan)) {
            if (failed.contains(entry.destination))
                retried.append(entry);
        }
        if (failed.isEmpty()) {
            m_log->info(QStringLiteral("🔁 --retry-failed: no failed images are recorded in %1, nothing to retry "
                                       "(an interrupted run is resumed by running it again without --retry-failed)")
                            .arg(journalFile));
            emit finished(discovery.failedBits);
            return;
        }
        if (retried.isEmpty()) {
            m_log->info(QStringLiteral("🔁 --retry-failed: %1 images failed last time, but none of them is in this "
                                       "configuration any more: nothing to retry")
                            .arg(failed.size()));
            emit finished(discovery.failedBits);
            return;
        }
        m_log->info(QStringLiteral("🔁 --retry-failed: retrying %1 of %2 images, the ones that failed last time")
                        .arg(retried.size())
                        .arg(m_plan.size()));
        m_plan = retried;
    }
    emit planReady(m_plan);
    if (m_options.mode == MirrorOptions::Mode::Delete) {
        auto generating = QtConcurrent::run([this, discovery] { return generateDeleteList(discovery); });
        m_workers.append(QFuture<void>(generating));
        generating.then(this, [this](int exitCode) { emit finished(exitCode); });
        return;
    }
    if (m_options.dryRun) {
        writeDryRun(m_plan);
        emit finished(discovery.failedBits);
        return;
    }
    const WorkingDirectory workingDir(m_options.workingDirectory);
    MirrorEngine::Options options;
    options.parallelImages = m_options.parallelImages;
    options.parallelLayers = m_options.parallelLayers;
    options.journalFile = journalFile;
    options.errorsFile = workingDir.mirroringErrorsFile(m_started);
    options.registriesConf = m_registriesConf.get();
    // Rebuilt catalogs are always read from the cache; diskToMirror reads everything from it.
    options.sourceCache = m_cache.get();
    options.cacheRegistry = m_options.cacheRegistry();
    if (m_options.mode == MirrorOptions::Mode::MirrorToDisk)
        options.destinationCache = m_cache.get();
    m_log->info(QStringLiteral("🚀 Start copying the images..."));
    m_log->info(QStringLiteral("📌 images to copy %1 ").arg(m_plan.size()));
    m_engine = std::make_unique<MirrorEngine>(m_client.get(), options);
    connect(m_engine.get(), &MirrorEngine::progressChanged, this, &MirrorWorkflow::progressChanged);
    // cancel() from a planReady() receiver came before the engine existed.
    if (m_cancelled)
        m_engine->cancel();
    m_engine->start(m_plan).then(this, [this, discovery](const MirrorRunResult &result) {
        auto concluding = QtConcurrent::run([this, result, discovery] { return conclude(result, discovery); });
        m_workers.append(QFuture<void>(concluding));
        concluding.then(this, [this](int exitCode) { emit finished(exitCode); });
    });
}

int MirrorWorkflow::conclude(const MirrorRunResult &result, const Discovery &discovery)
{
    m_log->info(QStringLiteral("=== Results ==="));
    for (const ImageCategory category :
         {ImageCategory::Release, ImageCategory::Operator, ImageCategory::Additional, ImageCategory::Helm}) {
        const auto count = result.counts.value(category);
        if (count.total == 0)
            continue;
        const QString verb = QStringLiteral("mirrored");
        if (count.mirrored == count.total) {
            m_log->info(QStringLiteral("✓  %1 / %2 %3 images %4 successfully")
                            .arg(count.mirrored)
                            .arg(count.total)
                            .arg(categoryLabel(category), verb));
        } else {
            m_log->error(
                QStringLiteral("✗  %1 / %2 %3 images %4: Some %3 images failed to be %4 - please check the logs")
                    .arg(count.mirrored)
                    .arg(count.total)
                    .arg(categoryLabel(category), verb));
        }
    }
    int exitCode = result.exitCode() | discovery.failedBits;
    if (!result.fatalError.isEmpty())
        m_log->error(QStringLiteral("[Executor] ") + result.fatalError);

    if (m_options.mode == MirrorOptions::Mode::MirrorToDisk) {
        if (!result.failures.isEmpty()) {
            m_log->error(QStringLiteral("[Executor] some images failed to be mirrored, no archive was written - please "
                                        "review %1 and run again: what was copied stays in the cache")
                             .arg(WorkingDirectory(m_options.workingDirectory).mirroringErrorsFile(m_started)));
            return exitCode ? exitCode : 1;
        }
        m_log->info(QStringLiteral("📦 Preparing the tarball archive..."));
        QString error;
        if (!writeArchive(&error)) {
            m_log->error(QStringLiteral("[Executor] ") + error);
            return exitCode | 1;
        }
    } else {
        QList<MirrorPlanEntry> copied;
        QSet<QString> failed;
        for (const auto &failure : result.failures)
            failed.insert(failure.entry.destination);
        // With --retry-failed the rest of the discovered plan arrived in earlier runs: the resources cover it too.
        for (const MirrorPlanEntry &entry : discovery.entries) {
            if (!failed.contains(entry.destination))
                copied.append(entry);
        }
        m_log->info(QStringLiteral("📄 Generating IDMS file..."));
        m_log->info(QStringLiteral("📄 Generating ITMS file..."));
        m_log->info(QStringLiteral("📄 Generating CatalogSource file..."));
        m_log->info(QStringLiteral("📄 Generating ClusterCatalog file..."));
        QMap<QString, QString> templates;
        QString graphImage;
        for (const MirrorPlanEntry &entry : std::as_const(copied)) {
            if (entry.kind == ImageKind::CincinnatiGraph)
                graphImage = entry.destination;
        }
        ClusterResourceWriter writer({WorkingDirectory(m_options.workingDirectory).clusterResourcesDir(),
                                      m_options.destinationRegistry, m_options.maxNestedPaths > 0,
                                      QStringLiteral("ferry-" FERRY_VERSION_STRING), QDateTime::currentDateTimeUtc(),
                                      templates, graphImage});
        const auto written = writer.write(copied, discovery.signatures);
        for (const QString &warning : written.warnings)
            m_log->warn(warning);
        for (const QString &message : written.errors)
            m_log->error(message);
        for (const QString &file : written.writtenFiles)
            m_log->info(QStringLiteral("%1 file created").arg(file));
        if (!written.errors.isEmpty())
            exitCode |= 1;
    }
    if (exitCode == 0) {
        // What this workspace mirrors now: delete --generate protects it from deletion configurations.
        QString recordError;
        const QString recorded = DeleteListSidecar::lastMirrorConfigurationFile(m_options.workingDirectory);
        if (!AtomicFileWriter::write(recorded, ConfigWriter::write(m_configuration), &recordError))
            m_log->warn(QStringLiteral("cannot record the ImageSetConfiguration in %1: %2").arg(recorded, recordError));
    }
    m_log->info(QStringLiteral("mirror time     : %1 s").arg(m_started.secsTo(QDateTime::currentDateTime())));
    return exitCode;
}

bool MirrorWorkflow::writeArchive(QString *error)
{
    const WorkingDirectory workingDir(m_options.workingDirectory);
    const QString cacheRoot = m_options.cacheStorageDir();
    QList<ArchiveSegmentWriter::Member> members;
    const QDir cacheDir(cacheRoot);
    QDirIterator repositories(cacheRoot + QStringLiteral("/docker/registry/v2/repositories"), QDir::Files,
                              QDirIterator::Subdirectories);
    while (repositories.hasNext()) {
        const QString path = repositories.next();
        members.append({path, cacheDir.relativeFilePath(path)});
    }
    ArchiveHistory history(workingDir.historyDir());
    QString historyError;
    QSet<QString> shipped = history.load(m_options.since.value_or(QDate()), &historyError);
    if (!historyError.isEmpty())
        m_log->warn(historyError);
    QDirIterator blobs(cacheRoot + QStringLiteral("/docker/registry/v2/blobs"), {QStringLiteral("data")}, QDir::Files,
                       QDirIterator::Subdirectories);
    int newBlobs = 0;
    while (blobs.hasNext()) {
        const QString path = blobs.next();
        const QString digest = QStringLiteral("sha256:") + QFileInfo(path).dir().dirName();
        if (shipped.contains(digest))
            continue;
        members.append({path, cacheDir.relativeFilePath(path)});
        shipped.insert(digest);
        ++newBlobs;
    }
    const QDir parent = QFileInfo(workingDir.root()).dir();
    QDirIterator workspace(workingDir.root(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (workspace.hasNext()) {
        const QString path = workspace.next();
        members.append({path, parent.relativeFilePath(path)});
    }
    if (!m_options.configPath.isEmpty())
        members.append({m_options.configPath, QStringLiteral("isc_") + m_started.toUTC().toString(Qt::ISODate)});

    const qint64 limitGiB = m_configuration.archiveSize.value_or(0) > 0 ? *m_configuration.archiveSize : 500;
    ArchiveSegmentWriter writer({m_options.destinationPath, limitGiB * 1024 * 1024 * 1024, m_options.strictArchive});
    const auto written = writer.write(members, {}, &m_cancelled);
    for (const QString &warning : written.warnings)
        m_log->warn(warning);
    if (!written.ok) {
        if (error)
            *error = written.error;
        return false;
    }
    if (history.save(shipped, QDateTime::currentDateTimeUtc(), error).isEmpty())
        return false;
    m_log->info(QStringLiteral("📦 %1 archive file(s) written to %2 (%3 new blobs)")
                    .arg(written.segments.size())
                    .arg(m_options.destinationPath)
                    .arg(newBlobs));
    return true;
}

int MirrorWorkflow::generateDeleteList(const Discovery &discovery)
{
    const WorkingDirectory workingDir(m_options.workingDirectory);
    QList<DeleteImageItem> items;
    QSet<QString> seen;
    for (const MirrorPlanEntry &entry : discovery.entries) {
        // Catalog indexes are never deleted: other operators of the same catalog may still be in use.
        if (entry.kind == ImageKind::OperatorCatalog)
            continue;
        QString destination = entry.destination;
        if (m_options.deleteV1Images) {
            const QString v1 = V1ImageNamer::v1Reference(m_options.destinationRegistry, entry.origin, entry.kind);
            if (!v1.isEmpty())
                destination = v1;
        }
        const QString reference = QStringLiteral("docker://") + destination;
        if (seen.contains(reference))
            continue;
        seen.insert(reference);
        DeleteImageItem item;
        item.imageName = entry.origin;
        item.imageReference = reference;
        item.type = ImageKinds::toString(entry.kind);
        items.append(item);
    }
    std::sort(items.begin(), items.end(),
              [](const DeleteImageItem &a, const DeleteImageItem &b) { return a.imageReference < b.imageReference; });

    // What the workspace's ImageSetConfiguration still mirrors, and this deletion configuration does not remove,
    // stays: resolved offline from the workspace exactly like the deletion configuration.
    QHash<QString, QString> keptByConfiguration;
    const QString recordedFile = DeleteListSidecar::lastMirrorConfigurationFile(workingDir.root());
    if (QFileInfo::exists(recordedFile)) {
        const ConfigLoadResult recorded = ConfigLoader::loadFile(recordedFile);
        if (!recorded.imageSetConfiguration) {
            for (const ConfigError &error : recorded.errors)
                m_log->error(error.toString());
            m_log->error(QStringLiteral("[Executor] the workspace's ImageSetConfiguration %1 cannot be read: nothing "
                                        "is listed for deletion")
                             .arg(recordedFile));
            return 1;
        }
        m_log->info(
            QStringLiteral("🛡️  resolving what the workspace's ImageSetConfiguration (%1) still mirrors...")
                .arg(recordedFile));
        MirrorWorkflow keptRun(m_options, *recorded.imageSetConfiguration, m_log, m_environment);
        const Discovery kept = keptRun.discover();
        if (!kept.fatalError.isEmpty() || kept.failedBits != 0) {
            m_log->error(
                QStringLiteral("[Executor] cannot resolve what the workspace's ImageSetConfiguration still "
                               "mirrors (%1): nothing is listed for deletion")
                    .arg(kept.fatalError.isEmpty() ? QStringLiteral("see the errors above") : kept.fatalError));
            return 1;
        }
        // Removed means the same image for the same purpose and, for operators, for no package that stays: a
        // related image another package (or an additional image) also needs stays for it.
        auto removalKey = [](const MirrorPlanEntry &entry) -> QString {
            return entry.destination + QLatin1Char('|') + ImageKinds::categoryName(ImageKinds::category(entry.kind));
        };
        QHash<QString, QSet<QString>> removed; // key → operator packages removed
        for (const MirrorPlanEntry &entry : discovery.entries) {
            QSet<QString> &packages = removed[removalKey(entry)];
            for (const QString &name : entry.operatorNames)
                packages.insert(name);
        }
        for (const MirrorPlanEntry &entry : kept.entries) {
            const auto found = removed.constFind(removalKey(entry));
            const bool gone =
                found != removed.cend() && std::all_of(entry.operatorNames.cbegin(), entry.operatorNames.cend(),
                                                       [&found](const QString &name) { return found->contains(name); });
            if (!gone)
                keptByConfiguration.insert(entry.destination, entry.origin);
        }
    }

    // What other tags still need is taken out of the list and reported, so no tool executing it can break them.
    DeleteExecutor::Options executorOptions{m_options.destinationRegistry, m_options.parallelImages, m_options.force};
    executorOptions.keptByConfiguration = keptByConfiguration;
    DeleteExecutor executor(m_client.get(), executorOptions);
    QString protectionError;
    const auto outcomes = executor.protect(items, &protectionError);
    DeleteImageList list;
    DeleteExecutor::Result planned;
    QHash<QString, QString> digests;
    if (!protectionError.isEmpty()) {
        m_log->warn(QStringLiteral("cannot tell which images are still needed (%1): every image is listed, and the "
                                   "check runs again before deleting")
                        .arg(protectionError));
        list.items = items;
    } else {
        for (const auto &outcome : outcomes) {
            if (outcome.state == DeleteExecutor::State::Protected || outcome.state == DeleteExecutor::State::Skipped) {
                m_log->warn(QStringLiteral("%1 is kept: %2").arg(outcome.item.imageReference, outcome.detail));
                continue;
            }
            list.items.append(outcome.item);
            if (!outcome.digest.isEmpty())
                digests.insert(outcome.item.imageReference, outcome.digest);
        }
        planned.outcomes = outcomes;
        if (m_options.deleteSignatures) {
            const QList<DeleteImageItem> signatures = executor.signatureItems(outcomes);
            m_log->info(QStringLiteral("🔏 %1 signatures to delete with their images").arg(signatures.size()));
            list.items << signatures;
            std::sort(list.items.begin(), list.items.end(), [](const DeleteImageItem &a, const DeleteImageItem &b) {
                return a.imageReference < b.imageReference;
            });
        }
    }
    const qsizetype keptCount =
        std::count_if(planned.outcomes.cbegin(), planned.outcomes.cend(), [](const auto &outcome) {
            return outcome.state == DeleteExecutor::State::Protected || outcome.state == DeleteExecutor::State::Skipped;
        });

    const QString listFile = workingDir.deleteImagesFile(m_options.deleteId);
    const QString configFile = workingDir.deleteImageSetConfigFile(m_options.deleteId);
    DeleteImageSetConfiguration deleteConfiguration;
    deleteConfiguration.deleteContent = m_configuration.mirror;
    QString error;
    if (!ConfigWriter::writeFile(listFile, DeleteImageListWriter::write(list), &error) ||
        !ConfigWriter::writeFile(configFile, ConfigWriter::write(deleteConfiguration), &error) ||
        !ConfigWriter::writeFile(QFileInfo(listFile).dir().filePath(QStringLiteral("delete-plan-report.txt")),
                                 DeleteExecutor::report(planned), &error) ||
        !DeleteListSidecar::write(DeleteListSidecar::digestsFile(listFile), digests, &error) ||
        !DeleteListSidecar::write(DeleteListSidecar::keptFile(listFile), keptByConfiguration, &error)) {
        m_log->error(QStringLiteral("[Executor] ") + error);
        return 1;
    }
    m_log->info(QStringLiteral("📄 %1 images to delete, %2 kept because other images still need them")
                    .arg(list.items.size())
                    .arg(keptCount));
    m_log->info(QStringLiteral("delete file %1 created").arg(listFile));
    m_log->info(QStringLiteral("delete configuration %1 created").arg(configFile));
    return discovery.failedBits ? 1 : 0;
}
