#include "faultproxy.h"
#include "registry/registryclient.h"
#include "registryfixture.h"
#include "testimages.h"

#include <QTemporaryDir>
#include <QTest>

// Damaged blob downloads, with a fault-injecting proxy in front of a real source registry: a flipped byte is
// detected and nothing lands on the destination; a connection cut half-way is retried and the copy is correct.
class TestBlobFaults : public QObject
{
    Q_OBJECT

private:
    RegistryFixture m_source;
    RegistryFixture m_destination;
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<RegistryClient> m_client;
    QByteArray m_blob;
    Descriptor m_descriptor;

    ImageReference ref(const QString &address, const QString &rest)
    {
        return *ImageReference::parse(address + QLatin1Char('/') + rest);
    }
    QString blobUrl(const QString &repository) const
    {
        return QStringLiteral("http://%1/v2/%2/blobs/%3")
            .arg(m_destination.address(), repository, m_descriptor.digest().toString());
    }

private slots:
    void initTestCase()
    {
        if (!RegistryFixture::isAvailable())
            QSKIP("docker-registry is not installed");
        QString error;
        QVERIFY2(m_source.start(&error), qUtf8Printable(error));
        QVERIFY2(m_destination.start(&error), qUtf8Printable(error));
        m_proxy = std::make_unique<FaultProxy>(m_source.address());
        QVERIFY2(m_proxy->start(&error), qUtf8Printable(error));
        RegistryClient::Options options;
        options.retry = RetryPolicy(3, std::chrono::milliseconds(50));
        m_client = std::make_unique<RegistryClient>(options);
        for (const QString &address : {m_source.address(), m_destination.address(), m_proxy->address()})
            m_client->setInsecure(address, true);

        m_blob = randomBytes(6 * 1024 * 1024 + 11);
        m_descriptor = Descriptor(MediaTypes::OciLayerGzip, Digest::sha256(m_blob), m_blob.size());
        const auto pushed = await(m_client->pushBlob(ref(m_source.address(), QStringLiteral("app/layer")), m_blob));
        QVERIFY2(pushed.isOk(), qUtf8Printable(pushed.error().toString()));
    }

    void init() { m_proxy->setFault(FaultProxy::Fault::None); }

    void flippedByteIsRefusedAndNothingLands()
    {
        m_proxy->setFault(FaultProxy::Fault::FlipByte);
        const ImageReference source = ref(m_proxy->address(), QStringLiteral("app/layer"));
        const ImageReference destination = ref(m_destination.address(), QStringLiteral("flipped/layer"));
        const auto copied = await(m_client->copyBlob(source, destination, m_descriptor));
        QVERIFY(!copied.isOk());
        QCOMPARE(copied.error().kind(), RegistryError::Kind::DigestMismatch);
        QVERIFY(m_proxy->faultsInjected() >= 1);
        // An independent client agrees: the destination has no such blob and no manifest.
        QCOMPARE(curlStatus(QStringLiteral("HEAD"), blobUrl(QStringLiteral("flipped/layer"))), 404);
        QCOMPARE(curlStatus(QStringLiteral("GET"),
                            QStringLiteral("http://%1/v2/flipped/layer/tags/list").arg(m_destination.address())),
                 404);

        // The same to a local file: no file appears.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("blob"));
        const auto downloaded = await(m_client->downloadBlob(source, m_descriptor, path));
        QVERIFY(!downloaded.isOk());
        QCOMPARE(downloaded.error().kind(), RegistryError::Kind::DigestMismatch);
        QVERIFY(!QFile::exists(path));

        // A whole image whose layer arrives damaged: the copy stops before any manifest is pushed.
        const TestImage image = makeImage(true, QStringLiteral("amd64"), 1, 200 * 1024);
        const ImageReference original = ref(m_source.address(), QStringLiteral("app/image:v1"));
        for (const QByteArray &blob : image.blobs)
            QVERIFY(await(m_client->pushBlob(original, blob)).isOk());
        QVERIFY(await(m_client->putManifest(original, image.manifest)).isOk());
        const ImageReference viaProxy = ref(m_proxy->address(), QStringLiteral("app/image:v1"));
        const ImageReference target = ref(m_destination.address(), QStringLiteral("flipped/image:v1"));
        const auto manifest = await(m_client->getManifest(viaProxy));
        QVERIFY2(manifest.isOk(), qUtf8Printable(manifest.error().toString()));
        bool failed = false;
        for (const Descriptor &blob : manifest->blobs()) {
            if (!await(m_client->copyBlob(viaProxy, target, blob)).isOk())
                failed = true;
        }
        QVERIFY(failed);
        QVERIFY(skopeoRaw(target.toString()).isEmpty());
        QCOMPARE(curlStatus(QStringLiteral("HEAD"),
                            QStringLiteral("http://%1/v2/flipped/image/blobs/%2")
                                .arg(m_destination.address(), manifest->layers().constFirst().digest().toString())),
                 404);
    }

    void droppedConnectionIsRetried()
    {
        const int before = m_proxy->faultsInjected();
        m_proxy->setFault(FaultProxy::Fault::DropConnection, 1);
        const ImageReference source = ref(m_proxy->address(), QStringLiteral("app/layer"));
        const ImageReference destination = ref(m_destination.address(), QStringLiteral("dropped/layer"));
        const auto copied = await(m_client->copyBlob(source, destination, m_descriptor));
        QVERIFY2(copied.isOk(), qUtf8Printable(copied.error().toString()));
        QCOMPARE(m_proxy->faultsInjected(), before + 1);
        QCOMPARE(curlStatus(QStringLiteral("HEAD"), blobUrl(QStringLiteral("dropped/layer"))), 200);
        const auto back = await(m_client->getBlob(destination, m_descriptor));
        QVERIFY(back.isOk());
        QCOMPARE(back.value(), m_blob);

        // To a file as well.
        m_proxy->setFault(FaultProxy::Fault::DropConnection, 1);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("blob"));
        const auto downloaded = await(m_client->downloadBlob(source, m_descriptor, path));
        QVERIFY2(downloaded.isOk(), qUtf8Printable(downloaded.error().toString()));
        QCOMPARE(m_proxy->faultsInjected(), before + 2);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), m_blob);
    }

    void droppedEveryTimeGivesUp()
    {
        m_proxy->setFault(FaultProxy::Fault::DropConnection, -1);
        const ImageReference source = ref(m_proxy->address(), QStringLiteral("app/layer"));
        const ImageReference destination = ref(m_destination.address(), QStringLiteral("never/layer"));
        const int before = m_proxy->faultsInjected();
        const auto copied = await(m_client->copyBlob(source, destination, m_descriptor));
        QVERIFY(!copied.isOk());
        QCOMPARE(copied.error().kind(), RegistryError::Kind::Network);
        // The first try and three retries.
        QCOMPARE(m_proxy->faultsInjected() - before, 4);
        QCOMPARE(curlStatus(QStringLiteral("HEAD"), blobUrl(QStringLiteral("never/layer"))), 404);
    }
};

QTEST_GUILESS_MAIN(TestBlobFaults)
#include "tst_blobfaults.moc"
