#include "configtreemodel.h"

#include <QColor>
#include <QFont>
#include <QRegularExpression>

#include <functional>

struct ConfigTreeModel::Node
{
    NodeKind kind = NodeKind::Root;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    Node *insertChild(NodeKind childKind, int row)
    {
        auto node = std::make_unique<Node>();
        node->kind = childKind;
        node->parent = this;
        Node *raw = node.get();
        children.insert(children.begin() + row, std::move(node));
        return raw;
    }
    Node *appendChild(NodeKind childKind) { return insertChild(childKind, int(children.size())); }
};

namespace {

using NodeKind = ConfigTreeModel::NodeKind;
using Node = ConfigTreeModel::Node;

int rowIn(const Node *node)
{
    if (!node->parent) {
        return 0;
    }
    const auto &siblings = node->parent->children;
    for (size_t i = 0; i < siblings.size(); ++i) {
        if (siblings[i].get() == node) {
            return int(i);
        }
    }
    return -1;
}

// The configuration objects behind a node: the node's row is the index in the matching list.
ReleaseChannel &releaseChannelOf(ImageSetContent &content, const Node *node)
{
    return content.platform->channels[rowIn(node)];
}

OperatorCatalog &catalogOf(ImageSetContent &content, const Node *node)
{
    return content.operators[rowIn(node)];
}

OperatorPackage &packageOf(ImageSetContent &content, const Node *node)
{
    return catalogOf(content, node->parent).packages[rowIn(node)];
}

OperatorChannel &packageChannelOf(ImageSetContent &content, const Node *node)
{
    return packageOf(content, node->parent).channels[rowIn(node)];
}

HelmRepository &helmRepositoryOf(ImageSetContent &content, const Node *node)
{
    return content.helm->repositories[rowIn(node)];
}

HelmChart &helmChartOf(ImageSetContent &content, const Node *node)
{
    return helmRepositoryOf(content, node->parent).charts[rowIn(node)];
}

HelmChart &helmLocalChartOf(ImageSetContent &content, const Node *node)
{
    return content.helm->local[rowIn(node) - content.helm->repositories.size()];
}

QVariant optionalValue(const std::optional<QString> &value)
{
    return value ? QVariant(*value) : QVariant();
}

QVariant optionalValue(const std::optional<bool> &value)
{
    return value ? QVariant(*value) : QVariant();
}

// Each setter reports whether the configuration changed, so no-op edits send no signals.
bool assign(QString &field, const QVariant &value)
{
    const QString text = value.toString();
    if (field == text) {
        return false;
    }
    field = text;
    return true;
}

bool assign(std::optional<QString> &field, const QVariant &value)
{
    std::optional<QString> text;
    if (value.isValid() && !value.toString().isEmpty()) {
        text = value.toString();
    }
    if (field == text) {
        return false;
    }
    field = text;
    return true;
}

bool assign(std::optional<bool> &field, const QVariant &value)
{
    std::optional<bool> flag;
    if (value.isValid()) {
        flag = value.toBool();
    }
    if (field == flag) {
        return false;
    }
    field = flag;
    return true;
}

bool assign(QStringList &field, const QVariant &value)
{
    QStringList list = value.toStringList();
    if (field == list) {
        return false;
    }
    field = list;
    return true;
}

QString rangeText(const std::optional<QString> &min, const std::optional<QString> &max)
{
    if (min && max) {
        return ConfigTreeModel::tr("%1 to %2").arg(*min, *max);
    }
    if (min) {
        return ConfigTreeModel::tr("from %1").arg(*min);
    }
    if (max) {
        return ConfigTreeModel::tr("up to %1").arg(*max);
    }
    return {};
}

QString displayName(const QString &name)
{
    return name.isEmpty() ? ConfigTreeModel::tr("(unnamed)") : name;
}

} // namespace

ConfigTreeModel::ConfigTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    setConfiguration(ImageSetConfiguration());
}

ConfigTreeModel::~ConfigTreeModel() = default;

void ConfigTreeModel::setConfiguration(const ImageSetConfiguration &configuration)
{
    beginResetModel();
    m_kind = ConfigKind::ImageSetConfiguration;
    m_imageSet = configuration;
    m_delete = DeleteImageSetConfiguration();
    m_issuePaths.clear();
    rebuild();
    endResetModel();
}

void ConfigTreeModel::setConfiguration(const DeleteImageSetConfiguration &configuration)
{
    beginResetModel();
    m_kind = ConfigKind::DeleteImageSetConfiguration;
    m_delete = configuration;
    m_imageSet = ImageSetConfiguration();
    m_issuePaths.clear();
    rebuild();
    endResetModel();
}

ImageSetContent &ConfigTreeModel::content()
{
    return m_kind == ConfigKind::DeleteImageSetConfiguration ? m_delete.deleteContent : m_imageSet.mirror;
}

const ImageSetContent &ConfigTreeModel::content() const
{
    return m_kind == ConfigKind::DeleteImageSetConfiguration ? m_delete.deleteContent : m_imageSet.mirror;
}

QString ConfigTreeModel::rootKey() const
{
    return m_kind == ConfigKind::DeleteImageSetConfiguration ? QStringLiteral("delete") : QStringLiteral("mirror");
}

