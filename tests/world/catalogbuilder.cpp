#include "catalogbuilder.h"

#include "imagefactory.h"
#include "tarwriter.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QtConcurrent>

namespace {
struct Reference
{
    QString repository; // host/path
    QString tag;
    QString hex; // digest hex, empty when by tag only
};

std::optional<Reference> parseReference(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^([a-z0-9.-]+(?::[0-9]+)?/[a-z0-9._/"
                       "-]+?)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@sha256:([0-9a-f]{64}))?$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    Reference reference{match.captured(1), match.captured(2), match.captured(3)};
    if (reference.tag.isEmpty() && reference.hex.isEmpty())
        reference.tag = QStringLiteral("latest");
    return reference;
}

// One synthetic image and every repository/tag that names it.
struct ImageJob
{
    QString seed;
    bool bundle = false;
    QList<QPair<QString, QString>> targets; // repository, tag (may be empty)
    QString hex;                            // fixture digest it replaces, if any
};
} // namespace

CatalogBuilder::CatalogBuilder(ImageFactory *factory, const WorldProfile &profile, const QString &fixturesDirectory)
    : m_factory(factory)
    , m_profile(profile)
    , m_fixtures(fixturesDirectory)
{
}

QStringList CatalogBuilder::imageReferences(const QByteArray &text)
{
    // YAML "image: x" / "- image: x" and JSON "image": "x".
    static const QRegularExpression pattern(
        QStringLiteral("(?:^[ \\t-]*image:[ \\t]*['\"]?([^\\s'\"]+)['\"]?[ \\t]*$)|(?:\"image\"\\s*:\\s*\"([^\"]+)\")"),
        QRegularExpression::MultilineOption);
    QStringList references;
    QRegularExpressionMatchIterator it = pattern.globalMatch(QString::fromUtf8(text));
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString reference = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
        if (!reference.isEmpty() && !references.contains(reference))
            references << reference;
    }
    return references;
}

QByteArray CatalogBuilder::rewriteDigests(const QByteArray &text, const QHash<QString, QString> &hexMap)
{
    static const QRegularExpression digestPattern(QStringLiteral("sha256:([0-9a-f]{64})"));
    auto replaceDigests = [&](const QString &input) {
        QString output;
        output.reserve(input.size());
        qsizetype last = 0;
        QRegularExpressionMatchIterator it = digestPattern.globalMatch(input);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            const QString replacement = hexMap.value(match.captured(1));
            if (replacement.isEmpty())
                continue;
            output += QStringView(input).mid(last, match.capturedStart(1) - last);
            output += replacement;
            last = match.capturedEnd(1);
        }
        output += QStringView(input).mid(last);
        return output;
    };

    // Bundle manifests embedded as base64 name the same images; keep them consistent with the rest.
    static const QRegularExpression dataPattern(
        QStringLiteral("((?:\"data\"\\s*:\\s*\")|(?:\\bdata:[ \\t]+))([A-Za-z0-9+/]{16,}={0,2})"));
    const QString source = QString::fromUtf8(text);
    QString decodedPass;
    decodedPass.reserve(source.size());
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = dataPattern.globalMatch(source);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString decoded = QString::fromUtf8(QByteArray::fromBase64(match.captured(2).toLatin1()));
        const QString rewritten = replaceDigests(decoded);
        if (rewritten == decoded)
            continue;
        decodedPass += QStringView(source).mid(last, match.capturedStart(2) - last);
        decodedPass += QString::fromLatin1(rewritten.toUtf8().toBase64());
        last = match.capturedEnd(2);
    }
    decodedPass += QStringView(source).mid(last);
    return replaceDigests(decodedPass).toUtf8();
}

