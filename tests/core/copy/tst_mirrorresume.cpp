#include "config/mirroroptions.h"
#include "config/mirroroptionsresult.h"
#include "copy/copyjournal.h"
#include "registry/mediatypes.h"
#include "registry/registryclient.h"
#include "workspace/distributionstore.h"
#include "workspace/workingdirectory.h"

#include "registryfixture.h"
#include "skopeo.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <csignal>

// ferryctl as an admin runs it: killed with SIGKILL in the middle of a mirrorToMirror run and run again, asked to
// retry only what failed, and watched on a terminal. Real registries on both sides; the destination's access log
// says what was sent.
class TestMirrorResume : public QObject
{
    Q_OBJECT

private:
    static constexpr int MiB = 1024 * 1024;

    QTemporaryDir m_work;
    QString m_sourceStorage;
    std::unique_ptr<RegistryFixture> m_source;
    std::unique_ptr<RegistryFixture> m_destination;
    std::unique_ptr<RegistryClient> m_client;
    QStringList m_images;                   // repository:tag in the source, for the kill tests
    QStringList m_retryImages;              // for the retry test
    QHash<QString, QByteArray> m_manifests; // repository:tag → manifest bytes in the source
    QHash<QString, QString> m_brokenBlobs;  // retry image → blob removed from the source for a while

    static QByteArray randomBytes(qsizetype size, quint32 seed)
    {
        QByteArray bytes(size, Qt::Uninitialized);
        QRandomGenerator generator(seed);
        generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
        return bytes;
    }

    static QJsonObject descriptor(const QString &mediaType, const QString &digest, qint64 size)
    {
        return QJsonObject{{QStringLiteral("mediaType"), mediaType},
                           {QStringLiteral("digest"), digest},
                           {QStringLiteral("size"), size}};
    }

    // An image manifest (Docker or OCI) over the given layers and a config of its own; returns its bytes.
    static QByteArray putImage(DistributionStore &store, const QString &repository, const QString &tag,
                               const QList<QByteArray> &layers, quint32 seed, bool oci)
    {
        const QString layerType = oci ? QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip")
                                      : QStringLiteral("application/vnd.docker.image.rootfs.diff.tar.gzip");
        const QByteArray config =
            QStringLiteral("{\"architecture\":\"amd64\",\"os\":\"linux\",\"seed\":%1}").arg(seed).toUtf8();
        QJsonArray layerArray;
        for (const QByteArray &layer : layers)
            layerArray.append(descriptor(layerType, store.putBlob(layer), layer.size()));
        const QJsonObject manifest{
            {QStringLiteral("schemaVersion"), 2},
            {QStringLiteral("mediaType"), oci ? QString(MediaTypes::OciManifest) : QString(MediaTypes::DockerManifest)},
            {QStringLiteral("config"),
             descriptor(oci ? QStringLiteral("application/vnd.oci.image.config.v1+json")
                            : QStringLiteral("application/vnd.docker.container.image.v1+json"),
                        store.putBlob(config), config.size())},
            {QStringLiteral("layers"), layerArray}};
        const QByteArray bytes = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
        QString error;
        if (store.putManifest(repository, bytes, tag, &error).isEmpty())
            qFatal("cannot store %s: %s", qUtf8Printable(repository), qUtf8Printable(error));
        return bytes;
    }

