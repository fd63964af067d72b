#include "catalogsourcebuilder.h"

#include "clusterresourcemetadata.h"
#include "registry/imagereference.h"
#include "resourceyaml.h"

#include <QFile>

namespace {
const QString catalogNamespace = QStringLiteral("openshift-marketplace");

// Lower case, anything outside [a-z0-9-] becomes '-', at most 12 characters.
QString nameSuffix(const QString &tag, const QString &digest)
{
    QString suffix;
    if (!tag.isEmpty()) {
        for (const QChar c : tag.left(12).toLower()) {
            const bool allowed = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                                 (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-');
            suffix += allowed ? c : QLatin1Char('-');
        }
    } else if (!digest.isEmpty()) {
        suffix = digest.mid(digest.indexOf(QLatin1Char(':')) + 1).left(12);
    }
    return suffix.isEmpty() ? QStringLiteral("0") : suffix;
}

QString dnsLabel(QString name)
{
    for (QChar &c : name) {
        const bool allowed = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                             (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-');
        if (!allowed)
            c = QLatin1Char('-');
    }
    // A Kubernetes name is at most 63 characters and ends with a letter or digit.
    name = name.left(63);
    while (name.endsWith(QLatin1Char('-')))
        name.chop(1);
    return name;
}
} // namespace

CatalogSourceBuilder::CatalogSourceBuilder(Options options)
    : m_options(std::move(options))
{
}

QString CatalogSourceBuilder::objectName(const QString &prefix, const QString &mirroredCatalog)
{
    const auto reference = ImageReference::parse(mirroredCatalog);
    QString repositoryName;
    QString tag;
    QString digest;
    if (reference) {
        repositoryName = reference->path().section(QLatin1Char('/'), -1);
        tag = reference->tag();
        digest = reference->digest();
    } else {
        repositoryName = mirroredCatalog.section(QLatin1Char('/'), -1).section(QLatin1Char(':'), 0, 0);
    }
    return dnsLabel(prefix + QLatin1Char('-') + repositoryName.toLower() + QLatin1Char('-') + nameSuffix(tag, digest));
}

QJsonObject CatalogSourceBuilder::catalogSource(const QString &mirroredCatalog) const
{
    const QString name = objectName(QStringLiteral("cs"), mirroredCatalog);
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("operators.coreos.com/v1alpha1")},
        {QStringLiteral("kind"), QStringLiteral("CatalogSource")},
        {QStringLiteral("metadata"), ClusterResourceMetadata::metadata(name, catalogNamespace, m_options.createdBy,
                                                                       m_options.version, m_options.createdAt)},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("image"), mirroredCatalog},
                                             {QStringLiteral("sourceType"), QStringLiteral("grpc")}}},
    };
}

std::optional<QJsonObject> CatalogSourceBuilder::catalogSourceFromTemplate(const QString &mirroredCatalog,
                                                                           const QString &templatePath,
                                                                           QString *error) const
{
    auto fail = [&](const QString &message) -> std::optional<QJsonObject> {
        if (error)
            *error = QStringLiteral("%1: %2").arg(templatePath, message);
        return std::nullopt;
    };
    QFile file(templatePath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read the CatalogSource template: %1").arg(file.errorString()));
    QString parseError;
    const auto parsed = ResourceYaml::fromYaml(file.readAll(), &parseError);
    if (!parsed)
        return fail(parseError);
    QJsonObject object = *parsed;
    if (object.value(QStringLiteral("apiVersion")).toString() != QLatin1String("operators.coreos.com/v1alpha1") ||
        object.value(QStringLiteral("kind")).toString() != QLatin1String("CatalogSource")) {
        return fail(QStringLiteral("the template must be an operators.coreos.com/v1alpha1 CatalogSource"));
    }
    QJsonObject spec = object.value(QStringLiteral("spec")).toObject();
    const QString sourceType = spec.value(QStringLiteral("sourceType")).toString();
    if (!sourceType.isEmpty() && sourceType != QLatin1String("grpc"))
        return fail(QStringLiteral("spec.sourceType must be grpc, not \"%1\"").arg(sourceType));
    if (spec.contains(QStringLiteral("configMap")))
        return fail(QStringLiteral("spec.configMap is not allowed: the catalog is served from its image"));

    const QString name = objectName(QStringLiteral("cs"), mirroredCatalog);
    QJsonObject metadata = object.value(QStringLiteral("metadata")).toObject();
    const QJsonObject generated = ClusterResourceMetadata::metadata(name, catalogNamespace, m_options.createdBy,
                                                                    m_options.version, m_options.createdAt);
    QJsonObject annotations = metadata.value(QStringLiteral("annotations")).toObject();
    const QJsonObject ours = generated.value(QStringLiteral("annotations")).toObject();
    for (auto it = ours.constBegin(); it != ours.constEnd(); ++it)
        annotations.insert(it.key(), it.value());
    metadata.insert(QStringLiteral("annotations"), annotations);
    metadata.insert(QStringLiteral("name"), name);
    metadata.insert(QStringLiteral("namespace"), catalogNamespace);
    metadata.remove(QStringLiteral("creationTimestamp"));
    spec.insert(QStringLiteral("image"), mirroredCatalog);
    spec.insert(QStringLiteral("sourceType"), QStringLiteral("grpc"));
    object.insert(QStringLiteral("metadata"), metadata);
    object.insert(QStringLiteral("spec"), spec);
    object.remove(QStringLiteral("status"));
    return object;
}

QJsonObject CatalogSourceBuilder::clusterCatalog(const QString &mirroredCatalog) const
{
    const QString name = objectName(QStringLiteral("cc"), mirroredCatalog);
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("olm.operatorframework.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("ClusterCatalog")},
        {QStringLiteral("metadata"), ClusterResourceMetadata::metadata(name, QString(), m_options.createdBy,
                                                                       m_options.version, m_options.createdAt)},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("source"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("Image")},
                                  {QStringLiteral("image"), QJsonObject{{QStringLiteral("ref"), mirroredCatalog}}}}}}},
    };
}
