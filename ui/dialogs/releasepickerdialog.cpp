#include "releasepickerdialog.h"

#include "models/configtreemodel.h"
#include "models/releasegraphmodel.h"
#include "widgets/releasegraphview.h"
#include "workspace/workingdirectory.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStringListModel>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace {

const auto UpdateUrlVariable = "UPDATE_URL_OVERRIDE";

CincinnatiClient::Result readGraphFile(const QString &path, const QString &channel, const QString &architecture)
{
    CincinnatiClient::Result result;
    result.channel = channel;
    result.architecture = architecture;
    result.url = QUrl::fromLocalFile(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.errorKind = CincinnatiClient::ErrorKind::NoGraphData;
        result.error = QStringLiteral("cannot read \"%1\": %2").arg(path, file.errorString());
        return result;
    }
    result.document = file.readAll();
    QString error;
    const auto graph = UpdateGraph::parse(result.document, path, &error);
    if (!graph) {
        result.errorKind = CincinnatiClient::ErrorKind::InvalidGraph;
        result.error = error;
        return result;
    }
    result.graph = *graph;
    result.storedPath = path;
    return result;
}

std::optional<SemanticVersion> versionOf(const QLineEdit *edit, bool *valid)
{
    const QString text = edit->text().trimmed();
    *valid = true;
    if (text.isEmpty()) {
        return std::nullopt;
    }
    const auto version = SemanticVersion::parseTolerant(text);
    *valid = version.has_value();
    return version;
}

} // namespace

ReleasePickerDialog::ReleasePickerDialog(ConfigTreeModel *model, const QModelIndex &channel, QWidget *parent,
                                         const QProcessEnvironment &environment)
    : QDialog(parent)
    , m_configModel(model)
    , m_channelIndex(channel.siblingAtColumn(0))
    , m_environment(environment)
{
    setWindowTitle(tr("Pick Releases on the Upgrade Graph"));
    m_graphModel = new ReleaseGraphModel(this);
    createWidgets();
    readChannel();
    onSourceChanged();
    updateFilter();
    resize(1280, 860);
}

ReleasePickerDialog::~ReleasePickerDialog() = default;

