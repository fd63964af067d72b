#pragma once

#include "registry/imagereference.h"
#include "registry/manifest.h"
#include "registry/registryresult.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

class DistributionStore;
class RegistriesConf;
class RegistryClient;

// Reads images from where they really are: a registry through registries.conf mirrors, or the local cache on disk.
// Blocks the calling worker thread while the registry client works; never call it on the GUI thread.
class ImagePuller
{
public:
    struct Context
    {
        RegistryClient *client = nullptr;
        const RegistriesConf *registriesConf = nullptr;
        DistributionStore *cache = nullptr; // read from the cache instead of registries
    };

    struct Located
    {
        ImageReference reference; // where the manifest was found (a mirror, the origin itself, or the cache)
        Manifest manifest;
    };

    struct Resolved
    {
        ImageReference reference; // where the digest was found (a mirror, the origin itself, or the cache)
        QString digest;           // of the manifest the origin names there
    };

    struct Pulled
    {
        ImageReference reference;
        Manifest top;       // what the reference names (an index for multi-arch images)
        Manifest image;     // the platform's image manifest
        QByteArray config;  // the image configuration JSON
        QStringList layers; // downloaded layer files, in manifest order
    };

    explicit ImagePuller(Context context);

    RegistryResult<Located> locate(const ImageReference &origin) const;
    // The digest the origin names, without its manifest: a HEAD per candidate (no pull counted against rate
    // limits). A by-digest origin is resolved without asking anyone.
    RegistryResult<Resolved> resolve(const ImageReference &origin) const;
    RegistryResult<Manifest> manifestByDigest(const ImageReference &from, const QString &digest) const;
    // Downloads config and layers of one platform (an index is resolved for os linux and `architecture`; an empty
    // architecture takes amd64 when the index has it, else the first linux image).
    RegistryResult<Pulled> pull(const ImageReference &origin, const QString &directory,
                                const QString &architecture = QStringLiteral("amd64")) const;

private:
    // Where the origin is really pulled from, in order (registries.conf mirrors, then the origin if allowed).
    RegistryResult<QList<ImageReference>> candidates(const ImageReference &origin) const;

    Context m_context;
};
