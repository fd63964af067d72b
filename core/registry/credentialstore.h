#pragma once

#include "credential.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Registry credentials from the containers auth files (containers-auth.json(5), also Docker's config.json and the
// legacy ~/.dockercfg), looked up in the order containers/image uses on Linux:
//   an explicit --authfile, else $REGISTRY_AUTH_FILE: only that file;
//   otherwise ${XDG_RUNTIME_DIR}/containers/auth.json (or /run/containers/<uid>/auth.json),
//   ${XDG_CONFIG_HOME:-~/.config}/containers/auth.json, $DOCKER_CONFIG/config.json (or ~/.docker/config.json),
//   ~/.dockercfg. The first file with a matching entry wins.
// Credential helpers (credHelpers, credsStore) cannot be run by Ferry; they are reported, never silently skipped.
class CredentialStore
{
public:
    CredentialStore() = default;

    // Reads every auth file of the search path that exists. On failure returns an empty store and sets *error to a
    // message naming the file and the place in it (never its content).
    static CredentialStore load(const QString &explicitPath, QString *error);
    // Reads exactly one file (as an explicit --authfile does).
    static CredentialStore loadFile(const QString &path, QString *error);
    // The files load() considers, in order, whether they exist or not.
    static QStringList searchPath(const QString &explicitPath, QStringList *warnings = nullptr);

    // The credential for a repository (path without the registry, e.g. "ns/app") on a registry host ("quay.io",
    // "127.0.0.1:5000"): keys host/ns/app, host/ns, host, then legacy keys such as https://host/v1/.
    // Returns nullopt when there is none. *error is set when the configuration cannot be used for this registry
    // (a credential helper, a credsStore, an undecodable entry); the caller should report it rather than silently
    // going anonymous.
    std::optional<Credential> find(const QString &registryHost, const QString &repositoryPath,
                                   QString *error = nullptr) const;

    // The first file that was read (the explicit file, if one was given); empty when none exists.
    QString sourceFile() const;
    // Every file that was read, in lookup order.
    QStringList files() const;
    // Harmless oddities found while loading (a missing runtime directory, keys with a tag or digest).
    QStringList warnings() const { return m_warnings; }
    bool isEmpty() const { return m_files.isEmpty(); }

private:
    struct Entry
    {
        QString key;
        Credential credential;
        QString error;       // why the entry cannot be decoded (names file and key, never the value)
        bool marker = false; // `{}`: a credential-helper marker, carries nothing
    };
    struct File
    {
        QString path;
        bool legacy = false;
        QList<Entry> entries;
        QHash<QString, QString> credHelpers;
        QString credsStore;
    };

    static bool readFile(const QString &path, bool legacy, File *file, QStringList *warnings, QString *error);
    static std::optional<Entry> findInFile(const File &file, const QString &host, const QString &repositoryPath);

    QList<File> m_files;
    QStringList m_warnings;
};
