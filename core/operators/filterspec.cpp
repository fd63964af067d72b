#include "filterspec.h"

#include "config/operatorcatalog.h"

const FilterSpec::Channel *FilterSpec::Package::channel(const QString &channelName) const
{
    for (const Channel &c : channels) {
        if (c.name == channelName)
            return &c;
    }
    return nullptr;
}

const FilterSpec::Package *FilterSpec::package(const QString &name) const
{
    for (const Package &p : packages) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

FilterSpec FilterSpec::fromOperatorCatalog(const OperatorCatalog &catalog)
{
    FilterSpec spec;
    spec.full = catalog.isFull();
    for (const OperatorPackage &configPackage : catalog.packages) {
        Package package;
        package.name = configPackage.name;
        package.defaultChannel = configPackage.defaultChannel.value_or(QString());
        package.minVersion = configPackage.minVersion.value_or(QString());
        package.maxVersion = configPackage.maxVersion.value_or(QString());
        for (const OperatorChannel &configChannel : configPackage.channels)
            package.channels.append({configChannel.name, configChannel.minVersion.value_or(QString()),
                                     configChannel.maxVersion.value_or(QString())});
        spec.packages.append(package);
    }
    return spec;
}
