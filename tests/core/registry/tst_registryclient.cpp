#include "registry/registryclient.h"
#include "registryfixture.h"
#include "testimages.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

// RegistryClient against the real docker-registry over plain HTTP, checked with skopeo and curl.
class TestRegistryClient : public QObject
{
    Q_OBJECT

private:
    ImageReference ref(const RegistryFixture &registry, const QString &rest)
    {
        return *ImageReference::parse(registry.address() + QLatin1Char('/') + rest);
    }
    void pushImage(RegistryClient &client, const ImageReference &reference, const TestImage &image)
    {
        for (const QByteArray &blob : image.blobs) {
            const auto pushed = await(client.pushBlob(reference, blob));
            QVERIFY2(pushed.isOk(), qUtf8Printable(pushed.error().toString()));
            QCOMPARE(pushed->digest(), Digest::sha256(blob));
        }
        const auto put = await(client.putManifest(reference, image.manifest));
        QVERIFY2(put.isOk(), qUtf8Printable(put.error().toString()));
        QCOMPARE(put.value(), image.manifest.digest());
    }
    // Copies an image (and an index's children) from one registry to another with Ferry's client only.
    void copyImage(RegistryClient &client, const ImageReference &source, const ImageReference &destination)
    {
        const auto fetched = await(client.getManifest(source));
        QVERIFY2(fetched.isOk(), qUtf8Printable(fetched.error().toString()));
        const Manifest manifest = fetched.value();
        if (manifest.isIndex()) {
            for (const Descriptor &child : manifest.manifests()) {
                copyImage(client, source.withTag(QString()).withDigest(child.digest().toString()),
                          destination.withTag(QString()).withDigest(child.digest().toString()));
                if (QTest::currentTestFailed())
                    return;
            }
        } else {
            for (const Descriptor &blob : manifest.blobs()) {
                const auto copied = await(client.copyBlob(source, destination, blob));
                QVERIFY2(copied.isOk(), qUtf8Printable(copied.error().toString()));
            }
        }
        const auto put = await(client.putManifest(destination, manifest));
        QVERIFY2(put.isOk(), qUtf8Printable(put.error().toString()));
    }

    RegistryFixture m_source;
    RegistryFixture m_destination;
    std::unique_ptr<RegistryClient> m_client;

private slots:
    void initTestCase()
    {
        if (!RegistryFixture::isAvailable())
            QSKIP("docker-registry is not installed");
        QString error;
        QVERIFY2(m_source.start(&error), qUtf8Printable(error));
        QVERIFY2(m_destination.start(&error), qUtf8Printable(error));
        RegistryClient::Options options;
        options.retry = RetryPolicy(2, std::chrono::milliseconds(50));
        m_client = std::make_unique<RegistryClient>(options);
        m_client->setInsecure(m_source.address(), true);
        m_client->setInsecure(m_destination.address(), true);
    }

    void manifestRoundTrip_data()
    {
        QTest::addColumn<bool>("oci");
        QTest::addColumn<bool>("multiArch");
        QTest::newRow("docker-single") << false << false;
        QTest::newRow("oci-single") << true << false;
        QTest::newRow("docker-list") << false << true;
        QTest::newRow("oci-index") << true << true;
    }

