#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

class QTextStream;

// A built world brought to life: the address-dependent files (registries.conf, auth.json, world.env, the demo
// ImageSetConfiguration) and, for `ferry-world up/down/status`, the background processes (source and destination
// docker-registry, the `ferry-world serve` HTTP server) whose pids are kept in <world>/run.
class WorldInstance
{
public:
    struct Addresses
    {
        QString source;      // 127.0.0.1:port, login required
        QString destination; // 127.0.0.1:port, no auth, deletion enabled
        QString http;        // http://127.0.0.1:port
    };

    explicit WorldInstance(const QString &directory);

    // Writes registries.conf, auth.json, world.env and demo-imageset-config.yaml for these addresses.
    bool writeRuntimeFiles(const Addresses &addresses, QString *error) const;
    // docker-registry configuration for a storage directory; htpasswd empty means no auth.
    static QByteArray registryConfig(const QString &storage, quint16 port, const QString &htpasswd, bool deleteEnabled);
    // The hosts the world imitates (mapped to the source registry): the first path component of every repository.
    QStringList hosts() const;

    // Starts the three servers in the background and waits until they answer. serveProgram is ferry-world itself.
    bool up(const QString &serveProgram, Addresses *addresses, QString *error);
    // Stops every process recorded in run/; true when none is left running.
    bool down(QString *error);
    // Prints what runs; true when everything recorded is alive.
    bool status(QTextStream &out) const;

    // world.env as a map.
    QMap<QString, QString> environment() const;

private:
    QString runDirectory() const;

    QString m_directory;
};
