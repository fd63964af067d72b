#pragma once

#include "descriptor.h"
#include "digest.h"
#include "manifest.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

class DistributionStore;

// An OCI image layout directory (image-spec image-layout.md) read directly: `oci-layout`, `index.json` and the
// content-addressed `blobs/<alg>/<encoded>`. It holds one image, the way oc-mirror reads `oci://` catalogs:
//   - index.json with one entry: that manifest or index (an index may list nested indexes);
//   - index.json with several entries: index.json itself, read as an image index ("collapsed": oc-mirror rewrites
//     such layouts into one entry pointing at a blob holding the old index.json, so the image digest is the hash of
//     the index.json bytes).
// The layout is untrusted input: digests are validated before they become paths (sha256 and sha512 only), a blob
// must not lead out of the directory through links, and every blob is checked against its descriptor's size and
// digest while it is read. Errors name the file and what was expected.
class OciImageLayout
{
public:
    class Content
    {
    public:
        QList<Manifest> manifests; // every manifest of the image, children before the index listing them, image last
        QList<Descriptor> blobs;   // configs and layers of every image manifest, each once, in manifest order
    };

    // Reads oci-layout and index.json and resolves the image (its manifest is read and verified).
    static std::optional<OciImageLayout> open(const QString &directory, QString *error = nullptr);

    QString directory() const { return m_directory; }
    // The image the layout holds: a manifest, or an index (nested or collapsed).
    Manifest image() const { return m_image; }
    bool isCollapsed() const { return m_collapsed; }
    // The org.opencontainers.image.ref.name of index.json's only entry (empty when collapsed or not given).
    QString refName() const { return m_refName; }

    // blobs/<alg>/<encoded> below the layout, or empty with *error for a digest Ferry does not accept as a path.
    QString blobPath(const Digest &digest, QString *error = nullptr) const;
    // Reads a small blob (manifest, config) whole; its size and digest must be the descriptor's.
    std::optional<QByteArray> readBlob(const Descriptor &descriptor, QString *error = nullptr) const;
    std::optional<Manifest> readManifest(const Descriptor &descriptor, QString *error = nullptr) const;
    // Streams a blob through its hash: true when it is present with the descriptor's size and digest.
    bool verifyBlob(const Descriptor &descriptor, QString *error = nullptr) const;
    // Every manifest and blob the image consists of (the manifests are read and verified; blobs are not read).
    std::optional<Content> content(QString *error = nullptr) const;

    // Stores the whole image in a registry storage: every blob (verified while copied), the child manifests, then
    // the image under `tag`. Every blob must be present. Returns the image digest, or empty with *error.
    QString importInto(DistributionStore &store, const QString &repository, const QString &tag,
                       QString *error = nullptr) const;
    // Writes a layout of the image's metadata to `directory`: oci-layout, index.json with one entry (the image;
    // a collapsed index.json becomes a blob as oc-mirror stores it), manifests and configs. Layers are left out, as
    // the layout spec allows: they are kept once, in the cache.
    bool writeMetadataLayout(const QString &directory, QString *error = nullptr) const;

    static constexpr QLatin1String RefNameAnnotation{"org.opencontainers.image.ref.name"};

private:
    // The canonical path of an existing file below the layout; refuses links that lead elsewhere.
    bool checkInside(const QString &path, QString *error) const;

    QString m_directory;
    QString m_canonicalDirectory;
    QByteArray m_indexJson;
    Manifest m_image;
    bool m_collapsed = false;
    QString m_refName;
};