void ReleasePickerDialog::createWidgets()
{
    // Where the graph comes from.
    m_sourceCombo = new QComboBox(this);
    m_sourceCombo->addItem(tr("Update service"), int(GraphSource::UpdateService));
    m_sourceCombo->addItem(tr("Working directory (stored graphs)"), int(GraphSource::WorkingDirectory));
    m_sourceCombo->addItem(tr("Graph file (Cincinnati JSON)"), int(GraphSource::File));
    m_sourceCombo->setObjectName(QStringLiteral("graphSource"));
    m_locationEdit = new QLineEdit(this);
    m_locationEdit->setObjectName(QStringLiteral("graphLocation"));
    m_locationEdit->setClearButtonEnabled(true);
    m_browseButton = new QToolButton(this);
    m_browseButton->setText(tr("Browse…"));
    connect(m_sourceCombo, &QComboBox::activated, this, [this] {
        m_locationEdit->clear();
        onSourceChanged();
    });
    connect(m_browseButton, &QToolButton::clicked, this, &ReleasePickerDialog::browse);
    connect(m_locationEdit, &QLineEdit::editingFinished, this, &ReleasePickerDialog::refreshKnownChannels);

    m_channelCombo = new QComboBox(this);
    m_channelCombo->setEditable(true);
    m_channelCombo->setInsertPolicy(QComboBox::NoInsert);
    m_channelCombo->setCompleter(nullptr);
    m_channelCombo->setMinimumContentsLength(16);
    m_channelCombo->setObjectName(QStringLiteral("channel"));
    m_architectureCombo = new QComboBox(this);
    m_architectureCombo->addItems(CincinnatiClient::supportedArchitectures());
    m_architectureCombo->setObjectName(QStringLiteral("architecture"));
    m_loadButton = new QPushButton(tr("&Load Graph"), this);
    m_loadButton->setObjectName(QStringLiteral("loadGraph"));
    m_loadButton->setAutoDefault(false);
    connect(m_loadButton, &QPushButton::clicked, this, &ReleasePickerDialog::loadGraph);
    connect(m_channelCombo, &QComboBox::currentTextChanged, this, &ReleasePickerDialog::updateStatusHint);
    connect(m_channelCombo->lineEdit(), &QLineEdit::returnPressed, this, &ReleasePickerDialog::loadGraph);
    connect(m_locationEdit, &QLineEdit::returnPressed, this, &ReleasePickerDialog::loadGraph);
    connect(m_architectureCombo, &QComboBox::currentTextChanged, this, [this] {
        refreshKnownChannels();
        updateStatusHint();
    });

    m_statusLabel = new QLabel(this);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setObjectName(QStringLiteral("status"));

    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_sourceCombo);
    sourceRow->addWidget(m_locationEdit, 1);
    sourceRow->addWidget(m_browseButton);
    auto *channelRow = new QHBoxLayout;
    channelRow->addWidget(m_channelCombo, 1);
    auto *architectureLabel = new QLabel(tr("&Architecture:"), this);
    architectureLabel->setBuddy(m_architectureCombo);
    channelRow->addWidget(architectureLabel);
    channelRow->addWidget(m_architectureCombo);
    channelRow->addWidget(m_loadButton);
    auto *sourceForm = new QFormLayout;
    sourceForm->addRow(tr("Graph s&ource:"), sourceRow);
    sourceForm->addRow(tr("&Channel:"), channelRow);
    sourceForm->addRow(QString(), m_statusLabel);
    if (auto *label = qobject_cast<QLabel *>(sourceForm->labelForField(sourceRow))) {
        label->setBuddy(m_sourceCombo);
    }
    if (auto *label = qobject_cast<QLabel *>(sourceForm->labelForField(channelRow))) {
        label->setBuddy(m_channelCombo);
    }

    // The graph.
    m_view = new ReleaseGraphView(this);
    m_view->setModel(m_graphModel);
    m_viewScroll = new QScrollArea(this);
    m_viewScroll->setWidget(m_view);
    m_viewScroll->setWidgetResizable(true);
    m_viewScroll->setMinimumHeight(200);
    connect(m_view, &ReleaseGraphView::minimumRequested, this, &ReleasePickerDialog::setMinimumVersion);
    connect(m_view, &ReleaseGraphView::maximumRequested, this, &ReleasePickerDialog::setMaximumVersion);
    connect(m_view, &ReleaseGraphView::clearMinimumRequested, this, [this] { setMinimumVersion(QString()); });
    connect(m_view, &ReleaseGraphView::clearMaximumRequested, this, [this] { setMaximumVersion(QString()); });
    connect(m_view, &ReleaseGraphView::currentVersionChanged, this, &ReleasePickerDialog::syncTableToView);

    // Every version as a table: the keyboard way to pick.
    m_table = new QTableView(this);
    m_table->setModel(m_graphModel);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnHidden(ReleaseGraphModel::ReasonColumn, true);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setObjectName(QStringLiteral("versions"));
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const QString version = m_graphModel->data(current, ReleaseGraphModel::VersionRole).toString();
                const QSignalBlocker blocker(m_view);
                m_view->setCurrentVersion(version);
                const QPointF centre = m_view->nodeCenter(version);
                if (!centre.isNull()) {
                    m_viewScroll->ensureVisible(int(centre.x()), int(centre.y()), 80, 60);
                }
            });
    connect(m_table, &QTableView::customContextMenuRequested, this, [this](const QPoint &position) {
        const QModelIndex index = m_table->indexAt(position);
        if (!index.isValid()) {
            return;
        }
        m_table->setCurrentIndex(index);
        QMenu menu(this);
        menu.addAction(tr("Use as &Minimum Version"), this, [this] { useCurrentRowAs(false); });
        menu.addAction(tr("Use as Ma&ximum Version"), this, [this] { useCurrentRowAs(true); });
        menu.exec(m_table->viewport()->mapToGlobal(position));
    });
    m_useMinButton = new QPushButton(tr("Use as M&inimum"), this);
    m_useMinButton->setAutoDefault(false);
    m_useMaxButton = new QPushButton(tr("Use as Ma&ximum"), this);
    m_useMaxButton->setAutoDefault(false);
    m_useMinButton->setObjectName(QStringLiteral("useAsMinimum"));
    m_useMaxButton->setObjectName(QStringLiteral("useAsMaximum"));
    connect(m_useMinButton, &QPushButton::clicked, this, [this] { useCurrentRowAs(false); });
    connect(m_useMaxButton, &QPushButton::clicked, this, [this] { useCurrentRowAs(true); });
    auto *tablePane = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tablePane);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    auto *tableTitle = new QLabel(tr("<b>Versions in the channel</b>"), tablePane);
    tableLayout->addWidget(tableTitle);
    tableLayout->addWidget(m_table, 1);
    auto *tableButtons = new QHBoxLayout;
    tableButtons->addWidget(m_useMinButton);
    tableButtons->addWidget(m_useMaxButton);
    tableButtons->addStretch(1);
    tableLayout->addLayout(tableButtons);

    // The filter and its outcome.
    m_minEdit = new QLineEdit(this);
    m_minEdit->setObjectName(QStringLiteral("minVersion"));
    m_minEdit->setPlaceholderText(tr("not set"));
    m_minEdit->setClearButtonEnabled(true);
    m_maxEdit = new QLineEdit(this);
    m_maxEdit->setObjectName(QStringLiteral("maxVersion"));
    m_maxEdit->setPlaceholderText(tr("not set"));
    m_maxEdit->setClearButtonEnabled(true);
    auto *completions = new QStringListModel(this);
    for (QLineEdit *edit : {m_minEdit, m_maxEdit}) {
        auto *completer = new QCompleter(completions, edit);
        completer->setCompletionMode(QCompleter::PopupCompletion);
        edit->setCompleter(completer);
        connect(edit, &QLineEdit::textChanged, this, &ReleasePickerDialog::updateFilter);
    }
    connect(m_graphModel, &QAbstractItemModel::modelReset, this, [this, completions] {
        QStringList versions;
        for (int row = m_graphModel->rowCount() - 1; row >= 0; --row) {
            versions.append(m_graphModel->data(m_graphModel->index(row, 0), ReleaseGraphModel::VersionRole).toString());
        }
        completions->setStringList(versions);
    });
    m_shortestPathCheck = new QCheckBox(tr("&Shortest upgrade path only"), this);
    m_shortestPathCheck->setObjectName(QStringLiteral("shortestPath"));
    m_shortestPathCheck->setToolTip(
        tr("Mirror only the releases on the shortest update path from the minimum to the maximum version"));
    m_fullCheck = new QCheckBox(tr("&Full: every release of the channel"), this);
    m_fullCheck->setObjectName(QStringLiteral("full"));
    m_fullCheck->setToolTip(tr("Without minimum and maximum version: every release instead of the channel head"));
    connect(m_shortestPathCheck, &QCheckBox::toggled, this, &ReleasePickerDialog::updateFilter);
    connect(m_fullCheck, &QCheckBox::toggled, this, &ReleasePickerDialog::updateFilter);

    auto *filterForm = new QFormLayout;
    filterForm->addRow(tr("Mi&nimum version:"), m_minEdit);
    filterForm->addRow(tr("Maxi&mum version:"), m_maxEdit);
    filterForm->addRow(QString(), m_shortestPathCheck);
    filterForm->addRow(QString(), m_fullCheck);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("count"));
    m_messagesLabel = new QLabel(this);
    m_messagesLabel->setWordWrap(true);
    m_messagesLabel->setObjectName(QStringLiteral("messages"));
    m_messagesLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_mirroredModel = new QSortFilterProxyModel(this);
    m_mirroredModel->setSourceModel(m_graphModel);
    m_mirroredModel->setFilterRole(ReleaseGraphModel::SelectedRole);
    m_mirroredModel->setFilterFixedString(QStringLiteral("true"));
    m_mirroredModel->setFilterKeyColumn(ReleaseGraphModel::VersionColumn);
    m_mirrored = new QTreeView(this);
    m_mirrored->setModel(m_mirroredModel);
    m_mirrored->setRootIsDecorated(false);
    m_mirrored->setUniformRowHeights(true);
    m_mirrored->setAlternatingRowColors(true);
    m_mirrored->setObjectName(QStringLiteral("mirrored"));
    for (int column = 0; column < ReleaseGraphModel::ColumnCount; ++column) {
        m_mirrored->setColumnHidden(column, column != ReleaseGraphModel::VersionColumn &&
                                                column != ReleaseGraphModel::ReasonColumn);
    }
    m_mirrored->setColumnWidth(ReleaseGraphModel::VersionColumn, 130);

    auto *filterPane = new QWidget(this);
    auto *filterLayout = new QVBoxLayout(filterPane);
    filterLayout->setContentsMargins(0, 0, 0, 0);
    filterLayout->addLayout(filterForm);
    filterLayout->addWidget(m_countLabel);
    filterLayout->addWidget(m_mirrored, 1);
    filterLayout->addWidget(m_messagesLabel);

    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(tablePane);
    bottom->addWidget(filterPane);
    bottom->setStretchFactor(0, 1);
    bottom->setStretchFactor(1, 1);
    auto *main = new QSplitter(Qt::Vertical, this);
    main->addWidget(m_viewScroll);
    main->addWidget(bottom);
    main->setStretchFactor(0, 3);
    main->setStretchFactor(1, 2);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ReleasePickerDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ReleasePickerDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(sourceForm);
    layout->addWidget(main, 1);
    layout->addWidget(m_buttons);
}

