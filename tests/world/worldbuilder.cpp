#include "worldbuilder.h"

#include "catalogbuilder.h"
#include "helmrepositorybuilder.h"
#include "imagefactory.h"
#include "releasebuilder.h"
#include "releasesigner.h"
#include "workspace/distributionstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QtConcurrent>

namespace {
bool writeFile(const QString &path, const QByteArray &bytes, QString *error,
               QFile::Permissions permissions = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                                QFile::ReadOther)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    QFile::setPermissions(path, permissions);
    return true;
}
} // namespace

WorldBuilder::WorldBuilder(const QString &directory, const WorldProfile &profile, const QString &fixturesDirectory)
    : m_directory(QDir(directory).absolutePath())
    , m_profile(profile)
    , m_fixtures(fixturesDirectory)
{
}

QString WorldBuilder::storageDirectory(const QString &directory)
{
    return directory + QStringLiteral("/source/storage");
}

QString WorldBuilder::httpDirectory(const QString &directory)
{
    return directory + QStringLiteral("/http");
}

bool WorldBuilder::build(QString *error, bool force)
{
    QElapsedTimer timer;
    timer.start();
    const QString manifestPath = m_directory + QStringLiteral("/world.json");
    if (!force) {
        QFile existing(manifestPath);
        if (existing.open(QIODevice::ReadOnly)) {
            const QJsonObject manifest = QJsonDocument::fromJson(existing.readAll()).object();
            if (manifest.value(QLatin1String("scale")).toString() == m_profile.name &&
                manifest.value(QLatin1String("generator")).toInt() == generatorVersion &&
                QFileInfo::exists(storageDirectory(m_directory))) {
                m_manifest = manifest;
                m_reused = true;
                m_seconds = manifest.value(QLatin1String("buildSeconds")).toDouble();
                return true;
            }
        }
    }
    // A partial or different world is never mixed with a new one.
    QFile::remove(manifestPath);
    for (const QString &sub : {QStringLiteral("source"), QStringLiteral("http")})
        QDir(m_directory + QLatin1Char('/') + sub).removeRecursively();
    if (!QDir().mkpath(storageDirectory(m_directory))) {
        *error = QStringLiteral("cannot create %1").arg(storageDirectory(m_directory));
        return false;
    }

    DistributionStore store(storageDirectory(m_directory));
    // The world is regenerated rather than recovered after a crash; syncing every file would dominate the build.
    store.setDurable(false);
    ImageFactory factory(&store);

    ReleaseBuilder releases(&factory, m_profile, m_fixtures);
    if (!releases.build(m_directory, error))
        return false;

    CatalogBuilder catalogs(&factory, m_profile, m_fixtures);
    if (!catalogs.build(error))
        return false;

    const QJsonArray additional = buildAdditionalImages(&factory);

    HelmRepositoryBuilder helm(&factory, m_fixtures);
    if (!helm.build(httpDirectory(m_directory) + QStringLiteral("/helm/") + helm.repositoryName(), error))
        return false;
    if (!factory.error().isEmpty()) {
        *error = factory.error();
        return false;
    }

    // Signatures for every payload digest, where mirror.openshift.com keeps them.
    ReleaseSigner signer;
    if (!signer.createKey(error))
        return false;
    if (!writeFile(m_directory + QStringLiteral("/release-key.asc"), signer.armoredPublicKey(), error))
        return false;
    const QList<ReleaseBuilder::Payload> payloads = releases.payloads();
    const QString signatureBase =
        httpDirectory(m_directory) + QStringLiteral("/pub/openshift-v4/signatures/openshift/release/");
    const QList<QString> signErrors =
        QtConcurrent::blockingMapped(payloads, [&](const ReleaseBuilder::Payload &payload) {
            QString signError;
            const QByteArray json = ReleaseSigner::signatureJson(
                ReleaseBuilder::releaseRepository + QLatin1Char(':') + payload.tag, payload.digest, 1717200000);
            signer.sign(json,
                        signatureBase + QStringLiteral("sha256=") + payload.digest.mid(7) +
                            QStringLiteral("/signature-1"),
                        &signError);
            return signError;
        });
    for (const QString &signError : signErrors) {
        if (!signError.isEmpty()) {
            *error = signError;
            return false;
        }
    }

    if (!writeLogin(error) || !writeDemoConfig(error))
        return false;

    QJsonArray releaseArray;
    for (const ReleaseBuilder::Payload &payload : payloads)
        releaseArray.append(QJsonObject{{QStringLiteral("version"), payload.version},
                                        {QStringLiteral("architecture"), payload.architecture},
                                        {QStringLiteral("tag"), payload.tag},
                                        {QStringLiteral("digest"), payload.digest},
                                        {QStringLiteral("reference"),
                                         QString(ReleaseBuilder::releaseRepository + QLatin1Char(':') + payload.tag)}});
    QJsonArray catalogArray;
    for (const CatalogBuilder::Catalog &catalog : catalogs.catalogs())
        catalogArray.append(
            QJsonObject{{QStringLiteral("reference"), QString(catalog.repository + QLatin1Char(':') + catalog.tag)},
                        {QStringLiteral("digest"), catalog.digest},
                        {QStringLiteral("packages"), QJsonArray::fromStringList(catalog.packages)},
                        {QStringLiteral("fixtures"), QJsonArray::fromStringList(catalog.fixtureFiles)}});
    const QStringList repositories = store.repositories();
    m_seconds = double(timer.elapsed()) / 1000.0;
    m_manifest = QJsonObject{
        {QStringLiteral("generator"), generatorVersion},
        {QStringLiteral("scale"), m_profile.name},
        {QStringLiteral("buildSeconds"), m_seconds},
        {QStringLiteral("releaseVersions"), QJsonArray::fromStringList(releases.versions())},
        {QStringLiteral("releases"), releaseArray},
        {QStringLiteral("componentNames"), QJsonArray::fromStringList(releases.componentNames())},
        {QStringLiteral("catalogs"), catalogArray},
        {QStringLiteral("catalogImageReferences"), QJsonArray::fromStringList(catalogs.references())},
        {QStringLiteral("additionalImages"), additional},
        {QStringLiteral("helm"),
         QJsonObject{{QStringLiteral("repository"), helm.repositoryName()},
                     {QStringLiteral("charts"), QJsonArray::fromStringList(helm.charts())},
                     {QStringLiteral("images"), QJsonArray::fromStringList(helm.references())}}},
        {QStringLiteral("signingKeyFingerprint"), signer.fingerprint()},
        {QStringLiteral("counts"), QJsonObject{{QStringLiteral("repositories"), int(repositories.size())},
                                               {QStringLiteral("releasePayloads"), int(payloads.size())},
                                               {QStringLiteral("componentManifests"), releases.componentImageCount()},
                                               {QStringLiteral("catalogImages"), catalogs.imageCount()}}}};
    return writeFile(manifestPath, QJsonDocument(m_manifest).toJson(QJsonDocument::Indented), error);
}

