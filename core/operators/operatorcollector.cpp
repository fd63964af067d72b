#include "operatorcollector.h"

#include "registry/imagereference.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>

namespace {

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// oc-mirror turns a digest into a tag: "sha256:<hex>" → "sha256-<hex>", cut to the 128-character tag limit.
QString digestTag(const QString &digest)
{
    QString tag = digest;
    tag.replace(QLatin1Char(':'), QLatin1Char('-'));
    if (tag.size() > 128)
        tag.truncate(127);
    return tag;
}

} // namespace

OperatorCollector::OperatorCollector(const QString &destination)
    : m_destination(destination)
{
    if (m_destination.startsWith(QLatin1String("docker://")))
        m_destination.remove(0, int(qstrlen("docker://")));
    while (m_destination.endsWith(QLatin1Char('/')))
        m_destination.chop(1);
}

QString OperatorCollector::destinationFor(const ImageReference &reference) const
{
    const QString tag = reference.hasTag() ? reference.tag() : digestTag(reference.digest());
    return m_destination + QLatin1Char('/') + reference.path() + QLatin1Char(':') + tag;
}

MirrorPlanEntry OperatorCollector::catalogEntry(const CatalogInput &catalog, QString *error) const
{
    MirrorPlanEntry entry;
    entry.kind = ImageKind::OperatorCatalog;
    entry.origin = catalog.catalog;
    entry.source = catalog.rebuiltSource;
    entry.reason = catalog.rebuiltDigest.isEmpty() ? QStringLiteral("catalog, mirrored unchanged")
                                                   : QStringLiteral("catalog, rebuilt with the filtered content");
    if (catalog.catalog.startsWith(QLatin1String("oci://"))) {
        // The layout directory's own name, however the path is spelled ("…/my-index/", "…/my-index/.").
        const QString path = QDir::cleanPath(catalog.catalog.mid(int(qstrlen("oci://"))));
        const QString repository = catalog.targetCatalog.isEmpty() ? QFileInfo(path).fileName() : catalog.targetCatalog;
        const QString tag = catalog.targetTag.isEmpty() ? QStringLiteral("latest") : catalog.targetTag;
        entry.destination = m_destination + QLatin1Char('/') + repository + QLatin1Char(':') + tag;
        return entry;
    }
    QString parseError;
    const std::optional<ImageReference> reference = ImageReference::parse(catalog.catalog, &parseError);
    if (!reference) {
        if (error)
            *error = QStringLiteral("catalog %1 is not a valid image reference: %2")
                         .arg(quoted(catalog.catalog), parseError);
        return entry;
    }
    const QString repository = catalog.targetCatalog.isEmpty() ? reference->path() : catalog.targetCatalog;
    QString tag = catalog.targetTag;
    if (tag.isEmpty())
        tag = reference->hasTag()
                  ? reference->tag()
                  : digestTag(catalog.rebuiltDigest.isEmpty() ? reference->digest() : catalog.rebuiltDigest);
    entry.destination = m_destination + QLatin1Char('/') + repository + QLatin1Char(':') + tag;
    return entry;
}

OperatorCollector::Result OperatorCollector::collect(const FileBasedCatalog &filtered, const CatalogInput &catalog,
                                                     const CatalogFilterResult *reasons) const
{
    Result result;
    QList<MirrorPlanEntry> images;
    QHash<QString, qsizetype> byOrigin;

    for (const FbcBundle &bundle : filtered.bundles()) {
        QList<QPair<QString, ImageKind>> wanted;
        bool bundleImageListed = false;
        for (const FbcRelatedImage &related : bundle.relatedImages) {
            if (related.image.isEmpty())
                continue;
            const bool isBundle = related.image == bundle.image;
            bundleImageListed = bundleImageListed || isBundle;
            wanted.append({related.image, isBundle ? ImageKind::OperatorBundle : ImageKind::OperatorRelatedImage});
        }
        // The bundle image is needed to install the operator even when a catalog forgets to list it.
        if (!bundle.image.isEmpty() && !bundleImageListed)
            wanted.append({bundle.image, ImageKind::OperatorBundle});

        // A bundle is mirrored whole or not at all: check every image before adding any.
        QList<MirrorPlanEntry> bundleEntries;
        bool skip = false;
        for (const auto &[image, kind] : std::as_const(wanted)) {
            QString why;
            std::optional<ImageReference> reference;
            if (image.startsWith(QLatin1String("oci://")))
                why = QStringLiteral("oci:// images cannot be mirrored from a catalog");
            else
                reference = ImageReference::parse(image, &why);
            if (!reference || (!reference->hasTag() && !reference->hasDigest())) {
                if (reference)
                    why = QStringLiteral("it has neither tag nor digest");
                result.errors.append(QStringLiteral("related image %1 of bundle %2 is invalid (%3): SKIPPING bundle "
                                                    "%2 of operator %4")
                                         .arg(quoted(image), bundle.name, why, bundle.package));
                skip = true;
                break;
            }
            MirrorPlanEntry entry;
            entry.kind = kind;
            entry.origin = image;
            entry.destination = destinationFor(*reference);
            if (reference->hasTag() && reference->hasDigest()) {
                entry.source = reference->withTag(QString()).toString();
                result.warnings.append(QStringLiteral("%1 has a tag and a digest: it is pulled by digest and "
                                                      "pushed as %2")
                                           .arg(image, entry.destination));
            }
            QStringList why2;
            if (reasons)
                why2 = reasons->reasonTexts(bundle.package, bundle.name);
            entry.reason = QStringLiteral("bundle %1 of operator %2").arg(bundle.name, bundle.package);
            if (!why2.isEmpty())
                entry.reason += QStringLiteral(" (") + why2.join(QStringLiteral("; ")) + QLatin1Char(')');
            entry.operatorNames = {bundle.package};
            entry.bundleNames = {bundle.name};
            bundleEntries.append(entry);
        }
        if (skip)
            continue;
        for (const MirrorPlanEntry &entry : std::as_const(bundleEntries)) {
            const QString key = entry.origin + QLatin1Char('\n') + entry.destination;
            const auto it = byOrigin.constFind(key);
            if (it == byOrigin.cend()) {
                byOrigin.insert(key, images.size());
                images.append(entry);
                continue;
            }
            MirrorPlanEntry &existing = images[*it];
            if (!existing.operatorNames.contains(bundle.package))
                existing.operatorNames.append(bundle.package);
            if (!existing.bundleNames.contains(bundle.name))
                existing.bundleNames.append(bundle.name);
            // The same image as bundle of one and related image of another stays a bundle.
            if (entry.kind == ImageKind::OperatorBundle)
                existing.kind = ImageKind::OperatorBundle;
        }
    }

    if (images.isEmpty() && result.errors.isEmpty())
        result.errors.append(QStringLiteral("no related images found"));

    QString catalogError;
    const MirrorPlanEntry catalogItem = catalogEntry(catalog, &catalogError);
    if (!catalogError.isEmpty())
        result.errors.append(catalogError);

    // Related images before bundles, as oc-mirror copies them; the catalog last.
    for (const MirrorPlanEntry &entry : std::as_const(images)) {
        if (entry.kind == ImageKind::OperatorRelatedImage)
            result.entries.append(entry);
    }
    for (const MirrorPlanEntry &entry : std::as_const(images)) {
        if (entry.kind == ImageKind::OperatorBundle)
            result.entries.append(entry);
    }
    if (catalogError.isEmpty())
        result.entries.append(catalogItem);
    return result;
}
