#include "clusterresourcemetadata.h"

QString ClusterResourceMetadata::timestamp(const QDateTime &moment)
{
    const QDateTime when = moment.isValid() ? moment : QDateTime::currentDateTimeUtc();
    return when.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QJsonObject ClusterResourceMetadata::metadata(const QString &name, const QString &objectNamespace,
                                              const QString &createdBy, const QString &version,
                                              const QDateTime &createdAt)
{
    QJsonObject annotations{{QStringLiteral("createdAt"), timestamp(createdAt)},
                            {QStringLiteral("createdBy"), createdBy}};
    if (!version.isEmpty())
        annotations.insert(QStringLiteral("oc-mirror_version"), version);
    QJsonObject result{{QStringLiteral("annotations"), annotations}, {QStringLiteral("name"), name}};
    if (!objectNamespace.isEmpty())
        result.insert(QStringLiteral("namespace"), objectNamespace);
    return result;
}
