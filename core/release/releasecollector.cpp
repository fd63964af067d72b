#include "releasecollector.h"

#include "registry/imagereference.h"

namespace {

QString reasonText(const SelectedRelease &release)
{
    QStringList texts;
    for (const ReleaseSelectionReason &reason : release.reasons)
        texts.append(reason.text);
    return texts.join(QStringLiteral("; "));
}

} // namespace

ReleaseCollector::ReleaseCollector(const QString &destination)
    : m_destination(destination)
{
    if (m_destination.startsWith(QLatin1String("docker://")))
        m_destination = m_destination.mid(9);
    while (m_destination.endsWith(QLatin1Char('/')))
        m_destination.chop(1);
}

QString ReleaseCollector::effectiveReleaseTag(const Payload &payload)
{
    if (!payload.releaseTag.isEmpty())
        return payload.releaseTag;
    // A payload known only by digest and without a signed tag is named by the digest's hex.
    QString digest = payload.payloadDigest;
    if (digest.isEmpty()) {
        const auto reference = ImageReference::parse(payload.release.payload);
        if (reference)
            digest = reference->digest();
    }
    return digest.startsWith(QLatin1String("sha256:")) ? digest.mid(7) : digest;
}

QString ReleaseCollector::payloadDestination(const QString &releaseTag) const
{
    return m_destination + QStringLiteral("/openshift/release-images:") + releaseTag;
}

QString ReleaseCollector::componentDestination(const QString &releaseTag, const QString &componentName) const
{
    return m_destination + QStringLiteral("/openshift/release:") + releaseTag + QLatin1Char('-') + componentName;
}

std::optional<QList<MirrorPlanEntry>> ReleaseCollector::collect(const Payload &payload, QString *error) const
{
    const QString tag = effectiveReleaseTag(payload);
    const auto fail = [&](const QString &what) {
        if (error)
            *error = QStringLiteral("release %1: %2").arg(payload.release.payload, what);
        return std::nullopt;
    };
    if (tag.isEmpty() || !ImageReference::isValidTag(tag))
        return fail(QStringLiteral("\"%1\" cannot be used as a destination tag").arg(tag));
    if (payload.release.payload.isEmpty())
        return fail(QStringLiteral("no payload pull spec"));

    const QString why = reasonText(payload.release);
    QList<MirrorPlanEntry> entries;
    MirrorPlanEntry release;
    release.origin = payload.release.payload;
    release.destination = payloadDestination(tag);
    release.kind = ImageKind::OcpRelease;
    release.reason = why;
    entries.append(release);

    const auto addComponents = [&](const QList<ReleaseContents::Component> &components, ImageKind kind) {
        for (const ReleaseContents::Component &component : components) {
            const QString componentTag = tag + QLatin1Char('-') + component.name;
            if (!ImageReference::isValidTag(componentTag)) {
                fail(QStringLiteral("component \"%1\" gives the invalid destination tag \"%2\"")
                         .arg(component.name, componentTag));
                return false;
            }
            MirrorPlanEntry entry;
            entry.origin = component.image;
            entry.destination = componentDestination(tag, component.name);
            entry.kind = kind;
            entry.reason = QStringLiteral("%1 of release %2 (%3)").arg(component.name, tag, why);
            entries.append(entry);
        }
        return true;
    };
    if (!addComponents(payload.contents.components, ImageKind::OcpReleaseContent) ||
        !addComponents(payload.contents.kubeVirtContainers, ImageKind::KubeVirtContainer))
        return std::nullopt;
    return entries;
}

std::optional<QList<MirrorPlanEntry>> ReleaseCollector::collect(const QList<Payload> &payloads, QString *error) const
{
    QList<MirrorPlanEntry> all;
    for (const Payload &payload : payloads) {
        const auto entries = collect(payload, error);
        if (!entries)
            return std::nullopt;
        all += *entries;
    }
    return all;
}

MirrorPlanEntry ReleaseCollector::graphImageEntry(const QString &origin) const
{
    MirrorPlanEntry entry;
    entry.origin = origin;
    entry.destination = m_destination + QStringLiteral("/openshift/graph-image:latest");
    entry.kind = ImageKind::CincinnatiGraph;
    entry.reason = QStringLiteral("update graph data for the OpenShift Update Service (platform.graph)");
    return entry;
}
