#pragma once

#include "bundlekeepreason.h"
#include "filebasedcatalog.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// The outcome of filtering a catalog: the filtered catalog, why each bundle stayed, and the warnings oc-mirror
// would log. On error only `error` is meaningful.
class CatalogFilterResult
{
public:
    FileBasedCatalog catalog;
    QStringList warnings;
    QString error;
    // full: true without packages: the catalog is kept as is and the original image is mirrored, not rebuilt.
    bool unchanged = false;

    bool isOk() const { return error.isEmpty(); }
    QList<BundleKeepReason> reasons(const QString &package, const QString &bundle) const
    {
        return m_reasons.value(package + QLatin1Char('\n') + bundle);
    }
    QStringList reasonTexts(const QString &package, const QString &bundle) const;
    void addReason(const QString &package, const QString &bundle, const BundleKeepReason &reason);
    // The kept bundle names of a package, sorted.
    QStringList keptBundles(const QString &package) const;

private:
    QHash<QString, QList<BundleKeepReason>> m_reasons;
};

Q_DECLARE_METATYPE(CatalogFilterResult)
