#include "catalogfilterresult.h"

QStringList CatalogFilterResult::reasonTexts(const QString &package, const QString &bundle) const
{
    QStringList texts;
    for (const BundleKeepReason &reason : reasons(package, bundle))
        texts.append(reason.text());
    return texts;
}

void CatalogFilterResult::addReason(const QString &package, const QString &bundle, const BundleKeepReason &reason)
{
    QList<BundleKeepReason> &list = m_reasons[package + QLatin1Char('\n') + bundle];
    if (!list.contains(reason))
        list.append(reason);
}

QStringList CatalogFilterResult::keptBundles(const QString &package) const
{
    QStringList names;
    for (const FbcBundle *bundle : catalog.bundlesOf(package))
        names.append(bundle->name);
    names.sort();
    return names;
}
