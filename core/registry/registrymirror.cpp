#include "registrymirror.h"

QString RegistryMirror::pullFromName(PullFrom value)
{
    switch (value) {
    case PullFrom::DigestOnly:
        return QStringLiteral("digest-only");
    case PullFrom::TagOnly:
        return QStringLiteral("tag-only");
    case PullFrom::All:
        break;
    }
    return QStringLiteral("all");
}
