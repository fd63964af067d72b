#pragma once

#include "release/releasechannelfilter.h"
#include "release/releaseselection.h"
#include "release/updategraph.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>
#include <QStringList>

// One channel's update graph for one architecture as a table: every version (ascending semver) with whether the
// channel filter selects it and why (ReleaseSelector, the rules a mirror run applies), whether it is the channel
// head, its direct upgrades out and in, and the risks of the conditional updates leading to it. The graph view and
// the release picker both read it, so the picture and the list can never disagree.
class ReleaseGraphModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReleaseGraphModel)

public:
    enum Column {
        VersionColumn,
        SelectedColumn,
        ReasonColumn,
        UpgradesOutColumn,
        UpgradesInColumn,
        RisksColumn,
        ColumnCount,
    };
    Q_ENUM(Column)

    enum Role {
        VersionRole = Qt::UserRole + 1, // QString, as the graph spells it
        GraphIndexRole,                 // int: index into UpdateGraph::nodes()
        PayloadRole,                    // QString pull spec
        SelectedRole,                   // bool
        ReasonRole,                     // QString: every reason, one per line
        ReasonKindRole,                 // int ReleaseSelectionReason::Kind of the main reason, -1 when not selected
        IsHeadRole,                     // bool
        IsMinimumRole,                  // bool: the filter's explicit minVersion
        IsMaximumRole,                  // bool: the filter's explicit maxVersion
        UpgradesOutRole,                // int: unconditional updates from this version
        UpgradesInRole,                 // int: unconditional updates to this version
        ConditionalOutRole,             // int: conditional updates from this version
        ConditionalInRole,              // int: conditional updates to this version
        RisksRole,                      // QStringList: names of the risks of conditional updates to this version
        SortRole,                       // raw value per column, for proxies
    };
    Q_ENUM(Role)

    explicit ReleaseGraphModel(QObject *parent = nullptr);

    // Replaces the graph (a model reset) and selects again with the current filter.
    void setGraph(const UpdateGraph &graph, const QString &channel, const QString &architecture);
    void clear();
    const UpdateGraph &graph() const { return m_graph; }
    QString channel() const { return m_channel; }
    QString architecture() const { return m_architecture; }

    // Selects again: the rows keep their place, the selection columns change (one dataChanged).
    void setFilter(const ReleaseChannelFilter &filter);
    ReleaseChannelFilter filter() const { return m_filter; }

    // The selector's outcome for this one channel and architecture, warnings and errors included.
    const ReleaseSelection &selection() const { return m_selection; }
    int selectedCount() const { return int(m_selection.releases.size()); }
    // Node indices of the shortest upgrade path when the filter asks for one and it exists, from min to max.
    QList<int> route() const { return m_route; }
    // The conditional updates as node index pairs (from, to), each with the names of its risks.
    struct ConditionalUpdate
    {
        int from = -1;
        int to = -1;
        QStringList risks;
    };
    const QList<ConditionalUpdate> &conditionalUpdates() const { return m_conditional; }

    int rowForGraphIndex(int graphIndex) const;
    int rowForVersion(const QString &version) const;
    int graphIndexForRow(int row) const { return m_order.value(row, -1); }
    bool isSelectedNode(int graphIndex) const { return m_reasons.contains(graphIndex); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    // The filter or the graph changed what is selected.
    void selectionChanged();

private:
    void reselect();
    QVariant rowValue(int row, int column, int role) const;

    UpdateGraph m_graph;
    QString m_channel;
    QString m_architecture;
    ReleaseChannelFilter m_filter;
    ReleaseSelection m_selection;
    QList<int> m_order; // row → node index, ascending semver
    QHash<int, int> m_rowOf;
    QHash<int, QList<ReleaseSelectionReason>> m_reasons; // node index → reasons, selected nodes only
    QList<int> m_route;
    QList<int> m_upgradesOut;
    QList<int> m_upgradesIn;
    QList<int> m_conditionalOut;
    QList<int> m_conditionalIn;
    QList<QStringList> m_risksIn;
    QList<QStringList> m_riskDetailsIn; // tooltip lines
    QList<ConditionalUpdate> m_conditional;
};
