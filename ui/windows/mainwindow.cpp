#include "mainwindow.h"

#include "config/configloader.h"
#include "config/configwriter.h"
#include "dialogs/exportdialog.h"
#include "dialogs/releasepickerdialog.h"
#include "icontheme.h"
#include "models/configtreemodel.h"
#include "models/issuelistmodel.h"
#include "widgets/itemdetailform.h"
#include "widgets/yamlhighlighter.h"
#include "windows/deletereviewwindow.h"
#include "windows/mirrorrunwindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTextBlock>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace {

constexpr int ValidationDelayMs = 200;
const auto SampleResource = ":/ferry/sample-imageset-config.yaml";

QWidget *titledPane(const QString &title, QWidget *content, QWidget *extra = nullptr)
{
    auto *pane = new QWidget;
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(2);
    auto *header = new QHBoxLayout;
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), pane);
    header->addWidget(label);
    header->addStretch(1);
    if (extra) {
        header->addWidget(extra);
    }
    layout->addLayout(header);
    layout->addWidget(content, 1);
    return pane;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    m_model = new ConfigTreeModel(this);
    m_issues = new IssueListModel(this);
    m_validationTimer = new QTimer(this);
    m_validationTimer->setSingleShot(true);
    m_validationTimer->setInterval(ValidationDelayMs);
    connect(m_validationTimer, &QTimer::timeout, this, &MainWindow::validateNow);
    connect(m_model, &ConfigTreeModel::contentChanged, this, &MainWindow::onContentChanged);

    createActions();
    createMenus();
    createToolBar();
    createCentralWidget();

    m_kindLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_kindLabel);

    resize(1400, 900);
    newDocument(ConfigKind::ImageSetConfiguration);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_newImageSetAction =
        new QAction(IconTheme::icon(QStringLiteral("document-new")), tr("New &ImageSetConfiguration"), this);
    m_newImageSetAction->setShortcut(QKeySequence::New);
    m_newImageSetAction->setStatusTip(tr("Start a new configuration of what to mirror"));
    connect(m_newImageSetAction, &QAction::triggered, this, [this] {
        if (maybeSave()) {
            newDocument(ConfigKind::ImageSetConfiguration);
        }
    });

    m_newDeleteAction = new QAction(tr("New &DeleteImageSetConfiguration"), this);
    m_newDeleteAction->setStatusTip(tr("Start a new configuration of what to delete from a mirror"));
    connect(m_newDeleteAction, &QAction::triggered, this, [this] {
        if (maybeSave()) {
            newDocument(ConfigKind::DeleteImageSetConfiguration);
        }
    });

    m_openAction = new QAction(IconTheme::icon(QStringLiteral("document-open")), tr("&Open…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openWithDialog);

    m_saveAction = new QAction(IconTheme::icon(QStringLiteral("document-save")), tr("&Save"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::save);

    m_saveAsAction = new QAction(IconTheme::icon(QStringLiteral("document-save-as")), tr("Save &As…"), this);
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveAs);

    m_exportAction = new QAction(IconTheme::icon(QStringLiteral("document-export")), tr("&Export for ferryctl…"), this);
    m_exportAction->setStatusTip(tr("Write the YAML and show the ferryctl command line that uses it"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportForFerryctl);

    m_runMirrorAction = new QAction(IconTheme::icon(QStringLiteral("ferry-run-mirror")), tr("&Run Mirror…"), this);
    m_runMirrorAction->setObjectName(QStringLiteral("runMirror"));
    m_runMirrorAction->setIconText(tr("Run Mirror"));
    m_runMirrorAction->setStatusTip(tr("Review every image this configuration mirrors, then run the mirror"));
    connect(m_runMirrorAction, &QAction::triggered, this, &MainWindow::runMirror);

    m_deleteImagesAction =
        new QAction(IconTheme::icon(QStringLiteral("ferry-delete-images")), tr("&Delete Images…"), this);
    m_deleteImagesAction->setObjectName(QStringLiteral("deleteImages"));
    m_deleteImagesAction->setStatusTip(tr("Review a delete list against the registry, then delete what may go"));
    connect(m_deleteImagesAction, &QAction::triggered, this, &MainWindow::deleteImages);

    m_quitAction = new QAction(IconTheme::icon(QStringLiteral("application-exit")), tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_addAction = new QAction(IconTheme::icon(QStringLiteral("list-add")), tr("&Add"), this);
    m_addAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Plus));
    connect(m_addAction, &QAction::triggered, this, &MainWindow::addItem);

    m_addLocalChartAction = new QAction(IconTheme::icon(QStringLiteral("list-add")), tr("Add &Local Helm Chart"), this);
    connect(m_addLocalChartAction, &QAction::triggered, this, &MainWindow::addLocalChart);

    m_removeAction = new QAction(IconTheme::icon(QStringLiteral("list-remove")), tr("&Remove"), this);
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_removeAction, &QAction::triggered, this, &MainWindow::removeItem);

    m_pickReleasesAction =
        new QAction(IconTheme::icon(QStringLiteral("ferry-pick-releases")), tr("Pick on Upgrade &Graph…"), this);
    m_pickReleasesAction->setObjectName(QStringLiteral("pickReleasesOnGraph"));
    m_pickReleasesAction->setStatusTip(tr("Choose the channel's version range on its real update graph"));
    connect(m_pickReleasesAction, &QAction::triggered, this, &MainWindow::pickReleasesOnGraph);

    m_validateAction = new QAction(IconTheme::icon(QStringLiteral("ferry-validate")), tr("&Validate"), this);
    m_validateAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_validateAction->setStatusTip(tr("Check the configuration as ferryctl would"));
    connect(m_validateAction, &QAction::triggered, this, &MainWindow::validateNow);

    m_aboutAction = new QAction(IconTheme::icon(QStringLiteral("help-about")), tr("&About Ferry"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newImageSetAction);
    file->addAction(m_newDeleteAction);
    file->addSeparator();
    file->addAction(m_openAction);
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addSeparator();
    file->addAction(m_exportAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_addAction);
    edit->addAction(m_addLocalChartAction);
    edit->addAction(m_removeAction);
    edit->addSeparator();
    edit->addAction(m_pickReleasesAction);
    edit->addSeparator();
    edit->addAction(m_validateAction);

    QMenu *mirror = menuBar()->addMenu(tr("&Mirror"));
    mirror->addAction(m_runMirrorAction);
    mirror->addAction(m_deleteImagesAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize(QSize(22, 22));
    toolBar->addAction(m_newImageSetAction);
    toolBar->addAction(m_openAction);
    toolBar->addAction(m_saveAction);
    toolBar->addSeparator();
    toolBar->addAction(m_addAction);
    toolBar->addAction(m_removeAction);
    toolBar->addSeparator();
    toolBar->addAction(m_validateAction);
    toolBar->addAction(m_exportAction);
    toolBar->addAction(m_runMirrorAction);
}

void MainWindow::createCentralWidget()
{
    m_tree = new QTreeView(this);
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setEditTriggers(QAbstractItemView::EditKeyPressed);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(ConfigTreeModel::NameColumn, 380);
    m_tree->addAction(m_removeAction);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &MainWindow::showTreeContextMenu);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_tree->expandToDepth(1);
        // Start on the first release channel, the item most often edited, or else on the platform.
        const QModelIndex platform = m_model->groupIndex(ConfigTreeModel::NodeKind::Platform);
        const QModelIndex channel = m_model->index(0, 0, platform);
        m_tree->setCurrentIndex(channel.isValid() ? channel : platform);
    });

    m_form = new ItemDetailForm(this);
    m_form->setModel(m_model);
    m_form->addKindAction(ConfigTreeModel::NodeKind::ReleaseChannel, m_pickReleasesAction);
    auto *formScroll = new QScrollArea(this);
    formScroll->setWidget(m_form);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);

    m_yaml = new QPlainTextEdit(this);
    m_yaml->setReadOnly(true);
    m_yaml->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_yaml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new YamlHighlighter(m_yaml->document());

    m_issueView = new QTreeView(this);
    m_issueView->setModel(m_issues);
    m_issueView->setRootIsDecorated(false);
    m_issueView->setUniformRowHeights(true);
    m_issueView->setAlternatingRowColors(true);
    m_issueView->setWordWrap(false);
    m_issueView->setColumnWidth(IssueListModel::LocationColumn, 70);
    m_issueView->setColumnWidth(IssueListModel::PathColumn, 260);
    connect(m_issueView, &QAbstractItemView::activated, this, &MainWindow::showIssue);
    connect(m_issueView, &QAbstractItemView::doubleClicked, this, &MainWindow::showIssue);
    m_issueSummary = new QLabel(this);

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(titledPane(tr("Configuration"), m_tree));
    top->addWidget(titledPane(tr("Selected item"), formScroll));
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);

    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(titledPane(tr("YAML preview"), m_yaml));
    bottom->addWidget(titledPane(tr("Issues"), m_issueView, m_issueSummary));
    bottom->setStretchFactor(0, 1);
    bottom->setStretchFactor(1, 1);

    auto *main = new QSplitter(Qt::Vertical, this);
    main->addWidget(top);
    main->addWidget(bottom);
    main->setStretchFactor(0, 3);
    main->setStretchFactor(1, 2);
    main->setContentsMargins(6, 0, 6, 0);
    setCentralWidget(main);
}

