#pragma once

#include "worldprofile.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

class ImageFactory;

// Publishes OpenShift release payloads the way quay.io holds them: ocp-release:<version>-<x86_64|aarch64|multi>
// with a release-manifests layer (image-references, release-metadata, coreos boot images), components in
// ocp-v4.0-art-dev by digest, and the update graph (graph.json) that the world's Cincinnati endpoint answers from.
// Channels, their versions and the conditional risks come from the real cincinnati-graph-data fixtures.
class ReleaseBuilder
{
public:
    struct Payload
    {
        QString version;
        QString architecture; // release tag suffix: x86_64, aarch64, multi
        QString digest;
        QString tag;
    };

    ReleaseBuilder(ImageFactory *factory, const WorldProfile &profile, const QString &fixturesDirectory);

    // Writes the images into the store and graph.json / graph-data into outputDirectory.
    bool build(const QString &outputDirectory, QString *error);

    QList<Payload> payloads() const { return m_payloads; }
    QStringList versions() const { return m_versions; }
    QStringList componentNames() const { return m_componentNames; }
    int componentImageCount() const { return m_componentImageCount; }

    static const QString releaseRepository;   // quay.io/openshift-release-dev/ocp-release
    static const QString componentRepository; // quay.io/openshift-release-dev/ocp-v4.0-art-dev
    // Cincinnati arch name (amd64, arm64, multi) for a release tag suffix.
    static QString graphArchitecture(const QString &releaseArchitecture);
    // Orders x.y.z versions numerically.
    static bool versionLess(const QString &a, const QString &b);

private:
    bool loadChannels(QString *error);
    bool loadComponents(QString *error);
    void buildGraphEdges();
    bool writeGraph(const QString &outputDirectory, QString *error) const;
    bool writeGraphDataTarball(const QString &outputDirectory, QString *error) const;

    ImageFactory *m_factory;
    WorldProfile m_profile;
    QString m_fixtures;
    QMap<QString, QStringList> m_channels; // channel name → versions listed by its file
    QStringList m_versions;
    QStringList m_componentNames;
    QMap<QString, QJsonObject> m_componentTemplates; // name → the fixture's ImageStream tag object
    QJsonObject m_imageStreamTemplate;
    QList<QPair<QString, QString>> m_edges;
    QJsonArray m_conditionalEdges;
    QMap<QString, QStringList> m_previous; // version → versions with an edge to it
    QList<Payload> m_payloads;
    int m_componentImageCount = 0;
};
