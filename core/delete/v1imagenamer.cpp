#include "v1imagenamer.h"

#include "registry/imagereference.h"

QString V1ImageNamer::fnv32a(const QString &text)
{
    quint32 hash = 2166136261u;
    for (const char byte : text.toUtf8()) {
        hash ^= static_cast<quint8>(byte);
        hash *= 16777619u;
    }
    return QString::number(hash, 16);
}

QString V1ImageNamer::v1Reference(const QString &destinationRegistry, const QString &origin, ImageKind kind)
{
    QString source = origin;
    if (source.startsWith(QLatin1String("docker://")))
        source = source.mid(9);
    const auto reference = ImageReference::parse(source);
    if (!reference || !reference->hasDigest() || !reference->tag().isEmpty())
        return {};
    QString tag;
    switch (kind) {
    case ImageKind::OperatorBundle:
    case ImageKind::OperatorRelatedImage:
        tag = fnv32a(source);
        break;
    case ImageKind::Generic:
    case ImageKind::HelmImage:
        tag = QStringLiteral("latest");
        break;
    default:
        return {};
    }
    QString root = destinationRegistry;
    while (root.endsWith(QLatin1Char('/')))
        root.chop(1);
    return root + QLatin1Char('/') + reference->path() + QLatin1Char(':') + tag;
}
