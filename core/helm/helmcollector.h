#pragma once

#include "config/helmconfig.h"
#include "plan/mirrorplanentry.h"

#include <QByteArray>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

// Collects the images of the `helm:` block. For each repository it fetches index.yaml, picks each chart's version
// (the configured one, else the latest), downloads the chart .tgz, checks the index's sha256 when it gives one,
// and finds the chart's images (HelmImageFinder). Index and charts are kept in the working-dir
// (helm/indexes/<repo>/index.yaml, helm/charts/<name>-<version>.tgz), which is what offline mode reads instead of
// the network (diskToMirror). Local charts (a folder or a .tgz) are read from their path in both modes.
//
// Errors of one repository or chart are collected and the others go on, as oc-mirror does for helm.
// collect() blocks; the HTTP work runs on a thread of its own, so the caller needs no event loop.
class HelmCollector
{
public:
    struct Result
    {
        QList<QList<MirrorPlanEntry>> entries; // one list per destination root, in the order of the roots
        QStringList errors;
        QStringList warnings;
    };

    static constexpr int TransferTimeoutMs = 5 * 60 * 1000;

    // Proxies come from `environment`; maxNestedPaths is passed on to DestinationNamer.
    explicit HelmCollector(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                           int maxNestedPaths = 0);

    Result collect(const HelmConfig &config, const QString &workingDirectory, const QStringList &roots,
                   bool offline) const;

    static QString indexPath(const QString &workingDirectory, const QString &repositoryName);
    static QString chartPath(const QString &workingDirectory, const QString &chartName, const QString &version);

private:
    QProcessEnvironment m_environment;
    int m_maxNestedPaths = 0;
};