void ReleasePickerDialog::readChannel()
{
    if (!m_configModel || !m_channelIndex.isValid()) {
        return;
    }
    const auto value = [this](int role) { return m_configModel->data(m_channelIndex, role); };
    m_type = value(ConfigTreeModel::TypeRole).toString() == QLatin1String("okd") ? ReleaseChannelFilter::Type::Okd
                                                                                 : ReleaseChannelFilter::Type::Ocp;
    setChannelName(value(ConfigTreeModel::NameRole).toString());
    m_minEdit->setText(value(ConfigTreeModel::MinVersionRole).toString());
    m_maxEdit->setText(value(ConfigTreeModel::MaxVersionRole).toString());
    m_shortestPathCheck->setChecked(value(ConfigTreeModel::ShortestPathRole).toBool());
    m_fullCheck->setChecked(value(ConfigTreeModel::FullRole).toBool());

    // The architecture a run resolves first: `platforms` means multi-architecture payloads.
    QString architecture = QStringLiteral("amd64");
    const ImageSetContent content = m_configModel->configKind() == ConfigKind::DeleteImageSetConfiguration
                                        ? m_configModel->deleteImageSetConfiguration().deleteContent
                                        : m_configModel->imageSetConfiguration().mirror;
    if (content.platform) {
        const PlatformConfig &platform = *content.platform;
        if (!platform.platforms.isEmpty()) {
            architecture = QStringLiteral("multi");
        } else if (!platform.architectures.isEmpty()) {
            architecture = platform.architectures.first();
        }
    }
    setArchitecture(architecture);
}

