#include "releasebuilder.h"

#include "imagefactory.h"
#include "tarwriter.h"
#include "workspace/distributionstore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QtConcurrent>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <random>

const QString ReleaseBuilder::releaseRepository = QStringLiteral("quay.io/openshift-release-dev/ocp-release");
const QString ReleaseBuilder::componentRepository = QStringLiteral("quay.io/openshift-release-dev/ocp-v4.0-art-dev");

namespace {
struct Version
{
    int major = 0;
    int minor = 0;
    int patch = 0;
};

Version parseVersion(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    Version v;
    if (parts.size() == 3) {
        v.major = parts.at(0).toInt();
        v.minor = parts.at(1).toInt();
        v.patch = parts.at(2).toInt();
    }
    return v;
}

QString minorOf(const QString &version)
{
    const Version v = parseVersion(version);
    return QStringLiteral("%1.%2").arg(v.major).arg(v.minor);
}

QString configArchitecture(const QString &releaseArchitecture)
{
    return releaseArchitecture == QLatin1String("aarch64") ? QStringLiteral("arm64") : QStringLiteral("amd64");
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// One build of a component: the same key means the same image, which is how z-streams share digests.
struct ComponentKey
{
    QString minor;
    QString name;
    int generation = 0;
};

struct ComponentImages
{
    ImageFactory::Image amd64;
    ImageFactory::Image arm64;
    ImageFactory::Image list;
    ImageFactory::Layer amd64Own; // the component's own layer (the CVO's is reused by the payload)
    ImageFactory::Layer arm64Own;
};

QString errataUrl(const QString &version)
{
    return QStringLiteral("https://access.redhat.com/errata/RHSA-2024:%1")
        .arg(ImageFactory::randomInt(QStringLiteral("errata/") + version, 1000, 9999));
}
} // namespace

ReleaseBuilder::ReleaseBuilder(ImageFactory *factory, const WorldProfile &profile, const QString &fixturesDirectory)
    : m_factory(factory)
    , m_profile(profile)
    , m_fixtures(fixturesDirectory)
{
}

QString ReleaseBuilder::graphArchitecture(const QString &releaseArchitecture)
{
    if (releaseArchitecture == QLatin1String("x86_64"))
        return QStringLiteral("amd64");
    if (releaseArchitecture == QLatin1String("aarch64"))
        return QStringLiteral("arm64");
    return releaseArchitecture;
}

bool ReleaseBuilder::versionLess(const QString &a, const QString &b)
{
    const Version x = parseVersion(a);
    const Version y = parseVersion(b);
    return std::tie(x.major, x.minor, x.patch) < std::tie(y.major, y.minor, y.patch);
}

bool ReleaseBuilder::loadChannels(QString *error)
{
    const QDir dir(m_fixtures + QStringLiteral("/cincinnati-graph-data/channels"));
    const QStringList files = dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        try {
            const YAML::Node root = YAML::LoadFile(dir.filePath(file).toStdString());
            const QString name = QString::fromStdString(root["name"].as<std::string>());
            QStringList versions;
            for (const auto &v : root["versions"])
                versions << QString::fromStdString(v.as<std::string>());
            m_channels.insert(name, versions);
        } catch (const std::exception &e) {
            *error = QStringLiteral("%1: %2").arg(dir.filePath(file), QString::fromUtf8(e.what()));
            return false;
        }
    }
    if (m_channels.isEmpty()) {
        *error = QStringLiteral("no channel files in %1").arg(dir.path());
        return false;
    }
    for (const QString &version : std::as_const(m_profile.versions)) {
        bool listed = false;
        for (const QStringList &versions : std::as_const(m_channels))
            listed = listed || versions.contains(version);
        if (!listed) {
            *error = QStringLiteral("scale %1: version %2 is in no channel file").arg(m_profile.name, version);
            return false;
        }
        if (!m_versions.contains(version))
            m_versions << version;
    }
    std::sort(m_versions.begin(), m_versions.end(), versionLess);
    return true;
}

