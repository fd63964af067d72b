#include "additionalimagecollector.h"

#include "blockedimagefilter.h"

AdditionalImageCollector::AdditionalImageCollector(DestinationNamer namer)
    : m_namer(std::move(namer))
{
}

AdditionalImageCollector::Result AdditionalImageCollector::collect(const QList<AdditionalImage> &images,
                                                                   const QList<BlockedImage> &blocked) const
{
    Result result;
    const BlockedImageFilter filter(blocked);
    if (!filter.isValid())
        result.errors << filter.error();
    for (const AdditionalImage &image : images) {
        QString error;
        const auto origin = ImageReference::parse(image.name, &error);
        if (!origin) {
            result.errors << QStringLiteral("additionalImages: %1").arg(error);
            continue;
        }
        if (!origin->hasTag() && !origin->hasDigest()) {
            result.errors << QStringLiteral("additionalImages: %1 needs a tag or a digest").arg(image.name);
            continue;
        }
        MirrorPlanEntry entry;
        entry.origin = image.name;
        entry.kind = ImageKind::Generic;
        entry.destination =
            m_namer.forImage(*origin, image.targetRepo.value_or(QString()), image.targetTag.value_or(QString()));
        if (origin->hasTag() && origin->hasDigest()) {
            // The digest is what gets pulled; the tag names it at the destination.
            entry.source = origin->withTag(QString()).toString();
            result.warnings << QStringLiteral("%1 has both a tag and a digest: it is pulled by digest and pushed as %2")
                                   .arg(image.name, entry.destination);
        }
        const QString blockedBy = filter.blockingPattern(image.name, entry.destination);
        if (!blockedBy.isEmpty()) {
            result.warnings << QStringLiteral("%1 is blocked by blockedImages \"%2\" and is not mirrored")
                                   .arg(image.name, blockedBy);
            continue;
        }
        entry.reason = QStringLiteral("listed in additionalImages");
        result.entries.append(entry);
    }
    return result;
}
