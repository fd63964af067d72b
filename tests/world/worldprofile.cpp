#include "worldprofile.h"

namespace {
QStringList range(const QString &minor, int first, int last)
{
    QStringList versions;
    for (int z = first; z <= last; ++z)
        versions << minor + QLatin1Char('.') + QString::number(z);
    return versions;
}
} // namespace

QStringList WorldProfile::names()
{
    return {QStringLiteral("small"), QStringLiteral("medium"), QStringLiteral("large")};
}

std::optional<WorldProfile> WorldProfile::forName(const QString &name, QString *error)
{
    WorldProfile profile;
    profile.name = name;
    const QStringList allRedhat{QStringLiteral("aws-load-balancer-operator"),
                                QStringLiteral("node-observability-operator"), QStringLiteral("jaeger-product")};
    const QStringList allCommunity{QStringLiteral("kubevirt-wol"), QStringLiteral("jumpstarter-operator"),
                                   QStringLiteral("dotvirt-operator"), QStringLiteral("clusterpulse"),
                                   QStringLiteral("infinispan")};
    if (name == QLatin1String("small")) {
        // Heads of stable-4.15 and stable-4.16, the 4.16.0 conditional edges, and 4.16.5 with its predecessor.
        profile.versions = {QStringLiteral("4.15.58"), QStringLiteral("4.15.59"), QStringLiteral("4.16.0"),
                            QStringLiteral("4.16.4"),  QStringLiteral("4.16.5"),  QStringLiteral("4.16.55")};
        profile.componentCount = 12;
        profile.componentLayerMin = 1024;
        profile.componentLayerMax = 4096;
        profile.baseLayerSize = 8192;
        profile.redhatPackages = {QStringLiteral("aws-load-balancer-operator"),
                                  QStringLiteral("node-observability-operator")};
        profile.communityPackages = {QStringLiteral("kubevirt-wol"), QStringLiteral("jumpstarter-operator")};
    } else if (name == QLatin1String("medium")) {
        profile.versions = range(QStringLiteral("4.15"), 47, 59) + range(QStringLiteral("4.16"), 0, 12) +
                           range(QStringLiteral("4.16"), 50, 55);
        profile.componentCount = 40;
        profile.componentLayerMin = 2048;
        profile.componentLayerMax = 8192;
        profile.baseLayerSize = 32768;
        profile.redhatPackages = allRedhat;
        profile.communityPackages = allCommunity;
    } else if (name == QLatin1String("large")) {
        profile.versions = range(QStringLiteral("4.16"), 44, 55) + range(QStringLiteral("4.17"), 45, 56);
        profile.componentCount = 190;
        profile.componentLayerMin = 4096;
        profile.componentLayerMax = 16384;
        profile.baseLayerSize = 65536;
        profile.redhatPackages = allRedhat;
        profile.communityPackages = allCommunity;
        profile.synthesizedPackages = 300;
    } else {
        if (error)
            *error = QStringLiteral("unknown scale \"%1\": expected one of %2")
                         .arg(name, names().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    return profile;
}