void ReleasePickerDialog::setGraphSource(GraphSource source, const QString &location)
{
    m_sourceCombo->setCurrentIndex(m_sourceCombo->findData(int(source)));
    m_locationEdit->setText(location);
    onSourceChanged();
}

ReleasePickerDialog::GraphSource ReleasePickerDialog::graphSource() const
{
    return GraphSource(m_sourceCombo->currentData().toInt());
}

QString ReleasePickerDialog::graphLocation() const
{
    return m_locationEdit->text().trimmed();
}

QString ReleasePickerDialog::defaultUpdateUrl() const
{
    if (m_type == ReleaseChannelFilter::Type::Okd) {
        return QString::fromLatin1(CincinnatiClient::OkdUpdateUrl);
    }
    const QString override = m_environment.value(QLatin1String(UpdateUrlVariable)).trimmed();
    return override.isEmpty() ? QString::fromLatin1(CincinnatiClient::OcpUpdateUrl) : override;
}

void ReleasePickerDialog::onSourceChanged()
{
    const GraphSource source = graphSource();
    m_browseButton->setVisible(source != GraphSource::UpdateService);
    switch (source) {
    case GraphSource::UpdateService:
        if (m_locationEdit->text().isEmpty()) {
            m_locationEdit->setText(defaultUpdateUrl());
        }
        // OKD has one fixed service; UPDATE_URL_OVERRIDE applies to OCP channels only.
        m_locationEdit->setReadOnly(m_type == ReleaseChannelFilter::Type::Okd);
        m_locationEdit->setPlaceholderText(QString::fromLatin1(CincinnatiClient::OcpUpdateUrl));
        m_locationEdit->setToolTip(tr("The update service's graph endpoint. It defaults to UPDATE_URL_OVERRIDE, as "
                                      "for ferryctl, else to Red Hat's public service."));
        break;
    case GraphSource::WorkingDirectory:
        m_locationEdit->setReadOnly(false);
        m_locationEdit->setPlaceholderText(tr("the workspace or its working-dir"));
        m_locationEdit->setToolTip(tr("Graphs a mirror run stored under "
                                      "working-dir/hold-release/cincinnati-graph-data"));
        break;
    case GraphSource::File:
        m_locationEdit->setReadOnly(false);
        m_locationEdit->setPlaceholderText(tr("a graph document saved from the update service"));
        m_locationEdit->setToolTip(tr("A Cincinnati graph document (JSON) for this channel and architecture"));
        break;
    }
    refreshKnownChannels();
}

