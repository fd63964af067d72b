#pragma once

#include "worldprofile.h"

#include <QHash>
#include <QJsonArray>
#include <QString>
#include <QStringList>

class ImageFactory;

// Publishes operator catalog images (redhat-operator-index, community-operator-index) whose /configs layer holds the
// real file-based catalogs from the fixtures, and every bundle and related image they name under its real
// repository. The fixtures' digests do not exist anywhere, so each becomes a synthetic image and the catalog text is
// rewritten to the new digests (also inside base64 olm.bundle.object data): every digest the FBC names exists.
class CatalogBuilder
{
public:
    struct Catalog
    {
        QString repository;
        QString tag;
        QString digest;
        QStringList packages;
        QStringList fixtureFiles; // per package, relative to the fixtures directory ("" for synthesized ones)
    };

    CatalogBuilder(ImageFactory *factory, const WorldProfile &profile, const QString &fixturesDirectory);

    bool build(QString *error);

    QList<Catalog> catalogs() const { return m_catalogs; }
    int imageCount() const { return m_imageCount; }
    // Every image reference the catalogs name, as written in the served FBC.
    QStringList references() const { return m_references; }

    // Replaces every sha256 digest found in the map (old hex → new hex), in plain text and in base64 "data" fields.
    static QByteArray rewriteDigests(const QByteArray &text, const QHash<QString, QString> &hexMap);
    // Image references named by "image" fields of a YAML or JSON catalog.
    static QStringList imageReferences(const QByteArray &text);

private:
    struct Package
    {
        QString name;
        QString fileName; // catalog.json / catalog.yaml
        QString fixture;  // relative path, empty when synthesized
        QByteArray text;
    };

    bool loadPackage(const QString &name, bool community, Package *package, QString *error) const;
    bool buildRelatedImages(const QList<Package> &packages, QString *error);
    QString buildCatalogImage(const QString &repository, const QString &tag, const QList<Package> &packages);

    ImageFactory *m_factory;
    WorldProfile m_profile;
    QString m_fixtures;
    QHash<QString, QString> m_hexMap;
    QList<Catalog> m_catalogs;
    QStringList m_references;
    int m_imageCount = 0;
};
