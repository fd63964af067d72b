#include "copy/mirrorengine.h"
#include "registry/mediatypes.h"
#include "registry/registryclient.h"

#include "registryfixture.h"
#include "skopeo.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

// What the engine asks the registries, counted in their access logs: a no-op rerun only checks (one HEAD at the
// destination, one HEAD at the source for a by-tag origin, nothing at the source for a by-digest one), a tag that
// moved at the source is noticed, and every blob arrives in one POST + one PUT, small or large.
class TestMirrorChecks : public QObject
{
    Q_OBJECT

private:
    static RegistryFixture::Options logged()
    {
        RegistryFixture::Options options;
        options.accessLog = true;
        return options;
    }

    RegistryFixture m_source{logged()};
    RegistryFixture m_destination{logged()};
    std::unique_ptr<RegistryClient> m_client;
    QString m_byDigest;

    static QByteArray randomBytes(qsizetype size, quint32 seed)
    {
        QByteArray bytes(size, '\0');
        QRandomGenerator generator(seed);
        for (qsizetype i = 0; i + 4 <= size; i += 4) {
            const quint32 value = generator.generate();
            memcpy(bytes.data() + i, &value, 4);
        }
        return bytes;
    }

    static ImageReference ref(const QString &text) { return *ImageReference::parse(text); }

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