void ConfigTreeModel::rebuild()
{
    m_root = std::make_unique<Node>();
    const ImageSetContent &c = content();

    Node *platform = m_root->appendChild(NodeKind::Platform);
    if (c.platform) {
        for (qsizetype i = 0; i < c.platform->channels.size(); ++i) {
            platform->appendChild(NodeKind::ReleaseChannel);
        }
    }
    Node *operators = m_root->appendChild(NodeKind::Operators);
    for (const OperatorCatalog &catalog : c.operators) {
        Node *catalogNode = operators->appendChild(NodeKind::Catalog);
        for (const OperatorPackage &package : catalog.packages) {
            Node *packageNode = catalogNode->appendChild(NodeKind::Package);
            for (qsizetype i = 0; i < package.channels.size(); ++i) {
                packageNode->appendChild(NodeKind::PackageChannel);
            }
        }
    }
    Node *additional = m_root->appendChild(NodeKind::AdditionalImages);
    for (qsizetype i = 0; i < c.additionalImages.size(); ++i) {
        additional->appendChild(NodeKind::AdditionalImage);
    }
    // A DeleteImageSetConfiguration has no blockedImages.
    if (m_kind != ConfigKind::DeleteImageSetConfiguration) {
        Node *blocked = m_root->appendChild(NodeKind::BlockedImages);
        for (qsizetype i = 0; i < c.blockedImages.size(); ++i) {
            blocked->appendChild(NodeKind::BlockedImage);
        }
    }
    Node *helm = m_root->appendChild(NodeKind::Helm);
    if (c.helm) {
        for (const HelmRepository &repository : c.helm->repositories) {
            Node *repositoryNode = helm->appendChild(NodeKind::HelmRepository);
            for (qsizetype i = 0; i < repository.charts.size(); ++i) {
                repositoryNode->appendChild(NodeKind::HelmChart);
            }
        }
        for (qsizetype i = 0; i < c.helm->local.size(); ++i) {
            helm->appendChild(NodeKind::HelmLocalChart);
        }
    }
}

ConfigTreeModel::Node *ConfigTreeModel::nodeFromIndex(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return m_root.get();
    }
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex ConfigTreeModel::indexFromNode(const Node *node, int column) const
{
    if (!node || node == m_root.get()) {
        return {};
    }
    return createIndex(rowIn(node), column, const_cast<Node *>(node));
}

int ConfigTreeModel::rowOf(const Node *node)
{
    return rowIn(node);
}

QModelIndex ConfigTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent)) {
        return {};
    }
    Node *parentNode = nodeFromIndex(parent);
    return createIndex(row, column, parentNode->children[size_t(row)].get());
}

QModelIndex ConfigTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid()) {
        return {};
    }
    return indexFromNode(nodeFromIndex(child)->parent);
}

int ConfigTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0) {
        return 0;
    }
    return int(nodeFromIndex(parent)->children.size());
}

int ConfigTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

ConfigTreeModel::NodeKind ConfigTreeModel::kind(const QModelIndex &index) const
{
    return index.isValid() ? nodeFromIndex(index)->kind : NodeKind::Root;
}

QString ConfigTreeModel::fieldPath(const QModelIndex &index) const
{
    const Node *node = nodeFromIndex(index);
    const QString root = rootKey();
    const auto item = [](const QString &list, int row) -> QString {
        return list + QLatin1Char('[') + QString::number(row) + QLatin1Char(']');
    };
    switch (node->kind) {
    case NodeKind::Root:
        return {};
    case NodeKind::Platform:
        return root + QStringLiteral(".platform");
    case NodeKind::ReleaseChannel:
        return item(root + QStringLiteral(".platform.channels"), rowIn(node));
    case NodeKind::Operators:
        return root + QStringLiteral(".operators");
    case NodeKind::Catalog:
        return item(root + QStringLiteral(".operators"), rowIn(node));
    case NodeKind::Package:
        return item(fieldPath(indexFromNode(node->parent)) + QStringLiteral(".packages"), rowIn(node));
    case NodeKind::PackageChannel:
        return item(fieldPath(indexFromNode(node->parent)) + QStringLiteral(".channels"), rowIn(node));
    case NodeKind::AdditionalImages:
        return root + QStringLiteral(".additionalImages");
    case NodeKind::AdditionalImage:
        return item(root + QStringLiteral(".additionalImages"), rowIn(node));
    case NodeKind::BlockedImages:
        return root + QStringLiteral(".blockedImages");
    case NodeKind::BlockedImage:
        return item(root + QStringLiteral(".blockedImages"), rowIn(node));
    case NodeKind::Helm:
        return root + QStringLiteral(".helm");
    case NodeKind::HelmRepository:
        return item(root + QStringLiteral(".helm.repositories"), rowIn(node));
    case NodeKind::HelmChart:
        return item(fieldPath(indexFromNode(node->parent)) + QStringLiteral(".charts"), rowIn(node));
    case NodeKind::HelmLocalChart:
        return item(root + QStringLiteral(".helm.local"),
                    rowIn(node) - int(content().helm ? content().helm->repositories.size() : 0));
    }
    return {};
}

QModelIndex ConfigTreeModel::indexForPath(const QString &path, int *fieldRole) const
{
    if (fieldRole) {
        *fieldRole = 0;
    }
    // Walk down: at each level take the child whose path is a prefix of `path` at a component boundary.
    const Node *best = m_root.get();
    QString bestPath;
    bool descended = true;
    while (descended) {
        descended = false;
        for (const auto &child : best->children) {
            const QString childPath = fieldPath(indexFromNode(child.get()));
            if (!path.startsWith(childPath)) {
                continue;
            }
            const QChar next = path.size() > childPath.size() ? path.at(childPath.size()) : QChar();
            if (next.isNull() || next == QLatin1Char('.') || next == QLatin1Char('[')) {
                best = child.get();
                bestPath = childPath;
                descended = true;
                break;
            }
        }
    }
    if (best == m_root.get()) {
        return {};
    }
    if (fieldRole && path.size() > bestPath.size() + 1 && path.at(bestPath.size()) == QLatin1Char('.')) {
        QString key = path.mid(bestPath.size() + 1);
        const qsizetype end = key.indexOf(QRegularExpression(QStringLiteral("[.\\[]")));
        if (end >= 0) {
            key.truncate(end);
        }
        const QList<FieldInfo> infos = fields(best->kind);
        for (const FieldInfo &info : infos) {
            if (info.key == key) {
                *fieldRole = info.role;
            }
        }
    }
    return indexFromNode(best);
}