void ReleasePickerDialog::browse()
{
    QString path;
    if (graphSource() == GraphSource::WorkingDirectory) {
        path = QFileDialog::getExistingDirectory(this, tr("Workspace or working-dir"), graphLocation());
    } else {
        path = QFileDialog::getOpenFileName(this, tr("Update Graph Document"), graphLocation(),
                                            tr("JSON files (*.json);;All files (*)"));
    }
    if (!path.isEmpty()) {
        m_locationEdit->setText(path);
        refreshKnownChannels();
    }
}

void ReleasePickerDialog::setChannelName(const QString &name)
{
    m_channelCombo->setEditText(name);
}

QString ReleasePickerDialog::channelName() const
{
    return m_channelCombo->currentText().trimmed();
}

void ReleasePickerDialog::setArchitecture(const QString &architecture)
{
    int index = m_architectureCombo->findText(architecture);
    if (index < 0) {
        m_architectureCombo->addItem(architecture);
        index = m_architectureCombo->count() - 1;
    }
    m_architectureCombo->setCurrentIndex(index);
}

QString ReleasePickerDialog::architecture() const
{
    return m_architectureCombo->currentText();
}

QString ReleasePickerDialog::storedGraphDirectory() const
{
    if (graphSource() != GraphSource::WorkingDirectory || graphLocation().isEmpty()) {
        return {};
    }
    return WorkingDirectory::forWorkspace(graphLocation()).graphDataDir();
}

QStringList ReleasePickerDialog::knownChannels() const
{
    QStringList channels = m_graphChannels;
    const QString stored = storedGraphDirectory();
    if (!stored.isEmpty()) {
        const QString prefix = architecture() + QLatin1Char('-');
        const QStringList files = QDir(stored).entryList({prefix + QStringLiteral("*.json")}, QDir::Files);
        for (const QString &file : files) {
            channels.append(file.mid(prefix.size(), file.size() - prefix.size() - 5));
        }
    }
    channels.removeDuplicates();
    channels.sort();
    return channels;
}

void ReleasePickerDialog::refreshKnownChannels()
{
    const QString current = m_channelCombo->currentText();
    const QSignalBlocker blocker(m_channelCombo);
    m_channelCombo->clear();
    m_channelCombo->addItems(knownChannels());
    m_channelCombo->setEditText(current);
}

void ReleasePickerDialog::loadGraph()
{
    const quint64 generation = ++m_generation;
    const QString channel = channelName();
    const QString arch = architecture();
    const QString location = graphLocation();
    m_loading = true;
    m_loadError.clear();
    m_loadButton->setEnabled(false);
    m_statusLabel->setText(tr("Loading the update graph of %1 (%2)…").arg(channel, arch));

    QFuture<CincinnatiClient::Result> future;
    switch (graphSource()) {
    case GraphSource::UpdateService: {
        QProcessEnvironment environment = m_environment;
        if (m_type == ReleaseChannelFilter::Type::Ocp && !location.isEmpty()) {
            environment.insert(QLatin1String(UpdateUrlVariable), location);
        }
        // A new client per request: replacing the old one cancels a request still under way.
        m_client = std::make_unique<CincinnatiClient>(environment);
        future = m_client->fetchGraph(m_type, channel, arch);
        break;
    }
    case GraphSource::WorkingDirectory: {
        const QString root = WorkingDirectory::forWorkspace(location).root();
        future = QtConcurrent::run([root, arch, channel] { return CincinnatiClient::loadStored(root, arch, channel); });
        break;
    }
    case GraphSource::File:
        future = QtConcurrent::run([location, channel, arch] { return readGraphFile(location, channel, arch); });
        break;
    }
    // A future cancelled because a newer load replaced the client needs no answer: that load reports instead.
    // A source that answers at once would otherwise report from inside loadGraph(); callers get one order always.
    future.then(this, [this, generation](const CincinnatiClient::Result &result) {
        QMetaObject::invokeMethod(
            this, [this, generation, result] { finishLoad(generation, result); }, Qt::QueuedConnection);
    });
}

