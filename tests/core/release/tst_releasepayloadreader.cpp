#include "release/releasepayloadreader.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qUtf8Printable(path));
    return file.readAll();
}

QString fixture(const char *name)
{
    return QStringLiteral(FERRY_FIXTURES_DIR "/release-payload/ocp-4.12.0-x86_64/release-manifests/") +
           QString::fromUtf8(name);
}

struct Entry
{
    enum Type { File, Directory, Symlink, Hardlink };
    QString name;
    Type type = File;
    QByteArray data;
    QString link;
};

enum class Compression { None, Gzip, Zstd };

// Writes a layer with libarchive, as an image build would.
void writeLayer(const QString &path, Compression compression, const QList<Entry> &entries)
{
    struct archive *archive = archive_write_new();
    archive_write_set_format_pax_restricted(archive);
    if (compression == Compression::Gzip)
        archive_write_add_filter_gzip(archive);
    else if (compression == Compression::Zstd)
        archive_write_add_filter_zstd(archive);
    if (archive_write_open_filename(archive, QFile::encodeName(path).constData()) != ARCHIVE_OK)
        qFatal("cannot create %s: %s", qUtf8Printable(path), archive_error_string(archive));
    for (const Entry &item : entries) {
        struct archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname(entry, item.name.toUtf8().constData());
        archive_entry_set_perm(entry, item.type == Entry::Directory ? 0755 : 0644);
        switch (item.type) {
        case Entry::File:
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_size(entry, item.data.size());
            break;
        case Entry::Directory:
            archive_entry_set_filetype(entry, AE_IFDIR);
            break;
        case Entry::Symlink:
            archive_entry_set_filetype(entry, AE_IFLNK);
            archive_entry_set_symlink(entry, item.link.toUtf8().constData());
            break;
        case Entry::Hardlink:
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_hardlink(entry, item.link.toUtf8().constData());
            break;
        }
        archive_write_header(archive, entry);
        if (item.type == Entry::File && !item.data.isEmpty())
            archive_write_data(archive, item.data.constData(), size_t(item.data.size()));
        archive_entry_free(entry);
    }
    archive_write_close(archive);
    archive_write_free(archive);
}

Entry file(const char *name, const QByteArray &data)
{
    return {QString::fromUtf8(name), Entry::File, data, QString()};
}

} // namespace

Q_DECLARE_METATYPE(QList<Entry>)

class TestReleasePayloadReader : public QObject
{
    Q_OBJECT

private:
    QByteArray m_imageReferences;
    QByteArray m_metadata;
    QByteArray m_bootImages;

private slots:
    void initTestCase()
    {
        m_imageReferences = readFile(fixture("image-references"));
        m_metadata = readFile(fixture("release-metadata"));
        m_bootImages = readFile(fixture("0000_50_installer_coreos-bootimages.yaml"));
    }