void MainWindow::newDocument(ConfigKind kind)
{
    m_filePath.clear();
    if (kind == ConfigKind::DeleteImageSetConfiguration) {
        m_documentName = QStringLiteral("delete-imageset-config.yaml");
        m_model->setConfiguration(DeleteImageSetConfiguration());
    } else {
        m_documentName = QStringLiteral("imageset-config.yaml");
        m_model->setConfiguration(ImageSetConfiguration());
    }
    setWindowModified(false);
    updateTitle();
    validateNow();
}

bool MainWindow::openFile(const QString &path)
{
    const ConfigLoadResult result = ConfigLoader::loadFile(path);
    QFile file(path);
    QByteArray text;
    if (file.open(QIODevice::ReadOnly)) {
        text = file.readAll();
    }
    // Without a recognised configuration there is nothing Save could safely write back over the file.
    m_filePath = result.kind != ConfigKind::Unknown ? path : QString();
    m_documentName = QFileInfo(path).fileName();
    loadResult(result, text);
    if (!result.errors.isEmpty()) {
        statusBar()->showMessage(
            tr("%1 has %n problem(s); see the issues panel.", nullptr, int(result.errors.size())).arg(path));
    } else {
        statusBar()->showMessage(tr("Opened %1").arg(path), 5000);
    }
    return result.isValid();
}

