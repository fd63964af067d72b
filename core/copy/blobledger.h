#pragma once

#include <QFuture>
#include <QHash>
#include <QMutex>
#include <QString>

#include <memory>

template<typename T>
class QPromise;

// Makes each distinct blob travel to a destination once per run: the first image that needs a blob transfers it,
// later ones wait for that transfer and then mount or link the blob into their own repository.
class BlobLedger
{
public:
    struct Claim
    {
        bool owner = false;
        // For waiters: finishes with the repository that holds the blob, or an empty string when the owner failed.
        QFuture<QString> holder;
    };

    BlobLedger();
    ~BlobLedger();

    // key: destination registry (or the cache) + digest
    Claim claim(const QString &key);
    // The owner's outcome: the repository now holding the blob, or empty on failure (waiters then try themselves).
    void resolve(const QString &key, const QString &repository);

private:
    QMutex m_mutex;
    QHash<QString, std::shared_ptr<QPromise<QString>>> m_promises;
};