bool CatalogBuilder::loadPackage(const QString &name, bool community, Package *package, QString *error) const
{
    const QString base = m_fixtures + (community ? QStringLiteral("/fbc/community-operators-prod")
                                                 : QStringLiteral("/fbc/redhat-operator-index"));
    QDirIterator it(base, {QStringLiteral("catalog.json"), QStringLiteral("catalog.yaml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (QFileInfo(path).dir().dirName() != name)
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            break;
        package->name = name;
        package->fileName = QFileInfo(path).fileName();
        package->fixture = QDir(m_fixtures).relativeFilePath(path);
        package->text = file.readAll();
        return true;
    }
    *error = QStringLiteral("no catalog fixture for package %1 under %2").arg(name, base);
    return false;
}

bool CatalogBuilder::buildRelatedImages(const QList<Package> &packages, QString *error)
{
    QMap<QString, ImageJob> jobs; // by seed
    for (const Package &package : packages) {
        static const QRegularExpression bundleLine(QStringLiteral("^image:[ \\t]*(\\S+)"),
                                                   QRegularExpression::MultilineOption);
        QSet<QString> bundles;
        QRegularExpressionMatchIterator bundleIt = bundleLine.globalMatch(QString::fromUtf8(package.text));
        while (bundleIt.hasNext())
            bundles.insert(bundleIt.next().captured(1));
        const QStringList references = imageReferences(package.text);
        for (const QString &text : references) {
            const std::optional<Reference> reference = parseReference(text);
            // CSV examples may hold placeholders or short names; only full references name images to publish.
            if (!reference)
                continue;
            if (!m_references.contains(text))
                m_references << text;
            // The same digest in several repositories is the same image; a tag alone names its own image.
            const QString seed =
                reference->hex.isEmpty() ? QStringLiteral("tag/") + text : QStringLiteral("digest/") + reference->hex;
            ImageJob &job = jobs[seed];
            job.seed = seed;
            job.hex = reference->hex;
            job.bundle =
                job.bundle || bundles.contains(text) || reference->repository.contains(QLatin1String("bundle"));
            const QPair<QString, QString> target{reference->repository, reference->tag};
            if (!job.targets.contains(target))
                job.targets.append(target);
        }
    }

    const QList<ImageJob> list = jobs.values();
    ImageFactory *factory = m_factory;
    const WorldProfile profile = m_profile;
    const ImageFactory::Layer amd64Base =
        factory->putRandomLayer(QStringLiteral("operator-base/amd64"), profile.baseLayerSize,
                                QStringLiteral("usr/share/ferry-world/ubi-minimal.bin"));
    const ImageFactory::Layer arm64Base =
        factory->putRandomLayer(QStringLiteral("operator-base/arm64"), profile.baseLayerSize,
                                QStringLiteral("usr/share/ferry-world/ubi-minimal.bin"));
    const QList<QString> digests = QtConcurrent::blockingMapped(list, [&](const ImageJob &job) -> QString {
        auto image = [&](const QString &arch, const QString &repository) {
            ImageFactory::ImageSpec spec;
            spec.architecture = arch;
            const QString seed = job.seed + QLatin1Char('/') + arch;
            const ImageFactory::Layer own =
                factory->putRandomLayer(seed,
                                        ImageFactory::randomInt(seed + QStringLiteral("/size"),
                                                                profile.componentLayerMin, profile.componentLayerMax),
                                        job.bundle ? QStringLiteral("manifests/bundle.clusterserviceversion.yaml")
                                                   : QStringLiteral("usr/bin/manager"));
            QJsonObject labels{{QStringLiteral("ferry-world.seed"), job.seed}};
            if (job.bundle) {
                // Bundle images are scratch images of manifests and metadata, labelled for OLM.
                spec.layers = {own};
                labels.insert(QStringLiteral("operators.operatorframework.io.bundle.manifests.v1"),
                              QStringLiteral("manifests/"));
                labels.insert(QStringLiteral("operators.operatorframework.io.bundle.metadata.v1"),
                              QStringLiteral("metadata/"));
                labels.insert(QStringLiteral("operators.operatorframework.io.bundle.mediatype.v1"),
                              QStringLiteral("registry+v1"));
            } else {
                spec.layers = {arch == QLatin1String("arm64") ? arm64Base : amd64Base, own};
            }
            spec.containerConfig = QJsonObject{{QStringLiteral("Labels"), labels}};
            return factory->putImage(repository, spec);
        };
        const QPair<QString, QString> &first = job.targets.first();
        ImageFactory::Image result;
        // About half of the operator images are multi-arch, as on registry.redhat.io and quay.io.
        if (!job.bundle && ImageFactory::randomInt(QStringLiteral("multiarch/") + job.seed, 0, 1) == 1) {
            const ImageFactory::Image amd64 = image(QStringLiteral("amd64"), first.first);
            const ImageFactory::Image arm64 = image(QStringLiteral("arm64"), first.first);
            result = factory->putIndex(first.first, {amd64, arm64}, first.second);
        } else {
            result = image(QStringLiteral("amd64"), first.first);
            if (!first.second.isEmpty())
                factory->tag(first.first, first.second, result.digest);
        }
        for (qsizetype i = 1; i < job.targets.size(); ++i)
            factory->copyImage(result, job.targets.at(i).first, job.targets.at(i).second);
        return result.digest;
    });
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).hex.isEmpty())
            m_hexMap.insert(list.at(i).hex, digests.at(i).mid(7));
    }
    m_imageCount += int(list.size());
    if (!m_factory->error().isEmpty()) {
        *error = m_factory->error();
        return false;
    }
    return true;
}

