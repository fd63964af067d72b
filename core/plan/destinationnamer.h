#pragma once

#include "registry/imagereference.h"

#include <QString>

// Where each image lands at the destination, following oc-mirror v2's naming (spec section 5): the source
// registry host is dropped and the path kept, by-digest images get a "sha256-<hex>" tag, release payloads and
// components go to openshift/release-images and openshift/release, and --max-nested-paths flattens deep paths.
class DestinationNamer
{
public:
    // root: the destination without transport, e.g. "reg.example:5000/mirror" or "localhost:55000"
    explicit DestinationNamer(QString root, int maxNestedPaths = 0);

    QString root() const { return m_root; }

    // Additional, operator and helm images. targetRepo/targetTag replace the path and tag when given.
    QString forImage(const ImageReference &origin, const QString &targetRepo = {}, const QString &targetTag = {}) const;
    QString releasePayload(const QString &releaseTag) const;
    QString releaseComponent(const QString &releaseTag, const QString &component) const;
    QString graphImage() const;

    // The tag an image lands under: its own tag, else "sha256-<hex>" (at most 128 characters).
    static QString destinationTag(const ImageReference &origin);
    // "host/a/b/c/d" with N=3 → "host/a/b/c-d"; tags and digests are kept.
    static QString flattenPath(const QString &reference, int maxNestedPaths);

private:
    QString finish(const QString &reference) const;
    QString m_root;
    int m_maxNestedPaths;
};
