#pragma once

#include "worldprofile.h"

#include <QJsonObject>
#include <QString>

// Generates the content of an offline world into a directory: the source registry's storage (releases, catalogs,
// additional images, helm chart images), release signatures and the signing key, the update graph, the graph-data
// tarball, the helm repository, the registry login, a demo ImageSetConfiguration and world.json (what is where).
// Nothing here depends on ports; WorldInstance and WorldFixture add the address-dependent files when they start it.
//
// Directory layout:
//   world.json, graph.json, release-key.asc, demo-imageset-config.yaml
//   source/storage/ (distribution layout), source/htpasswd, source/credentials.json (0600)
//   http/ (files the HTTP server serves: signatures, graph-data, helm repository)
class WorldBuilder
{
public:
    static constexpr int generatorVersion = 1;

    WorldBuilder(const QString &directory, const WorldProfile &profile, const QString &fixturesDirectory);

    // Reuses an existing build of the same scale and generator version unless force is set.
    bool build(QString *error, bool force = false);

    bool reused() const { return m_reused; }
    double buildSeconds() const { return m_seconds; }
    QJsonObject manifest() const { return m_manifest; }

    static QString storageDirectory(const QString &directory);
    static QString httpDirectory(const QString &directory);

private:
    bool writeLogin(QString *error);
    QJsonArray buildAdditionalImages(class ImageFactory *factory);
    bool writeDemoConfig(QString *error) const;

    QString m_directory;
    WorldProfile m_profile;
    QString m_fixtures;
    bool m_reused = false;
    double m_seconds = 0;
    QJsonObject m_manifest;
};
