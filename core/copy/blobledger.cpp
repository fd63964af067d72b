#include "blobledger.h"

#include <QPromise>

BlobLedger::BlobLedger() = default;
BlobLedger::~BlobLedger()
{
    // Nobody may be left waiting on a promise that will never be kept.
    for (const auto &promise : std::as_const(m_promises)) {
        if (!promise->future().isFinished()) {
            promise->addResult(QString());
            promise->finish();
        }
    }
}

BlobLedger::Claim BlobLedger::claim(const QString &key)
{
    QMutexLocker locker(&m_mutex);
    auto existing = m_promises.constFind(key);
    if (existing != m_promises.constEnd())
        return {false, (*existing)->future()};
    auto promise = std::make_shared<QPromise<QString>>();
    promise->start();
    m_promises.insert(key, promise);
    return {true, promise->future()};
}

void BlobLedger::resolve(const QString &key, const QString &repository)
{
    std::shared_ptr<QPromise<QString>> promise;
    {
        QMutexLocker locker(&m_mutex);
        promise = m_promises.value(key);
        if (repository.isEmpty())
            m_promises.remove(key); // a failed transfer may be claimed again by the next image
    }
    if (!promise || promise->future().isFinished())
        return;
    promise->addResult(repository);
    promise->finish();
}
