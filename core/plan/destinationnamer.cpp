#include "destinationnamer.h"

#include <QStringList>

DestinationNamer::DestinationNamer(QString root, int maxNestedPaths)
    : m_root(std::move(root))
    , m_maxNestedPaths(maxNestedPaths)
{
    if (m_root.startsWith(QLatin1String("docker://")))
        m_root = m_root.mid(9);
    while (m_root.endsWith(QLatin1Char('/')))
        m_root.chop(1);
}

QString DestinationNamer::destinationTag(const ImageReference &origin)
{
    if (origin.hasTag())
        return origin.tag();
    QString tag = origin.digest();
    tag.replace(QLatin1Char(':'), QLatin1Char('-'));
    return tag.left(128);
}

QString DestinationNamer::flattenPath(const QString &reference, int maxNestedPaths)
{
    if (maxNestedPaths <= 0)
        return reference;
    const qsizetype slash = reference.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return reference;
    // Split off ":tag" / "@digest" so that only the repository path is flattened.
    QString path = reference.mid(slash + 1);
    QString suffix;
    const qsizetype at = path.indexOf(QLatin1Char('@'));
    if (at >= 0) {
        suffix = path.mid(at);
        path.truncate(at);
    }
    const qsizetype colon = path.lastIndexOf(QLatin1Char(':'));
    if (colon > path.lastIndexOf(QLatin1Char('/'))) {
        suffix.prepend(path.mid(colon));
        path.truncate(colon);
    }
    QStringList components = path.split(QLatin1Char('/'));
    if (components.size() <= maxNestedPaths)
        return reference;
    const QStringList kept = components.mid(0, maxNestedPaths - 1);
    const QString joined = components.mid(maxNestedPaths - 1).join(QLatin1Char('-'));
    QStringList flattened = kept;
    flattened << joined;
    return reference.left(slash + 1) + flattened.join(QLatin1Char('/')) + suffix;
}

QString DestinationNamer::finish(const QString &reference) const
{
    return flattenPath(reference, m_maxNestedPaths);
}

QString DestinationNamer::forImage(const ImageReference &origin, const QString &targetRepo,
                                   const QString &targetTag) const
{
    const QString path = targetRepo.isEmpty() ? origin.path() : targetRepo;
    const QString tag = targetTag.isEmpty() ? destinationTag(origin) : targetTag;
    return finish(m_root + QLatin1Char('/') + path + QLatin1Char(':') + tag);
}

QString DestinationNamer::releasePayload(const QString &releaseTag) const
{
    return finish(m_root + QStringLiteral("/openshift/release-images:") + releaseTag);
}

QString DestinationNamer::releaseComponent(const QString &releaseTag, const QString &component) const
{
    return finish(m_root + QStringLiteral("/openshift/release:") + releaseTag + QLatin1Char('-') + component);
}

QString DestinationNamer::graphImage() const
{
    return finish(m_root + QStringLiteral("/openshift/graph-image:latest"));
}
