#pragma once

#include "plan/imagekind.h"

#include <QString>

// --delete-v1-images: where oc-mirror v1 put an image that was mirrored by digest. v1 tagged operator images with
// the FNV-32a hash (hex) of the full source reference, and additional images and helm images with `latest`; images
// mirrored by tag kept their tag in v1 as in v2.
class V1ImageNamer
{
public:
    // FNV-32a of the UTF-8 bytes, in lowercase hex without leading zeros (as Go's %x prints it).
    static QString fnv32a(const QString &text);
    // "R/<source path>:<v1 tag>" for an origin by digest of a kind v1 named differently; empty otherwise.
    static QString v1Reference(const QString &destinationRegistry, const QString &origin, ImageKind kind);
};