void MainWindow::openSample()
{
    QFile file(QString::fromLatin1(SampleResource));
    QByteArray text;
    if (file.open(QIODevice::ReadOnly)) {
        text = file.readAll();
    }
    m_filePath.clear();
    m_documentName = QStringLiteral("sample-imageset-config.yaml");
    loadResult(ConfigLoader::loadData(text, m_documentName), text);
}

void MainWindow::loadResult(const ConfigLoadResult &result, const QByteArray &text)
{
    if (result.imageSetConfiguration) {
        m_model->setConfiguration(*result.imageSetConfiguration);
    } else if (result.deleteImageSetConfiguration) {
        m_model->setConfiguration(*result.deleteImageSetConfiguration);
    } else {
        m_model->setConfiguration(ImageSetConfiguration());
    }
    setWindowModified(false);
    updateTitle();

    if (result.errors.isEmpty()) {
        validateNow();
        return;
    }
    // Show the file as it was read, so the issues' line:col point into the text on screen; the first edit
    // switches back to the preview of what Save writes.
    m_validationTimer->stop();
    m_finishedGeneration = ++m_validationGeneration;
    m_previewYaml.clear();
    m_yaml->setPlainText(QString::fromUtf8(text));
    showIssues(result.errors);
}

bool MainWindow::saveToFile(const QString &path, QString *error)
{
    if (!ConfigWriter::writeFile(path, currentYaml(), error)) {
        return false;
    }
    m_filePath = path;
    m_documentName = QFileInfo(path).fileName();
    setWindowModified(false);
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
    validateNow(); // error locations name the file
    return true;
}

