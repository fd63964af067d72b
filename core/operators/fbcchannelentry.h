#pragma once

#include <QString>
#include <QStringList>

// One `entries` item of an olm.channel: the upgrade edges that point at bundle `name`.
class FbcChannelEntry
{
public:
    QString name;
    QString replaces;
    QStringList skips;
    QString skipRange;

    bool operator==(const FbcChannelEntry &) const = default;
};
