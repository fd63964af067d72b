#pragma once

#include "registryresult.h"

#include <QFuture>

// Blocks a worker thread (never the GUI thread) until a RegistryClient call ends. A future that ends without a
// result (the client was destroyed or the call cancelled) becomes an error instead of a crash.
template<typename T>
RegistryResult<T> awaitResult(QFuture<RegistryResult<T>> future)
{
    future.waitForFinished();
    if (future.resultCount() == 0)
        return RegistryResult<T>(RegistryError(RegistryError::Kind::Http, QStringLiteral("the request was abandoned")));
    return future.result();
}
