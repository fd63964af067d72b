#pragma once

#include "release/cincinnaticlient.h"
#include "release/releasechannelfilter.h"

#include <QDialog>
#include <QPersistentModelIndex>
#include <QProcessEnvironment>

#include <memory>

class ConfigTreeModel;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QKeyEvent;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;
class QTreeView;
class ReleaseGraphModel;
class ReleaseGraphView;

// Picks the version range of one platform release channel on the channel's real update graph: the graph comes
// from the update service (UPDATE_URL_OVERRIDE or the public one), from the graphs a working directory stored, or
// from a saved Cincinnati document, and is loaded off the GUI thread. The releases a mirror run would take are
// listed live, with the reason for each. OK writes name, minVersion, maxVersion, shortestPath and full back into the
// configuration through the tree model, exactly like edits in the detail form.
class ReleasePickerDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReleasePickerDialog)

public:
    enum class GraphSource {
        UpdateService,
        WorkingDirectory,
        File,
    };
    Q_ENUM(GraphSource)

    // channel: a ReleaseChannel item of model. The environment supplies UPDATE_URL_OVERRIDE and proxies.
    ReleasePickerDialog(ConfigTreeModel *model, const QModelIndex &channel, QWidget *parent = nullptr,
                        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    ~ReleasePickerDialog() override;

    // location: the update service URL, the working directory (the one holding working-dir/ or working-dir
    // itself) or the graph file.
    void setGraphSource(GraphSource source, const QString &location);
    GraphSource graphSource() const;
    QString graphLocation() const;

    void setChannelName(const QString &name);
    QString channelName() const;
    void setArchitecture(const QString &architecture);
    QString architecture() const;
    // Channel names the graph source knows (node metadata, stored graphs), for the channel box.
    QStringList knownChannels() const;

    // Starts loading the graph for the channel and architecture; graphLoaded() or graphLoadFailed() follows, always
    // after this returns.
    void loadGraph();
    bool isLoading() const { return m_loading; }
    // The last load error as shown to the user; empty after a successful load.
    QString loadError() const { return m_loadError; }

    void setMinimumVersion(const QString &version);
    void setMaximumVersion(const QString &version);
    void setShortestPath(bool on);
    void setFull(bool on);
    // The filter the controls describe; std::nullopt versions when a field is empty or not a version.
    ReleaseChannelFilter filter() const;

    ReleaseGraphModel *graphModel() const { return m_graphModel; }
    ReleaseGraphView *graphView() const { return m_view; }
    QScrollArea *graphScrollArea() const { return m_viewScroll; }
    QTableView *versionTable() const { return m_table; }
    QTreeView *mirroredList() const { return m_mirrored; }
    QLabel *countLabel() const { return m_countLabel; }

public Q_SLOTS:
    // Writes the channel back into the configuration and closes.
    void accept() override;

protected:
    void keyPressEvent(QKeyEvent *event) override;

Q_SIGNALS:
    void graphLoaded();
    void graphLoadFailed(const QString &error);

private:
    void createWidgets();
    void readChannel();
    void onSourceChanged();
    void browse();
    void finishLoad(quint64 generation, const CincinnatiClient::Result &result);
    void refreshKnownChannels();
    void updateFilter();
    void updateStatusHint();
    void useCurrentRowAs(bool maximum);
    void syncTableToView(const QString &version);
    QString storedGraphDirectory() const;
    QString defaultUpdateUrl() const;

    ConfigTreeModel *m_configModel = nullptr;
    QPersistentModelIndex m_channelIndex;
    QProcessEnvironment m_environment;
    ReleaseChannelFilter::Type m_type = ReleaseChannelFilter::Type::Ocp;
    std::unique_ptr<CincinnatiClient> m_client;
    quint64 m_generation = 0;
    bool m_loading = false;
    QString m_loadError;
    QStringList m_graphChannels; // from the loaded graph's metadata

    ReleaseGraphModel *m_graphModel = nullptr;
    QSortFilterProxyModel *m_mirroredModel = nullptr;

    QComboBox *m_sourceCombo = nullptr;
    QLineEdit *m_locationEdit = nullptr;
    QToolButton *m_browseButton = nullptr;
    QComboBox *m_channelCombo = nullptr;
    QComboBox *m_architectureCombo = nullptr;
    QPushButton *m_loadButton = nullptr;
    QLabel *m_statusLabel = nullptr;
    ReleaseGraphView *m_view = nullptr;
    QScrollArea *m_viewScroll = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_useMinButton = nullptr;
    QPushButton *m_useMaxButton = nullptr;
    QLineEdit *m_minEdit = nullptr;
    QLineEdit *m_maxEdit = nullptr;
    QCheckBox *m_shortestPathCheck = nullptr;
    QCheckBox *m_fullCheck = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_messagesLabel = nullptr;
    QTreeView *m_mirrored = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
