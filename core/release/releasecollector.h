#pragma once

#include "plan/mirrorplanentry.h"
#include "releasecontents.h"
#include "selectedrelease.h"

#include <QList>
#include <QString>

#include <optional>

// Turns selected releases and what their payloads contain into mirror plan entries named as oc-mirror v2 names
// them: the payload as <R>/openshift/release-images:<tag>, each component as <R>/openshift/release:<tag>-<name>
// (KubeVirt containers alike) and the update graph image as <R>/openshift/graph-image:latest.
//
// The payload itself is read elsewhere (signature → tag, layers → ReleaseContents); this class only names things.
class ReleaseCollector
{
public:
    struct Payload
    {
        SelectedRelease release; // payload pull spec and the reasons it was selected
        QString releaseTag;      // from the signature identity, e.g. 4.18.5-x86_64; empty = hex of payloadDigest
        QString payloadDigest;   // sha256:<hex>
        ReleaseContents contents;
    };

    // `destination` is R: a registry host with an optional namespace, without docker:// (e.g. reg:5000/mirror).
    explicit ReleaseCollector(const QString &destination);

    QString destination() const { return m_destination; }

    // The payload entry first, then components, then KubeVirt containers. nullopt (with *error) for a tag or
    // component name that cannot form a valid destination tag.
    std::optional<QList<MirrorPlanEntry>> collect(const Payload &payload, QString *error = nullptr) const;
    // Several payloads; stops at the first error.
    std::optional<QList<MirrorPlanEntry>> collect(const QList<Payload> &payloads, QString *error = nullptr) const;

    // `origin` is where the built graph image is (the local cache or an OCI layout reference).
    MirrorPlanEntry graphImageEntry(const QString &origin) const;

    QString payloadDestination(const QString &releaseTag) const;
    QString componentDestination(const QString &releaseTag, const QString &componentName) const;
    static QString effectiveReleaseTag(const Payload &payload);

private:
    QString m_destination;
};