QModelIndex ConfigTreeModel::groupIndex(NodeKind group) const
{
    for (const auto &child : m_root->children) {
        if (child->kind == group) {
            return indexFromNode(child.get());
        }
    }
    return {};
}

QVariant ConfigTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Node *node = nodeFromIndex(index);
    switch (role) {
    case Qt::DisplayRole:
        return displayText(node, index.column());
    case Qt::EditRole:
        return index.column() == NameColumn ? fieldValue(node, NameRole) : QVariant();
    case Qt::ToolTipRole: {
        const QString path = fieldPath(index);
        return hasIssue(path) ? tr("%1\nThis item has validation issues.").arg(path) : path;
    }
    case Qt::FontRole:
        if (node->parent == m_root.get()) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        return hasIssue(fieldPath(index)) ? QVariant(QColor(0xc0, 0x39, 0x2b)) : QVariant();
    case KindRole:
        return int(node->kind);
    case FieldPathRole:
        return fieldPath(index);
    case HasIssueRole:
        return hasIssue(fieldPath(index));
    default:
        return fieldValue(node, role);
    }
}

QVariant ConfigTreeModel::displayText(const Node *node, int column) const
{
    auto &c = const_cast<ImageSetContent &>(content());
    if (column == NameColumn) {
        switch (node->kind) {
        case NodeKind::Root:
            return {};
        case NodeKind::Platform:
        case NodeKind::Operators:
        case NodeKind::AdditionalImages:
        case NodeKind::BlockedImages:
        case NodeKind::Helm:
            return kindName(node->kind);
        default:
            return displayName(fieldValue(node, NameRole).toString());
        }
    }

    QStringList parts;
    switch (node->kind) {
    case NodeKind::Root:
        break;
    case NodeKind::Platform:
        if (c.platform) {
            if (c.platform->release) {
                parts << tr("release %1").arg(*c.platform->release);
            }
            if (!c.platform->architectures.isEmpty()) {
                parts << c.platform->architectures.join(QStringLiteral(", "));
            }
            if (!c.platform->platforms.isEmpty()) {
                QStringList platforms;
                for (const PlatformFilter &filter : std::as_const(c.platform->platforms)) {
                    platforms << filter.toString();
                }
                parts << platforms.join(QStringLiteral(", "));
            }
            if (!c.platform->channels.isEmpty()) {
                parts << tr("%n channel(s)", nullptr, int(c.platform->channels.size()));
            }
            if (c.platform->isGraph()) {
                parts << tr("update graph");
            }
        }
        if (parts.isEmpty()) {
            parts << tr("no release content");
        }
        break;
    case NodeKind::ReleaseChannel: {
        const ReleaseChannel &channel = releaseChannelOf(c, node);
        const QString range = rangeText(channel.minVersion, channel.maxVersion);
        if (!range.isEmpty()) {
            parts << range;
        } else {
            parts << (channel.isFull() ? tr("every version") : tr("latest version only"));
        }
        if (channel.isFull() && !range.isEmpty()) {
            parts << tr("full");
        }
        if (channel.isShortestPath()) {
            parts << tr("shortest path");
        }
        if (channel.isOkd()) {
            parts << QStringLiteral("OKD");
        }
        break;
    }
    case NodeKind::Operators:
        parts << tr("%n catalog(s)", nullptr, int(c.operators.size()));
        break;
    case NodeKind::Catalog: {
        const OperatorCatalog &catalog = catalogOf(c, node);
        if (catalog.packages.isEmpty()) {
            parts << (catalog.isFull() ? tr("entire catalog") : tr("every package, channel heads only"));
        } else {
            parts << tr("%n package(s)", nullptr, int(catalog.packages.size()));
        }
        if (catalog.targetCatalog || catalog.targetTag) {
            parts << tr("as %1").arg(catalog.targetCatalog.value_or(QStringLiteral("…")) +
                                     (catalog.targetTag ? QLatin1Char(':') + *catalog.targetTag : QString()));
        }
        break;
    }
    case NodeKind::Package: {
        const OperatorPackage &package = packageOf(c, node);
        const QString range = rangeText(package.minVersion, package.maxVersion);
        if (!range.isEmpty()) {
            parts << range;
        }
        if (package.channels.isEmpty()) {
            parts << tr("all channels");
        } else {
            parts << tr("%n channel(s)", nullptr, int(package.channels.size()));
        }
        if (package.defaultChannel) {
            parts << tr("default %1").arg(*package.defaultChannel);
        }
        break;
    }
    case NodeKind::PackageChannel: {
        const OperatorChannel &channel = packageChannelOf(c, node);
        const QString range = rangeText(channel.minVersion, channel.maxVersion);
        parts << (range.isEmpty() ? tr("channel head only") : range);
        break;
    }
    case NodeKind::AdditionalImages:
        parts << tr("%n image(s)", nullptr, int(c.additionalImages.size()));
        break;
    case NodeKind::AdditionalImage: {
        const AdditionalImage &image = c.additionalImages[rowIn(node)];
        if (image.targetRepo || image.targetTag) {
            parts << tr("to %1").arg(image.targetRepo.value_or(QStringLiteral("…")) +
                                     (image.targetTag ? QLatin1Char(':') + *image.targetTag : QString()));
        }
        break;
    }
    case NodeKind::BlockedImages:
        parts << tr("%n pattern(s)", nullptr, int(c.blockedImages.size()));
        break;
    case NodeKind::BlockedImage:
        parts << tr("regular expression");
        break;
    case NodeKind::Helm:
        parts << tr("%n repository(s)", nullptr, c.helm ? int(c.helm->repositories.size()) : 0)
              << tr("%n local chart(s)", nullptr, c.helm ? int(c.helm->local.size()) : 0);
        break;
    case NodeKind::HelmRepository: {
        const HelmRepository &repository = helmRepositoryOf(c, node);
        parts << repository.url << tr("%n chart(s)", nullptr, int(repository.charts.size()));
        break;
    }
    case NodeKind::HelmChart:
        parts << helmChartOf(c, node).version.value_or(tr("latest version"));
        break;
    case NodeKind::HelmLocalChart:
        parts << helmLocalChartOf(c, node).path.value_or(QString());
        break;
    }
    parts.removeAll(QString());
    return parts.join(QStringLiteral(", "));
}

