#include "imagemirrorsetbuilder.h"

#include "clusterresourcemetadata.h"
#include "registry/imagereference.h"

#include <QJsonArray>

#include <algorithm>

namespace {
QString mirrorSetCategory(ImageKind kind)
{
    switch (ImageKinds::category(kind)) {
    case ImageCategory::Release:
        return QStringLiteral("release");
    case ImageCategory::Operator:
        return QStringLiteral("operator");
    case ImageCategory::Additional:
    case ImageCategory::Helm:
        return QStringLiteral("generic");
    }
    return QStringLiteral("generic");
}

// "host/a/b" → "host/a"; "host/a" → "host"
QString parentOf(const QString &repository)
{
    const qsizetype slash = repository.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? repository : repository.left(slash);
}

// Destinations are used exactly as given (a registry named "myregistry" is not docker.io/myregistry), so only the
// tag or digest is cut off.
QString destinationRepository(const QString &destination)
{
    QString repository = destination.section(QLatin1Char('@'), 0, 0);
    const qsizetype colon = repository.lastIndexOf(QLatin1Char(':'));
    if (colon > repository.lastIndexOf(QLatin1Char('/')))
        repository.truncate(colon);
    return repository;
}

QString pathAfterHost(const QString &repository)
{
    const qsizetype slash = repository.indexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : repository.mid(slash + 1);
}
} // namespace

ImageMirrorSetBuilder::ImageMirrorSetBuilder(Options options)
    : m_options(std::move(options))
{
}

ImageMirrorSetBuilder::Rule ImageMirrorSetBuilder::scopedRule(const QString &originRepository,
                                                              const QString &destinationRepository,
                                                              bool forceRepositoryScope)
{
    const QString sourcePath = pathAfterHost(originRepository);
    const QString destinationPath = pathAfterHost(destinationRepository);
    const bool sameTail = !sourcePath.isEmpty() &&
                          (destinationPath == sourcePath || destinationPath.endsWith(QLatin1Char('/') + sourcePath));
    if (!forceRepositoryScope && sameTail)
        return {parentOf(originRepository), {parentOf(destinationRepository)}};
    return {originRepository, {destinationRepository}};
}

void ImageMirrorSetBuilder::insert(RuleMap &map, const QString &category, const Rule &rule)
{
    QStringList &mirrors = map[category][rule.source];
    for (const QString &mirror : rule.mirrors) {
        if (!mirrors.contains(mirror))
            mirrors.append(mirror);
    }
}

bool ImageMirrorSetBuilder::add(const MirrorPlanEntry &copied, QString *error)
{
    // Catalogs are served through CatalogSource/ClusterCatalog and the graph image through UpdateService.
    if (copied.kind == ImageKind::OperatorCatalog || copied.kind == ImageKind::CincinnatiGraph)
        return true;
    QString parseError;
    const auto origin = ImageReference::parse(copied.origin, &parseError);
    if (!origin) {
        if (error)
            *error = parseError;
        return false;
    }
    if (copied.destination.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1 has no destination").arg(copied.origin);
        return false;
    }
    const Rule rule =
        scopedRule(origin->repository(), destinationRepository(copied.destination), m_options.forceRepositoryScope);
    const QString category = mirrorSetCategory(copied.kind);
    // The release payload is pulled by digest on clusters even though it is mirrored by tag.
    if (origin->hasDigest() || copied.kind == ImageKind::OcpRelease)
        insert(m_digest, category, rule);
    if (origin->hasTag())
        insert(m_tag, category, rule);
    return true;
}

QMap<QString, QList<ImageMirrorSetBuilder::Rule>> ImageMirrorSetBuilder::sorted(const RuleMap &map)
{
    QMap<QString, QList<Rule>> result;
    for (auto category = map.constBegin(); category != map.constEnd(); ++category) {
        QList<Rule> &rules = result[category.key()];
        for (auto source = category->constBegin(); source != category->constEnd(); ++source) {
            QStringList mirrors = source.value();
            std::sort(mirrors.begin(), mirrors.end());
            rules.append({source.key(), mirrors});
        }
    }
    return result;
}

QList<QJsonObject> ImageMirrorSetBuilder::objects(const RuleMap &map, const QString &kind, const QString &prefix,
                                                  const QString &listKey) const
{
    QList<QJsonObject> result;
    const auto categories = sorted(map);
    for (const QString &category : {QStringLiteral("release"), QStringLiteral("operator"), QStringLiteral("generic")}) {
        const QList<Rule> rules = categories.value(category);
        if (rules.isEmpty())
            continue;
        QJsonArray entries;
        for (const Rule &rule : rules) {
            entries.append(QJsonObject{{QStringLiteral("source"), rule.source},
                                       {QStringLiteral("mirrors"), QJsonArray::fromStringList(rule.mirrors)}});
        }
        QJsonObject metadata =
            ClusterResourceMetadata::metadata(prefix + category + QStringLiteral("-0"), QString(), m_options.createdBy,
                                              m_options.version, m_options.createdAt);
        result.append(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("config.openshift.io/v1")},
                                  {QStringLiteral("kind"), kind},
                                  {QStringLiteral("metadata"), metadata},
                                  {QStringLiteral("spec"), QJsonObject{{listKey, entries}}}});
    }
    return result;
}

QList<QJsonObject> ImageMirrorSetBuilder::digestMirrorSets() const
{
    return objects(m_digest, QStringLiteral("ImageDigestMirrorSet"), QStringLiteral("idms-"),
                   QStringLiteral("imageDigestMirrors"));
}

QList<QJsonObject> ImageMirrorSetBuilder::tagMirrorSets() const
{
    return objects(m_tag, QStringLiteral("ImageTagMirrorSet"), QStringLiteral("itms-"),
                   QStringLiteral("imageTagMirrors"));
}