    void readsGzipAndZstdLayers()
    {
        QTemporaryDir dir;
        const QString base = dir.path() + QStringLiteral("/base.tar.gz");
        const QString top = dir.path() + QStringLiteral("/top.tar.zst");
        // A base layer with unrelated content, and the payload layer on top (leading "./" as some builders write).
        writeLayer(base, Compression::Gzip,
                   {{QStringLiteral("usr/bin"), Entry::Directory, {}, {}},
                    file("usr/bin/cluster-version-operator", QByteArray(200000, 'x')),
                    {QStringLiteral("usr/lib/os-release"), Entry::Symlink, {}, QStringLiteral("/etc/os-release")},
                    file("release-manifests/stale.yaml", "from the base layer\n"),
                    file("release-manifests/old/a.yaml", "a\n")});
        writeLayer(
            top, Compression::Zstd,
            {{QStringLiteral("./release-manifests/"), Entry::Directory, {}, {}},
             file("./release-manifests/image-references", m_imageReferences),
             file("./release-manifests/release-metadata", m_metadata),
             file("./release-manifests/0000_50_installer_coreos-bootimages.yaml", m_bootImages),
             file("./release-manifests/.wh.stale.yaml", {}),
             file("./release-manifests/old/.wh..wh..opq", {}),
             {QStringLiteral("./release-manifests/copy-of-metadata"),
              Entry::Hardlink,
              {},
              QStringLiteral("./release-manifests/release-metadata")},
             {QStringLiteral("./release-manifests/alias"), Entry::Symlink, {}, QStringLiteral("release-metadata")},
             file("./manifests/0000_00_cluster-version-operator.yaml", "cvo\n")});

        QTemporaryDir workingDir;
        const QString manifests = ReleasePayloadReader::manifestsDirectoryFor(
            workingDir.path(), QStringLiteral("openshift/release-images"), QStringLiteral("4.12.0-x86_64"));
        QCOMPARE(manifests,
                 workingDir.path() +
                     QStringLiteral("/hold-release/openshift/release-images/4.12.0-x86_64/release-manifests"));
        ReleasePayloadReader reader(manifests);
        QString error;
        QVERIFY2(reader.extractLayer(base, &error), qUtf8Printable(error));
        QVERIFY2(reader.extractLayer(top, &error), qUtf8Printable(error));

        QCOMPARE(readFile(manifests + QStringLiteral("/image-references")), m_imageReferences);
        QCOMPARE(readFile(manifests + QStringLiteral("/copy-of-metadata")), m_metadata);
        QVERIFY(!QFile::exists(manifests + QStringLiteral("/stale.yaml")));
        QVERIFY(!QFile::exists(manifests + QStringLiteral("/old/a.yaml")));
        QVERIFY(!QFileInfo::exists(manifests + QStringLiteral("/alias")));
        QVERIFY(!QFile::exists(workingDir.path() + QStringLiteral("/usr")));
        QStringList extracted = reader.extractedFiles();
        extracted.sort();
        QCOMPARE(extracted, (QStringList{QStringLiteral("0000_50_installer_coreos-bootimages.yaml"),
                                         QStringLiteral("copy-of-metadata"), QStringLiteral("image-references"),
                                         QStringLiteral("release-metadata")}));

        ReleasePayloadReader::Options options;
        options.kubeVirtContainer = true;
        options.kubeVirtArchitectures = {ReleasePayloadReader::bootImageArchitecture(QStringLiteral("amd64"))};
        const auto contents = reader.contents(options, &error);
        QVERIFY2(contents, qUtf8Printable(error));
        QCOMPARE(contents->version, QStringLiteral("4.12.0"));
        QCOMPARE(contents->components.size(), 183);
        QCOMPARE(contents->components.first().name, QStringLiteral("agent-installer-api-server"));
        QCOMPARE(contents->components.first().image,
                 QStringLiteral("quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:"
                                "f30638f60452062aba36a26ee6c036feead2f03b28f2c47f2b0a991e4182331e"));
        QCOMPARE(contents->components.last().name, QStringLiteral("vsphere-problem-detector"));
        QCOMPARE(contents->metadataVersion, QStringLiteral("4.12.0"));
        QCOMPARE(contents->previous.size(), 21);
        QCOMPARE(contents->previous.first(), QStringLiteral("4.11.11"));
        QCOMPARE(contents->metadata.value(QStringLiteral("url")),
                 QStringLiteral("https://access.redhat.com/errata/RHSA-2022:7399"));
        QCOMPARE(contents->kubeVirtContainers,
                 (QList<ReleaseContents::Component>{
                     {QStringLiteral("kube-virt-container"),
                      QStringLiteral("quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:"
                                     "729265d5ef6ed6a45bcd55c46877e3acb9eae3f49c78cd795d5b53aa85e3775b")}}));
        QCOMPARE(contents->manifestsDirectory, manifests);
    }

    void readsPlainTarFromADevice()
    {
        QTemporaryDir dir;
        const QString layer = dir.path() + QStringLiteral("/layer.tar");
        writeLayer(layer, Compression::None, {file("release-manifests/image-references", m_imageReferences)});
        QFile device(layer);
        ReleasePayloadReader reader(dir.path() + QStringLiteral("/out"));
        QString error;
        QVERIFY2(reader.extractLayer(&device, QStringLiteral("sha256:plain"), &error), qUtf8Printable(error));
        const auto contents = reader.contents({}, &error);
        QVERIFY2(contents, qUtf8Printable(error));
        QCOMPARE(contents->components.size(), 183);
        QVERIFY(contents->kubeVirtContainers.isEmpty());
        QVERIFY(contents->metadataVersion.isEmpty());
    }

