#include "copy/mirrorengine.h"
#include "registry/mediatypes.h"
#include "registry/registryclient.h"
#include "workspace/distributionstore.h"

#include "registryfixture.h"
#include "skopeo.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The engine against real registries: every copy is checked with skopeo, byte for byte.
class TestMirrorEngine : public QObject
{
    Q_OBJECT

private:
    RegistryFixture m_source;
    RegistryFixture m_destination{[] {
        RegistryFixture::Options options;
        options.accessLog = true;
        return options;
    }()};
    std::unique_ptr<RegistryClient> m_client;
    QByteArray m_sharedLayer;
    QString m_indexDigest;

    static QByteArray randomBytes(qsizetype size, quint32 seed)
    {
        QByteArray bytes(size, Qt::Uninitialized);
        QRandomGenerator generator(seed);
        for (qsizetype i = 0; i < size; ++i)
            bytes[i] = static_cast<char>(generator.bounded(256));
        return bytes;
    }

    ImageReference ref(const QString &text) const
    {
        const auto parsed = ImageReference::parse(text);
        Q_ASSERT(parsed.has_value());
        return *parsed;
    }

    QJsonObject pushBlob(const QString &repository, const QByteArray &bytes, const QString &mediaType)
    {
        auto pushed = m_client->pushBlob(ref(repository), bytes, mediaType);
        pushed.waitForFinished();
        const auto result = pushed.result();
        if (!result)
            qFatal("pushBlob failed: %s", qPrintable(result.error().toString()));
        return QJsonObject{{QStringLiteral("mediaType"), mediaType},
                           {QStringLiteral("digest"), result->digest().toString()},
                           {QStringLiteral("size"), QJsonValue(qint64(bytes.size()))}};
    }