QByteArray MainWindow::currentYaml() const
{
    if (m_model->configKind() == ConfigKind::DeleteImageSetConfiguration) {
        return ConfigWriter::write(m_model->deleteImageSetConfiguration());
    }
    return ConfigWriter::write(m_model->imageSetConfiguration());
}

bool MainWindow::isValidationPending() const
{
    return m_validationTimer->isActive() || m_finishedGeneration != m_validationGeneration;
}

void MainWindow::validateNow()
{
    m_validationTimer->stop();
    const quint64 generation = ++m_validationGeneration;
    const ConfigKind kind = m_model->configKind();
    const ImageSetConfiguration imageSet = m_model->imageSetConfiguration();
    const DeleteImageSetConfiguration deletion = m_model->deleteImageSetConfiguration();
    const QString name = m_filePath.isEmpty() ? m_documentName : m_filePath;

    // Writing and re-reading validates exactly what Save would write, with positions in the preview.
    QtConcurrent::run([kind, imageSet, deletion, name] {
        ValidationOutcome outcome;
        outcome.yaml = kind == ConfigKind::DeleteImageSetConfiguration ? ConfigWriter::write(deletion)
                                                                       : ConfigWriter::write(imageSet);
        outcome.errors = ConfigLoader::loadData(outcome.yaml, name).errors;
        return outcome;
    }).then(this, [this, generation](const ValidationOutcome &outcome) {
        if (generation != m_validationGeneration) {
            return; // a newer edit already started another run
        }
        m_finishedGeneration = generation;
        m_previewYaml = outcome.yaml;
        const int scroll = m_yaml->verticalScrollBar()->value();
        m_yaml->setPlainText(QString::fromUtf8(outcome.yaml));
        m_yaml->verticalScrollBar()->setValue(scroll);
        showIssues(outcome.errors);
        emit validationFinished();
    });
}

void MainWindow::showIssues(const QList<ConfigError> &issues)
{
    m_issues->setIssues(issues);
    QStringList paths;
    for (const ConfigError &issue : issues) {
        paths.append(issue.path);
    }
    m_model->setIssuePaths(paths);
    if (issues.isEmpty()) {
        m_issueSummary->setText(tr("<span style=\"color:#2e7d32\">Valid</span>"));
    } else {
        m_issueSummary->setText(tr("<span style=\"color:#c0392b\">%n issue(s)</span>", nullptr, int(issues.size())));
    }
    m_issueView->resizeColumnToContents(IssueListModel::LocationColumn);
}

void MainWindow::showIssue(const QModelIndex &issueIndex)
{
    const ConfigError issue = m_issues->issue(issueIndex);
    int fieldRole = 0;
    const QModelIndex item = m_model->indexForPath(issue.path, &fieldRole);
    if (item.isValid()) {
        m_tree->setCurrentIndex(item);
        m_tree->scrollTo(item);
        if (fieldRole != 0) {
            m_form->focusField(fieldRole);
        } else {
            m_tree->setFocus(Qt::OtherFocusReason);
        }
        return;
    }
    if (issue.line > 0) {
        QTextCursor cursor(m_yaml->document()->findBlockByLineNumber(issue.line - 1));
        cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, std::max(0, issue.column - 1));
        m_yaml->setTextCursor(cursor);
        m_yaml->centerCursor();
        m_yaml->setFocus(Qt::OtherFocusReason);
    }
}

