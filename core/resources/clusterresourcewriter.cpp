#include "clusterresourcewriter.h"

#include "workspace/atomicfilewriter.h"

#include "catalogsourcebuilder.h"
#include "clusterresourcemetadata.h"
#include "imagemirrorsetbuilder.h"
#include "releasesignatureconfigmap.h"
#include "resourceyaml.h"

#include <QDir>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>

ClusterResourceWriter::ClusterResourceWriter(Options options)
    : m_options(std::move(options))
{
}

bool ClusterResourceWriter::writeFile(const QString &name, const QByteArray &contents, Result &result) const
{
    const QString path = QDir(m_options.directory).filePath(name);
    QString error;
    if (!AtomicFileWriter::write(path, contents, &error)) {
        result.errors << error;
        return false;
    }
    result.writtenFiles << path;
    return true;
}

ClusterResourceWriter::Result ClusterResourceWriter::write(const QList<MirrorPlanEntry> &copied,
                                                           const QMap<QString, QByteArray> &signatures) const
{
    Result result;
    if (!QDir().mkpath(m_options.directory)) {
        result.errors << QStringLiteral("cannot create %1").arg(m_options.directory);
        return result;
    }
    const QDateTime createdAt = m_options.createdAt.isValid() ? m_options.createdAt : QDateTime::currentDateTimeUtc();
    const QString createdBy = QStringLiteral("Ferry");

    ImageMirrorSetBuilder mirrorSets({m_options.forceRepositoryScope, createdBy, m_options.version, createdAt});
    QStringList catalogs;
    bool hasRelease = false;
    for (const MirrorPlanEntry &entry : copied) {
        QString error;
        if (!mirrorSets.add(entry, &error))
            result.warnings << QStringLiteral("%1 left out of the mirror sets: %2").arg(entry.origin, error);
        if (entry.kind == ImageKind::OperatorCatalog && !catalogs.contains(entry.destination))
            catalogs << entry.destination;
        hasRelease = hasRelease || entry.kind == ImageKind::OcpRelease;
    }
    std::sort(catalogs.begin(), catalogs.end());

    const QList<QJsonObject> idms = mirrorSets.digestMirrorSets();
    if (!idms.isEmpty())
        writeFile(QStringLiteral("idms-oc-mirror.yaml"), ResourceYaml::toMultiDocument(idms), result);
    const QList<QJsonObject> itms = mirrorSets.tagMirrorSets();
    if (!itms.isEmpty())
        writeFile(QStringLiteral("itms-oc-mirror.yaml"), ResourceYaml::toMultiDocument(itms), result);

    CatalogSourceBuilder catalogBuilder({createdBy, m_options.version, createdAt});
    for (const QString &catalog : catalogs) {
        QJsonObject catalogSource = catalogBuilder.catalogSource(catalog);
        const QString templatePath = m_options.catalogTemplates.value(catalog);
        if (!templatePath.isEmpty()) {
            QString error;
            if (const auto fromTemplate = catalogBuilder.catalogSourceFromTemplate(catalog, templatePath, &error))
                catalogSource = *fromTemplate;
            else
                result.warnings << QStringLiteral("%1; the default CatalogSource was written instead").arg(error);
        }
        writeFile(CatalogSourceBuilder::objectName(QStringLiteral("cs"), catalog) + QStringLiteral(".yaml"),
                  ResourceYaml::toYaml(catalogSource), result);
        writeFile(CatalogSourceBuilder::objectName(QStringLiteral("cc"), catalog) + QStringLiteral(".yaml"),
                  ResourceYaml::toYaml(catalogBuilder.clusterCatalog(catalog)), result);
    }

    if (!m_options.graphImage.isEmpty() && hasRelease) {
        const QJsonObject updateService{
            {QStringLiteral("apiVersion"), QStringLiteral("updateservice.operator.openshift.io/v1")},
            {QStringLiteral("kind"), QStringLiteral("UpdateService")},
            {QStringLiteral("metadata"), ClusterResourceMetadata::metadata(QStringLiteral("update-service-oc-mirror"),
                                                                           QStringLiteral("openshift-update-service"),
                                                                           createdBy, m_options.version, createdAt)},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("graphDataImage"), m_options.graphImage},
                         {QStringLiteral("releases"),
                          QString(m_options.destinationRegistry + QStringLiteral("/openshift/release-images"))},
                         {QStringLiteral("replicas"), QJsonValue(2)}}},
        };
        writeFile(QStringLiteral("updateService.yaml"), ResourceYaml::toYaml(updateService), result);
    }

    ReleaseSignatureConfigMap configMap({createdBy, m_options.version, createdAt});
    for (auto it = signatures.constBegin(); it != signatures.constEnd(); ++it)
        configMap.addSignature(it.key(), it.value());
    if (!configMap.isEmpty()) {
        const QJsonObject object = configMap.toJsonObject();
        writeFile(QStringLiteral("signature-configmap.json"), QJsonDocument(object).toJson(QJsonDocument::Indented),
                  result);
        writeFile(QStringLiteral("signature-configmap.yaml"), ResourceYaml::toYaml(object), result);
    }
    return result;
}
