#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

// CatalogSource (OLM v0) and ClusterCatalog (OLM v1) objects for a mirrored catalog image.
class CatalogSourceBuilder
{
public:
    struct Options
    {
        QString createdBy = QStringLiteral("Ferry");
        QString version;
        QDateTime createdAt;
    };

    explicit CatalogSourceBuilder(Options options);

    // "cs-redhat-operator-index-v4-18" for …/redhat-operator-index:v4.18; prefix "cs" or "cc".
    static QString objectName(const QString &prefix, const QString &mirroredCatalog);

    QJsonObject catalogSource(const QString &mirroredCatalog) const;
    // The admin's template with name, namespace, sourceType and image replaced; std::nullopt and an error when
    // the template is not a grpc operators.coreos.com/v1alpha1 CatalogSource without configMap.
    std::optional<QJsonObject> catalogSourceFromTemplate(const QString &mirroredCatalog, const QString &templatePath,
                                                         QString *error) const;
    QJsonObject clusterCatalog(const QString &mirroredCatalog) const;

private:
    Options m_options;
};
