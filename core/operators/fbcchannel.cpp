#include "fbcchannel.h"

const FbcChannelEntry *FbcChannel::entry(const QString &bundleName) const
{
    for (const FbcChannelEntry &e : entries) {
        if (e.name == bundleName)
            return &e;
    }
    return nullptr;
}

QStringList FbcChannel::entryNames() const
{
    QStringList names;
    names.reserve(entries.size());
    for (const FbcChannelEntry &e : entries)
        names.append(e.name);
    return names;
}