QVariant ConfigTreeModel::fieldValue(const Node *node, int role) const
{
    auto &c = const_cast<ImageSetContent &>(content());
    switch (node->kind) {
    case NodeKind::Platform: {
        if (!c.platform) {
            return {};
        }
        const PlatformConfig &platform = *c.platform;
        switch (role) {
        case ArchitecturesRole:
            return platform.architectures.isEmpty() ? QVariant() : QVariant(platform.architectures);
        case GraphRole:
            return optionalValue(platform.graph);
        case KubeVirtContainerRole:
            return optionalValue(platform.kubeVirtContainer);
        case ReleaseRole:
            return optionalValue(platform.release);
        }
        return {};
    }
    case NodeKind::ReleaseChannel: {
        const ReleaseChannel &channel = releaseChannelOf(c, node);
        switch (role) {
        case NameRole:
            return channel.name;
        case TypeRole:
            return optionalValue(channel.type);
        case MinVersionRole:
            return optionalValue(channel.minVersion);
        case MaxVersionRole:
            return optionalValue(channel.maxVersion);
        case ShortestPathRole:
            return optionalValue(channel.shortestPath);
        case FullRole:
            return optionalValue(channel.full);
        }
        return {};
    }
    case NodeKind::Catalog: {
        const OperatorCatalog &catalog = catalogOf(c, node);
        switch (role) {
        case NameRole:
            return catalog.catalog;
        case TargetCatalogRole:
            return optionalValue(catalog.targetCatalog);
        case TargetTagRole:
            return optionalValue(catalog.targetTag);
        case FullRole:
            return optionalValue(catalog.full);
        case SkipDependenciesRole:
            return optionalValue(catalog.skipDependencies);
        case TargetCatalogSourceTemplateRole:
            return optionalValue(catalog.targetCatalogSourceTemplate);
        }
        return {};
    }
    case NodeKind::Package: {
        const OperatorPackage &package = packageOf(c, node);
        switch (role) {
        case NameRole:
            return package.name;
        case DefaultChannelRole:
            return optionalValue(package.defaultChannel);
        case MinVersionRole:
            return optionalValue(package.minVersion);
        case MaxVersionRole:
            return optionalValue(package.maxVersion);
        }
        return {};
    }
    case NodeKind::PackageChannel: {
        const OperatorChannel &channel = packageChannelOf(c, node);
        switch (role) {
        case NameRole:
            return channel.name;
        case MinVersionRole:
            return optionalValue(channel.minVersion);
        case MaxVersionRole:
            return optionalValue(channel.maxVersion);
        }
        return {};
    }
    case NodeKind::AdditionalImage: {
        const AdditionalImage &image = c.additionalImages[rowIn(node)];
        switch (role) {
        case NameRole:
            return image.name;
        case TargetRepoRole:
            return optionalValue(image.targetRepo);
        case TargetTagRole:
            return optionalValue(image.targetTag);
        }
        return {};
    }
    case NodeKind::BlockedImage:
        return role == NameRole ? QVariant(c.blockedImages[rowIn(node)].name) : QVariant();
    case NodeKind::HelmRepository: {
        const HelmRepository &repository = helmRepositoryOf(c, node);
        switch (role) {
        case NameRole:
            return repository.name;
        case UrlRole:
            return repository.url;
        }
        return {};
    }
    case NodeKind::HelmChart:
    case NodeKind::HelmLocalChart: {
        const HelmChart &chart = node->kind == NodeKind::HelmChart ? helmChartOf(c, node) : helmLocalChartOf(c, node);
        switch (role) {
        case NameRole:
            return chart.name;
        case VersionRole:
            return optionalValue(chart.version);
        case ChartPathRole:
            return optionalValue(chart.path);
        case ImagePathsRole:
            return chart.imagePaths.isEmpty() ? QVariant() : QVariant(chart.imagePaths);
        }
        return {};
    }
    default:
        return {};
    }
}

bool ConfigTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return false;
    }
    if (role == Qt::EditRole) {
        if (index.column() != NameColumn) {
            return false;
        }
        role = NameRole;
    }
    if (role < NameRole) {
        return false;
    }
    Node *node = nodeFromIndex(index);
    bool known = false;
    const QList<FieldInfo> infos = fields(node->kind);
    for (const FieldInfo &info : infos) {
        known = known || info.role == role;
    }
    if (!known) {
        return false;
    }
    if (setFieldValue(node, role, value)) {
        dropEmptyOptionalBlocks();
        emit dataChanged(indexFromNode(node, NameColumn), indexFromNode(node, DetailColumn),
                         {role, Qt::DisplayRole, Qt::EditRole});
        emit contentChanged();
    }
    return true;
}

