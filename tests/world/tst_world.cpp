#include "processrun.h"
#include "worldfixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

// The small world is faithful: every answer is checked against the real fixtures or with independent clients
// (skopeo, curl, gpg, tar) through the world's registries.conf and auth file.
class TestWorld : public QObject
{
    Q_OBJECT

private:
    using Result = ProcessRun::Result;

    WorldFixture m_world{QStringLiteral("small")};
    QByteArray m_authorization; // "Basic …" for the source registry; never printed
    QTemporaryDir m_scratch;

    static Result run(const QString &program, const QStringList &arguments, const QByteArray &input = {})
    {
        return ProcessRun::run(program, arguments, input);
    }

    QJsonArray manifestArray(const QString &key) const { return m_world.manifest().value(key).toArray(); }

    QString releaseDigest(const QString &tag) const
    {
        for (const QJsonValue &release : manifestArray(QStringLiteral("releases")))
            if (release.toObject().value(QLatin1String("tag")).toString() == tag)
                return release.toObject().value(QLatin1String("digest")).toString();
        return {};
    }

    // A GET (or HEAD) to the source registry with its login, passed to curl on stdin so it shows up nowhere.
    Result sourceRequest(const QString &path, bool head = false) const
    {
        const QByteArray config =
            "header = \"Authorization: " + m_authorization +
            "\"\n"
            "header = \"Accept: application/vnd.docker.distribution.manifest.v2+json, "
            "application/vnd.docker.distribution.manifest.list.v2+json, "
            "application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json\"\n";
        QStringList arguments{QStringLiteral("-s"), QStringLiteral("-K"), QStringLiteral("-"), QStringLiteral("-w"),
                              QStringLiteral("\n%{http_code}")};
        if (head)
            arguments << QStringLiteral("-I");
        arguments << QStringLiteral("http://%1/v2/%2").arg(m_world.sourceAddress(), path);
        Result result = run(QStringLiteral("curl"), arguments, config);
        // The status code is the last line; the body is everything before it.
        const qsizetype newline = result.out.lastIndexOf('\n');
        result.exitCode = result.out.mid(newline + 1).toInt();
        result.out = result.out.left(newline);
        return result;
    }

    bool manifestExists(const QString &reference) const
    {
        // quay.io/ns/repo@sha256:… or …:tag → /v2/quay.io/ns/repo/manifests/<ref>
        const qsizetype at = reference.indexOf(QLatin1Char('@'));
        QString repository;
        QString ref;
        if (at > 0) {
            repository = reference.left(at);
            ref = reference.mid(at + 1);
            const qsizetype colon = repository.lastIndexOf(QLatin1Char(':'));
            if (colon > repository.lastIndexOf(QLatin1Char('/')))
                repository = repository.left(colon);
        } else {
            const qsizetype colon = reference.lastIndexOf(QLatin1Char(':'));
            repository = reference.left(colon);
            ref = reference.mid(colon + 1);
        }
        return sourceRequest(repository + QStringLiteral("/manifests/") + ref, true).exitCode == 200;
    }

    Result skopeo(const QStringList &arguments) const
    {
        QStringList all{arguments.first()};
        all << m_world.skopeoArguments() << arguments.mid(1);
        return run(QStringLiteral("skopeo"), all);
    }

    Result curl(const QStringList &arguments) const
    {
        return run(QStringLiteral("curl"), QStringList{QStringLiteral("-s")} + arguments);
    }

