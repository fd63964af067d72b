#pragma once

#include <QLatin1String>
#include <QString>

// The media types Ferry reads and writes (OCI image-spec and Docker schema 2).
class MediaTypes
{
public:
    static constexpr QLatin1String OciIndex{"application/vnd.oci.image.index.v1+json"};
    static constexpr QLatin1String OciManifest{"application/vnd.oci.image.manifest.v1+json"};
    static constexpr QLatin1String OciConfig{"application/vnd.oci.image.config.v1+json"};
    static constexpr QLatin1String OciLayerTar{"application/vnd.oci.image.layer.v1.tar"};
    static constexpr QLatin1String OciLayerGzip{"application/vnd.oci.image.layer.v1.tar+gzip"};
    static constexpr QLatin1String OciLayerZstd{"application/vnd.oci.image.layer.v1.tar+zstd"};
    static constexpr QLatin1String OciEmpty{"application/vnd.oci.empty.v1+json"};
    static constexpr QLatin1String DockerManifestList{"application/vnd.docker.distribution.manifest.list.v2+json"};
    static constexpr QLatin1String DockerManifest{"application/vnd.docker.distribution.manifest.v2+json"};
    static constexpr QLatin1String DockerConfig{"application/vnd.docker.container.image.v1+json"};
    static constexpr QLatin1String DockerLayerGzip{"application/vnd.docker.image.rootfs.diff.tar.gzip"};
    static constexpr QLatin1String DockerForeignLayerGzip{"application/vnd.docker.image.rootfs.foreign.diff.tar.gzip"};
    static constexpr QLatin1String DockerSchema1{"application/vnd.docker.distribution.manifest.v1+json"};
    static constexpr QLatin1String DockerSchema1Signed{"application/vnd.docker.distribution.manifest.v1+prettyjws"};

    static bool isIndex(const QString &mediaType);
    static bool isImageManifest(const QString &mediaType);
    static bool isManifest(const QString &mediaType) { return isIndex(mediaType) || isImageManifest(mediaType); }
    // The Accept header value for manifest requests: all four schema-2 kinds, so that no registry falls back to
    // converting to schema 1.
    static QByteArray manifestAcceptHeader();
};