bool ConfigTreeModel::setFieldValue(Node *node, int role, const QVariant &value)
{
    ImageSetContent &c = content();
    switch (node->kind) {
    case NodeKind::Platform: {
        if (!c.platform) {
            c.platform.emplace();
        }
        PlatformConfig &platform = *c.platform;
        switch (role) {
        case ArchitecturesRole:
            return assign(platform.architectures, value);
        case GraphRole:
            return assign(platform.graph, value);
        case KubeVirtContainerRole:
            return assign(platform.kubeVirtContainer, value);
        case ReleaseRole:
            return assign(platform.release, value);
        }
        return false;
    }
    case NodeKind::ReleaseChannel: {
        ReleaseChannel &channel = releaseChannelOf(c, node);
        switch (role) {
        case NameRole:
            return assign(channel.name, value);
        case TypeRole:
            return assign(channel.type, value);
        case MinVersionRole:
            return assign(channel.minVersion, value);
        case MaxVersionRole:
            return assign(channel.maxVersion, value);
        case ShortestPathRole:
            return assign(channel.shortestPath, value);
        case FullRole:
            return assign(channel.full, value);
        }
        return false;
    }
    case NodeKind::Catalog: {
        OperatorCatalog &catalog = catalogOf(c, node);
        switch (role) {
        case NameRole:
            return assign(catalog.catalog, value);
        case TargetCatalogRole:
            return assign(catalog.targetCatalog, value);
        case TargetTagRole:
            return assign(catalog.targetTag, value);
        case FullRole:
            return assign(catalog.full, value);
        case SkipDependenciesRole:
            return assign(catalog.skipDependencies, value);
        case TargetCatalogSourceTemplateRole:
            return assign(catalog.targetCatalogSourceTemplate, value);
        }
        return false;
    }
    case NodeKind::Package: {
        OperatorPackage &package = packageOf(c, node);
        switch (role) {
        case NameRole:
            return assign(package.name, value);
        case DefaultChannelRole:
            return assign(package.defaultChannel, value);
        case MinVersionRole:
            return assign(package.minVersion, value);
        case MaxVersionRole:
            return assign(package.maxVersion, value);
        }
        return false;
    }
    case NodeKind::PackageChannel: {
        OperatorChannel &channel = packageChannelOf(c, node);
        switch (role) {
        case NameRole:
            return assign(channel.name, value);
        case MinVersionRole:
            return assign(channel.minVersion, value);
        case MaxVersionRole:
            return assign(channel.maxVersion, value);
        }
        return false;
    }
    case NodeKind::AdditionalImage: {
        AdditionalImage &image = c.additionalImages[rowIn(node)];
        switch (role) {
        case NameRole:
            return assign(image.name, value);
        case TargetRepoRole:
            return assign(image.targetRepo, value);
        case TargetTagRole:
            return assign(image.targetTag, value);
        }
        return false;
    }
    case NodeKind::BlockedImage:
        return role == NameRole && assign(c.blockedImages[rowIn(node)].name, value);
    case NodeKind::HelmRepository: {
        HelmRepository &repository = helmRepositoryOf(c, node);
        switch (role) {
        case NameRole:
            return assign(repository.name, value);
        case UrlRole:
            return assign(repository.url, value);
        }
        return false;
    }
    case NodeKind::HelmChart:
    case NodeKind::HelmLocalChart: {
        HelmChart &chart = node->kind == NodeKind::HelmChart ? helmChartOf(c, node) : helmLocalChartOf(c, node);
        switch (role) {
        case NameRole:
            return assign(chart.name, value);
        case VersionRole:
            return assign(chart.version, value);
        case ChartPathRole:
            return assign(chart.path, value);
        case ImagePathsRole:
            return assign(chart.imagePaths, value);
        }
        return false;
    }
    default:
        return false;
    }
}

void ConfigTreeModel::dropEmptyOptionalBlocks()
{
    // An emptied block would be written as `platform: {}`; oc-mirror's own files leave it out.
    ImageSetContent &c = content();
    if (c.platform && c.platform->isEmpty()) {
        c.platform.reset();
    }
    if (c.helm && c.helm->isEmpty()) {
        c.helm.reset();
    }
}

Qt::ItemFlags ConfigTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == NameColumn && canRemove(index)) {
        result |= Qt::ItemIsEditable;
    }
    return result;
}

QVariant ConfigTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn:
        return tr("Item");
    case DetailColumn:
        return tr("Details");
    default:
        return {};
    }
}

QHash<int, QByteArray> ConfigTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(FieldPathRole, "fieldPath");
    names.insert(HasIssueRole, "hasIssue");
    names.insert(NameRole, "name");
    names.insert(TypeRole, "type");
    names.insert(MinVersionRole, "minVersion");
    names.insert(MaxVersionRole, "maxVersion");
    names.insert(ShortestPathRole, "shortestPath");
    names.insert(FullRole, "full");
    names.insert(ArchitecturesRole, "architectures");
    names.insert(GraphRole, "graph");
    names.insert(KubeVirtContainerRole, "kubeVirtContainer");
    names.insert(ReleaseRole, "release");
    names.insert(TargetCatalogRole, "targetCatalog");
    names.insert(TargetTagRole, "targetTag");
    names.insert(SkipDependenciesRole, "skipDependencies");
    names.insert(TargetCatalogSourceTemplateRole, "targetCatalogSourceTemplate");
    names.insert(DefaultChannelRole, "defaultChannel");
    names.insert(TargetRepoRole, "targetRepo");
    names.insert(UrlRole, "url");
    names.insert(VersionRole, "version");
    names.insert(ChartPathRole, "path");
    names.insert(ImagePathsRole, "imagePaths");
    return names;
}

