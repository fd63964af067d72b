#pragma once

#include <QList>
#include <QString>

class OperatorCatalog;

// What to keep from a catalog: oc-mirror's FilterConfiguration in Ferry's terms. A version range is given either
// on a package (applied to each of its channels) or on channels; empty strings mean "not set".
class FilterSpec
{
public:
    class Channel
    {
    public:
        QString name;
        QString minVersion;
        QString maxVersion;

        bool hasRange() const { return !minVersion.isEmpty() || !maxVersion.isEmpty(); }
        bool operator==(const Channel &) const = default;
    };

    class Package
    {
    public:
        QString name;
        QString defaultChannel;
        QString minVersion;
        QString maxVersion;
        QList<Channel> channels;

        bool hasRange() const { return !minVersion.isEmpty() || !maxVersion.isEmpty(); }
        const Channel *channel(const QString &channelName) const;
        bool operator==(const Package &) const = default;
    };

    bool full = false;
    QList<Package> packages;

    const Package *package(const QString &name) const;
    static FilterSpec fromOperatorCatalog(const OperatorCatalog &catalog);
    bool operator==(const FilterSpec &) const = default;
};