    void kubeVirtForSeveralArchitectures()
    {
        ReleaseContents contents;
        QString error;
        // The fixture's s390x digest is synthetic and not a valid digest: asking for it is a precise error.
        QVERIFY(!ReleasePayloadReader::parseKubeVirt(m_bootImages, QStringLiteral("bootimages.yaml"), {}, contents,
                                                     &error));
        QVERIFY2(error.contains(QStringLiteral("architectures.s390x.images.kubevirt.digest-ref: expected an image "
                                               "reference by digest")),
                 qUtf8Printable(error));

        QByteArray fixed = m_bootImages;
        fixed.replace("sha256:s390xs390xs390xs390xs390xs390xs390xs390xs390xs390xs390xs390xs390",
                      QByteArray("sha256:").append(QByteArray(64, 'e')));
        QVERIFY2(ReleasePayloadReader::parseKubeVirt(fixed, QStringLiteral("bootimages.yaml"), {}, contents, &error),
                 qUtf8Printable(error));
        QCOMPARE(contents.kubeVirtContainers.size(), 2);
        QCOMPARE(contents.kubeVirtContainers.at(0).name, QStringLiteral("kube-virt-container-s390x"));
        QCOMPARE(contents.kubeVirtContainers.at(0).image,
                 QStringLiteral("quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:") +
                     QString(64, QLatin1Char('e')));
        QCOMPARE(contents.kubeVirtContainers.at(1).name, QStringLiteral("kube-virt-container-x86_64"));

        QVERIFY(!ReleasePayloadReader::parseKubeVirt(fixed, QStringLiteral("bootimages.yaml"),
                                                     {QStringLiteral("aarch64")}, contents, &error));
        QVERIFY2(error.contains(QStringLiteral("architectures.aarch64.images.kubevirt.digest-ref: no KubeVirt")),
                 qUtf8Printable(error));
    }

    void refusesHostileLayers_data()
    {
        QTest::addColumn<QList<Entry>>("entries");
        QTest::addColumn<QString>("expected");
        QTest::newRow("dot-dot") << QList<Entry>{file("../x", "evil")}
                                 << QStringLiteral("entry \"../x\": \"..\" path components are refused");
        QTest::newRow("dot-dot inside") << QList<Entry>{file("release-manifests/../../x", "evil")}
                                        << QStringLiteral("\"..\" path components are refused");
        QTest::newRow("absolute") << QList<Entry>{file("/release-manifests/image-references", "evil")}
                                  << QStringLiteral("entry \"/release-manifests/image-references\": absolute paths are "
                                                    "refused");
        QTest::newRow("symlink escape")
            << QList<Entry>{{QStringLiteral("release-manifests/passwd"),
                             Entry::Symlink,
                             {},
                             QStringLiteral("../../etc/passwd")}}
            << QStringLiteral(
                   "entry \"release-manifests/passwd\": symbolic link to \"../../etc/passwd\" points outside "
                   "release-manifests/");
        QTest::newRow("absolute symlink")
            << QList<Entry>{{QStringLiteral("release-manifests"), Entry::Symlink, {}, QStringLiteral("/etc")},
                            file("release-manifests/passwd", "evil")}
            << QStringLiteral("symbolic link to \"/etc\" points outside release-manifests/");
        QTest::newRow("hardlink escape") << QList<Entry>{{QStringLiteral("release-manifests/shadow"),
                                                          Entry::Hardlink,
                                                          {},
                                                          QStringLiteral("etc/shadow")}}
                                         << QStringLiteral(
                                                "hard link to \"etc/shadow\" points outside release-manifests/");
    }