QList<ConfigTreeModel::FieldInfo> ConfigTreeModel::fields(NodeKind kind)
{
    const auto text = [](int role, const char *key, const QString &label, const QString &placeholder = {}) {
        return FieldInfo{role, QString::fromLatin1(key), label, FieldType::Text, {}, placeholder};
    };
    const auto flag = [](int role, const char *key, const QString &label) {
        return FieldInfo{role, QString::fromLatin1(key), label, FieldType::Boolean, {}, {}};
    };
    const FieldInfo minVersion = text(MinVersionRole, "minVersion", tr("Minimum version:"), tr("e.g. 4.18.1"));
    const FieldInfo maxVersion = text(MaxVersionRole, "maxVersion", tr("Maximum version:"), tr("e.g. 4.18.5"));
    switch (kind) {
    case NodeKind::Platform:
        return {
            FieldInfo{ArchitecturesRole,
                      QStringLiteral("architectures"),
                      tr("Architectures:"),
                      FieldType::StringList,
                      {},
                      tr("amd64 (default); comma-separated: amd64, arm64, ppc64le, s390x, multi")},
            flag(GraphRole, "graph", tr("Update graph image:")),
            flag(KubeVirtContainerRole, "kubeVirtContainer", tr("KubeVirt container:")),
            text(ReleaseRole, "release", tr("Single release:"), tr("a release payload; channels are then ignored")),
        };
    case NodeKind::ReleaseChannel:
        return {
            text(NameRole, "name", tr("Channel:"), tr("e.g. stable-4.18")),
            FieldInfo{TypeRole,
                      QStringLiteral("type"),
                      tr("Type:"),
                      FieldType::Choice,
                      {QStringLiteral("ocp"), QStringLiteral("okd")},
                      {}},
            minVersion,
            maxVersion,
            flag(ShortestPathRole, "shortestPath", tr("Shortest upgrade path:")),
            flag(FullRole, "full", tr("Every version:")),
        };
    case NodeKind::Catalog:
        return {
            text(NameRole, "catalog", tr("Catalog image:"), tr("registry/namespace/index:tag or oci:///path")),
            text(TargetCatalogRole, "targetCatalog", tr("Target catalog:"), tr("namespace/name, no tag")),
            text(TargetTagRole, "targetTag", tr("Target tag:")),
            flag(FullRole, "full", tr("Entire catalog:")),
            flag(SkipDependenciesRole, "skipDependencies", tr("Skip dependencies:")),
            text(TargetCatalogSourceTemplateRole, "targetCatalogSourceTemplate", tr("CatalogSource template:"),
                 tr("path to a CatalogSource YAML")),
        };
    case NodeKind::Package:
        return {
            text(NameRole, "name", tr("Package:")),
            text(DefaultChannelRole, "defaultChannel", tr("Default channel:")),
            minVersion,
            maxVersion,
        };
    case NodeKind::PackageChannel:
        return {text(NameRole, "name", tr("Channel:")), minVersion, maxVersion};
    case NodeKind::AdditionalImage:
        return {
            text(NameRole, "name", tr("Image:"), tr("registry/namespace/name:tag or @sha256:…")),
            text(TargetRepoRole, "targetRepo", tr("Target repository:")),
            text(TargetTagRole, "targetTag", tr("Target tag:")),
        };
    case NodeKind::BlockedImage:
        return {text(NameRole, "name", tr("Pattern:"), tr("regular expression, e.g. .*/sample-.*"))};
    case NodeKind::HelmRepository:
        return {text(NameRole, "name", tr("Repository:")), text(UrlRole, "url", tr("URL:"), tr("https://…"))};
    case NodeKind::HelmChart:
        return {
            text(NameRole, "name", tr("Chart:")),
            text(VersionRole, "version", tr("Version:")),
            FieldInfo{ImagePathsRole,
                      QStringLiteral("imagePaths"),
                      tr("Image paths:"),
                      FieldType::StringList,
                      {},
                      tr("extra JSONPath expressions, comma-separated")},
        };
    case NodeKind::HelmLocalChart:
        return {
            text(NameRole, "name", tr("Chart:")),
            text(ChartPathRole, "path", tr("Path:"), tr("folder or archive of the chart")),
            FieldInfo{ImagePathsRole,
                      QStringLiteral("imagePaths"),
                      tr("Image paths:"),
                      FieldType::StringList,
                      {},
                      tr("extra JSONPath expressions, comma-separated")},
        };
    default:
        return {};
    }
}

QString ConfigTreeModel::kindName(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Root:
        return tr("Configuration");
    case NodeKind::Platform:
        return tr("Platform");
    case NodeKind::ReleaseChannel:
        return tr("Release channel");
    case NodeKind::Operators:
        return tr("Operators");
    case NodeKind::Catalog:
        return tr("Operator catalog");
    case NodeKind::Package:
        return tr("Operator package");
    case NodeKind::PackageChannel:
        return tr("Package channel");
    case NodeKind::AdditionalImages:
        return tr("Additional images");
    case NodeKind::AdditionalImage:
        return tr("Additional image");
    case NodeKind::BlockedImages:
        return tr("Blocked images");
    case NodeKind::BlockedImage:
        return tr("Blocked image");
    case NodeKind::Helm:
        return tr("Helm");
    case NodeKind::HelmRepository:
        return tr("Helm repository");
    case NodeKind::HelmChart:
        return tr("Helm chart");
    case NodeKind::HelmLocalChart:
        return tr("Local Helm chart");
    }
    return {};
}

QString ConfigTreeModel::kindDescription(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Platform:
        return tr("OpenShift or OKD release payloads, chosen by channel and version range.");
    case NodeKind::ReleaseChannel:
        return tr("Without a range only the latest version is taken; with only a maximum the range starts at the "
                  "oldest version of the channel.");
    case NodeKind::Operators:
        return tr("Operator catalogs and the packages to take from them.");
    case NodeKind::Catalog:
        return tr("Without packages every package is kept with its channel heads, or the whole catalog when "
                  "\"Entire catalog\" is checked.");
    case NodeKind::Package:
        return tr("Give a version range here or on the channels, never on both.");
    case NodeKind::PackageChannel:
        return tr("Without a range only the channel head is taken.");
    case NodeKind::AdditionalImages:
        return tr("Any other images to mirror; each needs a tag or a digest.");
    case NodeKind::AdditionalImage:
        return tr("A tag or a digest is required.");
    case NodeKind::BlockedImages:
        return tr("Images whose reference matches one of these regular expressions are never mirrored.");
    case NodeKind::BlockedImage:
        return tr("Matched anywhere in the source and destination references.");
    case NodeKind::Helm:
        return tr("Helm charts from repositories or local folders, and the images they use.");
    case NodeKind::HelmRepository:
        return tr("A chart repository and the charts to take from it.");
    case NodeKind::HelmChart:
    case NodeKind::HelmLocalChart:
        return tr("Images are found in the rendered templates; image paths add more places to look.");
    case NodeKind::Root:
        break;
    }
    return {};
}

