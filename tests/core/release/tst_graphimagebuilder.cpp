#include "archive/tarbuilder.h"
#include "registry/digest.h"
#include "registry/mediatypes.h"
#include "release/graphimagebuilder.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The graph-data image: where its data comes from, the layer (files, owners, modes, determinism) and the image
// around it (every platform of the base, CMD, the base's configuration kept).
class TestGraphImageBuilder : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QByteArray m_tarball;

    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static void writeFile(const QString &path, const QByteArray &content)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }

    static QByteArray run(const QString &program, const QStringList &arguments, const QString &directory = {})
    {
        QProcess process;
        if (!directory.isEmpty())
            process.setWorkingDirectory(directory);
        process.start(program, arguments);
        if (!process.waitForFinished(30000) || process.exitCode() != 0)
            qWarning("%s failed: %s", qUtf8Printable(program), process.readAllStandardError().constData());
        return process.readAllStandardOutput();
    }

    static QMap<QString, QByteArray> filesUnder(const QString &directory)
    {
        QMap<QString, QByteArray> files;
        QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            files.insert(QDir(directory).relativeFilePath(path), readFile(path));
        }
        return files;
    }

    // A base image config as registries serve them.
    static QByteArray baseConfig(const QString &architecture)
    {
        const QJsonObject config{
            {QStringLiteral("architecture"), architecture},
            {QStringLiteral("os"), QStringLiteral("linux")},
            {QStringLiteral("created"), QStringLiteral("2024-06-01T00:00:00Z")},
            {QStringLiteral("config"),
             QJsonObject{
                 {QStringLiteral("Env"), QJsonArray{QStringLiteral("PATH=/usr/bin"), QStringLiteral("container=oci")}},
                 {QStringLiteral("Cmd"), QJsonArray{QStringLiteral("/bin/bash")}},
                 {QStringLiteral("Labels"), QJsonObject{{QStringLiteral("vendor"), QStringLiteral("Red Hat")}}},
                 {QStringLiteral("WorkingDir"), QStringLiteral("/")}}},
            {QStringLiteral("rootfs"),
             QJsonObject{
                 {QStringLiteral("type"), QStringLiteral("layers")},
                 {QStringLiteral("diff_ids"), QJsonArray{Digest::sha256("base-" + architecture.toUtf8()).toString()}}}},
            {QStringLiteral("history"), QJsonArray{QJsonObject{{QStringLiteral("created_by"), QStringLiteral("ubi")}}}},
        };
        return QJsonDocument(config).toJson(QJsonDocument::Compact);
    }

    static QByteArray baseManifest(const QByteArray &config, const QString &architecture)
    {
        const QJsonObject manifest{
            {QStringLiteral("schemaVersion"), 2},
            {QStringLiteral("mediaType"), QString(MediaTypes::DockerManifest)},
            {QStringLiteral("config"), QJsonObject{{QStringLiteral("mediaType"),
                                                    QStringLiteral("application/vnd.docker.container.image.v1+json")},
                                                   {QStringLiteral("digest"), Digest::sha256(config).toString()},
                                                   {QStringLiteral("size"), config.size()}}},
            {QStringLiteral("layers"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("mediaType"), QString(MediaTypes::DockerLayerGzip)},
                             {QStringLiteral("digest"), Digest::sha256("layer-" + architecture.toUtf8()).toString()},
                             {QStringLiteral("size"), 1234}}}},
        };
        return QJsonDocument(manifest).toJson(QJsonDocument::Compact);
    }

    struct Base
    {
        QByteArray index;
        QList<ImageLayerAppender::SourceManifest> manifests;
    };

    static Base base(const QStringList &architectures)
    {
        Base result;
        QJsonArray descriptors;
        for (const QString &architecture : architectures) {
            const QByteArray config = baseConfig(architecture);
            const QByteArray manifest = baseManifest(config, architecture);
            result.manifests.append({manifest, config});
            descriptors.append(QJsonObject{
                {QStringLiteral("mediaType"), QString(MediaTypes::DockerManifest)},
                {QStringLiteral("digest"), Digest::sha256(manifest).toString()},
                {QStringLiteral("size"), manifest.size()},
                {QStringLiteral("platform"), QJsonObject{{QStringLiteral("architecture"), architecture},
                                                         {QStringLiteral("os"), QStringLiteral("linux")}}}});
        }
        result.index = QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                                 {QStringLiteral("mediaType"), QString(MediaTypes::DockerManifestList)},
                                                 {QStringLiteral("manifests"), descriptors}})
                           .toJson(QJsonDocument::Compact);
        return result;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A graph-data tarball as the service sends it, made by GNU tar: nested folders, an empty folder, a link.
        const QString data = m_dir.filePath(QStringLiteral("graph-data"));
        writeFile(data + QStringLiteral("/channels/stable-4.16.yaml"), "name: stable-4.16\nversions:\n- 4.16.5\n");
        writeFile(data + QStringLiteral("/channels/fast-4.16.yaml"), "name: fast-4.16\nversions:\n- 4.16.5\n");
        writeFile(data + QStringLiteral("/blocked-edges/4.16.1-Risk.yaml"), "to: 4.16.1\nfrom: .*\n");
        writeFile(data + QStringLiteral("/raw/metadata.json"), "{}");
        writeFile(data + QStringLiteral("/version"), "1.2.3\n");
        QVERIFY(QDir().mkpath(data + QStringLiteral("/signatures/empty")));
        QVERIFY(QFile::link(QStringLiteral("version"), data + QStringLiteral("/version-link")));
        run(QStringLiteral("tar"), {QStringLiteral("-czf"), m_dir.filePath(QStringLiteral("graph-data.tar.gz")),
                                    QStringLiteral("-C"), data, QStringLiteral(".")});
        m_tarball = readFile(m_dir.filePath(QStringLiteral("graph-data.tar.gz")));
        QVERIFY(m_tarball.size() > 100);
    }

    void graphDataSource_data()
    {
        QTest::addColumn<QString>("override");
        QTest::addColumn<QString>("url");
        QTest::newRow("no override") << QString()
                                     << QStringLiteral("https://api.openshift.com/api/upgrades_info/graph-data");
        QTest::newRow("v1 graph") << QStringLiteral("http://127.0.0.1:8080/api/upgrades_info/v1/graph")
                                  << QStringLiteral("http://127.0.0.1:8080/api/upgrades_info/graph-data");
        QTest::newRow("graph with query and slash")
            << QStringLiteral("https://osus.example/api/upgrades_info/graph/?x=1")
            << QStringLiteral("https://osus.example/api/upgrades_info/graph-data");
        QTest::newRow("no graph path") << QStringLiteral("https://osus.example/cincinnati") << QString();
    }

    void graphDataSource()
    {
        QFETCH(QString, override);
        QFETCH(QString, url);
        QProcessEnvironment environment;
        if (!override.isEmpty())
            environment.insert(QStringLiteral("UPDATE_URL_OVERRIDE"), override);
        const auto source = GraphImageBuilder::graphDataSource(environment);
        QCOMPARE(source.url, url);
        QCOMPARE(source.updateUrlOverride, override);
    }

    void readsTheTarball()
    {
        GraphImageBuilder builder;
        QString error;
        QVERIFY2(builder.setGraphData(m_tarball, &error), qUtf8Printable(error));
        QCOMPARE(builder.files().keys(),
                 QStringList({QStringLiteral("blocked-edges/4.16.1-Risk.yaml"),
                              QStringLiteral("channels/fast-4.16.yaml"), QStringLiteral("channels/stable-4.16.yaml"),
                              QStringLiteral("raw/metadata.json"), QStringLiteral("version")}));
        QCOMPARE(builder.files().value(QStringLiteral("version")), QByteArray("1.2.3\n"));
        QVERIFY(builder.directories().contains(QStringLiteral("signatures/empty")));
        QCOMPARE(builder.skippedEntries(), QStringList{QStringLiteral("version-link")});
    }

    void layerHoldsTheDataUnderCincinnatiGraphData()
    {
        GraphImageBuilder builder;
        QVERIFY(builder.setGraphData(m_tarball));
        QString error;
        const QByteArray layer = builder.layerTar(&error);
        QVERIFY2(!layer.isEmpty(), qUtf8Printable(error));
        const QString layerFile = m_dir.filePath(QStringLiteral("layer.tar"));
        writeFile(layerFile, layer);

        // Owners and modes as GNU tar reads them; every entry under var/lib/cincinnati-graph-data or its parents.
        const QList<QByteArray> listing =
            run(QStringLiteral("tar"), {QStringLiteral("--numeric-owner"), QStringLiteral("-tvf"), layerFile})
                .trimmed()
                .split('\n');
        QVERIFY(listing.size() >= 10);
        for (const QByteArray &line : listing) {
            QVERIFY2(line.contains(" 0/0 "), line.constData());
            const QByteArray name = line.mid(line.lastIndexOf(' ') + 1);
            QVERIFY2(QByteArray("var/lib/cincinnati-graph-data/").startsWith(name) ||
                         name.startsWith("var/lib/cincinnati-graph-data/"),
                     line.constData());
            QVERIFY2(line.startsWith(name.endsWith('/') ? "drwxr-xr-x " : "-rw-r--r-- "), line.constData());
        }
        QVERIFY(listing.first().endsWith(" var/"));

        const QString extracted = m_dir.filePath(QStringLiteral("layer"));
        QDir().mkpath(extracted);
        run(QStringLiteral("tar"), {QStringLiteral("-xf"), layerFile, QStringLiteral("-C"), extracted});
        QMap<QString, QByteArray> expected = filesUnder(m_dir.filePath(QStringLiteral("graph-data")));
        expected.remove(QStringLiteral("version-link"));
        QCOMPARE(filesUnder(extracted + QStringLiteral("/var/lib/cincinnati-graph-data")), expected);
        QVERIFY(QFileInfo(extracted + QStringLiteral("/var/lib/cincinnati-graph-data/signatures/empty")).isDir());
    }

    void buildsEveryPlatformWithTheCommand()
    {
        GraphImageBuilder builder;
        QVERIFY(builder.setGraphData(m_tarball));
        const Base source = base({QStringLiteral("amd64"), QStringLiteral("arm64"), QStringLiteral("s390x")});
        QString error;
        const auto result = builder.build(source.index, source.manifests, &error);
        QVERIFY2(result, qUtf8Printable(error));
        QCOMPARE(result->layers.size(), 1);
        QCOMPARE(result->layers.first().mediaType, QString(MediaTypes::DockerLayerGzip));
        QCOMPARE(result->manifests.size(), 3);
        const QJsonObject index = QJsonDocument::fromJson(result->index.data).object();
        QCOMPARE(index.value(QLatin1String("mediaType")).toString(), QString(MediaTypes::DockerManifestList));
        const QJsonArray descriptors = index.value(QLatin1String("manifests")).toArray();
        QCOMPARE(descriptors.size(), 3);
        const QString diffId = Digest::sha256(builder.layerTar()).toString();
        const QStringList expectedCommand{
            QStringLiteral("/bin/bash"), QStringLiteral("-c"),
            QStringLiteral("exec cp -rp /var/lib/cincinnati-graph-data/* /var/lib/cincinnati/graph-data")};
        QCOMPARE(GraphImageBuilder::command(), expectedCommand);
        const QStringList architectures{QStringLiteral("amd64"), QStringLiteral("arm64"), QStringLiteral("s390x")};
        for (qsizetype i = 0; i < 3; ++i) {
            const QJsonObject descriptor = descriptors.at(i).toObject();
            QCOMPARE(descriptor.value(QLatin1String("digest")).toString(), result->manifests.at(i).digest);
            QCOMPARE(
                descriptor.value(QLatin1String("platform")).toObject().value(QLatin1String("architecture")).toString(),
                architectures.at(i));
            const QJsonObject manifest = QJsonDocument::fromJson(result->manifests.at(i).data).object();
            const QJsonArray layers = manifest.value(QLatin1String("layers")).toArray();
            QCOMPARE(layers.size(), 2); // the base's, then the graph data
            QCOMPARE(layers.at(1).toObject().value(QLatin1String("digest")).toString(), result->layers.first().digest);
            QCOMPARE(manifest.value(QLatin1String("config")).toObject().value(QLatin1String("digest")).toString(),
                     result->configs.at(i).digest);

            const QJsonObject config = QJsonDocument::fromJson(result->configs.at(i).data).object();
            const QJsonObject runtime = config.value(QLatin1String("config")).toObject();
            QCOMPARE(runtime.value(QLatin1String("Cmd")).toArray(), QJsonArray::fromStringList(expectedCommand));
            // The rest of the base's configuration stays.
            QCOMPARE(runtime.value(QLatin1String("Env")).toArray().size(), 2);
            QCOMPARE(runtime.value(QLatin1String("Labels")).toObject().value(QLatin1String("vendor")).toString(),
                     QStringLiteral("Red Hat"));
            QCOMPARE(runtime.value(QLatin1String("WorkingDir")).toString(), QStringLiteral("/"));
            QCOMPARE(config.value(QLatin1String("architecture")).toString(), architectures.at(i));
            QCOMPARE(config.value(QLatin1String("created")).toString(), QStringLiteral("2024-06-01T00:00:00Z"));
            const QJsonArray diffIds =
                config.value(QLatin1String("rootfs")).toObject().value(QLatin1String("diff_ids")).toArray();
            QCOMPARE(diffIds.size(), 2);
            QCOMPARE(diffIds.at(1).toString(), diffId);
            QCOMPARE(config.value(QLatin1String("history")).toArray().size(), 2);
        }
    }

    void singleManifestBaseGivesAnIndex()
    {
        GraphImageBuilder builder;
        QVERIFY(builder.setGraphData(m_tarball));
        const Base source = base({QStringLiteral("amd64")});
        QString error;
        const auto result = builder.build(QByteArray(), source.manifests, &error);
        QVERIFY2(result, qUtf8Printable(error));
        QCOMPARE(
            QJsonDocument::fromJson(result->index.data).object().value(QLatin1String("manifests")).toArray().size(), 1);
    }

    void sameGraphSameDigest()
    {
        const Base source = base({QStringLiteral("amd64"), QStringLiteral("arm64")});
        const auto digestOf = [&](const QByteArray &tarball, qint64 mtime) {
            GraphImageBuilder builder;
            builder.setModificationTime(mtime);
            if (!builder.setGraphData(tarball))
                return QString();
            const auto result = builder.build(source.index, source.manifests);
            return result ? result->index.digest : QString();
        };
        const QString first = digestOf(m_tarball, 0);
        QVERIFY(!first.isEmpty());
        QCOMPARE(digestOf(m_tarball, 0), first);
        QVERIFY(digestOf(m_tarball, 1700000000) != first);

        // The same files packed again by tar (new mtimes, other order of equal files) give the same image.
        QTest::qSleep(1100);
        const QString data = m_dir.filePath(QStringLiteral("graph-data"));
        QFile::remove(data + QStringLiteral("/version"));
        writeFile(data + QStringLiteral("/version"), "1.2.3\n");
        run(QStringLiteral("tar"), {QStringLiteral("-czf"), m_dir.filePath(QStringLiteral("again.tar.gz")),
                                    QStringLiteral("-C"), data, QStringLiteral(".")});
        QCOMPARE(digestOf(readFile(m_dir.filePath(QStringLiteral("again.tar.gz"))), 0), first);

        // A changed graph changes the image.
        writeFile(data + QStringLiteral("/version"), "1.2.4\n");
        run(QStringLiteral("tar"), {QStringLiteral("-czf"), m_dir.filePath(QStringLiteral("changed.tar.gz")),
                                    QStringLiteral("-C"), data, QStringLiteral(".")});
        const QString changed = digestOf(readFile(m_dir.filePath(QStringLiteral("changed.tar.gz"))), 0);
        QVERIFY(!changed.isEmpty());
        QVERIFY(changed != first);
    }

    void refusesHostileAndBrokenArchives()
    {
        GraphImageBuilder builder;
        QString error;
        for (const QString &path :
             {QStringLiteral("../escape"), QStringLiteral("/etc/passwd"), QStringLiteral("channels/../../escape")}) {
            TarBuilder tar;
            tar.addFile(QStringLiteral("version"), "1\n");
            tar.addFile(path, "x");
            const auto bytes = tar.finish();
            QVERIFY(bytes);
            QVERIFY(!builder.setGraphData(TarBuilder::gzip(*bytes), &error));
            QVERIFY2(error.startsWith(QStringLiteral("graph data: entry \"")) && error.contains(path),
                     qUtf8Printable(error));
        }
        QVERIFY(!builder.setGraphData("<html>Service Unavailable</html>", &error));
        QVERIFY2(error.startsWith(QStringLiteral("graph data: ")), qUtf8Printable(error));
        TarBuilder empty;
        empty.addDirectory(QStringLiteral("channels"));
        QVERIFY(!builder.setGraphData(*empty.finish(), &error));
        QCOMPARE(error, QStringLiteral("graph data: the archive holds no file"));
        QVERIFY(!builder.build(QByteArray(), base({QStringLiteral("amd64")}).manifests, &error));
        QCOMPARE(error, QStringLiteral("no graph data was given"));
    }
};

QTEST_GUILESS_MAIN(TestGraphImageBuilder)
#include "tst_graphimagebuilder.moc"
