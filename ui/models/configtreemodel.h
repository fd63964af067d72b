#pragma once

#include "config/configkind.h"
#include "config/deleteimagesetconfiguration.h"
#include "config/imagesetconfiguration.h"

#include <QAbstractItemModel>
#include <QSet>
#include <QStringList>

#include <memory>
#include <vector>

// The structured view of one configuration: Platform → release channels, Operators → catalogs → packages →
// channels, Additional images, Blocked images, Helm → repositories → charts and local charts. The model owns
// the typed configuration; every field is read and written through its own role, so views, the detail form
// and tests share one path for edits.
class ConfigTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigTreeModel)

public:
    enum Column {
        NameColumn,
        DetailColumn,
        ColumnCount,
    };
    Q_ENUM(Column)

    enum Role {
        KindRole = Qt::UserRole + 1, // NodeKind as int
        FieldPathRole,               // `mirror.operators[0].packages[1]`, the path ConfigError uses
        HasIssueRole,                // bool: a validation issue points at this item or below
        // One role per configuration field; invalid QVariant = field absent.
        NameRole,
        TypeRole,
        MinVersionRole,
        MaxVersionRole,
        ShortestPathRole,
        FullRole,
        ArchitecturesRole,
        GraphRole,
        KubeVirtContainerRole,
        ReleaseRole,
        TargetCatalogRole,
        TargetTagRole,
        SkipDependenciesRole,
        TargetCatalogSourceTemplateRole,
        DefaultChannelRole,
        TargetRepoRole,
        UrlRole,
        VersionRole,
        ChartPathRole,
        ImagePathsRole,
    };
    Q_ENUM(Role)

    enum class NodeKind {
        Root,
        Platform,
        ReleaseChannel,
        Operators,
        Catalog,
        Package,
        PackageChannel,
        AdditionalImages,
        AdditionalImage,
        BlockedImages,
        BlockedImage,
        Helm,
        HelmRepository,
        HelmChart,
        HelmLocalChart,
    };
    Q_ENUM(NodeKind)

    enum class FieldType {
        Text,
        Boolean,
        Choice,
        StringList,
        Integer,
    };

    // Describes one editable field of a node kind, for the detail form.
    struct FieldInfo
    {
        int role = 0;
        QString key; // the YAML key, as in error paths
        QString label;
        FieldType type = FieldType::Text;
        QStringList choices;
        QString placeholder;
    };

    explicit ConfigTreeModel(QObject *parent = nullptr);
    ~ConfigTreeModel() override;

    void setConfiguration(const ImageSetConfiguration &configuration);
    void setConfiguration(const DeleteImageSetConfiguration &configuration);
    ConfigKind configKind() const { return m_kind; }
    ImageSetConfiguration imageSetConfiguration() const { return m_imageSet; }
    DeleteImageSetConfiguration deleteImageSetConfiguration() const { return m_delete; }

    // QAbstractItemModel
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;
    QHash<int, QByteArray> roleNames() const override;

    NodeKind kind(const QModelIndex &index) const;
    QString fieldPath(const QModelIndex &index) const;
    // The deepest item an error path (`mirror.operators[1].packages[0].channels[2].minVersion`) points into;
    // *fieldRole receives the role of the trailing field when there is one (MinVersionRole here), else 0.
    QModelIndex indexForPath(const QString &path, int *fieldRole = nullptr) const;
    QModelIndex groupIndex(NodeKind group) const;

    static QList<FieldInfo> fields(NodeKind kind);
    static QString kindName(NodeKind kind);
    static QString kindDescription(NodeKind kind);
    // The kind of item "Add" creates under an item of this kind (Root when it takes none).
    static NodeKind childKind(NodeKind kind);

    bool canAddChild(const QModelIndex &parent) const;
    bool canRemove(const QModelIndex &index) const;
    // Adds a child with a placeholder name under parent (a group or an item taking children); returns it.
    QModelIndex addChild(const QModelIndex &parent, const QString &name = {});
    QModelIndex addReleaseChannel(const QString &name);
    QModelIndex addCatalog(const QString &catalog);
    QModelIndex addPackage(const QModelIndex &catalog, const QString &name);
    QModelIndex addPackageChannel(const QModelIndex &package, const QString &name);
    QModelIndex addAdditionalImage(const QString &name);
    QModelIndex addBlockedImage(const QString &name);
    QModelIndex addHelmRepository(const QString &name, const QString &url);
    QModelIndex addHelmChart(const QModelIndex &repository, const QString &name);
    QModelIndex addHelmLocalChart(const QString &name, const QString &path);
    bool removeItem(const QModelIndex &index);

    // Field paths that validation complained about; the items they point into are marked.
    void setIssuePaths(const QStringList &paths);

Q_SIGNALS:
    // Any edit, insertion or removal of configuration content (not setConfiguration).
    void contentChanged();

public:
    struct Node; // the tree's own bookkeeping, defined in the .cpp

private:
    void rebuild();
    Node *nodeFromIndex(const QModelIndex &index) const;
    QModelIndex indexFromNode(const Node *node, int column = 0) const;
    static int rowOf(const Node *node);
    ImageSetContent &content();
    const ImageSetContent &content() const;
    QString rootKey() const;
    QVariant displayText(const Node *node, int column) const;
    QVariant fieldValue(const Node *node, int role) const;
    bool setFieldValue(Node *node, int role, const QVariant &value);
    QModelIndex insertChild(Node *parent, int row, NodeKind kind);
    bool hasIssue(const QString &path) const;
    void dropEmptyOptionalBlocks();

    ConfigKind m_kind = ConfigKind::Unknown;
    ImageSetConfiguration m_imageSet;
    DeleteImageSetConfiguration m_delete;
    std::unique_ptr<Node> m_root;
    QStringList m_issuePaths;
};
