#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// How big a world is: which releases, how many components each, which catalog packages, how large the layers.
// small: seconds, for unit-level integration tests; medium: CI; large: the size of real OpenShift, for benchmarks.
class WorldProfile
{
public:
    static std::optional<WorldProfile> forName(const QString &name, QString *error = nullptr);
    static QStringList names();

    QString name;
    // Release versions (x.y.z) the world publishes for every architecture; each must be listed by a channel file.
    QStringList versions;
    int componentCount = 0;    // release components per payload (real: ~190)
    int componentLayerMin = 0; // bytes of random content in a component's own layer
    int componentLayerMax = 0;
    int baseLayerSize = 0;            // the shared base layer of every component
    double componentChangeRate = 0.3; // share of components rebuilt between consecutive z-streams
    // Fixture packages (directory names under fbc/) per catalog image.
    QStringList redhatPackages;
    QStringList communityPackages;
    int synthesizedPackages = 0; // extra community packages modelled on the real ones
};