    QString pushManifest(const QString &reference, const QJsonObject &object, const QString &mediaType)
    {
        const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Compact);
        const auto manifest = Manifest::parse(bytes, mediaType);
        Q_ASSERT(manifest.has_value());
        auto pushed = m_client->putManifest(ref(reference), *manifest);
        pushed.waitForFinished();
        if (!pushed.result())
            qFatal("putManifest failed: %s", qPrintable(pushed.result().error().toString()));
        return manifest->digest().toString();
    }

    // An image with one layer of its own and the shared layer; Docker or OCI media types.
    QString pushImage(const QString &repository, const QString &tag, quint32 seed, bool oci)
    {
        const QString layerType = oci ? QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip")
                                      : QStringLiteral("application/vnd.docker.image.rootfs.diff.tar.gzip");
        const QString configType = oci ? QStringLiteral("application/vnd.oci.image.config.v1+json")
                                       : QStringLiteral("application/vnd.docker.container.image.v1+json");
        const QString manifestType = oci ? QString(MediaTypes::OciManifest) : QString(MediaTypes::DockerManifest);
        const QByteArray config =
            QStringLiteral("{\"architecture\":\"amd64\",\"os\":\"linux\",\"seed\":%1}").arg(seed).toUtf8();
        QJsonObject manifest{
            {QStringLiteral("schemaVersion"), 2},
            {QStringLiteral("mediaType"), manifestType},
            {QStringLiteral("config"), pushBlob(repository, config, configType)},
            {QStringLiteral("layers"), QJsonArray{pushBlob(repository, randomBytes(64 * 1024, seed), layerType),
                                                  pushBlob(repository, m_sharedLayer, layerType)}},
        };
        return pushManifest(repository + QLatin1Char(':') + tag, manifest, manifestType);
    }

    QList<MirrorPlanEntry> plan(const QString &destinationRoot) const
    {
        const QString src = m_source.address();
        return {
            MirrorPlanEntry::of(src + QStringLiteral("/apps/alpha:1.0"),
                                destinationRoot + QStringLiteral("/apps/alpha:1.0"), ImageKind::Generic),
            MirrorPlanEntry::of(src + QStringLiteral("/apps/beta:2.0"),
                                destinationRoot + QStringLiteral("/apps/beta:2.0"), ImageKind::Generic),
            MirrorPlanEntry::of(src + QStringLiteral("/apps/multi@") + m_indexDigest,
                                destinationRoot + QStringLiteral("/apps/multi:sha256-") + m_indexDigest.mid(7),
                                ImageKind::Generic),
        };
    }

    static MirrorRunResult run(RegistryClient *client, const QList<MirrorPlanEntry> &entries,
                               MirrorEngine::Options options = {})
    {
        MirrorEngine engine(client, options);
        QSignalSpy finished(&engine, &MirrorEngine::finished);
        auto future = engine.start(entries);
        // The continuation that emits finished() runs on this thread's event loop.
        if (!finished.wait(120000))
            qFatal("the engine did not finish");
        return future.result();
    }

    int uploadsSince(qint64 offset) const
    {
        QFile log(m_destination.logFile());
        log.open(QIODevice::ReadOnly);
        log.seek(offset);
        return static_cast<int>(log.readAll().count("\"PUT /v2/") - 0);
    }

    qint64 logSize() const { return QFileInfo(m_destination.logFile()).size(); }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_source.start(&error), qPrintable(error));
        QVERIFY2(m_destination.start(&error), qPrintable(error));
        m_client = std::make_unique<RegistryClient>();
        m_client->setInsecure(m_source.address(), true);
        m_client->setInsecure(m_destination.address(), true);
        m_sharedLayer = randomBytes(128 * 1024, 7);
        const QString src = m_source.address();
        pushImage(src + QStringLiteral("/apps/alpha"), QStringLiteral("1.0"), 1, false);
        pushImage(src + QStringLiteral("/apps/beta"), QStringLiteral("2.0"), 2, true);
        const QString amd = pushImage(src + QStringLiteral("/apps/multi"), QStringLiteral("amd64"), 3, true);
        const QString arm = pushImage(src + QStringLiteral("/apps/multi"), QStringLiteral("arm64"), 4, true);
        auto child = [&](const QString &digest, const QString &arch) {
            return QJsonObject{
                {QStringLiteral("mediaType"), QString(MediaTypes::OciManifest)},
                {QStringLiteral("digest"), digest},
                {QStringLiteral("size"),
                 QJsonValue(qint64(Skopeo::inspectRaw(src + QStringLiteral("/apps/multi@") + digest).size()))},
                {QStringLiteral("platform"),
                 QJsonObject{{QStringLiteral("architecture"), arch}, {QStringLiteral("os"), QStringLiteral("linux")}}}};
        };
        m_indexDigest =
            pushManifest(src + QStringLiteral("/apps/multi:latest"),
                         QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                     {QStringLiteral("mediaType"), QString(MediaTypes::OciIndex)},
                                     {QStringLiteral("manifests"), QJsonArray{child(amd, QStringLiteral("amd64")),
                                                                              child(arm, QStringLiteral("arm64"))}}},
                         QString(MediaTypes::OciIndex));
    }

    void mirrorToMirrorPreservesEveryByte()
    {
        const QString root = m_destination.address() + QStringLiteral("/m2m");
        const qint64 before = logSize();
        const MirrorRunResult result = run(m_client.get(), plan(root));
        QVERIFY2(result.failures.isEmpty(),
                 qPrintable(result.failures.isEmpty() ? QString() : result.failures.first().reason));
        QCOMPARE(result.copied, 3);
        QCOMPARE(result.exitCode(), 0);
        const QString src = m_source.address();
        QCOMPARE(Skopeo::inspectRaw(root + QStringLiteral("/apps/alpha:1.0")),
                 Skopeo::inspectRaw(src + QStringLiteral("/apps/alpha:1.0")));
        QCOMPARE(Skopeo::inspectRaw(root + QStringLiteral("/apps/beta:2.0")),
                 Skopeo::inspectRaw(src + QStringLiteral("/apps/beta:2.0")));
        const QByteArray index =
            Skopeo::inspectRaw(root + QStringLiteral("/apps/multi:sha256-") + m_indexDigest.mid(7));
        QCOMPARE(index, Skopeo::inspectRaw(src + QStringLiteral("/apps/multi@") + m_indexDigest));
        QVERIFY(!Skopeo::inspectRaw(root + QStringLiteral("/apps/multi@") + m_indexDigest).isEmpty());
        // 4 images' layers and configs: 4 own layers + 4 configs + the shared layer once = 9 uploads, plus 5 manifests.
        // (A shared blob that is mounted is a POST, not a PUT.)
        QCOMPARE(uploadsSince(before), 9 + 5);
    }

    void noOpRerunOnlyChecks()
    {
        const QString root = m_destination.address() + QStringLiteral("/m2m");
        const qint64 before = logSize();
        const MirrorRunResult result = run(m_client.get(), plan(root));
        QCOMPARE(result.skipped, 3);
        QCOMPARE(result.copied, 0);
        QCOMPARE(uploadsSince(before), 0);
    }

    void throughTheCacheAndBack()
    {
        QTemporaryDir cacheDir;
        DistributionStore cache(cacheDir.path());
        const QString cacheRoot = QStringLiteral("localhost:55000");
        MirrorEngine::Options toDisk;
        toDisk.destinationCache = &cache;
        const MirrorRunResult stored = run(m_client.get(), plan(cacheRoot), toDisk);
        QVERIFY2(stored.failures.isEmpty(),
                 qPrintable(stored.failures.isEmpty() ? QString() : stored.failures.first().reason));
        QCOMPARE(stored.copied, 3);

        // The cache is a registry storage: Debian's docker-registry serves it as is.
        RegistryFixture::Options options;
        options.storageDirectory = cacheDir.path();
        RegistryFixture served(options);
        QVERIFY(served.start());
        QCOMPARE(Skopeo::inspectRaw(served.address() + QStringLiteral("/apps/multi:sha256-") + m_indexDigest.mid(7)),
                 Skopeo::inspectRaw(m_source.address() + QStringLiteral("/apps/multi@") + m_indexDigest));
        served.stop();

        QList<MirrorPlanEntry> fromDisk;
        const QString root = m_destination.address() + QStringLiteral("/d2m");
        for (const MirrorPlanEntry &e : plan(cacheRoot)) {
            MirrorPlanEntry d = e;
            d.source = e.destination;
            d.destination = root + e.destination.mid(cacheRoot.size());
            fromDisk.append(d);
        }
        MirrorEngine::Options toMirror;
        toMirror.sourceCache = &cache;
        const MirrorRunResult mirrored = run(m_client.get(), fromDisk, toMirror);
        QVERIFY2(mirrored.failures.isEmpty(),
                 qPrintable(mirrored.failures.isEmpty() ? QString() : mirrored.failures.first().reason));
        QCOMPARE(mirrored.copied, 3);
        QCOMPARE(Skopeo::inspectRaw(root + QStringLiteral("/apps/beta:2.0")),
                 Skopeo::inspectRaw(m_source.address() + QStringLiteral("/apps/beta:2.0")));
        QCOMPARE(Skopeo::inspectRaw(root + QStringLiteral("/apps/multi:sha256-") + m_indexDigest.mid(7)),
                 Skopeo::inspectRaw(m_source.address() + QStringLiteral("/apps/multi@") + m_indexDigest));
    }

    void failuresAreRecordedAndTheRunGoesOn()
    {
        QTemporaryDir dir;
        const QString root = m_destination.address() + QStringLiteral("/fail");
        QList<MirrorPlanEntry> entries = plan(root);
        MirrorPlanEntry missing =
            MirrorPlanEntry::of(m_source.address() + QStringLiteral("/ops/missing:1"),
                                root + QStringLiteral("/ops/missing:1"), ImageKind::OperatorRelatedImage);
        missing.bundleNames = {QStringLiteral("ops.v1")};
        missing.operatorNames = {QStringLiteral("ops")};
        MirrorPlanEntry bundle = MirrorPlanEntry::of(m_source.address() + QStringLiteral("/apps/alpha:1.0"),
                                                     root + QStringLiteral("/ops/bundle:1"), ImageKind::OperatorBundle);
        bundle.bundleNames = {QStringLiteral("ops.v1")};
        entries << missing << bundle
                << MirrorPlanEntry::of(m_source.address() + QStringLiteral("/helm/missing:2"),
                                       root + QStringLiteral("/helm/missing:2"), ImageKind::HelmImage);
        MirrorEngine::Options options;
        options.errorsFile = dir.filePath(QStringLiteral("logs/mirroring_errors_20261125_100000.txt"));
        const MirrorRunResult result = run(m_client.get(), entries, options);
        QCOMPARE(result.copied, 3);
        QCOMPARE(result.failures.size(), 3);
        QCOMPARE(result.exitCode(), 4 | 16);
        QCOMPARE(result.counts.value(ImageCategory::Additional).mirrored, 3);
        QFile errors(options.errorsFile);
        QVERIFY(errors.open(QIODevice::ReadOnly));
        const QByteArray text = errors.readAll();
        QVERIFY2(text.contains(QByteArray("error mirroring image " + m_source.address().toUtf8() +
                                          "/ops/missing:1 (Operator bundles: [ops.v1] - Operators: [ops]) error: ")),
                 text.constData());
        QVERIFY(text.contains("bundle ops.v1 skipped: one of its related images failed"));
        QCOMPARE(result.failedEntries().size(), 3);
        // The skipped bundle never reached the destination.
        QVERIFY(Skopeo::inspectRaw(root + QStringLiteral("/ops/bundle:1")).isEmpty());
    }

    void releaseFailureStopsTheBatch()
    {
        const QString root = m_destination.address() + QStringLiteral("/release");
        QList<MirrorPlanEntry> entries{MirrorPlanEntry::of(
            m_source.address() + QStringLiteral("/ocp/missing:4.16.5"),
            root + QStringLiteral("/openshift/release:4.16.5-x86_64-etcd"), ImageKind::OcpReleaseContent)};
        entries.append(plan(root));
        MirrorEngine::Options options;
        options.parallelImages = 1;
        const MirrorRunResult result = run(m_client.get(), entries, options);
        QVERIFY(result.fatalError.startsWith(QStringLiteral("release image")));
        QCOMPARE(result.copied, 0);
        QVERIFY(result.exitCode() & 2);
        QVERIFY(result.exitCode() & 8);
    }

    void journalLetsAKilledRunResume()
    {
        QTemporaryDir dir;
        const QString root = m_destination.address() + QStringLiteral("/resume");
        MirrorEngine::Options options;
        options.journalFile = dir.filePath(QStringLiteral("journal"));
        options.parallelImages = 1;
        QString finishedFirst;
        {
            // A first run that stops after the first image, as a killed process would.
            MirrorEngine engine(m_client.get(), options);
            QSignalSpy progress(&engine, &MirrorEngine::progressChanged);
            QSignalSpy finished(&engine, &MirrorEngine::finished);
            // Images are checked ahead and may start in any order: remember which one finished.
            connect(&engine, &MirrorEngine::progressChanged, &engine,
                    [&engine, &finishedFirst, &root, this](const QList<ImageCopyProgress> &rows) {
                        for (const auto &row : rows) {
                            if (row.state != ImageCopyProgress::State::Done)
                                continue;
                            if (finishedFirst.isEmpty())
                                finishedFirst = plan(root).at(row.row).destination;
                            engine.cancel();
                        }
                    });
            engine.start(plan(root));
            QVERIFY(finished.wait(60000));
            QVERIFY(progress.count() > 0);
        }
        QFile journal(options.journalFile);
        QVERIFY(journal.open(QIODevice::ReadOnly));
        const QByteArray recorded = journal.readAll();
        // Blob records come first; the finished image is recorded after them.
        QVERIFY(recorded.startsWith("done ") || recorded.contains("\ndone "));
        const qint64 before = logSize();
        const MirrorRunResult result = run(m_client.get(), plan(root), options);
        QVERIFY(result.failures.isEmpty());
        QVERIFY(result.skipped >= 1);
        QCOMPARE(result.copied + result.skipped, 3);
        // What arrived before is not sent again: only the remaining images' manifests are pushed.
        QFile log(m_destination.logFile());
        log.open(QIODevice::ReadOnly);
        log.seek(before);
        const ImageReference done = ref(finishedFirst);
        const QByteArray push = "PUT /v2/" + done.path().toUtf8() + "/manifests/" + done.tag().toUtf8();
        QVERIFY2(!log.readAll().contains(push), push.constData());
    }
};

QTEST_GUILESS_MAIN(TestMirrorEngine)
#include "tst_mirrorengine.moc"
