#include "filebasedcatalog.h"

#include <QJsonDocument>

#include <algorithm>

namespace {
QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString duplicateMessage(const QString &schema, const QString &package, const QString &name, const QString &file)
{
    QString message = QStringLiteral("duplicate %1 %2").arg(schema, quoted(name));
    if (!package.isEmpty())
        message += QStringLiteral(" in package %1").arg(quoted(package));
    if (!file.isEmpty())
        message += QStringLiteral(" (%1)").arg(file);
    return message;
}

// Blob order does not matter (a writer groups blobs by package), so both sides are compared as sorted lists of
// canonical JSON (QJsonDocument sorts keys).
template<typename Blob>
bool sameBlobs(const QList<Blob> &a, const QList<Blob> &b, const QString &what, QString *difference)
{
    const auto canonical = [](const QList<Blob> &blobs) {
        QList<QByteArray> result;
        result.reserve(blobs.size());
        for (const Blob &blob : blobs)
            result.append(QJsonDocument(blob.object()).toJson(QJsonDocument::Compact));
        std::sort(result.begin(), result.end());
        return result;
    };
    const QList<QByteArray> left = canonical(a);
    const QList<QByteArray> right = canonical(b);
    if (left.size() != right.size()) {
        if (difference)
            *difference = QStringLiteral("%1: %2 blobs vs %3").arg(what).arg(left.size()).arg(right.size());
        return false;
    }
    for (qsizetype i = 0; i < left.size(); ++i) {
        if (left.at(i) != right.at(i)) {
            if (difference)
                *difference =
                    QStringLiteral("%1 differs: %2 vs %3")
                        .arg(what, QString::fromUtf8(left.at(i).left(300)), QString::fromUtf8(right.at(i).left(300)));
            return false;
        }
    }
    return true;
}
} // namespace

bool FileBasedCatalog::addPackage(const FbcPackage &package, QString *error)
{
    if (m_packageIndex.contains(package.name)) {
        if (error)
            *error = duplicateMessage(QStringLiteral("olm.package"), QString(), package.name, package.sourceFile);
        return false;
    }
    m_packageIndex.insert(package.name, m_packages.size());
    m_packages.append(package);
    return true;
}

bool FileBasedCatalog::addChannel(const FbcChannel &channel, QString *error)
{
    const QString k = key(channel.package, channel.name);
    if (m_channelIndex.contains(k)) {
        if (error)
            *error = duplicateMessage(QStringLiteral("olm.channel"), channel.package, channel.name, channel.sourceFile);
        return false;
    }
    m_channelIndex.insert(k, m_channels.size());
    m_channelsByPackage[channel.package].append(m_channels.size());
    m_channels.append(channel);
    return true;
}

bool FileBasedCatalog::addBundle(const FbcBundle &bundle, QString *error)
{
    const QString k = key(bundle.package, bundle.name);
    if (m_bundleIndex.contains(k)) {
        if (error)
            *error = duplicateMessage(QStringLiteral("olm.bundle"), bundle.package, bundle.name, bundle.sourceFile);
        return false;
    }
    m_bundleIndex.insert(k, m_bundles.size());
    m_bundlesByPackage[bundle.package].append(m_bundles.size());
    m_bundles.append(bundle);
    return true;
}

bool FileBasedCatalog::addDeprecation(const FbcDeprecation &deprecation, QString *error)
{
    if (m_deprecationIndex.contains(deprecation.package)) {
        if (error)
            *error = QStringLiteral("more than one olm.deprecations blob for package %1%2")
                         .arg(quoted(deprecation.package), deprecation.sourceFile.isEmpty()
                                                               ? QString()
                                                               : QStringLiteral(" (%1)").arg(deprecation.sourceFile));
        return false;
    }
    m_deprecationIndex.insert(deprecation.package, m_deprecations.size());
    m_deprecations.append(deprecation);
    return true;
}

bool FileBasedCatalog::isEmpty() const
{
    return m_packages.isEmpty() && m_channels.isEmpty() && m_bundles.isEmpty() && m_deprecations.isEmpty() &&
           m_others.isEmpty();
}

QStringList FileBasedCatalog::packageNames() const
{
    QStringList names;
    names.reserve(m_packages.size());
    for (const FbcPackage &p : m_packages)
        names.append(p.name);
    return names;
}

const FbcPackage *FileBasedCatalog::package(const QString &name) const
{
    const auto it = m_packageIndex.constFind(name);
    return it == m_packageIndex.cend() ? nullptr : &m_packages.at(*it);
}

const FbcChannel *FileBasedCatalog::channel(const QString &package, const QString &name) const
{
    const auto it = m_channelIndex.constFind(key(package, name));
    return it == m_channelIndex.cend() ? nullptr : &m_channels.at(*it);
}

QList<const FbcChannel *> FileBasedCatalog::channelsOf(const QString &package) const
{
    QList<const FbcChannel *> result;
    for (qsizetype i : m_channelsByPackage.value(package))
        result.append(&m_channels.at(i));
    return result;
}

const FbcBundle *FileBasedCatalog::bundle(const QString &package, const QString &name) const
{
    const auto it = m_bundleIndex.constFind(key(package, name));
    return it == m_bundleIndex.cend() ? nullptr : &m_bundles.at(*it);
}

QList<const FbcBundle *> FileBasedCatalog::bundlesOf(const QString &package) const
{
    QList<const FbcBundle *> result;
    for (qsizetype i : m_bundlesByPackage.value(package))
        result.append(&m_bundles.at(i));
    return result;
}

const FbcDeprecation *FileBasedCatalog::deprecationOf(const QString &package) const
{
    const auto it = m_deprecationIndex.constFind(package);
    return it == m_deprecationIndex.cend() ? nullptr : &m_deprecations.at(*it);
}

QList<const FbcMeta *> FileBasedCatalog::othersOf(const QString &package) const
{
    QList<const FbcMeta *> result;
    for (const FbcMeta &meta : m_others) {
        if (meta.package == package)
            result.append(&meta);
    }
    return result;
}

bool FileBasedCatalog::hasSameContent(const FileBasedCatalog &other, QString *difference) const
{
    return sameBlobs(m_packages, other.m_packages, QStringLiteral("olm.package"), difference) &&
           sameBlobs(m_channels, other.m_channels, QStringLiteral("olm.channel"), difference) &&
           sameBlobs(m_bundles, other.m_bundles, QStringLiteral("olm.bundle"), difference) &&
           sameBlobs(m_deprecations, other.m_deprecations, QStringLiteral("olm.deprecations"), difference) &&
           sameBlobs(m_others, other.m_others, QStringLiteral("other schema"), difference);
}
