#include "mediatypes.h"

bool MediaTypes::isIndex(const QString &mediaType)
{
    return mediaType == OciIndex || mediaType == DockerManifestList;
}

bool MediaTypes::isImageManifest(const QString &mediaType)
{
    return mediaType == OciManifest || mediaType == DockerManifest;
}

QByteArray MediaTypes::manifestAcceptHeader()
{
    return QByteArray(OciIndex.data()) + ", " + OciManifest.data() + ", " + DockerManifestList.data() + ", " +
           DockerManifest.data();
}
