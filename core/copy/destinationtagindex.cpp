#include "destinationtagindex.h"

#include "registry/awaitresult.h"
#include "registry/registryclient.h"

#include <QMutexLocker>

DestinationTagIndex::DestinationTagIndex(RegistryClient *client)
    : m_client(client)
{
}

DestinationTagIndex::Answer DestinationTagIndex::find(const ImageReference &destination)
{
    if (!destination.hasTag())
        return Answer::Unknown;
    const QString key = destination.domain() + QLatin1Char('/') + destination.path();
    QFuture<RegistryResult<QStringList>> listing;
    {
        QMutexLocker lock(&m_mutex);
        if (const auto known = m_tags.constFind(key); known != m_tags.cend()) {
            if (!*known)
                return Answer::Unknown;
            return (*known)->contains(destination.tag()) ? Answer::Listed : Answer::NotListed;
        }
        auto started = m_listings.find(key);
        if (started == m_listings.end())
            started = m_listings.insert(key, m_client->listTags(destination.withTag(QString()).withDigest(QString())));
        listing = *started;
    }
    const auto tags = awaitResult(listing);
    std::shared_ptr<const QSet<QString>> set;
    {
        // Images of one repository wait for the same listing: the first one back turns it into a set.
        QMutexLocker lock(&m_mutex);
        if (const auto known = m_tags.constFind(key); known != m_tags.cend()) {
            set = *known;
        } else {
            if (tags)
                set = std::make_shared<const QSet<QString>>(tags->cbegin(), tags->cend());
            else if (tags.error().kind() == RegistryError::Kind::NotFound)
                set = std::make_shared<const QSet<QString>>(); // a repository that does not exist yet has no tags
            m_tags.insert(key, set);
            m_listings.remove(key);
        }
    }
    if (!set)
        return Answer::Unknown;
    return set->contains(destination.tag()) ? Answer::Listed : Answer::NotListed;
}