    void refusesHostileLayers()
    {
        QFETCH(QList<Entry>, entries);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString layer = dir.path() + QStringLiteral("/evil.tar.gz");
        writeLayer(layer, Compression::Gzip, entries);
        const QString out = dir.path() + QStringLiteral("/deep/a/b/out");
        ReleasePayloadReader reader(out);
        QString error;
        QVERIFY(!reader.extractLayer(layer, &error));
        QVERIFY2(error.contains(expected), qUtf8Printable(error));
        QVERIFY2(error.contains(layer), qUtf8Printable(error));
        QVERIFY(!QFile::exists(dir.path() + QStringLiteral("/deep/a/x")));
        QVERIFY(!QFile::exists(dir.path() + QStringLiteral("/deep/x")));
        QVERIFY(QDir(out).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
    }

    void refusesOtherFormats()
    {
        QTemporaryDir dir;
        const QString layer = dir.path() + QStringLiteral("/layer.zip");
        QFile zip(layer);
        QVERIFY(zip.open(QIODevice::WriteOnly));
        zip.write("PK\x03\x04 this is not a tar stream at all, padding padding padding padding padding");
        zip.close();
        ReleasePayloadReader reader(dir.path() + QStringLiteral("/out"));
        QString error;
        QVERIFY(!reader.extractLayer(layer, &error));
        QVERIFY2(error.contains(QStringLiteral("not a tar, tar+gzip or tar+zstd stream")), qUtf8Printable(error));
    }

    void reportsBadManifests()
    {
        QTemporaryDir dir;
        ReleasePayloadReader reader(dir.path());
        QString error;
        QVERIFY(!reader.contents({}, &error));
        QVERIFY2(error.contains(QStringLiteral("the release payload has no release-manifests/image-references")),
                 qUtf8Printable(error));

        ReleaseContents contents;
        QVERIFY(!ReleasePayloadReader::parseImageReferences(R"({"kind":"ImageStream","spec":{"tags":[{"name":"etcd",
            "from":{"kind":"DockerImage","name":"Not A Reference"}}]}})",
                                                            QStringLiteral("image-references"), contents, &error));
        QVERIFY2(error.startsWith(QStringLiteral("image-references: spec.tags[0].from.name: ")), qUtf8Printable(error));
        QVERIFY(!ReleasePayloadReader::parseImageReferences(R"({"kind":"ConfigMap"})",
                                                            QStringLiteral("image-references"), contents, &error));
        QCOMPARE(error, QStringLiteral("image-references: kind: expected \"ImageStream\", got \"ConfigMap\""));
        QVERIFY(!ReleasePayloadReader::parseImageReferences("{\n\"kind\": ,\n}", QStringLiteral("image-references"),
                                                            contents, &error));
        QVERIFY2(error.startsWith(QStringLiteral("image-references: line 2: invalid JSON")), qUtf8Printable(error));
        QVERIFY(!ReleasePayloadReader::parseReleaseMetadata(R"({"kind":"cincinnati-metadata-v0","version":4})",
                                                            QStringLiteral("release-metadata"), contents, &error));
        QCOMPARE(error, QStringLiteral("release-metadata: version: expected the release version, got a number"));
        QVERIFY(
            !ReleasePayloadReader::parseKubeVirt("data: [unclosed", QStringLiteral("boot.yaml"), {}, contents, &error));
        QVERIFY2(error.startsWith(QStringLiteral("boot.yaml: line 1: invalid YAML")), qUtf8Printable(error));
    }

    void readsAsynchronously()
    {
        QTemporaryDir dir;
        const QString layer = dir.path() + QStringLiteral("/layer.tar.gz");
        writeLayer(layer, Compression::Gzip,
                   {file("release-manifests/image-references", m_imageReferences),
                    file("release-manifests/0000_50_installer_coreos-bootimages.yaml", m_bootImages)});
        ReleasePayloadReader::Options options;
        options.kubeVirtContainer = true;
        options.kubeVirtArchitectures = {QStringLiteral("x86_64")};
        auto future = ReleasePayloadReader::readAsync({layer}, dir.path() + QStringLiteral("/out"), options);
        future.waitForFinished();
        const auto result = future.result();
        QVERIFY2(result.contents, qUtf8Printable(result.error));
        QCOMPARE(result.contents->components.size(), 183);
        QCOMPARE(result.contents->kubeVirtContainers.size(), 1);

        auto missing = ReleasePayloadReader::readAsync({dir.path() + QStringLiteral("/absent.tar")},
                                                       dir.path() + QStringLiteral("/out2"), options);
        missing.waitForFinished();
        QVERIFY(!missing.result().contents);
        QVERIFY2(missing.result().error.contains(QStringLiteral("absent.tar")), qUtf8Printable(missing.result().error));
    }
};

QTEST_GUILESS_MAIN(TestReleasePayloadReader)
#include "tst_releasepayloadreader.moc"