QString CatalogBuilder::buildCatalogImage(const QString &repository, const QString &tag, const QList<Package> &packages)
{
    TarWriter configs;
    configs.addDirectory(QStringLiteral("configs"));
    for (const Package &package : packages) {
        configs.addDirectory(QStringLiteral("configs/") + package.name);
        configs.addFile(QStringLiteral("configs/%1/%2").arg(package.name, package.fileName),
                        rewriteDigests(package.text, m_hexMap));
    }
    configs.finish();
    const ImageFactory::Layer configsLayer = m_factory->putTarLayer(configs.tar());

    // opm's serve cache, keyed by the configs it was built from.
    TarWriter cache;
    cache.addDirectory(QStringLiteral("tmp"));
    cache.addDirectory(QStringLiteral("tmp/cache"));
    cache.addFile(QStringLiteral("tmp/cache/digest"), configsLayer.diffId.mid(7).toLatin1());
    cache.finish();
    const ImageFactory::Layer cacheLayer = m_factory->putTarLayer(cache.tar());

    QList<ImageFactory::Image> images;
    for (const QString &arch : {QStringLiteral("amd64"), QStringLiteral("arm64")}) {
        ImageFactory::ImageSpec spec;
        spec.architecture = arch;
        spec.layers = {m_factory->putRandomLayer(QStringLiteral("catalog-base/") + arch, m_profile.baseLayerSize,
                                                 QStringLiteral("usr/share/ferry-world/ubi-minimal.bin")),
                       m_factory->putRandomLayer(QStringLiteral("opm/") + arch, m_profile.componentLayerMax,
                                                 QStringLiteral("bin/opm")),
                       configsLayer, cacheLayer};
        spec.containerConfig = QJsonObject{
            {QStringLiteral("Entrypoint"), QJsonArray{QStringLiteral("/bin/opm")}},
            {QStringLiteral("Cmd"),
             QJsonArray{QStringLiteral("serve"), QStringLiteral("/configs"), QStringLiteral("--cache-dir=/tmp/cache")}},
            {QStringLiteral("ExposedPorts"), QJsonObject{{QStringLiteral("50051/tcp"), QJsonObject{}}}},
            {QStringLiteral("WorkingDir"), QStringLiteral("/")},
            {QStringLiteral("Labels"), QJsonObject{{QStringLiteral("operators.operatorframework.io.index.configs.v1"),
                                                    QStringLiteral("/configs")}}}};
        images.append(m_factory->putImage(repository, spec));
    }
    return m_factory->putIndex(repository, images, tag).digest;
}

bool CatalogBuilder::build(QString *error)
{
    QList<Package> redhat;
    for (const QString &name : std::as_const(m_profile.redhatPackages)) {
        Package package;
        if (!loadPackage(name, false, &package, error))
            return false;
        redhat.append(package);
    }
    QList<Package> community;
    for (const QString &name : std::as_const(m_profile.communityPackages)) {
        Package package;
        if (!loadPackage(name, true, &package, error))
            return false;
        community.append(package);
    }
    // Extra packages for the large world: copies of the small real packages under new names (images included).
    const QStringList models{QStringLiteral("kubevirt-wol"), QStringLiteral("dotvirt-operator"),
                             QStringLiteral("jumpstarter-operator")};
    for (int i = 0; i < m_profile.synthesizedPackages; ++i) {
        Package model;
        if (!loadPackage(models.at(i % models.size()), true, &model, error))
            return false;
        Package package = model;
        package.name = QStringLiteral("%1-synth%2").arg(model.name).arg(i + 1, 3, 10, QLatin1Char('0'));
        package.fixture.clear();
        package.text = QString::fromUtf8(model.text).replace(model.name, package.name).toUtf8();
        community.append(package);
    }

    if (!buildRelatedImages(redhat + community, error))
        return false;

    auto record = [&](const QString &repository, const QString &tag, const QList<Package> &packages) {
        Catalog catalog;
        catalog.repository = repository;
        catalog.tag = tag;
        catalog.digest = buildCatalogImage(repository, tag, packages);
        for (const Package &package : packages) {
            catalog.packages << package.name;
            catalog.fixtureFiles << package.fixture;
        }
        m_catalogs.append(catalog);
        m_imageCount += 3;
    };
    const QString redhatIndex = QStringLiteral("registry.redhat.io/redhat/redhat-operator-index");
    record(redhatIndex, QStringLiteral("v4.16"), redhat);
    record(redhatIndex, QStringLiteral("v4.15"), redhat.mid(0, 1));
    record(QStringLiteral("registry.redhat.io/redhat/community-operator-index"), QStringLiteral("v4.16"), community);

    // Rewritten references, as the served catalogs spell them.
    for (QString &reference : m_references)
        reference = QString::fromUtf8(rewriteDigests(reference.toUtf8(), m_hexMap));
    if (!m_factory->error().isEmpty()) {
        *error = m_factory->error();
        return false;
    }
    return true;
}
