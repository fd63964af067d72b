#pragma once

#include "operatorpackage.h"
#include "platformfilter.h"

#include <QList>
#include <QString>

#include <optional>

// One entry of `operators:`: a catalog image (or `oci://` layout on disk) and the packages to take from it.
class OperatorCatalog
{
public:
    QString catalog;
    std::optional<QString> targetCatalog;
    std::optional<QString> targetTag;
    std::optional<bool> full;
    std::optional<bool> skipDependencies; // accepted for compatibility, ignored by oc-mirror v2
    std::optional<QString> targetCatalogSourceTemplate;
    QList<PlatformFilter> platforms;
    QList<OperatorPackage> packages;

    bool isFull() const { return full.value_or(false); }
    bool isOciLayout() const;
    // The name that identifies the catalog once targetCatalog / targetTag are applied (two catalogs with the
    // same unique name would overwrite each other). Empty with *error set when the reference is invalid.
    QString uniqueName(QString *error = nullptr) const;
    bool operator==(const OperatorCatalog &) const = default;
};
