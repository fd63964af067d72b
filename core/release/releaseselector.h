#pragma once

#include "releaseselection.h"
#include "releaseselectionrequest.h"
#include "updategraph.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

// Applies oc-mirror's release channel rules to update graphs that were fetched (or loaded) beforehand. Pure: no
// network, no files. Feed it the graph of every (architecture, channel) that neededGraphs() names, then select().
class ReleaseSelector
{
public:
    // The URL of the tool that computes supported EUS-to-EUS update paths; named in the EUS warning.
    static constexpr auto UpdatePathToolUrl = "https://access.redhat.com/labs/ocpupgradegraph/update_path";

    void addGraph(const QString &architecture, const QString &channel, const UpdateGraph &graph);
    bool hasGraph(const QString &architecture, const QString &channel) const;
    const UpdateGraph *graph(const QString &architecture, const QString &channel) const;

    // (architecture, channel) pairs whose graph is still missing: first the requested channels, then, once those
    // are known, the intermediate channels the cross-channel upgrade path walks through. Loop until empty.
    QList<QPair<QString, QString>> neededGraphs(const ReleaseSelectionRequest &request) const;

    ReleaseSelection select(const ReleaseSelectionRequest &request) const;

private:
    struct Bounds
    {
        SemanticVersion min;
        SemanticVersion max;
    };
    struct CrossChannelPlan
    {
        SemanticVersion start;
        SemanticVersion target;
        QString startChannel;
        QString targetChannel;
        QStringList steps; // channel per minor, from the start channel to the target channel
        QString error;
    };

    std::optional<Bounds> boundsOf(const ReleaseChannelFilter &channel, const UpdateGraph &graph) const;
    std::optional<CrossChannelPlan> crossChannelPlan(const ReleaseSelectionRequest &request,
                                                     const QString &architecture) const;
    void selectChannel(const ReleaseChannelFilter &channel, const QString &architecture, QList<SelectedRelease> &out,
                       QStringList &errors, QStringList &warnings) const;
    void selectCrossChannel(const CrossChannelPlan &plan, const QString &architecture, QList<SelectedRelease> &out,
                            QStringList &errors, QStringList &warnings) const;

    QHash<QString, UpdateGraph> m_graphs; // key: architecture + '/' + channel
};