void ReleasePickerDialog::finishLoad(quint64 generation, const CincinnatiClient::Result &result)
{
    if (generation != m_generation) {
        return; // a newer load replaced this one
    }
    m_loading = false;
    m_loadButton->setEnabled(true);
    if (!result.isOk()) {
        QString error = result.error;
        if (graphSource() == GraphSource::UpdateService && m_type == ReleaseChannelFilter::Type::Ocp &&
            !m_environment.value(QLatin1String(UpdateUrlVariable)).trimmed().isEmpty()) {
            error += QLatin1Char('\n') + tr("The update service URL comes from UPDATE_URL_OVERRIDE.");
        }
        m_loadError = error;
        m_statusLabel->setText(QStringLiteral("<span style=\"color:#c0392b\">%1</span>")
                                   .arg((tr("Could not load the update graph: %1").arg(error)).toHtmlEscaped())
                                   .replace(QLatin1Char('\n'), QStringLiteral("<br>")));
        emit graphLoadFailed(error);
        return;
    }
    m_graphChannels.clear();
    for (const UpdateGraph::Node &node : result.graph.nodes()) {
        m_graphChannels.append(node.channels());
    }
    m_graphModel->setGraph(result.graph, result.channel, result.architecture);
    refreshKnownChannels();
    updateFilter();
    updateStatusHint();

    // Show the picked range, or else the newest releases.
    const ReleaseChannelFilter current = filter();
    const auto head = result.graph.head();
    QString focus = current.minVersion ? current.minVersion->toString() : (head ? head->version : QString());
    const QPointF centre = m_view->nodeCenter(focus);
    if (!centre.isNull()) {
        m_viewScroll->ensureVisible(int(centre.x()), int(centre.y()), m_viewScroll->viewport()->width() / 3, 60);
    }
    emit graphLoaded();
}

void ReleasePickerDialog::updateStatusHint()
{
    if (m_loading || !m_loadError.isEmpty()) {
        return;
    }
    if (m_graphModel->graph().isEmpty() && m_graphModel->channel().isEmpty()) {
        m_statusLabel->setText(tr("Load the graph to see the releases of the channel."));
        return;
    }
    QString text = tr("%n release(s) in %1 (%2).", nullptr, m_graphModel->rowCount())
                       .arg(m_graphModel->channel(), m_graphModel->architecture());
    if (m_graphModel->channel() != channelName() || m_graphModel->architecture() != architecture()) {
        text += QLatin1Char(' ') + tr("Load the graph again to see %1 (%2).").arg(channelName(), architecture());
    }
    m_statusLabel->setText(text.toHtmlEscaped());
}

void ReleasePickerDialog::setMinimumVersion(const QString &version)
{
    m_minEdit->setText(version);
}

void ReleasePickerDialog::setMaximumVersion(const QString &version)
{
    m_maxEdit->setText(version);
}

void ReleasePickerDialog::setShortestPath(bool on)
{
    m_shortestPathCheck->setChecked(on);
}

void ReleasePickerDialog::setFull(bool on)
{
    m_fullCheck->setChecked(on);
}

ReleaseChannelFilter ReleasePickerDialog::filter() const
{
    ReleaseChannelFilter result;
    result.name = channelName();
    result.type = m_type;
    bool valid = true;
    result.minVersion = versionOf(m_minEdit, &valid);
    result.maxVersion = versionOf(m_maxEdit, &valid);
    result.shortestPath = m_shortestPathCheck->isChecked();
    result.full = m_fullCheck->isChecked();
    return result;
}

