#pragma once

#include "registry/manifest.h"

#include <QHash>
#include <QMutex>
#include <QSet>
#include <QString>
#include <QStringList>

class RegistryClient;

// Estimates the bytes a garbage collection of the registry (`docker-registry garbage-collect`, without
// --delete-untagged) would free after a deletion. That collection marks, across ALL repositories, every manifest
// revision still stored (tagged or not) and what it references, then removes every other blob; deleting a manifest
// by digest removes its revision, while the children of a deleted index stay as untagged revisions.
//
// Record each manifest right before it is deleted; after the deletions, estimate() reads what remains (every
// repository from /v2/_catalog when the registry lists them, otherwise only the repositories the deletion touched)
// and counts the recorded blobs that nothing remaining references. Revisions the API cannot show (untagged manifests
// that no remaining index names) are not seen, and blobs that were unreferenced before are not counted.
class GarbageEstimator
{
public:
    struct Estimate
    {
        qint64 bytes = 0;
        int blobs = 0;
        int unknownSizes = 0;         // blobs whose size no manifest gave (not counted in bytes)
        bool allRepositories = false; // false: only the affected repositories were read, so bytes is an upper bound
        int repositoriesRead = 0;
        int repositoriesListed = 0; // what /v2/_catalog listed when that was more than the limit (else 0)
        QString error;              // the remaining manifests could not be read: no estimate
        // "about 1.2 GiB (34 blobs)…", for the log and the report.
        QString toString() const;
    };

    GarbageEstimator(RegistryClient *client, QString registry, int parallel = 4);

    // Reading every manifest of a registry with thousands of repositories takes too long for a review: above this
    // many listed repositories only the affected ones are read (an upper bound, said so).
    static constexpr int defaultRepositoryLimit = 1000;
    void setRepositoryLimit(int limit) { m_repositoryLimit = limit; }

    // The manifest about to be deleted from the repository (path without the registry). Thread-safe.
    void recordDeleting(const QString &repository, const Manifest &manifest);
    // Marks the recorded manifest as really deleted (a failed deletion keeps what it references). Thread-safe.
    void confirmDeleted(const QString &repository, const QString &digest);

    // Reads what remains and estimates. affectedRepositories: paths without the registry, used when the registry
    // does not list its repositories.
    Estimate estimate(const QStringList &affectedRepositories) const;
    // The same estimate before anything is deleted: every recorded manifest counts as deleted, and the tags of its
    // repository that name it are ignored (deleting by digest drops them). What a review shows before executing.
    Estimate predict(const QStringList &affectedRepositories) const;

private:
    Estimate run(const QStringList &affectedRepositories, bool predicted) const;

    struct Deleted
    {
        QString repository;
        Manifest manifest;
        bool confirmed = false;
    };

    RegistryClient *m_client;
    QString m_registry;
    int m_parallel;
    int m_repositoryLimit = defaultRepositoryLimit;
    mutable QMutex m_mutex;
    QHash<QString, Deleted> m_deleted; // "repository@digest"
};