    void manifestRoundTrip()
    {
        QFETCH(bool, oci);
        QFETCH(bool, multiArch);
        const QString repo = QStringLiteral("roundtrip/%1").arg(QString::fromLatin1(QTest::currentDataTag()));
        const ImageReference source = ref(m_source, repo + QStringLiteral(":v1"));
        Manifest top;
        if (multiArch) {
            const QStringList architectures{QStringLiteral("amd64"), QStringLiteral("arm64"), QStringLiteral("s390x")};
            QList<TestImage> children;
            for (const QString &architecture : architectures) {
                children.append(makeImage(oci, architecture, 2, 3000));
                pushImage(*m_client, source.withTag(QString()).withDigest(children.last().manifest.digest().toString()),
                          children.last());
            }
            top = makeIndex(oci, children, architectures);
            const auto put = await(m_client->putManifest(source, top));
            QVERIFY2(put.isOk(), qUtf8Printable(put.error().toString()));
        } else {
            const TestImage image = makeImage(oci, QStringLiteral("amd64"), 3, 10000);
            pushImage(*m_client, source, image);
            top = image.manifest;
        }
        if (QTest::currentTestFailed())
            return;

        // Ferry reads back the exact bytes, by tag and by digest; skopeo sees the same bytes.
        const auto byTag = await(m_client->getManifest(source));
        QVERIFY2(byTag.isOk(), qUtf8Printable(byTag.error().toString()));
        QCOMPARE(byTag->bytes(), top.bytes());
        QCOMPARE(byTag->mediaType(), top.mediaType());
        QCOMPARE(byTag->isIndex(), multiArch);
        const auto byDigest =
            await(m_client->getManifest(source.withTag(QString()).withDigest(top.digest().toString())));
        QVERIFY2(byDigest.isOk(), qUtf8Printable(byDigest.error().toString()));
        QCOMPARE(byDigest->digest(), top.digest());
        QCOMPARE(skopeoRaw(source.toString()), top.bytes());
        if (multiArch) {
            QCOMPARE(byTag->manifests().size(), 3);
            QCOMPARE(byTag->manifests().at(1).platform()->architecture, QStringLiteral("arm64"));
        } else {
            QCOMPARE(byTag->layers().size(), 3);
            QCOMPARE(byTag->layers().at(2).size(), 10002);
        }

        const auto head = await(m_client->headManifest(source));
        QVERIFY2(head.isOk(), qUtf8Printable(head.error().toString()));
        QCOMPARE(head->digest(), top.digest());
        QCOMPARE(head->mediaType(), top.mediaType());
        QCOMPARE(head->size(), top.size());

        // Registry to registry: byte-identical on the destination, as skopeo sees it.
        const ImageReference destination = ref(m_destination, repo + QStringLiteral(":v1"));
        copyImage(*m_client, source, destination);
        if (QTest::currentTestFailed())
            return;
        const QByteArray copied = skopeoRaw(destination.toString());
        QCOMPARE(copied, top.bytes());
        QCOMPARE(Digest::sha256(copied), top.digest());
    }

