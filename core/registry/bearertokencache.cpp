#include "bearertokencache.h"

#include <QMutexLocker>

BearerTokenCache::BearerTokenCache(int marginSeconds)
    : m_marginSeconds(marginSeconds)
{
}

QString BearerTokenCache::key(const QString &registry, const QStringList &scopes)
{
    QStringList sorted = scopes;
    sorted.sort();
    sorted.removeDuplicates();
    // Neither a host nor a scope contains a newline or a space, so the key is unambiguous.
    return registry.toLower() + QLatin1Char('\n') + sorted.join(QLatin1Char(' '));
}

std::optional<BearerToken> BearerTokenCache::get(const QString &registry, const QStringList &scopes,
                                                 const QDateTime &now) const
{
    const QMutexLocker locker(&m_mutex);
    const auto it = m_tokens.constFind(key(registry, scopes));
    if (it == m_tokens.constEnd() || it->isExpired(now, m_marginSeconds))
        return std::nullopt;
    return *it;
}

void BearerTokenCache::insert(const QString &registry, const QStringList &scopes, const BearerToken &token)
{
    const QMutexLocker locker(&m_mutex);
    m_tokens.insert(key(registry, scopes), token);
}

void BearerTokenCache::invalidate(const QString &registry, const QStringList &scopes)
{
    const QMutexLocker locker(&m_mutex);
    m_tokens.remove(key(registry, scopes));
}

void BearerTokenCache::invalidateRegistry(const QString &registry)
{
    const QString prefix = registry.toLower() + QLatin1Char('\n');
    const QMutexLocker locker(&m_mutex);
    m_tokens.removeIf([&prefix](const auto &it) { return it.key().startsWith(prefix); });
}

void BearerTokenCache::clear()
{
    const QMutexLocker locker(&m_mutex);
    m_tokens.clear();
}

int BearerTokenCache::prune(const QDateTime &now)
{
    const QMutexLocker locker(&m_mutex);
    m_tokens.removeIf([&](const auto &it) { return it.value().isExpired(now, m_marginSeconds); });
    return int(m_tokens.size());
}

int BearerTokenCache::size() const
{
    const QMutexLocker locker(&m_mutex);
    return int(m_tokens.size());
}