void MainWindow::onContentChanged()
{
    setWindowModified(true);
    m_validationTimer->start();
}

void MainWindow::onCurrentChanged(const QModelIndex &current)
{
    m_form->setCurrentIndex(current);
    updateActions();
}

void MainWindow::updateActions()
{
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(0);
    using NodeKind = ConfigTreeModel::NodeKind;
    NodeKind addKind = ConfigTreeModel::childKind(m_model->kind(current));
    if (addKind == NodeKind::Root && current.isValid()) {
        addKind = ConfigTreeModel::childKind(m_model->kind(current.parent()));
    }
    m_addAction->setEnabled(addKind != NodeKind::Root);
    m_addAction->setText(addKind != NodeKind::Root ? tr("&Add %1").arg(ConfigTreeModel::kindName(addKind))
                                                   : tr("&Add"));
    m_addAction->setIconText(tr("Add"));
    m_addLocalChartAction->setEnabled(m_model->kind(current) == NodeKind::Helm);
    m_pickReleasesAction->setEnabled(m_model->kind(current) == NodeKind::ReleaseChannel);
    m_removeAction->setEnabled(m_model->canRemove(current));
    m_removeAction->setText(m_model->canRemove(current)
                                ? tr("&Remove %1").arg(ConfigTreeModel::kindName(m_model->kind(current)))
                                : tr("&Remove"));
    m_removeAction->setIconText(tr("Remove"));
    m_exportAction->setIconText(tr("Export"));
    m_runMirrorAction->setEnabled(m_model->configKind() == ConfigKind::ImageSetConfiguration);
    m_newImageSetAction->setIconText(tr("New"));
    m_kindLabel->setText(m_model->configKind() == ConfigKind::DeleteImageSetConfiguration
                             ? QStringLiteral("DeleteImageSetConfiguration")
                             : QStringLiteral("ImageSetConfiguration"));
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_documentName + QStringLiteral("[*]"));
    updateActions();
}