    QString writeConfig(const QString &name, const QStringList &images) const
    {
        QByteArray yaml = "kind: ImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\nmirror:\n"
                          "  additionalImages:\n";
        for (const QString &image : images)
            yaml += "  - name: " + m_source->address().toUtf8() + '/' + image.toUtf8() + '\n';
        const QString path = m_work.filePath(name + QStringLiteral(".yaml"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(yaml) != yaml.size())
            qFatal("cannot write %s", qUtf8Printable(path));
        return path;
    }

    QStringList arguments(const QString &name, const QString &config, const QStringList &extra = {}) const
    {
        return QStringList{QStringLiteral("-c"),
                           config,
                           QStringLiteral("--workspace"),
                           QStringLiteral("file://") + m_work.filePath(name),
                           QStringLiteral("docker://") + m_destination->address() + QLatin1Char('/') + name,
                           QStringLiteral("--src-tls-verify=false"),
                           QStringLiteral("--dest-tls-verify=false"),
                           QStringLiteral("--v2"),
                           QStringLiteral("--cache-dir"),
                           m_work.filePath(QStringLiteral("cache")),
                           QStringLiteral("-p"),
                           QString::number(RegistryFixture::freePort())} +
               extra;
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), m_work.filePath(QStringLiteral("home")));
        environment.insert(QStringLiteral("CONTAINERS_REGISTRIES_CONF"),
                           m_work.filePath(QStringLiteral("registries.conf")));
        environment.remove(QStringLiteral("REGISTRY_AUTH_FILE"));
        environment.remove(QStringLiteral("TERM"));
        return environment;
    }

    static QString ferryctl() { return QProcessEnvironment::systemEnvironment().value(QStringLiteral("FERRYCTL")); }

    int runFerryctl(const QStringList &args, QByteArray *output) const
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(ferryctl(), args);
        if (!process.waitForFinished(120000))
            qFatal("ferryctl did not finish");
        *output = process.readAll();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    QString journalFile(const QString &name) const
    {
        return QDir(WorkingDirectory(m_work.filePath(name) + QStringLiteral("/working-dir")).internalDir())
            .filePath(QStringLiteral("copy-journal"));
    }

    QString destinationV2() const { return m_destination->storageDirectory() + QStringLiteral("/docker/registry/v2"); }

    // Every blob file the destination registry holds (digests), read from its storage.
    QSet<QString> blobsOnDisk() const
    {
        QSet<QString> digests;
        QDirIterator it(destinationV2() + QStringLiteral("/blobs"), {QStringLiteral("data")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            digests.insert(QStringLiteral("sha256:") + QFileInfo(it.next()).dir().dirName());
        return digests;
    }

    // repository|digest of every blob linked into a repository.
    QSet<QString> linksOnDisk() const
    {
        QSet<QString> links;
        const QString root = destinationV2() + QStringLiteral("/repositories/");
        QDirIterator it(root, {QStringLiteral("link")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const int layers = path.indexOf(QStringLiteral("/_layers/sha256/"));
            if (layers < 0)
                continue;
            const QString repository = path.mid(root.size(), layers - root.size());
            links.insert(repository + QLatin1Char('|') + QStringLiteral("sha256:") + QFileInfo(path).dir().dirName());
        }
        return links;
    }

    template<typename T>
    static T await(QFuture<RegistryResult<T>> future, bool *ok)
    {
        future.waitForFinished();
        const auto result = future.result();
        *ok = bool(result);
        return result ? *result : T();
    }

    // Walks every tag of every repository under `name` over HTTP: each manifest, its children and every blob they
    // name must be there. Returns the problems found, and counts the tags.
    QStringList brokenImages(const QString &name, int *tags) const
    {
        QStringList problems;
        *tags = 0;
        const QStringList repositories = DistributionStore(m_destination->storageDirectory()).repositories();
        std::function<void(const ImageReference &, int)> check = [&](const ImageReference &reference, int depth) {
            bool ok = false;
            const Manifest manifest = await(m_client->getManifest(reference), &ok);
            if (!ok) {
                problems.append(QStringLiteral("manifest %1 cannot be read").arg(reference.toString()));
                return;
            }
            for (const Descriptor &child : manifest.manifests()) {
                if (depth < 3)
                    check(reference.withTag(QString()).withDigest(child.digest().toString()), depth + 1);
            }
            for (const Descriptor &blob : manifest.blobs()) {
                const bool exists = await(m_client->blobExists(reference, blob.digest()), &ok);
                if (!ok || !exists)
                    problems.append(QStringLiteral("%1 names %2, which is missing")
                                        .arg(reference.toString(), blob.digest().toString()));
            }
        };
        for (const QString &repository : repositories) {
            if (!repository.startsWith(name + QLatin1Char('/')))
                continue;
            const auto reference = ImageReference::parse(m_destination->address() + QLatin1Char('/') + repository);
            bool ok = false;
            const QStringList tagList = await(m_client->listTags(*reference), &ok);
            for (const QString &tag : tagList) {
                ++*tags;
                check(reference->withTag(tag), 0);
            }
        }
        return problems;
    }

    struct Requests
    {
        QHash<QString, int> uploads; // digest → completed uploads (PUT …?digest=)
        QSet<QString> uploadedTo;    // repository|digest
        QSet<QString> mountedTo;     // repository|digest
        int patches = 0;
        QStringList manifestRequests; // "METHOD repository/manifests/reference"
    };

    Requests requestsSince(qint64 offset) const
    {
        QFile log(m_destination->logFile());
        if (!log.open(QIODevice::ReadOnly))
            qFatal("no access log");
        log.seek(offset);
        static const QRegularExpression line(QStringLiteral("\"(GET|HEAD|POST|PUT|PATCH|DELETE) (/v2/\\S+) HTTP"));
        static const QRegularExpression upload(QStringLiteral("^/v2/(.+)/blobs/uploads/"));
        static const QRegularExpression manifest(QStringLiteral("^/v2/(.+)/manifests/(.+)$"));
        Requests requests;
        const QString text = QString::fromUtf8(log.readAll());
        auto it = line.globalMatch(text);
        while (it.hasNext()) {
            const auto match = it.next();
            const QString method = match.captured(1);
            const QUrl url(QStringLiteral("http://registry") + match.captured(2));
            const QString path = url.path();
            const QUrlQuery query(url);
            const auto uploadMatch = upload.match(path);
            if (uploadMatch.hasMatch()) {
                const QString repository = uploadMatch.captured(1);
                const QString digest = query.queryItemValue(QStringLiteral("digest"), QUrl::FullyDecoded);
                const QString mount = query.queryItemValue(QStringLiteral("mount"), QUrl::FullyDecoded);
                if (method == QLatin1String("PUT") && !digest.isEmpty()) {
                    requests.uploads[digest] += 1;
                    requests.uploadedTo.insert(repository + QLatin1Char('|') + digest);
                } else if (method == QLatin1String("POST") && !mount.isEmpty()) {
                    requests.mountedTo.insert(repository + QLatin1Char('|') + mount);
                } else if (method == QLatin1String("PATCH")) {
                    ++requests.patches;
                }
                continue;
            }
            const auto manifestMatch = manifest.match(path);
            if (manifestMatch.hasMatch())
                requests.manifestRequests.append(method + QLatin1Char(' ') + manifestMatch.captured(1) +
                                                 QStringLiteral("/manifests/") + manifestMatch.captured(2));
        }
        return requests;
    }

    static int countRecords(const QString &path, const QByteArray &kind)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return 0;
        int count = 0;
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (line.startsWith(QByteArray(kind + ' ')))
                ++count;
        }
        return count;
    }

    // Starts the run, kills it with SIGKILL once `records` journal lines of `kind` are written, runs it again and
    // checks that nothing that had arrived is sent again.
    void killAndResume(const QString &name, const QByteArray &kind, int records)
    {
        const QString config = writeConfig(name, m_images);
        const QStringList args = arguments(name, config, {QStringLiteral("--parallel-images"), QStringLiteral("2")});
        const QString journal = journalFile(name);

        QProcess first;
        first.setProcessEnvironment(environment());
        first.setStandardOutputFile(m_work.filePath(name + QStringLiteral("-first.log")));
        first.setStandardErrorFile(m_work.filePath(name + QStringLiteral("-first.log")), QIODevice::Append);
        first.start(ferryctl(), args);
        QVERIFY(first.waitForStarted());
        QElapsedTimer clock;
        clock.start();
        while (countRecords(journal, kind) < records) {
            QVERIFY2(first.state() == QProcess::Running, "ferryctl finished before it could be killed");
            QVERIFY2(clock.elapsed() < 120000, "the journal never reached the kill point");
            QThread::msleep(2);
        }
        ::kill(static_cast<pid_t>(first.processId()), SIGKILL);
        QVERIFY(first.waitForFinished(10000));
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);
        // Requests the registry had already received finish (and are logged) on their own: they belong to the
        // first run.
        QThread::msleep(500);

        // What the destination held at the moment of the kill, in this run's repositories (the registry's blob
        // store is shared with the other tests).
        QSet<QString> arrived;
        QSet<QString> linked;
        for (const QString &link : linksOnDisk()) {
            if (link.startsWith(name + QLatin1Char('/'))) {
                linked.insert(link);
                arrived.insert(link.section(QLatin1Char('|'), 1));
            }
        }
        QVERIFY(blobsOnDisk().contains(arrived));
        int tagsBefore = 0;
        const QStringList problems = brokenImages(name, &tagsBefore);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY2(!arrived.isEmpty(), "nothing had arrived when ferryctl was killed");
        QVERIFY2(tagsBefore < m_images.size(), "everything had arrived when ferryctl was killed");
        qInfo("%s: killed with %d of %lld images tagged and %lld blobs stored", qUtf8Printable(name), tagsBefore,
              qlonglong(m_images.size()), qlonglong(arrived.size()));

        QStringList journalBefore;
        {
            QFile file(journal);
            if (file.open(QIODevice::ReadOnly))
                journalBefore = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
        }
        const qint64 offset = QFileInfo(m_destination->logFile()).size();
        QByteArray output;
        const int exitCode = runFerryctl(args, &output);
        QVERIFY2(exitCode == 0, output.constData());
        const Requests second = requestsSince(offset);

        for (auto it = second.uploads.cbegin(); it != second.uploads.cend(); ++it) {
            QVERIFY2(
                !arrived.contains(it.key()),
                qPrintable(QStringLiteral("%1 had arrived before the kill (in %2) and was sent again to %3; "
                                          "the journal said:\n%4")
                               .arg(it.key(),
                                    QStringList(linked.cbegin(), linked.cend()).filter(it.key()).join(QLatin1Char(' ')),
                                    QStringList(second.uploadedTo.cbegin(), second.uploadedTo.cend())
                                        .filter(it.key())
                                        .join(QLatin1Char(' ')),
                                    journalBefore.filter(it.key()).join(QLatin1Char('\n')))));
        }
        for (const QString &mount : second.mountedTo) {
            QVERIFY2(!linked.contains(mount),
                     qPrintable(
                         QStringLiteral("%1 was in that repository before the kill and was mounted again").arg(mount)));
        }
        // The rest of the work did happen in the second run.
        QVERIFY(!second.uploads.isEmpty() || !second.mountedTo.isEmpty() || tagsBefore > 0);
        QVERIFY(second.manifestRequests.filter(QStringLiteral("PUT ")).size() >= m_images.size() - tagsBefore);

        int tagsAfter = 0;
        const QStringList after = brokenImages(name, &tagsAfter);
        QVERIFY2(after.isEmpty(), qPrintable(after.join(QLatin1Char('\n'))));
        QCOMPARE(tagsAfter, m_images.size());
        for (const QString &image : std::as_const(m_images)) {
            QCOMPARE(Skopeo::inspectRaw(m_destination->address() + QLatin1Char('/') + name + QLatin1Char('/') + image),
                     m_manifests.value(image));
        }
        // A finished run leaves an empty journal behind.
        QCOMPARE(QFileInfo(journal).size(), 0);
    }