bool WorldBuilder::writeLogin(QString *error)
{
    // The source registry wants a login, as registry.redhat.io does; the password is new for every world.
    const QString user = QStringLiteral("ferry-world");
    const QString password = QString::fromLatin1(QByteArray::number(QRandomGenerator::system()->generate64(), 36) +
                                                 QByteArray::number(QRandomGenerator::system()->generate64(), 36));
    QProcess htpasswd;
    htpasswd.start(QStringLiteral("htpasswd"), {QStringLiteral("-Bbn"), user, password});
    if (!htpasswd.waitForFinished(30000) || htpasswd.exitCode() != 0) {
        // The password is on the command line of htpasswd only; never repeat it here.
        *error = QStringLiteral("htpasswd -Bbn failed (is apache2-utils installed?): %1")
                     .arg(QString::fromUtf8(htpasswd.readAllStandardError()).trimmed());
        return false;
    }
    const QByteArray line = htpasswd.readAllStandardOutput().trimmed() + '\n';
    const QJsonObject credentials{{QStringLiteral("username"), user}, {QStringLiteral("password"), password}};
    return writeFile(m_directory + QStringLiteral("/source/htpasswd"), line, error) &&
           writeFile(m_directory + QStringLiteral("/source/credentials.json"),
                     QJsonDocument(credentials).toJson(QJsonDocument::Compact), error,
                     QFile::ReadOwner | QFile::WriteOwner);
}