ConfigTreeModel::NodeKind ConfigTreeModel::childKind(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Platform:
        return NodeKind::ReleaseChannel;
    case NodeKind::Operators:
        return NodeKind::Catalog;
    case NodeKind::Catalog:
        return NodeKind::Package;
    case NodeKind::Package:
        return NodeKind::PackageChannel;
    case NodeKind::AdditionalImages:
        return NodeKind::AdditionalImage;
    case NodeKind::BlockedImages:
        return NodeKind::BlockedImage;
    case NodeKind::Helm:
        return NodeKind::HelmRepository;
    case NodeKind::HelmRepository:
        return NodeKind::HelmChart;
    default:
        return NodeKind::Root;
    }
}

bool ConfigTreeModel::canAddChild(const QModelIndex &parent) const
{
    return parent.isValid() && childKind(kind(parent)) != NodeKind::Root;
}

bool ConfigTreeModel::canRemove(const QModelIndex &index) const
{
    // Groups are fixed; everything below them can go.
    return index.isValid() && nodeFromIndex(index)->parent != m_root.get();
}

QModelIndex ConfigTreeModel::addChild(const QModelIndex &parent, const QString &name)
{
    const auto named = [&name](const char *placeholder) {
        return name.isEmpty() ? QString::fromLatin1(placeholder) : name;
    };
    switch (kind(parent)) {
    case NodeKind::Platform:
        return addReleaseChannel(named("stable-4.18"));
    case NodeKind::Operators:
        return addCatalog(named("registry.redhat.io/redhat/redhat-operator-index:v4.18"));
    case NodeKind::Catalog:
        return addPackage(parent, named("package-name"));
    case NodeKind::Package:
        return addPackageChannel(parent, named("stable"));
    case NodeKind::AdditionalImages:
        return addAdditionalImage(named("registry.example.com/namespace/image:latest"));
    case NodeKind::BlockedImages:
        return addBlockedImage(named(".*/unwanted-.*"));
    case NodeKind::Helm:
        return addHelmRepository(named("repository"), QStringLiteral("https://charts.example.com"));
    case NodeKind::HelmRepository:
        return addHelmChart(parent, named("chart"));
    default:
        return {};
    }
}

QModelIndex ConfigTreeModel::insertChild(Node *parent, int row, NodeKind childKind)
{
    beginInsertRows(indexFromNode(parent), row, row);
    ImageSetContent &c = content();
    switch (childKind) {
    case NodeKind::ReleaseChannel:
        if (!c.platform) {
            c.platform.emplace();
        }
        c.platform->channels.insert(row, ReleaseChannel());
        break;
    case NodeKind::Catalog:
        c.operators.insert(row, OperatorCatalog());
        break;
    case NodeKind::Package:
        catalogOf(c, parent).packages.insert(row, OperatorPackage());
        break;
    case NodeKind::PackageChannel:
        packageOf(c, parent).channels.insert(row, OperatorChannel());
        break;
    case NodeKind::AdditionalImage:
        c.additionalImages.insert(row, AdditionalImage());
        break;
    case NodeKind::BlockedImage:
        c.blockedImages.insert(row, BlockedImage());
        break;
    case NodeKind::HelmRepository:
        if (!c.helm) {
            c.helm.emplace();
        }
        c.helm->repositories.insert(row, HelmRepository());
        break;
    case NodeKind::HelmChart:
        helmRepositoryOf(c, parent).charts.insert(row, HelmChart());
        break;
    case NodeKind::HelmLocalChart:
        if (!c.helm) {
            c.helm.emplace();
        }
        c.helm->local.insert(row - c.helm->repositories.size(), HelmChart());
        break;
    default:
        Q_UNREACHABLE();
    }
    Node *node = parent->insertChild(childKind, row);
    endInsertRows();
    // The parents' summaries count their children.
    for (Node *ancestor = parent; ancestor && ancestor != m_root.get(); ancestor = ancestor->parent) {
        const QModelIndex detail = indexFromNode(ancestor, DetailColumn);
        emit dataChanged(detail, detail, {Qt::DisplayRole});
    }
    return indexFromNode(node);
}

QModelIndex ConfigTreeModel::addReleaseChannel(const QString &name)
{
    Node *group = nodeFromIndex(groupIndex(NodeKind::Platform));
    const QModelIndex added = insertChild(group, int(group->children.size()), NodeKind::ReleaseChannel);
    releaseChannelOf(content(), nodeFromIndex(added)).name = name;
    emit contentChanged();
    return added;
}

QModelIndex ConfigTreeModel::addCatalog(const QString &catalog)
{
    Node *group = nodeFromIndex(groupIndex(NodeKind::Operators));
    const QModelIndex added = insertChild(group, int(group->children.size()), NodeKind::Catalog);
    catalogOf(content(), nodeFromIndex(added)).catalog = catalog;
    emit contentChanged();
    return added;
}

QModelIndex ConfigTreeModel::addPackage(const QModelIndex &catalog, const QString &name)
{
    if (kind(catalog) != NodeKind::Catalog) {
        return {};
    }
    Node *parent = nodeFromIndex(catalog);
    const QModelIndex added = insertChild(parent, int(parent->children.size()), NodeKind::Package);
    packageOf(content(), nodeFromIndex(added)).name = name;
    emit contentChanged();
    return added;
}

QModelIndex ConfigTreeModel::addPackageChannel(const QModelIndex &package, const QString &name)
{
    if (kind(package) != NodeKind::Package) {
        return {};
    }
    Node *parent = nodeFromIndex(package);
    const QModelIndex added = insertChild(parent, int(parent->children.size()), NodeKind::PackageChannel);
    packageChannelOf(content(), nodeFromIndex(added)).name = name;
    emit contentChanged();
    return added;
}

