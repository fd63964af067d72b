#pragma once

#include "bearertoken.h"

#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <optional>

// Bearer tokens per (registry, set of scopes), shared by every transfer to a registry. Thread-safe.
// A token is handed out only while it has more than the margin left, so a request never starts with a token that
// expires before it gets an answer.
class BearerTokenCache
{
public:
    static constexpr int DefaultMarginSeconds = 10;

    explicit BearerTokenCache(int marginSeconds = DefaultMarginSeconds);
    BearerTokenCache(const BearerTokenCache &) = delete;
    BearerTokenCache &operator=(const BearerTokenCache &) = delete;

    // The order of the scopes does not matter; duplicates are ignored.
    std::optional<BearerToken> get(const QString &registry, const QStringList &scopes,
                                   const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    void insert(const QString &registry, const QStringList &scopes, const BearerToken &token);
    // After a 401 with a cached token: the registry no longer accepts it.
    void invalidate(const QString &registry, const QStringList &scopes);
    void invalidateRegistry(const QString &registry);
    void clear();
    // Drops expired tokens; returns how many are left.
    int prune(const QDateTime &now = QDateTime::currentDateTimeUtc());
    int size() const;

    static QString key(const QString &registry, const QStringList &scopes);

private:
    const int m_marginSeconds;
    mutable QMutex m_mutex;
    QHash<QString, BearerToken> m_tokens;
};
