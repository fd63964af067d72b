#pragma once

#include "catalogfilterresult.h"
#include "filebasedcatalog.h"
#include "filterspec.h"

#include <QFuture>

class QThreadPool;

// Filters a catalog with oc-mirror's rules (FilterConfiguration of its catalog filter):
// - no packages: every channel of every package reduced to its head; with full: the catalog unchanged;
// - packages (and channels) listed: only those, each channel reduced to its head, or to everything with full;
// - a version range (package or channel level, ">=min <=max"): the smallest contiguous segment of the replaces
//   chain, walking from the head, that holds every in-range bundle, plus in-range bundles skipped by that segment;
//   out-of-range bundles inside the segment stay with a warning; skipRange is ignored;
// - default channel: an override must survive filtering, else the catalog's default must; a range that empties
//   the default channel is an error, other emptied channels are dropped;
// - olm.deprecations keep only entries about kept bundles and channels.
// Versions compare with SemVer precedence (prereleases are ordinary lower versions).
class CatalogFilter
{
public:
    static CatalogFilterResult filter(const FileBasedCatalog &catalog, const FilterSpec &spec);
    static QFuture<CatalogFilterResult> filterAsync(const FileBasedCatalog &catalog, const FilterSpec &spec,
                                                    QThreadPool *pool = nullptr);
};