QModelIndex ConfigTreeModel::addAdditionalImage(const QString &name)
{
    Node *group = nodeFromIndex(groupIndex(NodeKind::AdditionalImages));
    const QModelIndex added = insertChild(group, int(group->children.size()), NodeKind::AdditionalImage);
    content().additionalImages[added.row()].name = name;
    emit contentChanged();
    return added;
}

QModelIndex ConfigTreeModel::addBlockedImage(const QString &name)
{
    const QModelIndex groupAt = groupIndex(NodeKind::BlockedImages);
    if (!groupAt.isValid()) {
        return {}; // a DeleteImageSetConfiguration has none
    }
    Node *group = nodeFromIndex(groupAt);
    const QModelIndex added = insertChild(group, int(group->children.size()), NodeKind::BlockedImage);
    content().blockedImages[added.row()].name = name;
    emit contentChanged();
    return added;
}

QModelIndex ConfigTreeModel::addHelmRepository(const QString &name, const QString &url)
{
    Node *group = nodeFromIndex(groupIndex(NodeKind::Helm));
    const int row = content().helm ? int(content().helm->repositories.size()) : 0;
    const QModelIndex added = insertChild(group, row, NodeKind::HelmRepository);
    HelmRepository &repository = helmRepositoryOf(content(), nodeFromIndex(added));
    repository.name = name;
    repository.url = url;
    emit contentChanged();
    return added;
}

QModelIndex ConfigTreeModel::addHelmChart(const QModelIndex &repository, const QString &name)
{
    if (kind(repository) != NodeKind::HelmRepository) {
        return {};
    }
    Node *parent = nodeFromIndex(repository);
    const QModelIndex added = insertChild(parent, int(parent->children.size()), NodeKind::HelmChart);
    helmChartOf(content(), nodeFromIndex(added)).name = name;
    emit contentChanged();
    return added;
}

QModelIndex ConfigTreeModel::addHelmLocalChart(const QString &name, const QString &path)
{
    Node *group = nodeFromIndex(groupIndex(NodeKind::Helm));
    const QModelIndex added = insertChild(group, int(group->children.size()), NodeKind::HelmLocalChart);
    HelmChart &chart = helmLocalChartOf(content(), nodeFromIndex(added));
    chart.name = name;
    chart.path = path;
    emit contentChanged();
    return added;
}

bool ConfigTreeModel::removeItem(const QModelIndex &index)
{
    return canRemove(index) && removeRows(index.row(), 1, index.parent());
}

bool ConfigTreeModel::removeRows(int row, int count, const QModelIndex &parent)
{
    Node *parentNode = nodeFromIndex(parent);
    if (count <= 0 || row < 0 || row + count > int(parentNode->children.size()) || parentNode == m_root.get()) {
        return false;
    }
    beginRemoveRows(parent, row, row + count - 1);
    ImageSetContent &c = content();
    // From the last row down, so the rows still to remove keep their positions in the configuration lists.
    for (int r = row + count - 1; r >= row; --r) {
        const Node *child = parentNode->children[size_t(r)].get();
        switch (child->kind) {
        case NodeKind::ReleaseChannel:
            c.platform->channels.removeAt(r);
            break;
        case NodeKind::Catalog:
            c.operators.removeAt(r);
            break;
        case NodeKind::Package:
            catalogOf(c, parentNode).packages.removeAt(r);
            break;
        case NodeKind::PackageChannel:
            packageOf(c, parentNode).channels.removeAt(r);
            break;
        case NodeKind::AdditionalImage:
            c.additionalImages.removeAt(r);
            break;
        case NodeKind::BlockedImage:
            c.blockedImages.removeAt(r);
            break;
        case NodeKind::HelmRepository:
            c.helm->repositories.removeAt(r);
            break;
        case NodeKind::HelmChart:
            helmRepositoryOf(c, parentNode).charts.removeAt(r);
            break;
        case NodeKind::HelmLocalChart:
            c.helm->local.removeAt(r - c.helm->repositories.size());
            break;
        default:
            Q_UNREACHABLE();
        }
        parentNode->children.erase(parentNode->children.begin() + r);
    }
    dropEmptyOptionalBlocks();
    endRemoveRows();
    for (Node *ancestor = parentNode; ancestor && ancestor != m_root.get(); ancestor = ancestor->parent) {
        const QModelIndex detail = indexFromNode(ancestor, DetailColumn);
        emit dataChanged(detail, detail, {Qt::DisplayRole});
    }
    emit contentChanged();
    return true;
}

void ConfigTreeModel::setIssuePaths(const QStringList &paths)
{
    if (paths == m_issuePaths) {
        return;
    }
    m_issuePaths = paths;
    // Colours only; one signal per level keeps it cheap for the sizes configurations have.
    std::function<void(const Node *)> refresh = [&](const Node *node) {
        if (!node->children.empty()) {
            const QModelIndex parentIndex = indexFromNode(node);
            emit dataChanged(index(0, 0, parentIndex),
                             index(int(node->children.size()) - 1, ColumnCount - 1, parentIndex),
                             {Qt::ForegroundRole, Qt::ToolTipRole, HasIssueRole});
            for (const auto &child : node->children) {
                refresh(child.get());
            }
        }
    };
    refresh(m_root.get());
}

bool ConfigTreeModel::hasIssue(const QString &path) const
{
    if (path.isEmpty()) {
        return false;
    }
    for (const QString &issue : m_issuePaths) {
        if (issue.startsWith(path)) {
            const QChar next = issue.size() > path.size() ? issue.at(path.size()) : QChar();
            if (next.isNull() || next == QLatin1Char('.') || next == QLatin1Char('[')) {
                return true;
            }
        }
    }
    return false;
}