private slots:
    void initTestCase()
    {
        if (!RegistryFixture::isAvailable())
            QSKIP("docker-registry is not installed");
        QVERIFY(!ferryctl().isEmpty());
        QVERIFY(QDir().mkpath(m_work.filePath(QStringLiteral("home"))));
        QFile conf(m_work.filePath(QStringLiteral("registries.conf")));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("unqualified-search-registries = []\n");
        conf.close();

        // The source storage is written directly, then served by a real registry.
        m_sourceStorage = m_work.filePath(QStringLiteral("source"));
        DistributionStore store(m_sourceStorage);
        store.setDurable(false);
        QList<QByteArray> shared;
        for (int i = 0; i < 4; ++i)
            shared.append(randomBytes(2 * MiB, 1000 + i));
        for (int i = 0; i < 16; ++i) {
            const QString repository = QStringLiteral("apps/img-%1").arg(i, 2, 10, QLatin1Char('0'));
            const QList<QByteArray> layers{shared.at(i % 4), randomBytes(2 * MiB, 2 * i + 1), shared.at((i + 1) % 4),
                                           randomBytes(2 * MiB, 2 * i + 2)};
            const QString image = repository + QStringLiteral(":1.0");
            m_manifests.insert(image, putImage(store, repository, QStringLiteral("1.0"), layers, i, i % 2 == 1));
            m_images.append(image);
        }
        // A multi-arch image: children first, the index names them.
        QJsonArray children;
        for (int i = 0; i < 2; ++i) {
            const QByteArray child = putImage(store, QStringLiteral("apps/multi"), QString(),
                                              {randomBytes(2 * MiB, 500 + i), shared.at(i)}, 500 + i, true);
            children.append(QJsonObject{
                {QStringLiteral("mediaType"), QString(MediaTypes::OciManifest)},
                {QStringLiteral("digest"), DistributionStore::digestOf(child)},
                {QStringLiteral("size"), qint64(child.size())},
                {QStringLiteral("platform"), QJsonObject{{QStringLiteral("architecture"),
                                                          i == 0 ? QStringLiteral("amd64") : QStringLiteral("arm64")},
                                                         {QStringLiteral("os"), QStringLiteral("linux")}}}});
        }
        const QByteArray index = QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                                           {QStringLiteral("mediaType"), QString(MediaTypes::OciIndex)},
                                                           {QStringLiteral("manifests"), children}})
                                     .toJson(QJsonDocument::Compact);
        QVERIFY(!store.putManifest(QStringLiteral("apps/multi"), index, QStringLiteral("2.0")).isEmpty());
        m_manifests.insert(QStringLiteral("apps/multi:2.0"), index);
        m_images.append(QStringLiteral("apps/multi:2.0"));

        // Images for the retry test, each with a layer of its own that can be taken away.
        for (int i = 0; i < 6; ++i) {
            const QString repository = QStringLiteral("retry/app-%1").arg(i);
            const QByteArray own = randomBytes(MiB, 7000 + i);
            const QString image = repository + QStringLiteral(":1.0");
            m_manifests.insert(
                image, putImage(store, repository, QStringLiteral("1.0"), {own, shared.at(0)}, 7000 + i, false));
            m_retryImages.append(image);
            if (i == 1 || i == 4)
                m_brokenBlobs.insert(image, DistributionStore::digestOf(own));
        }

        RegistryFixture::Options sourceOptions;
        sourceOptions.storageDirectory = m_sourceStorage;
        m_source = std::make_unique<RegistryFixture>(sourceOptions);
        RegistryFixture::Options destinationOptions;
        destinationOptions.accessLog = true;
        m_destination = std::make_unique<RegistryFixture>(destinationOptions);
        QString error;
        QVERIFY2(m_source->start(&error), qPrintable(error));
        QVERIFY2(m_destination->start(&error), qPrintable(error));
        m_client = std::make_unique<RegistryClient>();
        m_client->setInsecure(m_destination->address(), true);
    }

    void killedEarlyThenResumed()
    {
        // Right after the first blobs arrived.
        killAndResume(QStringLiteral("early"), "blob", 3);
    }

    void killedLateThenResumed()
    {
        // When two thirds of the images are done.
        killAndResume(QStringLiteral("late"), "done", int(m_images.size() * 2 / 3));
    }

    void retryOnlyTheFailedImages()
    {
        const QString name = QStringLiteral("retry");
        const QString config = writeConfig(name, m_retryImages);
        DistributionStore source(m_sourceStorage);
        for (const QString &digest : std::as_const(m_brokenBlobs))
            QVERIFY(QFile::rename(source.blobPath(digest), source.blobPath(digest) + QStringLiteral(".away")));

        QByteArray output;
        const QStringList args = arguments(name, config, {QStringLiteral("--retry-times"), QStringLiteral("0")});
        const int first = runFerryctl(args, &output);
        QCOMPARE(first, 8);
        QVERIFY2(output.contains("✗  4 / 6 additional images mirrored"), output.constData());
        // Plain lines when stdout is not a terminal: no cursor movement.
        QVERIFY(!output.contains("\x1b["));
        const QDir logs(WorkingDirectory(m_work.filePath(name) + QStringLiteral("/working-dir")).root() +
                        QStringLiteral("/logs"));
        QCOMPARE(logs.entryList({QStringLiteral("mirroring_errors_*.txt")}).size(), 1);

        for (const QString &digest : std::as_const(m_brokenBlobs))
            QVERIFY(QFile::rename(source.blobPath(digest) + QStringLiteral(".away"), source.blobPath(digest)));

        const qint64 offset = QFileInfo(m_destination->logFile()).size();
        const int second = runFerryctl(args + QStringList{QStringLiteral("--retry-failed")}, &output);
        QVERIFY2(second == 0, output.constData());
        QVERIFY2(output.contains("--retry-failed: retrying 2 of 6 images"), output.constData());
        QVERIFY2(output.contains("✓  2 / 2 additional images mirrored successfully"), output.constData());
        // Only the two failed images were looked at, at the destination.
        const Requests requests = requestsSince(offset);
        QSet<QString> touched;
        for (const QString &request : requests.manifestRequests)
            touched.insert(request.section(QLatin1Char(' '), 1).section(QStringLiteral("/manifests/"), 0, 0));
        QCOMPARE(touched, (QSet<QString>{QStringLiteral("retry/retry/app-1"), QStringLiteral("retry/retry/app-4")}));
        for (const QString &image : std::as_const(m_retryImages)) {
            QCOMPARE(Skopeo::inspectRaw(m_destination->address() + QStringLiteral("/retry/") + image),
                     m_manifests.value(image));
        }
        // The cluster resources still cover every image of the configuration.
        const QString resources =
            WorkingDirectory(m_work.filePath(name) + QStringLiteral("/working-dir")).clusterResourcesDir();
        QVERIFY(!QDir(resources).entryList(QDir::Files).isEmpty());

        const int third = runFerryctl(args + QStringList{QStringLiteral("--retry-failed")}, &output);
        QCOMPARE(third, 0);
        QVERIFY2(output.contains("no failed images are recorded"), output.constData());
        QVERIFY(!output.contains("Start copying the images"));
    }

    void retryFailedIsAnOption()
    {
        const QStringList base{QStringLiteral("-c"),
                               QStringLiteral("isc.yaml"),
                               QStringLiteral("--workspace"),
                               QStringLiteral("file:///tmp/w"),
                               QStringLiteral("docker://127.0.0.1:5000/x"),
                               QStringLiteral("--v2")};
        const auto without = MirrorOptions::parse(base, environment());
        QVERIFY(without.isValid());
        QVERIFY(!without.options->retryFailed);
        const auto with = MirrorOptions::parse(base + QStringList{QStringLiteral("--retry-failed")}, environment());
        QVERIFY(with.isValid());
        QVERIFY(with.options->retryFailed);
        QVERIFY(MirrorOptions::helpText(MirrorOptions::Command::Mirror).contains(QStringLiteral("--retry-failed")));
        QVERIFY(!MirrorOptions::helpText(MirrorOptions::Command::Delete).contains(QStringLiteral("--retry-failed")));
    }

    void retryFailedIsDocumented()
    {
        QProcess process;
        process.start(ferryctl(), {QStringLiteral("--help")});
        QVERIFY(process.waitForFinished(10000));
        QVERIFY(process.readAll().contains("--retry-failed"));
    }

    void liveDisplayOnATerminal()
    {
        const QString name = QStringLiteral("tty");
        const QString config = writeConfig(name, m_images.mid(0, 8));
        QStringList command{ferryctl()};
        command << arguments(name, config, {QStringLiteral("--parallel-images"), QStringLiteral("1")});
        QProcess script;
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("TERM"), QStringLiteral("xterm"));
        script.setProcessEnvironment(env);
        // script(1) runs the command on a pseudo-terminal and copies everything it draws to our pipe.
        script.start(QStringLiteral("script"),
                     {QStringLiteral("-qfec"), command.join(QLatin1Char(' ')), QStringLiteral("/dev/null")});
        QVERIFY(script.waitForFinished(120000));
        const QByteArray output = script.readAllStandardOutput();
        QCOMPARE(script.exitCode(), 0);
        // The display is drawn, erased for each log line and drawn again.
        const int frames = int(output.count("/ 8 images"));
        const int erasures = int(output.count("\x1b[J"));
        QVERIFY2(frames >= 2, output.constData());
        QVERIFY2(erasures >= 2, output.constData());
        QVERIFY(output.contains("] 0 / 8 images") || output.contains(" 0 / 8 images"));
        // oc-mirror's lines and the summary are still there.
        QVERIFY(output.contains("Success copying"));
        QVERIFY(output.contains("=== Results ==="));
        QVERIFY(output.contains("✓  8 / 8 additional images mirrored successfully"));
        // The display is gone at the end: nothing of it follows the last erase.
        const QByteArray tail = output.mid(output.lastIndexOf("\x1b[J"));
        QVERIFY2(!tail.contains("/ 8 images"), tail.constData());
        QVERIFY(tail.contains("mirror time"));
    }
};

QTEST_GUILESS_MAIN(TestMirrorResume)
#include "tst_mirrorresume.moc"
