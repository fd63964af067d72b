#pragma once

#include "descriptor.h"
#include "digest.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// A parsed view over the exact bytes of a manifest or index. The bytes are never re-serialised: the digest of a
// manifest is the hash of what the registry served, and pushing must send those same bytes.
class Manifest
{
public:
    Manifest() = default;

    // Parses bytes. mediaType is the Content-Type the registry sent (may be empty: the "mediaType" field is used).
    static std::optional<Manifest> parse(const QByteArray &bytes, const QString &mediaType, QString *error = nullptr);

    bool isValid() const { return !m_bytes.isEmpty(); }
    QByteArray bytes() const { return m_bytes; }
    QString mediaType() const { return m_mediaType; }
    Digest digest() const { return m_digest; }
    qint64 size() const { return m_bytes.size(); }
    bool isIndex() const { return m_isIndex; }

    // For an image manifest: its config and layers. For an index: empty.
    Descriptor config() const { return m_config; }
    QList<Descriptor> layers() const { return m_layers; }
    // For an index: the child manifests, with platforms where given.
    QList<Descriptor> manifests() const { return m_manifests; }
    std::optional<Descriptor> subject() const { return m_subject; }
    QString artifactType() const { return m_artifactType; }
    // Config and layers: every blob an image manifest references.
    QList<Descriptor> blobs() const;
    // Descriptor of this manifest, as an index would list it.
    Descriptor descriptor() const { return Descriptor(m_mediaType, m_digest, size()); }

private:
    QByteArray m_bytes;
    QString m_mediaType;
    Digest m_digest;
    bool m_isIndex = false;
    Descriptor m_config;
    QList<Descriptor> m_layers;
    QList<Descriptor> m_manifests;
    std::optional<Descriptor> m_subject;
    QString m_artifactType;
};