    // Extracts a gzip'ed tar blob of repository into a new folder and returns the folder.
    QString extractLayer(const QString &repository, const QString &digest, const QString &name)
    {
        const Result blob = sourceRequest(repository + QStringLiteral("/blobs/") + digest);
        if (blob.exitCode != 200)
            return {};
        const QString folder = m_scratch.filePath(name);
        QDir().mkpath(folder);
        const Result tar = run(QStringLiteral("tar"),
                               {QStringLiteral("-xzf"), QStringLiteral("-"), QStringLiteral("-C"), folder}, blob.out);
        return tar.exitCode == 0 ? folder : QString();
    }

    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // Catalog text with every digest (also inside base64 data) replaced by a placeholder.
    static QString withoutDigests(const QByteArray &text)
    {
        static const QRegularExpression digest(QStringLiteral("sha256:[0-9a-f]{64}"));
        static const QRegularExpression data(
            QStringLiteral("((?:\"data\"\\s*:\\s*\")|(?:\\bdata:[ \\t]+))([A-Za-z0-9+/]{16,}={0,2})"));
        QString result = QString::fromUtf8(text);
        QRegularExpressionMatch match;
        qsizetype from = 0;
        while ((match = data.match(result, from)).hasMatch()) {
            QString decoded = QString::fromUtf8(QByteArray::fromBase64(match.captured(2).toLatin1()));
            decoded.replace(digest, QStringLiteral("sha256:X"));
            const QString replacement = QStringLiteral("<") + decoded + QStringLiteral(">");
            result.replace(match.capturedStart(2), match.capturedLength(2), replacement);
            from = match.capturedStart(2) + replacement.size();
        }
        return result.replace(digest, QStringLiteral("sha256:X"));
    }

