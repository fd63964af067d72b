#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// The metadata block every generated cluster object carries: name, optional namespace and the provenance
// annotations oc-mirror uses (createdBy, createdAt, oc-mirror_version), so existing tooling recognises them.
class ClusterResourceMetadata
{
public:
    static QJsonObject metadata(const QString &name, const QString &objectNamespace, const QString &createdBy,
                                const QString &version, const QDateTime &createdAt);
    static QString timestamp(const QDateTime &moment); // RFC 3339, UTC, seconds
};
