#pragma once

#include "mirrorplanentry.h"

#include "config/operatorcatalog.h"

#include <QList>
#include <QString>
#include <QStringList>

class DistributionStore;
class ImagePuller;
class RegistryClient;

// Resolves one `operators` entry into plan entries: reads the catalog image's file-based catalog from its layers,
// filters it with oc-mirror's rules, rebuilds the catalog image around the filtered content in the local cache
// (unless the whole catalog is wanted), and lists every kept bundle and related image. A catalog in an OCI image
// layout (`oci://`) is imported into the cache first and read from there like any cached catalog.
// Blocks the calling worker thread.
class CatalogPlanner
{
public:
    struct Options
    {
        QString workingDirectory;
        QString cacheRoot; // "localhost:55000": where rebuilt catalogs are found by the copy
        DistributionStore *cache = nullptr;
        RegistryClient *client = nullptr;
        bool offline = false; // diskToMirror: the catalog and its rebuild are already in the cache
    };

    struct Result
    {
        QList<QList<MirrorPlanEntry>> entries; // one list per destination root
        QStringList warnings;
        QStringList errors; // this catalog's collection failed (the operator category fails)
    };

    // Where an oci:// catalog's layout is, and the name it gets in the cache and at the destination (spec section 5):
    // `<targetCatalog or the directory's name>:<targetTag or latest>`. error is set when that is no valid name.
    struct LayoutName
    {
        QString path; // absolute
        QString repository;
        QString tag;
        QString error;
    };

    explicit CatalogPlanner(Options options);

    static LayoutName layoutName(const OperatorCatalog &catalog);

    Result plan(const OperatorCatalog &catalog, const ImagePuller &puller, const QStringList &destinationRoots) const;

private:
    Options m_options;
};