    static QStringList channelVersions(const QString &channel)
    {
        // The channel file's versions list (plain "- x.y.z" lines).
        QStringList versions;
        const QList<QByteArray> lines = readFile(QStringLiteral(FERRY_FIXTURES_DIR "/cincinnati-graph-data/channels/") +
                                                 channel + QStringLiteral(".yaml"))
                                            .split('\n');
        for (const QByteArray &line : lines)
            if (line.startsWith("- "))
                versions << QString::fromUtf8(line.mid(2).trimmed());
        return versions;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_scratch.isValid());
        QString error;
        QVERIFY2(m_world.up(&error), qUtf8Printable(error));
        qInfo("small world built in %.1f s", m_world.buildSeconds());
        const QJsonObject auths =
            QJsonDocument::fromJson(readFile(m_world.authFile())).object().value(QLatin1String("auths")).toObject();
        m_authorization =
            "Basic " +
            auths.value(m_world.sourceAddress()).toObject().value(QLatin1String("auth")).toString().toLatin1();
        QVERIFY(m_authorization.size() > 10);
        const QProcessEnvironment env = m_world.environment();
        for (const QString &name : {QStringLiteral("UPDATE_URL_OVERRIDE"), QStringLiteral("OCP_SIGNATURE_URL"),
                                    QStringLiteral("OCP_SIGNATURE_VERIFICATION_PK"),
                                    QStringLiteral("CONTAINERS_REGISTRIES_CONF"), QStringLiteral("REGISTRY_AUTH_FILE"),
                                    QStringLiteral("FERRY_WORLD_DESTINATION"), QStringLiteral("FERRY_WORLD_HELM_URL")})
            QVERIFY2(!env.value(name).isEmpty(), qUtf8Printable(name));
        QCOMPARE(env.value(QStringLiteral("FERRY_WORLD_DESTINATION")), m_world.destinationAddress());
    }

    void skopeoReadsReleasesThroughTheMapping()
    {
        const QString digest = releaseDigest(QStringLiteral("4.16.5-x86_64"));
        QVERIFY(!digest.isEmpty());
        Result inspect = skopeo({QStringLiteral("inspect"), QStringLiteral("--raw"),
                                 QStringLiteral("docker://quay.io/openshift-release-dev/ocp-release:4.16.5-x86_64")});
        QVERIFY2(inspect.exitCode == 0, inspect.err.constData());
        QCOMPARE(QStringLiteral("sha256:") +
                     QString::fromLatin1(QCryptographicHash::hash(inspect.out, QCryptographicHash::Sha256).toHex()),
                 digest);
        const QJsonObject manifest = QJsonDocument::fromJson(inspect.out).object();
        QCOMPARE(manifest.value(QLatin1String("mediaType")).toString(),
                 QStringLiteral("application/vnd.docker.distribution.manifest.v2+json"));

        // The multi payload is a manifest list of per-architecture payloads.
        inspect = skopeo({QStringLiteral("inspect"), QStringLiteral("--raw"),
                          QStringLiteral("docker://quay.io/openshift-release-dev/ocp-release:4.16.5-multi")});
        QVERIFY2(inspect.exitCode == 0, inspect.err.constData());
        QCOMPARE(QJsonDocument::fromJson(inspect.out).object().value(QLatin1String("manifests")).toArray().size(), 2);

        // The source registry wants the login.
        const Result anonymous =
            run(QStringLiteral("skopeo"),
                {QStringLiteral("inspect"), QStringLiteral("--raw"), QStringLiteral("--registries-conf"),
                 m_world.registriesConf(), QStringLiteral("--no-creds"),
                 QStringLiteral("docker://quay.io/openshift-release-dev/ocp-release:4.16.5-x86_64")});
        QVERIFY(anonymous.exitCode != 0);
        QVERIFY(!anonymous.err.contains(m_authorization));
    }

    void graphListsTheChannelFileVersions_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("arch");
        for (const QString &channel :
             {QStringLiteral("stable-4.15"), QStringLiteral("stable-4.16"), QStringLiteral("fast-4.16"),
              QStringLiteral("eus-4.16"), QStringLiteral("candidate-4.16"), QStringLiteral("stable-4.17")})
            for (const QString &arch : {QStringLiteral("amd64"), QStringLiteral("arm64"), QStringLiteral("multi")})
                QTest::newRow(qPrintable(channel + QLatin1Char('/') + arch)) << channel << arch;
    }

    void graphListsTheChannelFileVersions()
    {
        QFETCH(QString, channel);
        QFETCH(QString, arch);
        const Result response =
            curl({QStringLiteral("-f"), QStringLiteral("-H"), QStringLiteral("Accept: application/json"),
                  QStringLiteral("%1?channel=%2&arch=%3&id=0b6bd5a4-1f1a-4c2e-9a57-9d6f2f3f8a11")
                      .arg(m_world.updateUrl(), channel, arch)});
        QCOMPARE(response.exitCode, 0);
        const QJsonObject graph = QJsonDocument::fromJson(response.out).object();
        QCOMPARE(graph.value(QLatin1String("version")).toInt(), 1);

        QSet<QString> expected;
        const QJsonArray worldVersions = m_world.manifest().value(QLatin1String("releaseVersions")).toArray();
        const QStringList listed = channelVersions(channel);
        QVERIFY(!listed.isEmpty());
        for (const QJsonValue &version : worldVersions)
            if (listed.contains(version.toString()))
                expected.insert(version.toString());

        const QString releaseArch = arch == QLatin1String("amd64")   ? QStringLiteral("x86_64")
                                    : arch == QLatin1String("arm64") ? QStringLiteral("aarch64")
                                                                     : QStringLiteral("multi");
        QSet<QString> served;
        QStringList order;
        const QJsonArray nodes = graph.value(QLatin1String("nodes")).toArray();
        for (const QJsonValue &value : nodes) {
            const QJsonObject node = value.toObject();
            const QString version = node.value(QLatin1String("version")).toString();
            served.insert(version);
            order << version;
            const QString digest = releaseDigest(version + QLatin1Char('-') + releaseArch);
            QCOMPARE(node.value(QLatin1String("payload")).toString(),
                     QStringLiteral("quay.io/openshift-release-dev/ocp-release@") + digest);
            const QJsonObject metadata = node.value(QLatin1String("metadata")).toObject();
            QCOMPARE(metadata.value(QLatin1String("io.openshift.upgrades.graph.release.manifestref")).toString(),
                     digest);
            QVERIFY(metadata.value(QLatin1String("io.openshift.upgrades.graph.release.channels"))
                        .toString()
                        .split(QLatin1Char(','))
                        .contains(channel));
            QCOMPARE(metadata.contains(QLatin1String("release.openshift.io/architecture")),
                     arch == QLatin1String("multi"));
        }
        QCOMPARE(served, expected);

        const QJsonArray edges = graph.value(QLatin1String("edges")).toArray();
        QSet<QPair<QString, QString>> edgeSet;
        for (const QJsonValue &edge : edges) {
            const int from = edge.toArray().at(0).toInt(-1);
            const int to = edge.toArray().at(1).toInt(-1);
            QVERIFY(from >= 0 && from < order.size() && to >= 0 && to < order.size());
            edgeSet.insert({order.at(from), order.at(to)});
        }
        if (served.contains(QStringLiteral("4.16.4")) && served.contains(QStringLiteral("4.16.5")))
            QVERIFY(edgeSet.contains({QStringLiteral("4.16.4"), QStringLiteral("4.16.5")}));
        QVERIFY(!edgeSet.contains({QStringLiteral("4.16.5"), QStringLiteral("4.16.4")}));

        // 4.15 → 4.16.0 carries the real risks from blocked-edges and is not an unconditional edge.
        if (served.contains(QStringLiteral("4.15.59")) && served.contains(QStringLiteral("4.16.0"))) {
            QVERIFY(!edgeSet.contains({QStringLiteral("4.15.59"), QStringLiteral("4.16.0")}));
            bool found = false;
            for (const QJsonValue &group : graph.value(QLatin1String("conditionalEdges")).toArray()) {
                QStringList risks;
                for (const QJsonValue &risk : group.toObject().value(QLatin1String("risks")).toArray())
                    risks << risk.toObject().value(QLatin1String("name")).toString();
                for (const QJsonValue &edge : group.toObject().value(QLatin1String("edges")).toArray())
                    if (edge.toObject().value(QLatin1String("from")).toString() == QLatin1String("4.15.59") &&
                        edge.toObject().value(QLatin1String("to")).toString() == QLatin1String("4.16.0"))
                        found = risks.contains(QStringLiteral("ServiceAccountContentionSecretCreation")) &&
                                risks.contains(QStringLiteral("OldBootImagesMissingOSReleaseRHELVersion"));
            }
            QVERIFY(found);
        }
    }

    void graphAnswersLikeTheService()
    {
        const QString query = m_world.updateUrl() + QStringLiteral("?channel=stable-4.16&arch=amd64");
        // Both paths serve the same document.
        const Result v1 = curl({QStringLiteral("-f"), query});
        QString legacyQuery = query;
        legacyQuery.replace(QStringLiteral("/v1/graph"), QStringLiteral("/graph"));
        const Result legacy = curl({QStringLiteral("-f"), legacyQuery});
        QCOMPARE(v1.exitCode, 0);
        QCOMPARE(legacy.out, v1.out);

        auto contentType = [&](const QStringList &extra) {
            return curl(QStringList{QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                                    QStringLiteral("%{http_code} %{content_type}")} +
                        extra + QStringList{query})
                .out;
        };
        // curl sends "Accept: */*" unless told to send none.
        QCOMPARE(contentType({QStringLiteral("-H"), QStringLiteral("Accept:")}),
                 QByteArray("200 application/vnd.redhat.cincinnati.v1+json"));
        QCOMPARE(contentType({QStringLiteral("-H"), QStringLiteral("Accept: */*")}),
                 QByteArray("200 application/json"));
        QCOMPARE(
            contentType({QStringLiteral("-H"), QStringLiteral("Accept: application/vnd.redhat.cincinnati.v1+json")}),
            QByteArray("200 application/vnd.redhat.cincinnati.v1+json"));

        // An Accept list is refused as a whole.
        Result refused = curl({QStringLiteral("-w"), QStringLiteral("\n%{http_code}"), QStringLiteral("-H"),
                               QStringLiteral("Accept: application/json, text/plain"), query});
        QVERIFY(refused.out.endsWith("\n406"));
        QCOMPARE(QJsonDocument::fromJson(refused.out.left(refused.out.lastIndexOf('\n')))
                     .object()
                     .value(QLatin1String("kind"))
                     .toString(),
                 QStringLiteral("invalid_content_type"));

        // channel is mandatory.
        Result missing = curl({QStringLiteral("-w"), QStringLiteral("\n%{http_code}"),
                               m_world.updateUrl() + QStringLiteral("?arch=amd64")});
        QVERIFY(missing.out.endsWith("\n400"));
        const QJsonObject error = QJsonDocument::fromJson(missing.out.left(missing.out.lastIndexOf('\n'))).object();
        QCOMPARE(error.value(QLatin1String("kind")).toString(), QStringLiteral("missing_params"));
        QVERIFY(error.value(QLatin1String("value")).toString().contains(QLatin1String("channel")));

        // An unknown channel is an empty graph; unknown parameters are ignored.
        const Result unknown =
            curl({QStringLiteral("-f"), m_world.updateUrl() + QStringLiteral("?channel=stable-9.99&foo=bar")});
        QCOMPARE(unknown.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(unknown.out).object().value(QLatin1String("nodes")).toArray().isEmpty());
    }

    void payloadHoldsTheReleaseManifests()
    {
        const QString repository = QStringLiteral("quay.io/openshift-release-dev/ocp-release");
        const Result manifest = sourceRequest(repository + QStringLiteral("/manifests/4.16.5-x86_64"));
        QCOMPARE(manifest.exitCode, 200);
        const QJsonArray layers =
            QJsonDocument::fromJson(manifest.out).object().value(QLatin1String("layers")).toArray();
        QVERIFY(!layers.isEmpty());
        const QString folder =
            extractLayer(repository, layers.last().toObject().value(QLatin1String("digest")).toString(),
                         QStringLiteral("payload-4.16.5"));
        QVERIFY(!folder.isEmpty());

        const QJsonObject stream =
            QJsonDocument::fromJson(readFile(folder + QStringLiteral("/release-manifests/image-references"))).object();
        QCOMPARE(stream.value(QLatin1String("kind")).toString(), QStringLiteral("ImageStream"));
        QCOMPARE(stream.value(QLatin1String("apiVersion")).toString(), QStringLiteral("image.openshift.io/v1"));
        QCOMPARE(stream.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("4.16.5"));
        const QJsonArray tags = stream.value(QLatin1String("spec")).toObject().value(QLatin1String("tags")).toArray();
        QCOMPARE(tags.size(), m_world.manifest().value(QLatin1String("componentNames")).toArray().size());

        const QJsonObject fixture =
            QJsonDocument::fromJson(readFile(QStringLiteral(FERRY_FIXTURES_DIR "/release-payload/ocp-4.12.0-x86_64/"
                                                                               "release-manifests/image-references")))
                .object();
        QSet<QString> realNames;
        for (const QJsonValue &tag :
             fixture.value(QLatin1String("spec")).toObject().value(QLatin1String("tags")).toArray())
            realNames.insert(tag.toObject().value(QLatin1String("name")).toString());
        QSet<QString> components;
        for (const QJsonValue &tag : tags) {
            const QJsonObject object = tag.toObject();
            QVERIFY(realNames.contains(object.value(QLatin1String("name")).toString()));
            const QString from = object.value(QLatin1String("from")).toObject().value(QLatin1String("name")).toString();
            QVERIFY2(from.startsWith(QLatin1String("quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:")),
                     qUtf8Printable(from));
            QVERIFY2(manifestExists(from), qUtf8Printable(from));
            components.insert(from);
        }

        const QJsonObject metadata =
            QJsonDocument::fromJson(readFile(folder + QStringLiteral("/release-manifests/release-metadata"))).object();
        QCOMPARE(metadata.value(QLatin1String("kind")).toString(), QStringLiteral("cincinnati-metadata-v0"));
        QCOMPARE(metadata.value(QLatin1String("version")).toString(), QStringLiteral("4.16.5"));
        QVERIFY(metadata.value(QLatin1String("previous")).toArray().contains(QStringLiteral("4.16.4")));

        // The KubeVirt image of the boot images ConfigMap exists too.
        const QString bootImages = QString::fromUtf8(
            readFile(folder + QStringLiteral("/release-manifests/0000_50_installer_coreos-bootimages.yaml")));
        const QRegularExpressionMatch kubevirt =
            QRegularExpression(QStringLiteral("\"digest-ref\": \"([^\"]+)\"")).match(bootImages);
        QVERIFY(kubevirt.hasMatch());
        QVERIFY(manifestExists(kubevirt.captured(1)));

        // Consecutive z-streams share most components, as real ones do.
        const Result previous = sourceRequest(repository + QStringLiteral("/manifests/4.16.4-x86_64"));
        const QJsonArray previousLayers =
            QJsonDocument::fromJson(previous.out).object().value(QLatin1String("layers")).toArray();
        const QString previousFolder =
            extractLayer(repository, previousLayers.last().toObject().value(QLatin1String("digest")).toString(),
                         QStringLiteral("payload-4.16.4"));
        QVERIFY(!previousFolder.isEmpty());
        int shared = 0;
        const QJsonArray previousTags =
            QJsonDocument::fromJson(readFile(previousFolder + QStringLiteral("/release-manifests/image-references")))
                .object()
                .value(QLatin1String("spec"))
                .toObject()
                .value(QLatin1String("tags"))
                .toArray();
        for (const QJsonValue &tag : previousTags)
            shared += components.contains(
                tag.toObject().value(QLatin1String("from")).toObject().value(QLatin1String("name")).toString());
        const double share = double(shared) / double(tags.size());
        QVERIFY2(share > 0.4 && share < 1.0, qPrintable(QString::number(share)));
    }

    void catalogMatchesTheFixtures()
    {
        const QString repository = QStringLiteral("registry.redhat.io/redhat/redhat-operator-index");
        const Result inspect = skopeo({QStringLiteral("inspect"), QStringLiteral("--raw"),
                                       QStringLiteral("docker://") + repository + QStringLiteral(":v4.16")});
        QVERIFY2(inspect.exitCode == 0, inspect.err.constData());
        const QJsonArray platforms =
            QJsonDocument::fromJson(inspect.out).object().value(QLatin1String("manifests")).toArray();
        QVERIFY(platforms.size() >= 2);
        const QString amd64 = platforms.first().toObject().value(QLatin1String("digest")).toString();
        const QJsonObject manifest =
            QJsonDocument::fromJson(sourceRequest(repository + QStringLiteral("/manifests/") + amd64).out).object();
        const QString configDigest =
            manifest.value(QLatin1String("config")).toObject().value(QLatin1String("digest")).toString();
        const QJsonObject config =
            QJsonDocument::fromJson(sourceRequest(repository + QStringLiteral("/blobs/") + configDigest).out)
                .object()
                .value(QLatin1String("config"))
                .toObject();
        QCOMPARE(config.value(QLatin1String("Labels"))
                     .toObject()
                     .value(QLatin1String("operators.operatorframework.io.index.configs.v1"))
                     .toString(),
                 QStringLiteral("/configs"));
        QCOMPARE(config.value(QLatin1String("Cmd")).toArray().first().toString(), QStringLiteral("serve"));

        // Unpack every layer; the configs must equal the fixture files apart from digests.
        const QString folder = m_scratch.filePath(QStringLiteral("catalog"));
        int index = 0;
        for (const QJsonValue &layer : manifest.value(QLatin1String("layers")).toArray())
            QVERIFY(!extractLayer(repository, layer.toObject().value(QLatin1String("digest")).toString(),
                                  QStringLiteral("catalog/l%1").arg(index++))
                         .isEmpty());
        QJsonObject catalog;
        for (const QJsonValue &value : m_world.manifest().value(QLatin1String("catalogs")).toArray())
            if (value.toObject().value(QLatin1String("reference")).toString() == repository + QStringLiteral(":v4.16"))
                catalog = value.toObject();
        const QJsonArray packages = catalog.value(QLatin1String("packages")).toArray();
        const QJsonArray fixtures = catalog.value(QLatin1String("fixtures")).toArray();
        QVERIFY(!packages.isEmpty());
        int compared = 0;
        for (qsizetype i = 0; i < packages.size(); ++i) {
            const QString fixture = QStringLiteral(FERRY_FIXTURES_DIR "/") + fixtures.at(i).toString();
            QString served;
            for (int l = 0; l < index; ++l) {
                const QString candidate = QStringLiteral("%1/l%2/configs/%3/%4")
                                              .arg(folder)
                                              .arg(l)
                                              .arg(packages.at(i).toString(), QFileInfo(fixture).fileName());
                if (QFileInfo::exists(candidate))
                    served = candidate;
            }
            QVERIFY2(!served.isEmpty(), qUtf8Printable(packages.at(i).toString()));
            const QByteArray servedText = readFile(served);
            const QByteArray fixtureText = readFile(fixture);
            QVERIFY(servedText != fixtureText); // digests were rewritten
            QCOMPARE(withoutDigests(servedText), withoutDigests(fixtureText));
            // Every image the served catalog names exists in the world.
            static const QRegularExpression imageField(QStringLiteral("\"image\"\\s*:\\s*\"([^\"]+)\""));
            QRegularExpressionMatchIterator it = imageField.globalMatch(QString::fromUtf8(servedText));
            QSet<QString> checked;
            while (it.hasNext()) {
                const QString reference = it.next().captured(1);
                if (reference.isEmpty() || checked.contains(reference))
                    continue;
                checked.insert(reference);
                QVERIFY2(manifestExists(reference), qUtf8Printable(reference));
            }
            QVERIFY(!checked.isEmpty());
            ++compared;
        }
        QCOMPARE(compared, int(packages.size()));
    }

    void signatureVerifiesWithTheWorldKey()
    {
        const QString digest = releaseDigest(QStringLiteral("4.16.5-x86_64"));
        const QString signaturePath = m_scratch.filePath(QStringLiteral("signature-1"));
        const Result download =
            curl({QStringLiteral("-f"), QStringLiteral("-o"), signaturePath,
                  m_world.signatureUrl() + QStringLiteral("sha256=") + digest.mid(7) + QStringLiteral("/signature-1")});
        QCOMPARE(download.exitCode, 0);
        // No signature for a digest the world does not have.
        QCOMPARE(curl({QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                       QStringLiteral("%{http_code}"),
                       m_world.signatureUrl() + QStringLiteral("sha256=") + QString(64, QLatin1Char('0')) +
                           QStringLiteral("/signature-1")})
                     .out,
                 QByteArray("404"));

        QTemporaryDir home(QStringLiteral("/tmp/tst-world-gpg-XXXXXX"));
        const QStringList gpg{QStringLiteral("--homedir"), home.path(), QStringLiteral("--batch")};
        QCOMPARE(
            run(QStringLiteral("gpg"), gpg + QStringList{QStringLiteral("--import"), m_world.publicKeyFile()}).exitCode,
            0);
        const Result verify =
            run(QStringLiteral("gpg"), gpg + QStringList{QStringLiteral("--status-fd"), QStringLiteral("1"),
                                                         QStringLiteral("--verify"), signaturePath});
        QVERIFY2(verify.exitCode == 0 && verify.out.contains("[GNUPG:] GOODSIG"), verify.err.constData());
        const Result content =
            run(QStringLiteral("gpg"), gpg + QStringList{QStringLiteral("--decrypt"), signaturePath});
        QCOMPARE(content.exitCode, 0);
        const QJsonObject critical =
            QJsonDocument::fromJson(content.out).object().value(QLatin1String("critical")).toObject();
        QCOMPARE(critical.value(QLatin1String("type")).toString(), QStringLiteral("atomic container signature"));
        QCOMPARE(
            critical.value(QLatin1String("image")).toObject().value(QLatin1String("docker-manifest-digest")).toString(),
            digest);
        QCOMPARE(
            critical.value(QLatin1String("identity")).toObject().value(QLatin1String("docker-reference")).toString(),
            QStringLiteral("quay.io/openshift-release-dev/ocp-release:4.16.5-x86_64"));

        // A damaged signature does not verify.
        QByteArray damaged = readFile(signaturePath);
        damaged[damaged.size() / 2] = char(damaged.at(damaged.size() / 2) ^ 0x55);
        QFile file(m_scratch.filePath(QStringLiteral("damaged")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(damaged);
        file.close();
        QVERIFY(run(QStringLiteral("gpg"), gpg + QStringList{QStringLiteral("--verify"), file.fileName()}).exitCode !=
                0);
        run(QStringLiteral("gpgconf"),
            {QStringLiteral("--homedir"), home.path(), QStringLiteral("--kill"), QStringLiteral("all")});
    }

    void helmRepositoryServesChartsWithWorldImages()
    {
        const Result index = curl({QStringLiteral("-f"), m_world.helmUrl() + QStringLiteral("/index.yaml")});
        QCOMPARE(index.exitCode, 0);
        QVERIFY(index.out.contains("service-binding-operator-1.4.1.tgz"));
        const QString chartPath = m_scratch.filePath(QStringLiteral("chart.tgz"));
        QCOMPARE(curl({QStringLiteral("-f"), QStringLiteral("-o"), chartPath,
                       m_world.helmUrl() + QStringLiteral("/service-binding-operator-1.4.1.tgz")})
                     .exitCode,
                 0);
        const QByteArray chart = readFile(chartPath);
        // index.yaml's digest names the archive served.
        QVERIFY(index.out.contains(
            QByteArray("digest: " + QCryptographicHash::hash(chart, QCryptographicHash::Sha256).toHex())));
        const QString folder = m_scratch.filePath(QStringLiteral("chart"));
        QDir().mkpath(folder);
        QCOMPARE(run(QStringLiteral("tar"), {QStringLiteral("-xzf"), chartPath, QStringLiteral("-C"), folder}).exitCode,
                 0);
        const QString deployment =
            QString::fromUtf8(readFile(folder + QStringLiteral("/service-binding-operator/templates/deployment.yaml")));
        QRegularExpressionMatchIterator it =
            QRegularExpression(QStringLiteral("image: (\\S+)")).globalMatch(deployment);
        int images = 0;
        while (it.hasNext()) {
            const QString reference = it.next().captured(1);
            const Result inspect =
                skopeo({QStringLiteral("inspect"), QStringLiteral("--raw"), QStringLiteral("docker://") + reference});
            QVERIFY2(inspect.exitCode == 0,
                     qUtf8Printable(reference + QLatin1Char(' ') + QString::fromUtf8(inspect.err)));
            ++images;
        }
        QCOMPARE(images, 2);
    }

    void graphDataTarball()
    {
        const QString path = m_scratch.filePath(QStringLiteral("graph-data.tar.gz"));
        QCOMPARE(curl({QStringLiteral("-f"), QStringLiteral("-o"), path,
                       m_world.httpUrl() + QStringLiteral("/api/upgrades_info/graph-data")})
                     .exitCode,
                 0);
        const Result list = run(QStringLiteral("tar"), {QStringLiteral("-tzf"), path});
        QCOMPARE(list.exitCode, 0);
        const QList<QByteArray> entries = list.out.split('\n');
        for (const char *entry : {"channels/stable-4.16.yaml", "blocked-edges/4.16.0-ec.0-PreRelease.yaml",
                                  "raw/metadata.json", "version", "LICENSE"})
            QVERIFY2(entries.contains(QByteArray(entry)), entry);
    }

    void additionalImagesAndDestination()
    {
        const Result ubi = skopeo({QStringLiteral("inspect"), QStringLiteral("--raw"),
                                   QStringLiteral("docker://registry.redhat.io/ubi9/ubi:latest")});
        QVERIFY2(ubi.exitCode == 0, ubi.err.constData());
        const QJsonObject list = QJsonDocument::fromJson(ubi.out).object();
        QCOMPARE(list.value(QLatin1String("manifests")).toArray().size(), 4);
        const QString digest =
            QStringLiteral("sha256:") +
            QString::fromLatin1(QCryptographicHash::hash(ubi.out, QCryptographicHash::Sha256).toHex());
        const Result access = skopeo({QStringLiteral("inspect"), QStringLiteral("--raw"),
                                      QStringLiteral("docker://registry.access.redhat.com/ubi9/ubi@") + digest});
        QCOMPARE(access.out, ubi.out);
        const Result nginx = skopeo({QStringLiteral("inspect"), QStringLiteral("--raw"),
                                     QStringLiteral("docker://docker.io/library/nginx:1.25")});
        QCOMPARE(QJsonDocument::fromJson(nginx.out).object().value(QLatin1String("mediaType")).toString(),
                 QStringLiteral("application/vnd.oci.image.index.v1+json"));

        // The destination takes a full copy (no auth) and lets manifests be deleted.
        const Result copy =
            skopeo({QStringLiteral("copy"), QStringLiteral("--all"), QStringLiteral("--preserve-digests"),
                    QStringLiteral("docker://registry.redhat.io/ubi9/ubi:latest"),
                    QStringLiteral("docker://%1/mirror/ubi9/ubi:latest").arg(m_world.destinationAddress())});
        QVERIFY2(copy.exitCode == 0, copy.err.constData());
        const Result remove = curl(
            {QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"), QStringLiteral("%{http_code}"),
             QStringLiteral("-X"), QStringLiteral("DELETE"),
             QStringLiteral("http://%1/v2/mirror/ubi9/ubi/manifests/%2").arg(m_world.destinationAddress(), digest)});
        QCOMPARE(remove.out, QByteArray("202"));
    }
};

QTEST_GUILESS_MAIN(TestWorld)
#include "tst_world.moc"