void ReleasePickerDialog::updateFilter()
{
    bool minValid = true;
    bool maxValid = true;
    versionOf(m_minEdit, &minValid);
    versionOf(m_maxEdit, &maxValid);
    m_graphModel->setFilter(filter());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(minValid && maxValid && !channelName().isEmpty());

    QStringList messages;
    if (!minValid) {
        messages.append(tr("Minimum version \"%1\" is not a version (e.g. 4.16.5).").arg(m_minEdit->text()));
    }
    if (!maxValid) {
        messages.append(tr("Maximum version \"%1\" is not a version (e.g. 4.16.20).").arg(m_maxEdit->text()));
    }
    if (m_graphModel->graph().isEmpty()) {
        m_countLabel->setText(tr("No graph loaded: the releases cannot be listed yet."));
    } else {
        const ReleaseSelection &selection = m_graphModel->selection();
        m_countLabel->setText(tr("<b>%n release(s) will be mirrored</b> for %1", nullptr, m_graphModel->selectedCount())
                                  .arg(m_graphModel->architecture().toHtmlEscaped()));
        for (const QString &error : selection.errors) {
            messages.append(error);
        }
        for (const QString &warning : selection.warnings) {
            messages.append(warning);
        }
        // Bounds outside the graph select nothing near them; say so rather than leave the user guessing.
        const ReleaseChannelFilter current = filter();
        if (current.minVersion && m_graphModel->graph().indexOf(*current.minVersion) < 0) {
            messages.append(
                tr("Minimum version %1 is not a release of this channel.").arg(current.minVersion->toString()));
        }
        if (current.maxVersion && m_graphModel->graph().indexOf(*current.maxVersion) < 0) {
            messages.append(
                tr("Maximum version %1 is not a release of this channel.").arg(current.maxVersion->toString()));
        }
    }
    messages.removeDuplicates();
    m_messagesLabel->setVisible(!messages.isEmpty());
    m_messagesLabel->setText(
        QStringLiteral("<span style=\"color:#c0392b\">%1</span>")
            .arg(messages.join(QLatin1Char('\n')).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"))));
}

void ReleasePickerDialog::useCurrentRowAs(bool maximum)
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        return;
    }
    const QString version = m_graphModel->data(current, ReleaseGraphModel::VersionRole).toString();
    if (maximum) {
        setMaximumVersion(version);
    } else {
        setMinimumVersion(version);
    }
}

void ReleasePickerDialog::syncTableToView(const QString &version)
{
    const int row = m_graphModel->rowForVersion(version);
    if (row < 0) {
        return;
    }
    const QModelIndex index = m_graphModel->index(row, ReleaseGraphModel::VersionColumn);
    const QSignalBlocker blocker(m_table->selectionModel());
    m_table->setCurrentIndex(index);
    m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void ReleasePickerDialog::keyPressEvent(QKeyEvent *event)
{
    // Enter in the source or channel field loads that graph (returnPressed) instead of closing the dialog.
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    QWidget *focus = focusWidget();
    if (enter && (focus == m_locationEdit || focus == m_channelCombo || focus == m_channelCombo->lineEdit())) {
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void ReleasePickerDialog::accept()
{
    if (m_configModel && m_channelIndex.isValid()) {
        const QModelIndex index = m_channelIndex;
        const auto write = [&](int role, const QVariant &value) { m_configModel->setData(index, value, role); };
        const QString name = channelName();
        if (!name.isEmpty() && name != m_configModel->data(index, ConfigTreeModel::NameRole).toString()) {
            write(ConfigTreeModel::NameRole, name);
        }
        const QString min = m_minEdit->text().trimmed();
        const QString max = m_maxEdit->text().trimmed();
        write(ConfigTreeModel::MinVersionRole, min.isEmpty() ? QVariant() : QVariant(min));
        write(ConfigTreeModel::MaxVersionRole, max.isEmpty() ? QVariant() : QVariant(max));
        // An explicit `false` the file already had stays; otherwise an unticked box leaves the field out.
        const auto writeFlag = [&](int role, bool on) {
            const QVariant before = m_configModel->data(index, role);
            if (before.toBool() != on) {
                write(role, on ? QVariant(true) : QVariant());
            }
        };
        writeFlag(ConfigTreeModel::ShortestPathRole, m_shortestPathCheck->isChecked());
        writeFlag(ConfigTreeModel::FullRole, m_fullCheck->isChecked());
    }
    QDialog::accept();
}
