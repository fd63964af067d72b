#pragma once

#include "fbcbundle.h"
#include "fbcchannel.h"
#include "fbcdeprecation.h"
#include "fbcmeta.h"
#include "fbcpackage.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// An OLM file-based catalog in memory: the blobs of every schema, in the order they were read, with lookups by
// package and name. Blobs keep their original JSON so a catalog can be written back faithfully.
class FileBasedCatalog
{
public:
    // The add* functions refuse a blob whose (schema, package, name) is already present, as opm does; *error then
    // names the duplicate.
    bool addPackage(const FbcPackage &package, QString *error = nullptr);
    bool addChannel(const FbcChannel &channel, QString *error = nullptr);
    bool addBundle(const FbcBundle &bundle, QString *error = nullptr);
    bool addDeprecation(const FbcDeprecation &deprecation, QString *error = nullptr);
    void addOther(const FbcMeta &meta) { m_others.append(meta); }

    const QList<FbcPackage> &packages() const { return m_packages; }
    const QList<FbcChannel> &channels() const { return m_channels; }
    const QList<FbcBundle> &bundles() const { return m_bundles; }
    const QList<FbcDeprecation> &deprecations() const { return m_deprecations; }
    const QList<FbcMeta> &others() const { return m_others; }

    bool isEmpty() const;
    QStringList packageNames() const;
    const FbcPackage *package(const QString &name) const;
    const FbcChannel *channel(const QString &package, const QString &name) const;
    QList<const FbcChannel *> channelsOf(const QString &package) const;
    const FbcBundle *bundle(const QString &package, const QString &name) const;
    QList<const FbcBundle *> bundlesOf(const QString &package) const;
    const FbcDeprecation *deprecationOf(const QString &package) const;
    QList<const FbcMeta *> othersOf(const QString &package) const;

    // Compares the catalogs blob by blob as parsed JSON objects (key order and formatting do not matter); on a
    // difference, *difference says which blob differs.
    bool hasSameContent(const FileBasedCatalog &other, QString *difference = nullptr) const;

private:
    static QString key(const QString &package, const QString &name) { return package + QLatin1Char('\n') + name; }

    QList<FbcPackage> m_packages;
    QList<FbcChannel> m_channels;
    QList<FbcBundle> m_bundles;
    QList<FbcDeprecation> m_deprecations;
    QList<FbcMeta> m_others;
    QHash<QString, qsizetype> m_packageIndex;
    QHash<QString, qsizetype> m_channelIndex;
    QHash<QString, QList<qsizetype>> m_channelsByPackage;
    QHash<QString, qsizetype> m_bundleIndex;
    QHash<QString, QList<qsizetype>> m_bundlesByPackage;
    QHash<QString, qsizetype> m_deprecationIndex;
};

Q_DECLARE_METATYPE(FileBasedCatalog)