QJsonArray WorldBuilder::buildAdditionalImages(ImageFactory *factory)
{
    struct Spec
    {
        QString repository;
        QStringList tags;
        QStringList architectures; // one: a plain image; several: an index
        bool oci = false;
        QStringList copies; // other repositories serving the same image
    };
    const QList<Spec> specs{
        {QStringLiteral("registry.redhat.io/ubi9/ubi"),
         {QStringLiteral("latest"), QStringLiteral("9.4")},
         {QStringLiteral("amd64"), QStringLiteral("arm64"), QStringLiteral("ppc64le"), QStringLiteral("s390x")},
         false,
         {QStringLiteral("registry.access.redhat.com/ubi9/ubi")}},
        {QStringLiteral("registry.redhat.io/ubi9/ubi-minimal"),
         {QStringLiteral("latest")},
         {QStringLiteral("amd64"), QStringLiteral("arm64")},
         false,
         {QStringLiteral("registry.access.redhat.com/ubi9/ubi-minimal")}},
        {QStringLiteral("registry.redhat.io/rhel8/postgresql-13"),
         {QStringLiteral("latest"), QStringLiteral("1-190")},
         {QStringLiteral("amd64")},
         false,
         {}},
        {QStringLiteral("docker.io/library/nginx"),
         {QStringLiteral("1.25")},
         {QStringLiteral("amd64"), QStringLiteral("arm64")},
         true,
         {}},
        {QStringLiteral("docker.io/library/busybox"), {QStringLiteral("1.36")}, {QStringLiteral("amd64")}, true, {}},
        {QStringLiteral("quay.io/prometheus/node-exporter"),
         {QStringLiteral("v1.8.2")},
         {QStringLiteral("amd64"), QStringLiteral("arm64")},
         false,
         {}},
    };
    QJsonArray result;
    for (const Spec &spec : specs) {
        QList<ImageFactory::Image> platforms;
        for (const QString &arch : spec.architectures) {
            ImageFactory::ImageSpec image;
            image.architecture = arch;
            image.variant = spec.oci && arch == QLatin1String("arm64") ? QStringLiteral("v8") : QString();
            image.oci = spec.oci;
            const QString seed = QStringLiteral("additional/%1/%2").arg(spec.repository, arch);
            image.layers = {factory->putRandomLayer(seed + QStringLiteral("/base"), m_profile.baseLayerSize,
                                                    QStringLiteral("usr/share/ferry-world/base.bin")),
                            factory->putRandomLayer(seed, m_profile.componentLayerMax, QStringLiteral("usr/bin/app"))};
            image.containerConfig = QJsonObject{{QStringLiteral("Cmd"), QJsonArray{QStringLiteral("/bin/sh")}}};
            platforms.append(factory->putImage(spec.repository, image,
                                               platforms.isEmpty() && spec.architectures.size() == 1 ? spec.tags.first()
                                                                                                     : QString()));
        }
        const ImageFactory::Image top =
            platforms.size() == 1 ? platforms.first()
                                  : factory->putIndex(spec.repository, platforms, spec.tags.first(), spec.oci);
        for (const QString &tag : spec.tags)
            factory->tag(spec.repository, tag, top.digest);
        for (const QString &copy : spec.copies)
            for (const QString &tag : spec.tags)
                factory->copyImage(top, copy, tag);
        for (const QString &repository : QStringList{spec.repository} + spec.copies)
            result.append(
                QJsonObject{{QStringLiteral("reference"), QString(repository + QLatin1Char(':') + spec.tags.first())},
                            {QStringLiteral("digest"), top.digest},
                            {QStringLiteral("mediaType"), top.mediaType},
                            {QStringLiteral("tags"), QJsonArray::fromStringList(spec.tags)},
                            {QStringLiteral("multiArch"), platforms.size() > 1}});
    }
    return result;
}

bool WorldBuilder::writeDemoConfig(QString *error) const
{
    // What demo.sh mirrors: the newest release of stable-4.16, one package of each catalog, additional images by tag,
    // by digest and by tag and digest, and the helm chart.
    QString newest;
    for (const QString &version : m_profile.versions)
        if (version.startsWith(QLatin1String("4.16.")) &&
            (newest.isEmpty() || ReleaseBuilder::versionLess(newest, version)))
            newest = version;
    QString yaml = QStringLiteral("kind: ImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\nmirror:\n");
    if (!newest.isEmpty())
        yaml += QStringLiteral(
                    "  platform:\n    channels:\n    - name: stable-4.16\n      minVersion: %1\n      maxVersion: %1\n"
                    "    graph: false\n")
                    .arg(newest);
    yaml += QStringLiteral("  operators:\n");
    if (!m_profile.redhatPackages.isEmpty())
        yaml +=
            QStringLiteral(
                "  - catalog: registry.redhat.io/redhat/redhat-operator-index:v4.16\n    packages:\n    - name: %1\n")
                .arg(m_profile.redhatPackages.first());
    if (!m_profile.communityPackages.isEmpty())
        yaml += QStringLiteral("  - catalog: registry.redhat.io/redhat/community-operator-index:v4.16\n    packages:\n "
                               "   - name: %1\n")
                    .arg(m_profile.communityPackages.first());
    yaml +=
        QStringLiteral("  additionalImages:\n  - name: registry.redhat.io/ubi9/ubi:latest\n"
                       "  - name: docker.io/library/nginx:1.25\n  - name: quay.io/prometheus/node-exporter:v1.8.2\n");
    yaml +=
        QStringLiteral("  helm:\n    repositories:\n    - name: sbo\n      url: FERRY_WORLD_HELM_URL\n      charts:\n"
                       "      - name: service-binding-operator\n        version: 1.4.1\n");
    return writeFile(m_directory + QStringLiteral("/demo-imageset-config.template.yaml"), yaml.toUtf8(), error);
}