bool ReleaseBuilder::loadComponents(QString *error)
{
    const QString path =
        m_fixtures + QStringLiteral("/release-payload/ocp-4.12.0-x86_64/release-manifests/image-references");
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(readFile(path), &parseError);
    if (!document.isObject()) {
        *error = QStringLiteral("%1: %2").arg(path, parseError.errorString());
        return false;
    }
    m_imageStreamTemplate = document.object();
    const QJsonArray tags =
        m_imageStreamTemplate.value(QLatin1String("spec")).toObject().value(QLatin1String("tags")).toArray();
    QStringList all;
    for (const QJsonValue &tag : tags) {
        const QString name = tag.toObject().value(QLatin1String("name")).toString();
        all << name;
        m_componentTemplates.insert(name, tag.toObject());
    }
    if (all.isEmpty()) {
        *error = QStringLiteral("%1: field spec.tags: expected a non-empty list").arg(path);
        return false;
    }
    // Real payloads carry ~190 components; beyond the fixture's names, later releases added more.
    int extra = 0;
    while (all.size() < m_profile.componentCount) {
        const QString name = QStringLiteral("ferry-world-component-%1").arg(++extra);
        QJsonObject tag = m_componentTemplates.first();
        tag.insert(QStringLiteral("name"), name);
        m_componentTemplates.insert(name, tag);
        all << name;
    }
    const QString cvo = QStringLiteral("cluster-version-operator");
    if (m_profile.componentCount >= all.size()) {
        m_componentNames = all;
    } else {
        // An even spread over the real names, always with the CVO the payload is built on.
        m_componentNames << cvo;
        const double step = double(all.size()) / double(m_profile.componentCount - 1);
        for (int i = 0; m_componentNames.size() < m_profile.componentCount && i < all.size(); ++i) {
            const QString name = all.at(qMin(all.size() - 1, int(i * step)));
            if (!m_componentNames.contains(name))
                m_componentNames << name;
        }
        m_componentNames.sort();
    }
    return true;
}

void ReleaseBuilder::buildGraphEdges()
{
    // The real pattern: each release updates to later z-streams of its minor and into the next minor.
    QMap<QPair<QString, QString>, QJsonArray> risksByEdge;
    QList<QPair<QString, QString>> candidates;
    for (const QString &from : std::as_const(m_versions)) {
        for (const QString &to : std::as_const(m_versions)) {
            const Version a = parseVersion(from);
            const Version b = parseVersion(to);
            if (a.major != b.major)
                continue;
            if ((a.minor == b.minor && a.patch < b.patch) || b.minor == a.minor + 1)
                candidates.append({from, to});
        }
    }

    // blocked-edges: without risk fields an edge is dropped; with them it becomes conditional.
    struct Block
    {
        QString to;
        QRegularExpression from;
        QJsonObject risk;
    };
    QList<Block> blocks;
    const QDir dir(m_fixtures + QStringLiteral("/cincinnati-graph-data/blocked-edges"));
    const QStringList files = dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        try {
            const YAML::Node root = YAML::LoadFile(dir.filePath(file).toStdString());
            Block block;
            block.to = QString::fromStdString(root["to"].as<std::string>());
            block.from = QRegularExpression(QString::fromStdString(root["from"].as<std::string>()));
            if (root["name"]) {
                block.risk.insert(QStringLiteral("url"), QString::fromStdString(root["url"].as<std::string>("")));
                block.risk.insert(QStringLiteral("name"), QString::fromStdString(root["name"].as<std::string>()));
                block.risk.insert(QStringLiteral("message"),
                                  QString::fromStdString(root["message"].as<std::string>("")));
                QJsonArray rules;
                for (const auto &rule : root["matchingRules"]) {
                    QJsonObject r{{QStringLiteral("type"), QString::fromStdString(rule["type"].as<std::string>())}};
                    if (rule["promql"] && rule["promql"]["promql"])
                        r.insert(QStringLiteral("promql"),
                                 QJsonObject{{QStringLiteral("promql"),
                                              QString::fromStdString(rule["promql"]["promql"].as<std::string>())}});
                    rules.append(r);
                }
                block.risk.insert(QStringLiteral("matchingRules"), rules);
            }
            blocks.append(block);
        } catch (const std::exception &) {
            continue; // a malformed risk file only costs its own conditional edges
        }
    }

    for (const auto &edge : std::as_const(candidates)) {
        bool dropped = false;
        QJsonArray risks;
        for (const Block &block : std::as_const(blocks)) {
            // The from pattern is matched against the arch-suffixed release name.
            if (block.to != edge.second || !block.from.match(edge.first + QStringLiteral("+amd64")).hasMatch())
                continue;
            if (block.risk.isEmpty())
                dropped = true;
            else
                risks.append(block.risk);
        }
        if (dropped)
            continue;
        m_previous[edge.second] << edge.first;
        if (risks.isEmpty())
            m_edges.append(edge);
        else
            risksByEdge.insert(edge, risks);
    }
    // Group conditional edges that carry the same risks, as the service does.
    QMap<QByteArray, QJsonObject> groups;
    for (auto it = risksByEdge.cbegin(); it != risksByEdge.cend(); ++it) {
        const QByteArray key = QJsonDocument(it.value()).toJson(QJsonDocument::Compact);
        QJsonObject group = groups.value(
            key, QJsonObject{{QStringLiteral("edges"), QJsonArray{}}, {QStringLiteral("risks"), it.value()}});
        QJsonArray edges = group.value(QLatin1String("edges")).toArray();
        edges.append(QJsonObject{{QStringLiteral("from"), it.key().first}, {QStringLiteral("to"), it.key().second}});
        group.insert(QStringLiteral("edges"), edges);
        groups.insert(key, group);
    }
    for (const QJsonObject &group : std::as_const(groups))
        m_conditionalEdges.append(group);
}

