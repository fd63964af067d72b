#include "operatorcatalog.h"

#include "registry/imagereference.h"

bool OperatorCatalog::isOciLayout() const
{
    return catalog.startsWith(QLatin1String("oci://"));
}

QString OperatorCatalog::uniqueName(QString *error) const
{
    const QString tag = targetTag.value_or(QString());
    const QString path = targetCatalog.value_or(QString());
    if (isOciLayout()) {
        // A layout on disk has no registry name: the target fields alone tell two catalogs apart.
        QString name = catalog;
        if (!path.isEmpty())
            name += QStringLiteral(" as ") + path;
        if (!tag.isEmpty())
            name += QLatin1Char(':') + tag;
        return name;
    }
    auto reference = ImageReference::parse(catalog, error);
    if (!reference)
        return QString();
    if (!tag.isEmpty())
        reference = reference->withDigest(QString()).withTag(tag);
    if (!path.isEmpty())
        reference = reference->withPath(path);
    return reference->toString();
}
