#pragma once

#include "worldinstance.h"

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>
#include <QThread>

#include <memory>

class RegistryFixture;
class WorldHttpServer;

// The offline world for a QtTest: up() builds it in a temporary directory (or reuses a cached build), starts the
// source registry (login required), the destination registry (no auth, deletion enabled) and the HTTP server on its
// own thread, and writes world.env; the destructor brings everything down.
class WorldFixture
{
public:
    explicit WorldFixture(const QString &scale = QStringLiteral("small"));
    ~WorldFixture();
    WorldFixture(const WorldFixture &) = delete;
    WorldFixture &operator=(const WorldFixture &) = delete;

    // cacheDirectory: build there (and reuse a build of the same scale) instead of in a fresh temporary directory.
    bool up(QString *error, const QString &cacheDirectory = {});
    void down();

    QString directory() const { return m_directory; }
    QString sourceAddress() const { return m_addresses.source; }
    QString destinationAddress() const { return m_addresses.destination; }
    QString httpUrl() const { return m_addresses.http; }
    QString updateUrl() const;
    QString signatureUrl() const;
    QString helmUrl() const;
    QString registriesConf() const;
    QString authFile() const;
    QString publicKeyFile() const;
    double buildSeconds() const { return m_buildSeconds; }
    // world.json: releases, catalogs, additional images, helm charts and their digests.
    QJsonObject manifest() const { return m_manifest; }
    // The system environment plus every world.env variable.
    QProcessEnvironment environment() const;
    // --registries-conf and --authfile for skopeo.
    QStringList skopeoArguments() const;

private:
    QString m_scale;
    QTemporaryDir m_temporary;
    QString m_directory;
    WorldInstance::Addresses m_addresses;
    double m_buildSeconds = 0;
    QJsonObject m_manifest;
    std::unique_ptr<RegistryFixture> m_source;
    std::unique_ptr<RegistryFixture> m_destination;
    QThread m_httpThread;
    WorldHttpServer *m_http = nullptr;
};