bool ReleaseBuilder::build(const QString &outputDirectory, QString *error)
{
    if (!loadChannels(error) || !loadComponents(error))
        return false;
    buildGraphEdges();

    // Which build of each component every release uses: consecutive z-streams share most of them.
    QMap<QString, QMap<QString, int>> generationOf; // version → name → generation
    QList<ComponentKey> keys;
    QSet<QString> seen;
    QMap<QString, int> current;
    QString previousMinor;
    for (const QString &version : std::as_const(m_versions)) {
        const QString minor = minorOf(version);
        for (const QString &name : std::as_const(m_componentNames)) {
            if (minor != previousMinor)
                current[name] = 0;
            else if (ImageFactory::randomInt(QStringLiteral("change/%1/%2").arg(version, name), 0, 999) <
                     int(m_profile.componentChangeRate * 1000))
                current[name] += 1;
            generationOf[version][name] = current[name];
            const QString id = QStringLiteral("%1/%2/%3").arg(minor, name).arg(current[name]);
            if (!seen.contains(id)) {
                seen.insert(id);
                keys.append({minor, name, current[name]});
            }
        }
        previousMinor = minor;
    }

    // The base layer is shared by every component of a minor and architecture, as the RHEL base is in real life.
    QMap<QString, ImageFactory::Layer> baseLayers;
    for (const QString &minor : [&] {
             QStringList minors;
             for (const QString &v : std::as_const(m_versions))
                 if (!minors.contains(minorOf(v)))
                     minors << minorOf(v);
             return minors;
         }()) {
        for (const QString &arch : {QStringLiteral("amd64"), QStringLiteral("arm64")})
            baseLayers.insert(minor + QLatin1Char('/') + arch,
                              m_factory->putRandomLayer(QStringLiteral("base/%1/%2").arg(minor, arch),
                                                        m_profile.baseLayerSize,
                                                        QStringLiteral("usr/share/ferry-world/base.bin")));
    }

    ImageFactory *factory = m_factory;
    const WorldProfile profile = m_profile;
    const QList<ComponentImages> built = QtConcurrent::blockingMapped(keys, [&](const ComponentKey &key) {
        ComponentImages images;
        for (const QString &arch : {QStringLiteral("amd64"), QStringLiteral("arm64")}) {
            const QString seed =
                QStringLiteral("component/%1/%2/%3/%4").arg(key.minor, key.name, arch).arg(key.generation);
            const ImageFactory::Layer own =
                factory->putRandomLayer(seed,
                                        ImageFactory::randomInt(seed + QStringLiteral("/size"),
                                                                profile.componentLayerMin, profile.componentLayerMax),
                                        QStringLiteral("usr/bin/") + key.name);
            ImageFactory::ImageSpec spec;
            spec.architecture = arch;
            spec.layers = {baseLayers.value(key.minor + QLatin1Char('/') + arch), own};
            spec.containerConfig = QJsonObject{
                {QStringLiteral("Entrypoint"), QJsonArray{QString(QStringLiteral("/usr/bin/") + key.name)}},
                {QStringLiteral("Labels"),
                 QJsonObject{
                     {QStringLiteral("io.openshift.build.name"), key.name},
                     {QStringLiteral("io.openshift.build.commit.id"),
                      QString::fromLatin1(ImageFactory::randomBytes(seed + QStringLiteral("/commit"), 20).toHex())},
                     {QStringLiteral("vendor"), QStringLiteral("Red Hat, Inc.")},
                     {QStringLiteral("version"), QString(QStringLiteral("v") + key.minor + QStringLiteral(".0"))}}}};
            const ImageFactory::Image image = factory->putImage(componentRepository, spec);
            if (arch == QLatin1String("amd64")) {
                images.amd64 = image;
                images.amd64Own = own;
            } else {
                images.arm64 = image;
                images.arm64Own = own;
            }
        }
        images.list = factory->putIndex(componentRepository, {images.amd64, images.arm64});
        return images;
    });
    QMap<QString, ComponentImages> componentImages;
    for (qsizetype i = 0; i < keys.size(); ++i)
        componentImages.insert(
            QStringLiteral("%1/%2/%3").arg(keys.at(i).minor, keys.at(i).name).arg(keys.at(i).generation), built.at(i));
    m_componentImageCount = int(keys.size() * 3);
    if (!m_factory->error().isEmpty()) {
        *error = m_factory->error();
        return false;
    }

    // KubeVirt container images, referenced from the boot images ConfigMap by digest and by tag.
    QMap<QString, ImageFactory::Image> kubevirt; // minor/arch → image
    for (auto it = baseLayers.cbegin(); it != baseLayers.cend(); ++it) {
        const QString minor = it.key().section(QLatin1Char('/'), 0, 0);
        const QString arch = it.key().section(QLatin1Char('/'), 1, 1);
        ImageFactory::ImageSpec spec;
        spec.architecture = arch;
        spec.layers = {it.value(),
                       m_factory->putRandomLayer(QStringLiteral("kubevirt/%1/%2").arg(minor, arch),
                                                 m_profile.componentLayerMax, QStringLiteral("disk/rhcos.qcow2"))};
        const QString tag = minor + QStringLiteral("-9.4-kubevirt") +
                            (arch == QLatin1String("arm64") ? QStringLiteral("-aarch64") : QString());
        kubevirt.insert(it.key(), m_factory->putImage(componentRepository, spec, tag));
    }

    auto releaseManifestsLayer = [&](const QString &version, const QString &releaseArch) {
        const QString minor = minorOf(version);
        QJsonObject stream = m_imageStreamTemplate;
        QJsonObject metadata = stream.value(QLatin1String("metadata")).toObject();
        metadata.insert(QStringLiteral("name"), version);
        metadata.insert(QStringLiteral("creationTimestamp"), QStringLiteral("2024-06-01T00:00:00Z"));
        metadata.insert(QStringLiteral("annotations"),
                        QJsonObject{{QStringLiteral("release.openshift.io/from-image-stream"),
                                     QStringLiteral("ocp/%1-art-latest-2024-06-01-000000").arg(minor)},
                                    {QStringLiteral("release.openshift.io/from-release"),
                                     QStringLiteral("registry.ci.openshift.org/ocp/release:%1").arg(version)}});
        stream.insert(QStringLiteral("metadata"), metadata);
        QJsonArray tags;
        for (const QString &name : std::as_const(m_componentNames)) {
            const ComponentImages images = std::as_const(componentImages)
                                               .value(QStringLiteral("%1/%2/%3")
                                                          .arg(minor, name)
                                                          .arg(std::as_const(generationOf).value(version).value(name)));
            const ImageFactory::Image &image = releaseArch == QLatin1String("multi")     ? images.list
                                               : releaseArch == QLatin1String("aarch64") ? images.arm64
                                                                                         : images.amd64;
            QJsonObject tag = m_componentTemplates.value(name);
            tag.insert(
                QStringLiteral("from"),
                QJsonObject{{QStringLiteral("kind"), QStringLiteral("DockerImage")},
                            {QStringLiteral("name"), QString(componentRepository + QLatin1Char('@') + image.digest)}});
            tags.append(tag);
        }
        QJsonObject spec = stream.value(QLatin1String("spec")).toObject();
        spec.insert(QStringLiteral("tags"), tags);
        stream.insert(QStringLiteral("spec"), spec);

        QStringList previous = m_previous.value(version);
        std::sort(previous.begin(), previous.end(), versionLess);
        QJsonObject releaseMetadata{{QStringLiteral("url"), errataUrl(version)}};
        if (releaseArch == QLatin1String("multi"))
            releaseMetadata.insert(QStringLiteral("release.openshift.io/architecture"), QStringLiteral("multi"));
        const QJsonObject cincinnati{{QStringLiteral("kind"), QStringLiteral("cincinnati-metadata-v0")},
                                     {QStringLiteral("version"), version},
                                     {QStringLiteral("previous"), QJsonArray::fromStringList(previous)},
                                     {QStringLiteral("metadata"), releaseMetadata}};

        auto kubevirtEntry = [&](const QString &arch) {
            const ImageFactory::Image image = kubevirt.value(minor + QLatin1Char('/') + arch);
            const QString tag = minor + QStringLiteral("-9.4-kubevirt") +
                                (arch == QLatin1String("arm64") ? QStringLiteral("-aarch64") : QString());
            return QJsonObject{
                {QStringLiteral("images"),
                 QJsonObject{
                     {QStringLiteral("kubevirt"),
                      QJsonObject{{QStringLiteral("release"), QString(minor.mid(2).remove(QLatin1Char('.')) +
                                                                      QStringLiteral(".94.202406010000-0"))},
                                  {QStringLiteral("image"), QString(componentRepository + QLatin1Char(':') + tag)},
                                  {QStringLiteral("digest-ref"),
                                   QString(componentRepository + QLatin1Char('@') + image.digest)}}}}}};
        };
        const QJsonObject bootStream{
            {QStringLiteral("stream"), QString(QStringLiteral("rhcos-") + minor)},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("last-modified"), QStringLiteral("2024-06-01T00:00:00Z")},
                         {QStringLiteral("generator"), QStringLiteral("ferry-world")}}},
            {QStringLiteral("architectures"),
             QJsonObject{
                 {QStringLiteral("x86_64"), kubevirtEntry(QStringLiteral("amd64"))},
                 {QStringLiteral("aarch64"), kubevirtEntry(QStringLiteral("arm64"))},
                 {QStringLiteral("ppc64le"), QJsonObject{{QStringLiteral("rhel-coreos-extensions"), QJsonObject{}}}},
                 {QStringLiteral("s390x"), QJsonObject{{QStringLiteral("rhel-coreos-extensions"), QJsonObject{}}}}}}};
        QString streamText = QString::fromUtf8(QJsonDocument(bootStream).toJson(QJsonDocument::Indented)).trimmed();
        streamText.replace(QLatin1Char('\n'), QStringLiteral("\n    "));
        const QString bootImages =
            QStringLiteral(
                "apiVersion: v1\ndata:\n  releaseVersion: %1\n  stream: |\n    %2\nkind: ConfigMap\nmetadata:\n"
                "  annotations:\n    include.release.openshift.io/ibm-cloud-managed: \"true\"\n"
                "    include.release.openshift.io/self-managed-high-availability: \"true\"\n"
                "    include.release.openshift.io/single-node-developer: \"true\"\n"
                "  creationTimestamp: null\n  name: coreos-bootimages\n"
                "  namespace: openshift-machine-config-operator\n")
                .arg(minor.mid(2).remove(QLatin1Char('.')) + QStringLiteral(".94.202406010000-0"), streamText);

        TarWriter tar;
        tar.addDirectory(QStringLiteral("release-manifests"));
        tar.addFile(QStringLiteral("release-manifests/0000_50_installer_coreos-bootimages.yaml"), bootImages.toUtf8());
        tar.addFile(QStringLiteral("release-manifests/image-references"),
                    QJsonDocument(stream).toJson(QJsonDocument::Indented));
        tar.addFile(QStringLiteral("release-manifests/release-metadata"),
                    QJsonDocument(cincinnati).toJson(QJsonDocument::Indented));
        tar.finish();
        return m_factory->putTarLayer(tar.tar());
    };

    auto payloadImage = [&](const QString &version, const QString &releaseArch, const QString &configArch,
                            const ImageFactory::Layer &manifests, const QString &tag) {
        const QString minor = minorOf(version);
        const ComponentImages cvo = std::as_const(componentImages)
                                        .value(QStringLiteral("%1/cluster-version-operator/%2")
                                                   .arg(minor)
                                                   .arg(std::as_const(generationOf)
                                                            .value(version)
                                                            .value(QStringLiteral("cluster-version-operator"))));
        ImageFactory::ImageSpec spec;
        spec.architecture = configArch;
        const bool arm = configArch == QLatin1String("arm64");
        spec.layers = {baseLayers.value(minor + QLatin1Char('/') + configArch), arm ? cvo.arm64Own : cvo.amd64Own,
                       manifests};
        spec.containerConfig = QJsonObject{
            {QStringLiteral("Entrypoint"), QJsonArray{QStringLiteral("/usr/bin/cluster-version-operator")}},
            {QStringLiteral("Labels"), QJsonObject{{QStringLiteral("io.openshift.release"), version},
                                                   {QStringLiteral("io.openshift.release.base-image-digest"),
                                                    (arm ? cvo.arm64 : cvo.amd64).digest}}}};
        Q_UNUSED(releaseArch)
        return m_factory->putImage(releaseRepository, spec, tag);
    };

    QList<QPair<QString, QString>> work; // version, release arch
    for (const QString &version : std::as_const(m_versions))
        for (const QString &arch : {QStringLiteral("x86_64"), QStringLiteral("aarch64"), QStringLiteral("multi")})
            work.append({version, arch});
    const QList<Payload> payloads = QtConcurrent::blockingMapped(work, [&](const QPair<QString, QString> &item) {
        const QString &version = item.first;
        const QString &arch = item.second;
        Payload payload;
        payload.version = version;
        payload.architecture = arch;
        payload.tag = version + QLatin1Char('-') + arch;
        const ImageFactory::Layer manifests = releaseManifestsLayer(version, arch);
        if (arch == QLatin1String("multi")) {
            const ImageFactory::Image amd64 = payloadImage(version, arch, QStringLiteral("amd64"), manifests, {});
            const ImageFactory::Image arm64 = payloadImage(version, arch, QStringLiteral("arm64"), manifests, {});
            payload.digest = m_factory->putIndex(releaseRepository, {amd64, arm64}, payload.tag).digest;
        } else {
            payload.digest = payloadImage(version, arch, configArchitecture(arch), manifests, payload.tag).digest;
        }
        return payload;
    });
    m_payloads = payloads;
    if (!m_factory->error().isEmpty()) {
        *error = m_factory->error();
        return false;
    }
    return writeGraph(outputDirectory, error) && writeGraphDataTarball(outputDirectory, error);
}