void MainWindow::showTreeContextMenu(const QPoint &position)
{
    const QModelIndex index = m_tree->indexAt(position);
    if (index.isValid()) {
        m_tree->setCurrentIndex(index);
    }
    QMenu menu(this);
    menu.addAction(m_addAction);
    if (m_addLocalChartAction->isEnabled()) {
        menu.addAction(m_addLocalChartAction);
    }
    menu.addAction(m_removeAction);
    if (m_pickReleasesAction->isEnabled()) {
        menu.addSeparator();
        menu.addAction(m_pickReleasesAction);
    }
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

void MainWindow::addItem()
{
    QModelIndex parent = m_tree->currentIndex().siblingAtColumn(0);
    if (!m_model->canAddChild(parent)) {
        parent = parent.parent();
    }
    if (!m_model->canAddChild(parent)) {
        return;
    }
    const QModelIndex added = m_model->addChild(parent);
    m_tree->expand(parent);
    m_tree->setCurrentIndex(added);
    m_tree->scrollTo(added);
    m_form->focusField(ConfigTreeModel::NameRole);
}

void MainWindow::addLocalChart()
{
    const QModelIndex added = m_model->addHelmLocalChart(QStringLiteral("chart"), QStringLiteral("/path/to/chart"));
    m_tree->expand(added.parent());
    m_tree->setCurrentIndex(added);
    m_form->focusField(ConfigTreeModel::NameRole);
}

void MainWindow::removeItem()
{
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(0);
    if (m_model->canRemove(current)) {
        m_model->removeItem(current);
    }
}

void MainWindow::pickReleasesOnGraph()
{
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(0);
    if (m_model->kind(current) != ConfigTreeModel::NodeKind::ReleaseChannel) {
        return;
    }
    // Window-modal without a nested event loop; OK edits the model like the detail form does.
    auto *dialog = new ReleasePickerDialog(m_model, current, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_graphSource >= 0) {
        dialog->setGraphSource(ReleasePickerDialog::GraphSource(m_graphSource), m_graphLocation);
    }
    connect(dialog, &ReleasePickerDialog::graphLoaded, this, [this, dialog] {
        m_graphSource = int(dialog->graphSource());
        m_graphLocation = dialog->graphLocation();
    });
    dialog->open();
    if (!dialog->channelName().isEmpty()) {
        dialog->loadGraph();
    }
}

void MainWindow::runMirror()
{
    if (m_model->configKind() != ConfigKind::ImageSetConfiguration) {
        return; // the action is disabled: deletions run with ferryctl delete
    }
    // A window of its own, so the admin can keep editing while a run goes on; it gets a copy of the configuration.
    auto *window = new MirrorRunWindow(m_model->imageSetConfiguration(), m_filePath, this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
}

void MainWindow::deleteImages()
{
    auto *window = new DeleteReviewWindow(this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    // A saved DeleteImageSetConfiguration is what a list is generated from.
    if (m_model->configKind() == ConfigKind::DeleteImageSetConfiguration && !m_filePath.isEmpty()) {
        window->setDeleteConfigurationFile(m_filePath);
    }
    window->show();
}

bool MainWindow::maybeSave()
{
    if (!isWindowModified()) {
        return true;
    }
    const auto answer =
        QMessageBox::warning(this, tr("Unsaved Changes"), tr("%1 has unsaved changes. Save them?").arg(m_documentName),
                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save) {
        return save();
    }
    return answer == QMessageBox::Discard;
}

void MainWindow::openWithDialog()
{
    if (!maybeSave()) {
        return;
    }
    const QString start = m_filePath.isEmpty() ? QDir::homePath() : QFileInfo(m_filePath).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Configuration"), start,
                                                      tr("YAML files (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty()) {
        openFile(path);
    }
}

bool MainWindow::save()
{
    if (m_filePath.isEmpty()) {
        return saveAs();
    }
    QString error;
    if (!saveToFile(m_filePath, &error)) {
        QMessageBox::critical(this, tr("Save Failed"), tr("Could not save %1: %2").arg(m_filePath, error));
        return false;
    }
    return true;
}

bool MainWindow::saveAs()
{
    const QString start = m_filePath.isEmpty() ? QDir::home().filePath(m_documentName) : m_filePath;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save Configuration"), start, tr("YAML files (*.yaml *.yml)"));
    if (path.isEmpty()) {
        return false;
    }
    QString error;
    if (!saveToFile(path, &error)) {
        QMessageBox::critical(this, tr("Save Failed"), tr("Could not save %1: %2").arg(path, error));
        return false;
    }
    return true;
}

void MainWindow::exportForFerryctl()
{
    const QString start = m_filePath.isEmpty() ? QDir::home().filePath(m_documentName) : m_filePath;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export for ferryctl"), start, tr("YAML files (*.yaml *.yml)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!ConfigWriter::writeFile(path, currentYaml(), &error)) {
        QMessageBox::critical(this, tr("Export Failed"), tr("Could not write %1: %2").arg(path, error));
        return;
    }
    ExportDialog dialog(QFileInfo(path).absoluteFilePath(),
                        m_model->configKind() == ConfigKind::DeleteImageSetConfiguration, this);
    dialog.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Ferry"),
        tr("<h3>Ferry %1</h3>"
           "<p>Mirror OpenShift releases, operator catalogs, additional images and Helm charts into disconnected "
           "registries, and delete them safely.</p>"
           "<p>Ferry reads and writes the ImageSetConfiguration and DeleteImageSetConfiguration files of "
           "oc-mirror v2; <tt>ferryctl</tt> runs them headless.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (maybeSave()) {
        event->accept();
    } else {
        event->ignore();
    }
}
