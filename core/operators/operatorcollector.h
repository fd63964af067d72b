#pragma once

#include "catalogfilterresult.h"
#include "filebasedcatalog.h"
#include "plan/mirrorplanentry.h"

#include <QList>
#include <QString>
#include <QStringList>

class ImageReference;

// Turns the bundles a filtered catalog keeps into plan entries: each bundle image (operatorBundle) and each of its
// relatedImages (operatorRelatedImage), plus the catalog itself (operatorCatalog), with oc-mirror's destination
// names below the mirror destination R:
//   by tag `R/<path>:<tag>`; by digest `R/<path>:sha256-<hex>`; tag and digest: pulled by digest, pushed by tag.
class OperatorCollector
{
public:
    // Where the catalog came from and, if it was rebuilt, what replaced it.
    class CatalogInput
    {
    public:
        QString catalog; // as the configuration names it: registry/path:tag, …@sha256:…, or oci:///path
        QString targetCatalog;
        QString targetTag;
        QString rebuiltDigest; // index digest of the rebuilt catalog; empty when mirrored unchanged
        QString rebuiltSource; // where the rebuilt image is pulled from (the cache); empty = the catalog itself
    };

    class Result
    {
    public:
        QList<MirrorPlanEntry> entries; // related images and bundles in bundle order, the catalog last
        QStringList errors;             // any error means this catalog's collection failed
        QStringList warnings;

        bool isOk() const { return errors.isEmpty(); }
    };

    // destination: R, with or without docker://
    explicit OperatorCollector(const QString &destination);

    // reasons (optional) explains in each entry why its bundle was kept.
    Result collect(const FileBasedCatalog &filtered, const CatalogInput &catalog,
                   const CatalogFilterResult *reasons = nullptr) const;
    // The catalog's own entry; empty destination and *error set when the catalog reference is invalid.
    MirrorPlanEntry catalogEntry(const CatalogInput &catalog, QString *error = nullptr) const;
    // R/<path>:<tag> or R/<path>:sha256-<hex>.
    QString destinationFor(const ImageReference &reference) const;

private:
    QString m_destination;
};
