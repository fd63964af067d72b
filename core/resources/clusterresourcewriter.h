#pragma once

#include "plan/mirrorplanentry.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// Writes working-dir/cluster-resources from the images a run really copied: idms-oc-mirror.yaml,
// itms-oc-mirror.yaml, one CatalogSource and one ClusterCatalog per mirrored catalog, updateService.yaml and the
// release signature ConfigMap (json and yaml). Every file is written atomically.
class ClusterResourceWriter
{
public:
    struct Options
    {
        QString directory;                 // working-dir/cluster-resources
        QString destinationRegistry;       // R, e.g. "reg.example:5000/mirror", for updateService.yaml
        bool forceRepositoryScope = false; // set by --max-nested-paths
        QString version;
        QDateTime createdAt;
        QMap<QString, QString> catalogTemplates; // mirrored catalog destination → targetCatalogSourceTemplate path
        QString graphImage;                      // destination of the graph image when graph: true
    };

    struct Result
    {
        QStringList writtenFiles;
        QStringList errors;   // files that could not be written
        QStringList warnings; // e.g. a template that was not usable (the default object was written instead)
    };

    explicit ClusterResourceWriter(Options options);

    // signatures: payload digest ("sha256:<hex>") → raw signature bytes
    Result write(const QList<MirrorPlanEntry> &copied, const QMap<QString, QByteArray> &signatures) const;

private:
    bool writeFile(const QString &name, const QByteArray &contents, Result &result) const;
    Options m_options;
};