bool ReleaseBuilder::writeGraph(const QString &outputDirectory, QString *error) const
{
    // Channel membership as the service reports it: by minor, then by name.
    auto channelsOf = [&](const QString &version) {
        QStringList channels;
        for (auto it = m_channels.cbegin(); it != m_channels.cend(); ++it)
            if (it.value().contains(version))
                channels << it.key();
        std::sort(channels.begin(), channels.end(), [](const QString &a, const QString &b) {
            const QString minorA = a.section(QLatin1Char('-'), -1);
            const QString minorB = b.section(QLatin1Char('-'), -1);
            if (minorA != minorB)
                return versionLess(minorA + QStringLiteral(".0"), minorB + QStringLiteral(".0"));
            return a < b;
        });
        return channels.join(QLatin1Char(','));
    };

    QJsonObject architectures;
    for (const QString &releaseArch : {QStringLiteral("x86_64"), QStringLiteral("aarch64"), QStringLiteral("multi")}) {
        QJsonArray nodes;
        for (const Payload &payload : m_payloads) {
            if (payload.architecture != releaseArch)
                continue;
            QJsonObject metadata{
                {QStringLiteral("io.openshift.upgrades.graph.release.channels"), channelsOf(payload.version)},
                {QStringLiteral("io.openshift.upgrades.graph.release.manifestref"), payload.digest},
                {QStringLiteral("url"), errataUrl(payload.version)}};
            if (releaseArch == QLatin1String("multi"))
                metadata.insert(QStringLiteral("release.openshift.io/architecture"), QStringLiteral("multi"));
            nodes.append(
                QJsonObject{{QStringLiteral("version"), payload.version},
                            {QStringLiteral("payload"), QString(releaseRepository + QLatin1Char('@') + payload.digest)},
                            {QStringLiteral("metadata"), metadata}});
        }
        // Real responses list nodes in no particular order; consumers must not rely on one.
        std::vector<QJsonValue> shuffled(nodes.begin(), nodes.end());
        std::mt19937_64 generator(ImageFactory::seedOf(QStringLiteral("node-order/") + releaseArch));
        std::shuffle(shuffled.begin(), shuffled.end(), generator);
        QJsonArray ordered;
        for (const QJsonValue &node : shuffled)
            ordered.append(node);
        architectures.insert(graphArchitecture(releaseArch), ordered);
    }
    QJsonArray edges;
    for (const auto &edge : m_edges)
        edges.append(QJsonArray{edge.first, edge.second});
    const QJsonObject graph{{QStringLiteral("architectures"), architectures},
                            {QStringLiteral("edges"), edges},
                            {QStringLiteral("conditionalEdges"), m_conditionalEdges}};
    return writeFile(outputDirectory + QStringLiteral("/graph.json"),
                     QJsonDocument(graph).toJson(QJsonDocument::Indented), error);
}

bool ReleaseBuilder::writeGraphDataTarball(const QString &outputDirectory, QString *error) const
{
    // What api.openshift.com/api/upgrades_info/graph-data serves: a subset of the cincinnati-graph-data repository.
    const QString base = m_fixtures + QStringLiteral("/cincinnati-graph-data");
    TarWriter tar;
    for (const QString &folder : {QStringLiteral("blocked-edges"), QStringLiteral("channels"), QStringLiteral("raw")}) {
        tar.addDirectory(folder);
        const QDir dir(base + QLatin1Char('/') + folder);
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        for (const QString &file : files)
            tar.addFile(folder + QLatin1Char('/') + file, readFile(dir.filePath(file)));
    }
    tar.addFile(QStringLiteral("version"), readFile(base + QStringLiteral("/version")));
    tar.addFile(QStringLiteral("LICENSE"), readFile(m_fixtures + QStringLiteral("/LICENSE-Apache-2.0.txt")));
    tar.finish();
    return writeFile(outputDirectory + QStringLiteral("/http/api/upgrades_info/graph-data"), tar.gzip(), error);
}