    void bigBlobStreamsBetweenRegistries()
    {
        const QByteArray blob = randomBytes(24 * 1024 * 1024 + 123);
        const Descriptor descriptor(MediaTypes::OciLayerGzip, Digest::sha256(blob), blob.size());
        const ImageReference source = ref(m_source, QStringLiteral("big/source"));
        const ImageReference destination = ref(m_destination, QStringLiteral("big/destination"));
        QVERIFY(await(m_client->pushBlob(source, blob)).isOk());

        const auto copied = await(m_client->copyBlob(source, destination, descriptor));
        QVERIFY2(copied.isOk(), qUtf8Printable(copied.error().toString()));
        QCOMPARE(copied.value(), BlobTransfer::Outcome::Copied);
        QCOMPARE(curlStatus(QStringLiteral("HEAD"), QStringLiteral("http://%1/v2/big/destination/blobs/%2")
                                                        .arg(m_destination.address(), descriptor.digest().toString())),
                 200);
        // Again: the destination has it now.
        const auto again = await(m_client->copyBlob(source, destination, descriptor));
        QVERIFY(again.isOk());
        QCOMPARE(again.value(), BlobTransfer::Outcome::AlreadyPresent);

        // Back to a local file, verified and complete.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("blobs/sha256/big"));
        const auto downloaded = await(m_client->downloadBlob(destination, descriptor, path));
        QVERIFY2(downloaded.isOk(), qUtf8Printable(downloaded.error().toString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.size(), blob.size());
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QVERIFY(hash.addData(&file));
        QCOMPARE(QString::fromLatin1(hash.result().toHex()), descriptor.digest().encoded());
    }

    void uploadFromFile_data()
    {
        QTest::addColumn<qint64>("chunkSize");
        QTest::newRow("streamed") << qint64(0);
        QTest::newRow("chunked") << qint64(1024 * 1024);
    }

    void uploadFromFile()
    {
        QFETCH(qint64, chunkSize);
        QTemporaryDir dir;
        const QByteArray blob = randomBytes(3 * 1024 * 1024 + 517);
        const QString path = dir.filePath(QStringLiteral("layer"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(blob);
        file.close();
        const Descriptor descriptor(MediaTypes::OciLayerGzip, Digest::sha256(blob), blob.size());
        const ImageReference destination =
            ref(m_destination, QStringLiteral("upload/%1").arg(QString::fromLatin1(QTest::currentDataTag())));
        BlobTransfer::Options options;
        options.chunkSize = chunkSize;
        const auto uploaded = await(m_client->uploadBlob(path, destination, descriptor, options));
        QVERIFY2(uploaded.isOk(), qUtf8Printable(uploaded.error().toString()));
        const auto back = await(m_client->getBlob(destination, descriptor, 8 * 1024 * 1024));
        QVERIFY2(back.isOk(), qUtf8Printable(back.error().toString()));
        QCOMPARE(back.value(), blob);
    }

    void corruptLocalFileIsRefused_data()
    {
        QTest::addColumn<qint64>("chunkSize");
        QTest::newRow("streamed") << qint64(0);
        QTest::newRow("chunked") << qint64(64 * 1024);
    }

    void corruptLocalFileIsRefused()
    {
        QFETCH(qint64, chunkSize);
        QTemporaryDir dir;
        QByteArray blob = randomBytes(300 * 1024);
        const Descriptor descriptor(MediaTypes::OciLayerGzip, Digest::sha256(blob), blob.size());
        blob[1000] = char(blob[1000] ^ 0x20);
        const QString path = dir.filePath(QStringLiteral("layer"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(blob);
        file.close();
        const ImageReference destination = ref(m_destination, QStringLiteral("corrupt/local"));
        BlobTransfer::Options options;
        options.chunkSize = chunkSize;
        const auto uploaded = await(m_client->uploadBlob(path, destination, descriptor, options));
        QVERIFY(!uploaded.isOk());
        QCOMPARE(uploaded.error().kind(), RegistryError::Kind::DigestMismatch);
        QCOMPARE(curlStatus(QStringLiteral("HEAD"), QStringLiteral("http://%1/v2/corrupt/local/blobs/%2")
                                                        .arg(m_destination.address(), descriptor.digest().toString())),
                 404);
        const auto exists = await(m_client->blobExists(destination, descriptor.digest()));
        QVERIFY(exists.isOk());
        QVERIFY(!exists.value());
    }

    void crossRepositoryMount()
    {
        const QByteArray blob = randomBytes(200 * 1024);
        const Descriptor descriptor(MediaTypes::OciLayerGzip, Digest::sha256(blob), blob.size());
        const ImageReference from = ref(m_source, QStringLiteral("mount/from"));
        const ImageReference to = ref(m_source, QStringLiteral("mount/to"));
        QVERIFY(await(m_client->pushBlob(from, blob)).isOk());

        const auto mounted = await(m_client->mountBlob(from, to, descriptor.digest()));
        QVERIFY2(mounted.isOk(), qUtf8Printable(mounted.error().toString()));
        QVERIFY(mounted.value());
        QCOMPARE(curlStatus(QStringLiteral("HEAD"), QStringLiteral("http://%1/v2/mount/to/blobs/%2")
                                                        .arg(m_source.address(), descriptor.digest().toString())),
                 200);

        // A blob the source repository does not have: 202, not mounted.
        const Digest unknown = Digest::sha256(randomBytes(64));
        const auto notMounted = await(m_client->mountBlob(from, to, unknown));
        QVERIFY2(notMounted.isOk(), qUtf8Printable(notMounted.error().toString()));
        QVERIFY(!notMounted.value());

        // copyBlob inside one registry mounts.
        const ImageReference third = ref(m_source, QStringLiteral("mount/third"));
        const auto copied = await(m_client->copyBlob(from, third, descriptor));
        QVERIFY2(copied.isOk(), qUtf8Printable(copied.error().toString()));
        QCOMPARE(copied.value(), BlobTransfer::Outcome::Mounted);

        // Fallback: the mount source lacks the blob, so the 202 session is used for a normal streamed upload.
        const QByteArray other = randomBytes(100 * 1024);
        const Descriptor otherDescriptor(MediaTypes::OciLayerGzip, Digest::sha256(other), other.size());
        const ImageReference elsewhere = ref(m_source, QStringLiteral("mount/elsewhere"));
        QVERIFY(await(m_client->pushBlob(elsewhere, other)).isOk());
        // Mounting from a repository that does not have it: distribution answers 202 and the upload proceeds,
        // reading from "elsewhere" would fail, so use the same registry with the blob present under another name.
        const auto fallback = await(m_client->copyBlob(elsewhere, third, otherDescriptor));
        QVERIFY2(fallback.isOk(), qUtf8Printable(fallback.error().toString()));
        QCOMPARE(await(m_client->getBlob(third, otherDescriptor)).value(), other);
    }

    void tagsPagination()
    {
        const TestImage image = makeImage(true, QStringLiteral("amd64"), 1, 100);
        const ImageReference repository = ref(m_source, QStringLiteral("tags/many:t0"));
        pushImage(*m_client, repository, image);
        QStringList expected{QStringLiteral("t0")};
        for (int i = 1; i < 27; ++i) {
            const QString tag = QStringLiteral("t%1").arg(i);
            expected.append(tag);
            QVERIFY(await(m_client->putManifest(repository.withTag(tag), image.manifest)).isOk());
        }
        expected.sort();
        const auto paged = await(m_client->listTags(repository, 10));
        QVERIFY2(paged.isOk(), qUtf8Printable(paged.error().toString()));
        QStringList tags = paged.value();
        tags.sort();
        QCOMPARE(tags, expected);
        const auto whole = await(m_client->listTags(repository));
        QVERIFY(whole.isOk());
        QCOMPARE(whole->size(), 27);

        const auto missing = await(m_client->listTags(ref(m_source, QStringLiteral("tags/none"))));
        QVERIFY(!missing.isOk());
        QCOMPARE(missing.error().kind(), RegistryError::Kind::NotFound);
        QCOMPARE(missing.error().code(), QStringLiteral("NAME_UNKNOWN"));
    }

    void deleteManifest()
    {
        const TestImage image = makeImage(false, QStringLiteral("amd64"), 1, 100);
        const ImageReference tagged = ref(m_source, QStringLiteral("delete/me:v1"));
        pushImage(*m_client, tagged, image);
        const ImageReference byDigest = tagged.withTag(QString()).withDigest(image.manifest.digest().toString());
        const auto deleted = await(m_client->deleteManifest(byDigest));
        QVERIFY2(deleted.isOk(), qUtf8Printable(deleted.error().toString()));
        const auto gone = await(m_client->getManifest(tagged));
        QVERIFY(!gone.isOk());
        QCOMPARE(gone.error().kind(), RegistryError::Kind::NotFound);
        QCOMPARE(gone.error().httpStatus(), 404);
        QCOMPARE(gone.error().code(), QStringLiteral("MANIFEST_UNKNOWN"));
        QVERIFY(gone.error().toString().contains(tagged.domain()));

        RegistryFixture::Options options;
        options.deleteEnabled = false;
        RegistryFixture readOnly(options);
        QString error;
        QVERIFY2(readOnly.start(&error), qUtf8Printable(error));
        m_client->setInsecure(readOnly.address(), true);
        const ImageReference kept = ref(readOnly, QStringLiteral("delete/kept:v1"));
        pushImage(*m_client, kept, image);
        const auto refused =
            await(m_client->deleteManifest(kept.withTag(QString()).withDigest(image.manifest.digest().toString())));
        QVERIFY(!refused.isOk());
        QCOMPARE(refused.error().kind(), RegistryError::Kind::DeletionDisabled);
        QCOMPARE(refused.error().message(), QStringLiteral("deletion is disabled on %1").arg(readOnly.address()));
        QCOMPARE(skopeoRaw(kept.toString()), image.manifest.bytes());
    }

    void unreachableRegistry()
    {
        const quint16 port = RegistryFixture::freePort();
        const ImageReference nowhere = *ImageReference::parse(QStringLiteral("127.0.0.1:%1/x/y:1").arg(port));
        m_client->setInsecure(nowhere.domain(), true);
        const auto result = await(m_client->getManifest(nowhere));
        QVERIFY(!result.isOk());
        QCOMPARE(result.error().kind(), RegistryError::Kind::Network);
        QVERIFY(result.error().isTransient());
    }

    void concurrentCopies()
    {
        // Many transfers at once through the bounded stream slots.
        QList<Descriptor> descriptors;
        const ImageReference source = ref(m_source, QStringLiteral("many/source"));
        const ImageReference destination = ref(m_destination, QStringLiteral("many/destination"));
        for (int i = 0; i < 24; ++i) {
            const QByteArray blob = randomBytes(256 * 1024 + i);
            descriptors.append(Descriptor(MediaTypes::OciLayerGzip, Digest::sha256(blob), blob.size()));
            QVERIFY(await(m_client->pushBlob(source, blob)).isOk());
        }
        QList<QFuture<RegistryResult<BlobTransfer::Outcome>>> futures;
        for (const Descriptor &descriptor : descriptors)
            futures.append(m_client->copyBlob(source, destination, descriptor));
        for (auto &future : futures) {
            const auto result = await(future);
            QVERIFY2(result.isOk(), qUtf8Printable(result.error().toString()));
        }
        for (const Descriptor &descriptor : descriptors)
            QVERIFY(await(m_client->blobExists(destination, descriptor.digest())).value());
    }
};

QTEST_GUILESS_MAIN(TestRegistryClient)
#include "tst_registryclient.moc"