    // An OCI image with a config and one layer of `layerSize` bytes; returns the manifest digest.
    QString pushImage(const QString &reference, quint32 seed, qsizetype layerSize = 32 * 1024)
    {
        const QString repository = reference.section(QLatin1Char(':'), 0, -2);
        const QByteArray config =
            QStringLiteral("{\"architecture\":\"amd64\",\"os\":\"linux\",\"seed\":%1}").arg(seed).toUtf8();
        const QJsonObject object{
            {QStringLiteral("schemaVersion"), 2},
            {QStringLiteral("mediaType"), QString(MediaTypes::OciManifest)},
            {QStringLiteral("config"),
             pushBlob(repository, config, QStringLiteral("application/vnd.oci.image.config.v1+json"))},
            {QStringLiteral("layers"),
             QJsonArray{pushBlob(repository, randomBytes(layerSize, seed),
                                 QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip"))}},
        };
        const auto manifest =
            Manifest::parse(QJsonDocument(object).toJson(QJsonDocument::Compact), QString(MediaTypes::OciManifest));
        auto pushed = m_client->putManifest(ref(reference), *manifest);
        pushed.waitForFinished();
        if (!pushed.result())
            qFatal("putManifest failed: %s", qPrintable(pushed.result().error().toString()));
        return manifest->digest().toString();
    }

    QList<MirrorPlanEntry> plan(const QString &root) const
    {
        const QString src = m_source.address();
        return {
            MirrorPlanEntry::of(src + QStringLiteral("/app/one:1"), root + QStringLiteral("/app/one:1"),
                                ImageKind::Generic),
            MirrorPlanEntry::of(src + QStringLiteral("/app/two:1"), root + QStringLiteral("/app/two:1"),
                                ImageKind::Generic),
            MirrorPlanEntry::of(src + QStringLiteral("/app/three@") + m_byDigest,
                                root + QStringLiteral("/app/three:sha256-") + m_byDigest.mid(7), ImageKind::Generic),
        };
    }

    MirrorRunResult run(const QList<MirrorPlanEntry> &entries)
    {
        MirrorEngine engine(m_client.get(), MirrorEngine::Options{});
        QSignalSpy finished(&engine, &MirrorEngine::finished);
        auto future = engine.start(entries);
        if (!finished.wait(120000))
            qFatal("the engine did not finish");
        return future.result();
    }

    // Requests logged since `offset` whose request line matches `pattern` ("HEAD /v2/.../manifests/...").
    static int requests(const RegistryFixture &registry, qint64 offset, const QString &pattern)
    {
        QFile log(registry.logFile());
        if (!log.open(QIODevice::ReadOnly))
            return -1;
        log.seek(offset);
        const QString text = QString::fromUtf8(log.readAll());
        const QRegularExpression expression(QStringLiteral("\"") + pattern + QStringLiteral(" HTTP/1.1\""));
        int count = 0;
        for (auto it = expression.globalMatch(text); it.hasNext(); it.next())
            ++count;
        return count;
    }

    static qint64 logSize(const RegistryFixture &registry) { return QFileInfo(registry.logFile()).size(); }

private slots:
    void initTestCase()
    {
        if (!RegistryFixture::isAvailable())
            QSKIP("docker-registry is not installed");
        QString error;
        QVERIFY2(m_source.start(&error), qPrintable(error));
        QVERIFY2(m_destination.start(&error), qPrintable(error));
        m_client = std::make_unique<RegistryClient>();
        m_client->setInsecure(m_source.address(), true);
        m_client->setInsecure(m_destination.address(), true);
        pushImage(m_source.address() + QStringLiteral("/app/one:1"), 1);
        pushImage(m_source.address() + QStringLiteral("/app/two:1"), 2);
        m_byDigest = pushImage(m_source.address() + QStringLiteral("/app/three:1"), 3);
    }

    void noOpRerunOnlyAsksForDigests()
    {
        const QString root = m_destination.address() + QStringLiteral("/noop");
        const MirrorRunResult first = run(plan(root));
        QVERIFY2(first.failures.isEmpty(), qPrintable(first.failures.value(0).reason));
        QCOMPARE(first.copied, 3);

        const qint64 source = logSize(m_source);
        const qint64 destination = logSize(m_destination);
        const MirrorRunResult again = run(plan(root));
        QTest::qWait(300); // the registries write their access log after answering
        QCOMPARE(again.skipped, 3);
        QCOMPARE(again.copied, 0);
        // The by-tag ones are asked for with a HEAD; the by-digest one's `sha256-<hex>` tag is found in its
        // repository's tag list.
        QCOMPARE(requests(m_destination, destination, QStringLiteral("HEAD /v2/noop/app/(one|two)/manifests/1")), 2);
        QCOMPARE(requests(m_destination, destination, QStringLiteral("GET /v2/noop/app/three/tags/list[^ ]*")), 1);
        QCOMPARE(requests(m_destination, destination, QStringLiteral("[A-Z]+ [^ ]+")), 3);
        // The two by-tag origins are asked for their digest; the by-digest one is not asked at all.
        QCOMPARE(requests(m_source, source, QStringLiteral("HEAD /v2/app/(one|two)/manifests/1")), 2);
        QCOMPARE(requests(m_source, source, QStringLiteral("[A-Z]+ [^ ]+")), 2);
    }

    void byDigestImagesOfOneRepositoryAreCheckedWithOneList()
    {
        // Six images of one repository by digest, as a catalog's related images are: the first run finds the
        // repository absent with one list and sends no HEAD; the rerun checks all six with one list.
        const QString src = m_source.address();
        QList<MirrorPlanEntry> entries;
        for (int i = 0; i < 6; ++i) {
            const QString digest = pushImage(src + QStringLiteral("/ops/related:v") + QString::number(i), 20 + i);
            entries.append(MirrorPlanEntry::of(src + QStringLiteral("/ops/related@") + digest,
                                               m_destination.address() + QStringLiteral("/list/ops/related:sha256-") +
                                                   digest.mid(7),
                                               ImageKind::OperatorRelatedImage));
        }
        qint64 destination = logSize(m_destination);
        const MirrorRunResult first = run(entries);
        QVERIFY2(first.failures.isEmpty(), qPrintable(first.failures.value(0).reason));
        QCOMPARE(first.copied, 6);
        QTest::qWait(300);
        QCOMPARE(requests(m_destination, destination, QStringLiteral("GET /v2/list/ops/related/tags/list[^ ]*")), 1);
        QCOMPARE(requests(m_destination, destination, QStringLiteral("HEAD /v2/list/ops/related/manifests/[^ ]+")), 0);

        destination = logSize(m_destination);
        const MirrorRunResult again = run(entries);
        QTest::qWait(300);
        QCOMPARE(again.skipped, 6);
        QCOMPARE(requests(m_destination, destination, QStringLiteral("[A-Z]+ [^ ]+")), 1);

        // A tag the digest does not decide (a targetTag) is listed, but its digest is still compared: a new digest
        // under the same tag is copied.
        const QString renamed = m_destination.address() + QStringLiteral("/list/ops/related:stable");
        MirrorPlanEntry pinned = MirrorPlanEntry::of(entries.at(0).origin, renamed, ImageKind::Generic);
        QCOMPARE(run({pinned}).copied, 1);
        pinned.origin = entries.at(1).origin;
        destination = logSize(m_destination);
        const MirrorRunResult moved = run({pinned});
        QVERIFY2(moved.failures.isEmpty(), qPrintable(moved.failures.value(0).reason));
        QCOMPARE(moved.copied, 1);
        QTest::qWait(300);
        QCOMPARE(requests(m_destination, destination, QStringLiteral("HEAD /v2/list/ops/related/manifests/stable")), 1);
        QCOMPARE(Skopeo::inspectRaw(renamed), Skopeo::inspectRaw(src + QStringLiteral("/ops/related@") +
                                                                 entries.at(1).origin.section(QLatin1Char('@'), 1)));
    }

    void movedSourceTagIsCopiedAgain()
    {
        const QString root = m_destination.address() + QStringLiteral("/moved");
        QCOMPARE(run(plan(root)).copied, 3);
        const QString src = m_source.address();
        const QString moved = pushImage(src + QStringLiteral("/app/two:1"), 22);
        const qint64 source = logSize(m_source);
        const MirrorRunResult again = run(plan(root));
        QVERIFY2(again.failures.isEmpty(), qPrintable(again.failures.value(0).reason));
        QCOMPARE(again.copied, 1);
        QCOMPARE(again.skipped, 2);
        QTest::qWait(300);
        // The moved image's manifest is fetched by the digest the HEAD reported, so it cannot move again meanwhile.
        QCOMPARE(requests(m_source, source, QStringLiteral("GET /v2/app/two/manifests/") + moved), 1);
        QCOMPARE(requests(m_source, source, QStringLiteral("GET /v2/app/two/manifests/1")), 0);
        const QByteArray copied = Skopeo::inspectRaw(root + QStringLiteral("/app/two:1"));
        QCOMPARE(copied, Skopeo::inspectRaw(src + QStringLiteral("/app/two@") + moved));
        pushImage(src + QStringLiteral("/app/two:1"), 2); // back to what the other tests expect
    }

    void everyBlobIsOnePostAndOnePut()
    {
        // One layer below the in-memory limit, one above it (streamed): both end in a single PUT ?digest=.
        const QString src = m_source.address();
        pushImage(src + QStringLiteral("/big/image:1"), 40, 3 * 1024 * 1024 + 5);
        const QString root = m_destination.address() + QStringLiteral("/blobs");
        const qint64 destination = logSize(m_destination);
        const MirrorRunResult result =
            run({MirrorPlanEntry::of(src + QStringLiteral("/big/image:1"), root + QStringLiteral("/big/image:1"),
                                     ImageKind::Generic),
                 MirrorPlanEntry::of(src + QStringLiteral("/app/one:1"), root + QStringLiteral("/app/one:1"),
                                     ImageKind::Generic)});
        QVERIFY2(result.failures.isEmpty(), qPrintable(result.failures.value(0).reason));
        QCOMPARE(result.copied, 2);
        QTest::qWait(300);
        QCOMPARE(Skopeo::inspectRaw(root + QStringLiteral("/big/image:1")),
                 Skopeo::inspectRaw(src + QStringLiteral("/big/image:1")));
        QCOMPARE(requests(m_destination, destination, QStringLiteral("PATCH [^ ]+")), 0);
        // 2 images x (config + layer) = 4 uploads, each a POST and a PUT ?digest=; then 2 manifests. Only the
        // big layer is looked for with a HEAD first; the small blobs ask in their POST (a mount from the
        // destination repository itself).
        QCOMPARE(requests(m_destination, destination, QStringLiteral("POST /v2/blobs/[a-z]+/[a-z]+/blobs/uploads/")),
                 1);
        QCOMPARE(requests(m_destination, destination,
                          QStringLiteral("POST /v2/blobs/(big/image|app/one)/blobs/uploads/"
                                         "\\?mount=sha256:[0-9a-f]{64}&from=blobs/\\1")),
                 3);
        QCOMPARE(requests(m_destination, destination, QStringLiteral("HEAD /v2/blobs/[a-z]+/[a-z]+/blobs/[^ ]+")), 1);
        QCOMPARE(
            requests(m_destination, destination, QStringLiteral("PUT /v2/blobs/[a-z]+/[a-z]+/blobs/uploads/[^ ]+")), 4);
        QCOMPARE(requests(m_destination, destination, QStringLiteral("PUT /v2/blobs/[a-z]+/[a-z]+/manifests/1")), 2);

        // The same image under a new tag: the small blobs are found by their POST and none is sent again.
        const qint64 before = logSize(m_destination);
        const MirrorRunResult again = run({MirrorPlanEntry::of(
            src + QStringLiteral("/app/one:1"), root + QStringLiteral("/app/one:2"), ImageKind::Generic)});
        QVERIFY2(again.failures.isEmpty(), qPrintable(again.failures.value(0).reason));
        QCOMPARE(again.copied, 1);
        QTest::qWait(300);
        QCOMPARE(requests(m_destination, before, QStringLiteral("POST /v2/blobs/app/one/blobs/uploads/[^ ]+")), 2);
        QCOMPARE(requests(m_destination, before, QStringLiteral("PUT /v2/blobs/app/one/blobs/uploads/[^ ]+")), 0);
        QCOMPARE(requests(m_destination, before, QStringLiteral("PUT /v2/blobs/app/one/manifests/2")), 1);
        QCOMPARE(Skopeo::inspectRaw(root + QStringLiteral("/app/one:2")),
                 Skopeo::inspectRaw(src + QStringLiteral("/app/one:1")));
    }
};

QTEST_GUILESS_MAIN(TestMirrorChecks)
#include "tst_mirrorchecks.moc"
