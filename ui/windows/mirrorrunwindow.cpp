#include "mirrorrunwindow.h"

#include "config/configloader.h"
#include "config/configwriter.h"
#include "config/mirroroptions.h"
#include "config/mirroroptionsresult.h"
#include "copy/mirrorworkflow.h"
#include "dialogs/exportdialog.h"
#include "models/mirrorplanfiltermodel.h"
#include "models/mirrorplanmodel.h"
#include "widgets/mirrorprogressdelegate.h"
#include "workspace/runlog.h"
#include "workspace/workingdirectory.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace {

const QString kFilePrefix = QStringLiteral("file://");
const QString kDockerPrefix = QStringLiteral("docker://");

// MirrorOptions' defaults: a flag equal to them is left out of the command line.
constexpr int DefaultParallelImages = 4;
constexpr int DefaultParallelLayers = 5;
constexpr int DefaultRetryTimes = 5;
constexpr int LogLineLimit = 50000;

QString formatElapsed(qint64 milliseconds)
{
    const qint64 seconds = milliseconds / 1000;
    return QStringLiteral("%1:%2:%3")
        .arg(seconds / 3600, 2, 10, QLatin1Char('0'))
        .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QWidget *withButton(QLineEdit *edit, QToolButton *button)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(button);
    return row;
}

} // namespace

MirrorRunWindow::MirrorRunWindow(ImageSetConfiguration configuration, const QString &configPath, QWidget *parent)
    : QMainWindow(parent)
    , m_configuration(std::move(configuration))
    , m_configPath(configPath)
    , m_environment(QProcessEnvironment::systemEnvironment())
{
    setWindowFlag(Qt::Window);
    setWindowTitle(tr("Run Mirror"));
    // Runs use the document's file only when it says exactly what the editor holds; otherwise a snapshot.
    if (!m_configPath.isEmpty()) {
        const ConfigLoadResult loaded = ConfigLoader::loadFile(m_configPath);
        m_configFileMatches =
            loaded.isValid() && loaded.imageSetConfiguration &&
            ConfigWriter::write(*loaded.imageSetConfiguration) == ConfigWriter::write(m_configuration);
    }

    m_model = new MirrorPlanModel(this);
    m_filter = new MirrorPlanFilterModel(this);
    m_filter->setSourceModel(m_model);
    m_elapsedTimer = new QTimer(this);
    m_elapsedTimer->setInterval(1000);
    connect(m_elapsedTimer, &QTimer::timeout, this, &MirrorRunWindow::updateElapsed);

    createWidgets();
    const QString base = m_configPath.isEmpty() ? QDir::homePath() : QFileInfo(m_configPath).absolutePath();
    m_directory->setText(QDir(base).filePath(QStringLiteral("ferry-workspace")));
    updateOptionWidgets();
    updateActions();
    resize(1300, 900);
}

MirrorRunWindow::~MirrorRunWindow()
{
    // A run still going stops with its owner: the workflow cancels and waits for its own workers when deleted,
    // and it goes before its log (children are deleted in creation order, and the log was created first).
    delete m_workflow.data();
}

void MirrorRunWindow::createWidgets()
{
    // Options: what ferryctl's flags say, laid out as an admin thinks of them.
    m_workflowCombo = new QComboBox(this);
    m_workflowCombo->addItem(tr("Mirror to mirror (registry to registry, through a workspace)"),
                             QVariant::fromValue(Workflow::MirrorToMirror));
    m_workflowCombo->addItem(tr("Mirror to disk (write an archive)"), QVariant::fromValue(Workflow::MirrorToDisk));
    m_workflowCombo->addItem(tr("Disk to mirror (from an archive to a registry)"),
                             QVariant::fromValue(Workflow::DiskToMirror));

    m_configLabel = new QLabel(this);
    m_configLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_configLabel->setWordWrap(true);
    m_configLabel->setText(m_configFileMatches ? QDir::toNativeSeparators(m_configPath)
                                               : tr("%1 (the editor's configuration, written there before each run)")
                                                     .arg(QDir::toNativeSeparators(snapshotConfigPath())));

    m_directoryLabel = new QLabel(this);
    m_directory = new QLineEdit(this);
    auto *browseDirectory = new QToolButton(this);
    browseDirectory->setText(QStringLiteral("…"));
    browseDirectory->setToolTip(tr("Choose a folder"));
    connect(browseDirectory, &QToolButton::clicked, this, [this] {
        const QString chosen = chooseDirectory(m_directory->text());
        if (!chosen.isEmpty())
            m_directory->setText(chosen);
    });

    m_destination = new QLineEdit(this);
    m_destination->setPlaceholderText(tr("host[:port][/namespace]"));

    m_cacheDir = new QLineEdit(this);
    m_cacheDir->setPlaceholderText(tr("default: $OC_MIRROR_CACHE or $HOME"));
    auto *browseCache = new QToolButton(this);
    browseCache->setText(QStringLiteral("…"));
    browseCache->setToolTip(tr("Choose a folder"));
    connect(browseCache, &QToolButton::clicked, this, [this] {
        const QString chosen = chooseDirectory(m_cacheDir->text());
        if (!chosen.isEmpty())
            m_cacheDir->setText(chosen);
    });

    m_authFile = new QLineEdit(this);
    m_authFile->setPlaceholderText(tr("default: $REGISTRY_AUTH_FILE, containers/auth.json or ~/.docker/config.json"));
    auto *browseAuth = new QToolButton(this);
    browseAuth->setText(QStringLiteral("…"));
    browseAuth->setToolTip(tr("Choose a file"));
    connect(browseAuth, &QToolButton::clicked, this, [this] {
        const QString chosen =
            QFileDialog::getOpenFileName(this, tr("Choose the Credentials File"),
                                         m_authFile->text().isEmpty() ? QDir::homePath() : m_authFile->text());
        if (!chosen.isEmpty())
            m_authFile->setText(chosen);
    });

    m_parallelImages = new QSpinBox(this);
    m_parallelImages->setRange(1, 10);
    m_parallelImages->setValue(DefaultParallelImages);
    m_parallelLayers = new QSpinBox(this);
    m_parallelLayers->setRange(1, 10);
    m_parallelLayers->setValue(DefaultParallelLayers);
    m_retryTimes = new QSpinBox(this);
    m_retryTimes->setRange(0, 100);
    m_retryTimes->setValue(DefaultRetryTimes);
    m_maxNestedPaths = new QSpinBox(this);
    m_maxNestedPaths->setRange(0, 64);
    m_maxNestedPaths->setSpecialValueText(tr("off"));
    m_logLevel = new QComboBox(this);
    m_logLevel->addItems(RunLog::levelNames());

    m_destTlsVerify = new QCheckBox(tr("Verify the destination's TLS certificate"), this);
    m_destTlsVerify->setChecked(true);
    m_srcTlsVerify = new QCheckBox(tr("Verify the sources' TLS certificates"), this);
    m_srcTlsVerify->setChecked(true);
    m_dryRun = new QCheckBox(tr("Dry run: write the mapping, copy nothing"), this);
    m_strictArchive = new QCheckBox(tr("Strict archive size"), this);
    m_strictArchive->setToolTip(tr("Fail when one file is larger than archiveSize"));
    m_sinceEnabled = new QCheckBox(tr("Only what changed since"), this);
    m_since = new QDateEdit(QDate::currentDate().addMonths(-1), this);
    m_since->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_since->setCalendarPopup(true);
    auto *sinceRow = new QWidget(this);
    auto *sinceLayout = new QHBoxLayout(sinceRow);
    sinceLayout->setContentsMargins(0, 0, 0, 0);
    sinceLayout->addWidget(m_sinceEnabled);
    sinceLayout->addWidget(m_since);
    sinceLayout->addStretch(1);

    auto *left = new QFormLayout;
    left->addRow(tr("Configuration:"), m_configLabel);
    left->addRow(tr("Workflow:"), m_workflowCombo);
    left->addRow(m_directoryLabel, withButton(m_directory, browseDirectory));
    left->addRow(tr("Destination registry:"), m_destination);
    left->addRow(tr("Cache directory:"), withButton(m_cacheDir, browseCache));
    left->addRow(tr("Credentials file:"), withButton(m_authFile, browseAuth));

    auto *right = new QFormLayout;
    right->addRow(tr("Parallel images:"), m_parallelImages);
    right->addRow(tr("Parallel layers:"), m_parallelLayers);
    right->addRow(tr("Retries per image:"), m_retryTimes);
    right->addRow(tr("Max nested paths:"), m_maxNestedPaths);
    right->addRow(tr("Log level:"), m_logLevel);

    auto *checks = new QVBoxLayout;
    checks->addWidget(m_destTlsVerify);
    checks->addWidget(m_srcTlsVerify);
    checks->addWidget(m_dryRun);
    checks->addWidget(m_strictArchive);
    checks->addWidget(sinceRow);
    checks->addStretch(1);

    m_commandLine = new QLineEdit(this);
    m_commandLine->setReadOnly(true);
    m_commandLine->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copyButton = new QPushButton(tr("Copy ferryctl Command"), this);
    m_copyButton->setToolTip(tr("The same run from a shell or a script"));
    auto *commandRow = new QHBoxLayout;
    commandRow->addWidget(new QLabel(tr("Command line:"), this));
    commandRow->addWidget(m_commandLine, 1);
    commandRow->addWidget(m_copyButton);

    m_problems = new QLabel(this);
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *optionColumns = new QHBoxLayout;
    optionColumns->addLayout(left, 3);
    optionColumns->addLayout(right, 1);
    optionColumns->addLayout(checks, 1);
    auto *optionsBox = new QGroupBox(tr("Run options"), this);
    auto *optionsLayout = new QVBoxLayout(optionsBox);
    optionsLayout->addLayout(optionColumns);
    optionsLayout->addLayout(commandRow);
    optionsLayout->addWidget(m_problems);

    m_reviewButton = new QPushButton(tr("1. Review Plan"), this);
    m_reviewButton->setToolTip(tr("Discover every image the run will copy, without copying anything"));
    m_startButton = new QPushButton(tr("2. Start Mirroring"), this);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_retryButton = new QPushButton(tr("Retry Failed"), this);
    m_retryButton->setToolTip(tr("Copy again only the images that failed in the last run"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_reviewButton);
    buttons->addWidget(m_startButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_retryButton);
    buttons->addStretch(1);

    // The plan, filtered.
    m_counts = new QLabel(tr("Review the plan to see every image the run will copy."), this);
    m_stateFilter = new QComboBox(this);
    m_stateFilter->addItem(tr("All"), QVariant::fromValue(MirrorPlanFilterModel::StateFilter::All));
    m_stateFilter->addItem(tr("Pending"), QVariant::fromValue(MirrorPlanFilterModel::StateFilter::Pending));
    m_stateFilter->addItem(tr("Copying"), QVariant::fromValue(MirrorPlanFilterModel::StateFilter::Copying));
    m_stateFilter->addItem(tr("Done"), QVariant::fromValue(MirrorPlanFilterModel::StateFilter::Done));
    m_stateFilter->addItem(tr("Failed"), QVariant::fromValue(MirrorPlanFilterModel::StateFilter::Failed));
    m_textFilter = new QLineEdit(this);
    m_textFilter->setPlaceholderText(tr("Filter by origin or destination"));
    m_textFilter->setClearButtonEnabled(true);
    m_textFilter->setMinimumWidth(280);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_counts, 1);
    filterRow->addWidget(new QLabel(tr("Show:"), this));
    filterRow->addWidget(m_stateFilter);
    filterRow->addWidget(m_textFilter);

    m_planView = new QTableView(this);
    m_planView->setModel(m_filter);
    m_planView->setItemDelegateForColumn(MirrorPlanModel::ProgressColumn, new MirrorProgressDelegate(m_planView));
    m_planView->setSortingEnabled(true);
    m_planView->sortByColumn(-1, Qt::AscendingOrder);
    m_planView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_planView->setAlternatingRowColors(true);
    m_planView->setWordWrap(false);
    m_planView->verticalHeader()->setVisible(false);
    m_planView->verticalHeader()->setDefaultSectionSize(m_planView->fontMetrics().height() + 6);
    m_planView->horizontalHeader()->setStretchLastSection(true);
    m_planView->setColumnWidth(MirrorPlanModel::OriginColumn, 300);
    m_planView->setColumnWidth(MirrorPlanModel::DestinationColumn, 300);
    m_planView->setColumnWidth(MirrorPlanModel::KindColumn, 130);
    m_planView->setColumnWidth(MirrorPlanModel::CategoryColumn, 80);
    m_planView->setColumnWidth(MirrorPlanModel::StateColumn, 100);
    m_planView->setColumnWidth(MirrorPlanModel::ProgressColumn, 240);

    m_overall = new QProgressBar(this);
    m_overall->setRange(0, 1);
    m_overall->setValue(0);
    m_overall->setFormat(QString());
    m_elapsed = new QLabel(this);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_overall, 1);
    progressRow->addWidget(m_elapsed);

    auto *planPane = new QWidget(this);
    auto *planLayout = new QVBoxLayout(planPane);
    planLayout->setContentsMargins(0, 0, 0, 0);
    planLayout->addLayout(filterRow);
    planLayout->addWidget(m_planView, 1);
    planLayout->addLayout(progressRow);

    // The run's log and its result.
    m_logView = new QPlainTextEdit(this);
    m_logView->setReadOnly(true);
    m_logView->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_logView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_logView->setMaximumBlockCount(LogLineLimit);

    m_summary = new QLabel(tr("No run yet."), this);
    m_summary->setWordWrap(true);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_openResources = new QPushButton(tr("Open Cluster Resources"), this);
    m_openResources->setToolTip(tr("IDMS, ITMS, CatalogSource and the other objects to apply to the cluster"));
    m_openErrors = new QPushButton(tr("Open Mirroring Errors"), this);
    m_openLog = new QPushButton(tr("Open Log File"), this);
    auto *resultBox = new QGroupBox(tr("Result"), this);
    auto *resultLayout = new QVBoxLayout(resultBox);
    resultLayout->addWidget(m_summary, 1);
    resultLayout->addWidget(m_openResources);
    resultLayout->addWidget(m_openErrors);
    resultLayout->addWidget(m_openLog);

    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_logView);
    bottom->addWidget(resultBox);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 1);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(optionsBox);
    topLayout->addLayout(buttons);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(planPane);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);
    splitter->setContentsMargins(6, 6, 6, 0);
    setCentralWidget(splitter);

    connect(m_workflowCombo, &QComboBox::currentIndexChanged, this, &MirrorRunWindow::updateOptionWidgets);
    for (QLineEdit *edit : {m_directory, m_destination, m_cacheDir, m_authFile})
        connect(edit, &QLineEdit::textChanged, this, &MirrorRunWindow::updateValidation);
    for (QSpinBox *spin : {m_parallelImages, m_parallelLayers, m_retryTimes, m_maxNestedPaths})
        connect(spin, &QSpinBox::valueChanged, this, &MirrorRunWindow::updateValidation);
    for (QCheckBox *check : {m_destTlsVerify, m_srcTlsVerify, m_dryRun, m_strictArchive, m_sinceEnabled})
        connect(check, &QCheckBox::toggled, this, &MirrorRunWindow::updateOptionWidgets);
    connect(m_logLevel, &QComboBox::currentIndexChanged, this, &MirrorRunWindow::updateValidation);
    connect(m_since, &QDateEdit::dateChanged, this, &MirrorRunWindow::updateValidation);
    connect(m_copyButton, &QPushButton::clicked, this, &MirrorRunWindow::copyCommandLine);
    connect(m_reviewButton, &QPushButton::clicked, this, &MirrorRunWindow::reviewPlan);
    connect(m_startButton, &QPushButton::clicked, this, &MirrorRunWindow::startRun);
    connect(m_cancelButton, &QPushButton::clicked, this, &MirrorRunWindow::cancelRun);
    connect(m_retryButton, &QPushButton::clicked, this, &MirrorRunWindow::retryFailed);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setStateFilter(m_stateFilter->currentData().value<MirrorPlanFilterModel::StateFilter>());
    });
    connect(m_textFilter, &QLineEdit::textChanged, m_filter, &MirrorPlanFilterModel::setText);
    connect(m_openResources, &QPushButton::clicked, this,
            [this] { openPath(m_archiveDirectory.isEmpty() ? clusterResourcesDirectory() : m_archiveDirectory); });
    connect(m_openErrors, &QPushButton::clicked, this, [this] { openPath(m_errorsFile); });
    connect(m_openLog, &QPushButton::clicked, this, [this] { openPath(m_logFile); });
}

void MirrorRunWindow::setEnvironment(const QProcessEnvironment &environment)
{
    m_environment = environment;
    updateValidation();
}

void MirrorRunWindow::setWorkflow(Workflow workflow)
{
    const int index = m_workflowCombo->findData(QVariant::fromValue(workflow));
    if (index >= 0)
        m_workflowCombo->setCurrentIndex(index);
}

MirrorRunWindow::Workflow MirrorRunWindow::workflow() const
{
    return m_workflowCombo->currentData().value<Workflow>();
}

void MirrorRunWindow::setDirectory(const QString &directory)
{
    m_directory->setText(directory);
}

void MirrorRunWindow::setDestination(const QString &destination)
{
    m_destination->setText(destination);
}

void MirrorRunWindow::setCacheDirectory(const QString &directory)
{
    m_cacheDir->setText(directory);
}

void MirrorRunWindow::setAuthFile(const QString &file)
{
    m_authFile->setText(file);
}

void MirrorRunWindow::setParallelImages(int count)
{
    m_parallelImages->setValue(count);
}

void MirrorRunWindow::setParallelLayers(int count)
{
    m_parallelLayers->setValue(count);
}

void MirrorRunWindow::setDestTlsVerify(bool verify)
{
    m_destTlsVerify->setChecked(verify);
}

void MirrorRunWindow::setSrcTlsVerify(bool verify)
{
    m_srcTlsVerify->setChecked(verify);
}

void MirrorRunWindow::setDryRun(bool dryRun)
{
    m_dryRun->setChecked(dryRun);
}

QString MirrorRunWindow::snapshotConfigPath() const
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/runs/imageset-config.yaml");
}

QString MirrorRunWindow::effectiveConfigPath() const
{
    return m_configFileMatches ? m_configPath : snapshotConfigPath();
}

QStringList MirrorRunWindow::arguments(const QString &configFile, bool retryFailed) const
{
    const Workflow chosen = workflow();
    const QString directory = kFilePrefix + m_directory->text().trimmed();
    const QString registry = kDockerPrefix + m_destination->text().trimmed();
    // The same order as the export dialog's command lines, flags before the closing --v2.
    QStringList arguments{QStringLiteral("-c"), configFile};
    switch (chosen) {
    case Workflow::MirrorToMirror:
        arguments << QStringLiteral("--workspace") << directory << registry;
        break;
    case Workflow::MirrorToDisk:
        arguments << directory;
        break;
    case Workflow::DiskToMirror:
        arguments << QStringLiteral("--from") << directory << registry;
        break;
    }
    if (!m_cacheDir->text().trimmed().isEmpty())
        arguments << QStringLiteral("--cache-dir") << m_cacheDir->text().trimmed();
    if (!m_authFile->text().trimmed().isEmpty())
        arguments << QStringLiteral("--authfile") << m_authFile->text().trimmed();
    if (m_parallelImages->value() != DefaultParallelImages)
        arguments << QStringLiteral("--parallel-images") << QString::number(m_parallelImages->value());
    if (m_parallelLayers->value() != DefaultParallelLayers)
        arguments << QStringLiteral("--parallel-layers") << QString::number(m_parallelLayers->value());
    if (m_retryTimes->value() != DefaultRetryTimes)
        arguments << QStringLiteral("--retry-times") << QString::number(m_retryTimes->value());
    if (m_maxNestedPaths->value() != 0)
        arguments << QStringLiteral("--max-nested-paths") << QString::number(m_maxNestedPaths->value());
    if (m_logLevel->currentText() != QLatin1String("info"))
        arguments << QStringLiteral("--log-level") << m_logLevel->currentText();
    if (!m_srcTlsVerify->isChecked())
        arguments << QStringLiteral("--src-tls-verify=false");
    if (!m_destTlsVerify->isChecked() && chosen != Workflow::MirrorToDisk)
        arguments << QStringLiteral("--dest-tls-verify=false");
    if (m_dryRun->isChecked())
        arguments << QStringLiteral("--dry-run");
    if (chosen == Workflow::MirrorToDisk && m_sinceEnabled->isChecked())
        arguments << QStringLiteral("--since") << m_since->date().toString(QStringLiteral("yyyy-MM-dd"));
    if (chosen == Workflow::MirrorToDisk && m_strictArchive->isChecked())
        arguments << QStringLiteral("--strict-archive");
    if (retryFailed)
        arguments << QStringLiteral("--retry-failed");
    arguments << QStringLiteral("--v2");
    return arguments;
}

QString MirrorRunWindow::commandLine() const
{
    QStringList quoted{QStringLiteral("ferryctl")};
    for (const QString &argument : arguments(effectiveConfigPath()))
        quoted << ExportDialog::shellQuote(argument);
    return quoted.join(QLatin1Char(' '));
}

QStringList MirrorRunWindow::validationErrors() const
{
    // An empty field is named plainly; ferryctl's own messages about it ("file://" is not a path) would only add noise.
    QStringList missing;
    if (m_directory->text().trimmed().isEmpty()) {
        switch (workflow()) {
        case Workflow::MirrorToMirror:
            missing << tr("Enter the workspace folder.");
            break;
        case Workflow::MirrorToDisk:
            missing << tr("Enter the folder the archive is written to.");
            break;
        case Workflow::DiskToMirror:
            missing << tr("Enter the folder of the archive to read.");
            break;
        }
    }
    if (workflow() != Workflow::MirrorToDisk && m_destination->text().trimmed().isEmpty())
        missing << tr("Enter the destination registry.");
    if (!missing.isEmpty())
        return missing;
    return MirrorOptions::parse(arguments(effectiveConfigPath()), m_environment).errors;
}

void MirrorRunWindow::updateOptionWidgets()
{
    const Workflow chosen = workflow();
    switch (chosen) {
    case Workflow::MirrorToMirror:
        m_directoryLabel->setText(tr("Workspace folder:"));
        break;
    case Workflow::MirrorToDisk:
        m_directoryLabel->setText(tr("Archive folder:"));
        break;
    case Workflow::DiskToMirror:
        m_directoryLabel->setText(tr("Archive to read:"));
        break;
    }
    const bool idle = !isBusy();
    const bool toDisk = chosen == Workflow::MirrorToDisk;
    for (QWidget *widget : std::initializer_list<QWidget *>{m_workflowCombo, m_directory, m_cacheDir, m_authFile,
                                                            m_parallelImages, m_parallelLayers, m_retryTimes,
                                                            m_maxNestedPaths, m_logLevel, m_srcTlsVerify, m_dryRun})
        widget->setEnabled(idle);
    m_destination->setEnabled(idle && !toDisk);
    m_destTlsVerify->setEnabled(idle && !toDisk);
    m_strictArchive->setEnabled(idle && toDisk);
    m_sinceEnabled->setEnabled(idle && toDisk);
    m_since->setEnabled(idle && toDisk && m_sinceEnabled->isChecked());
    updateValidation();
}

void MirrorRunWindow::updateValidation()
{
    // A plan reviewed for other options no longer says what Start copies.
    if (m_phase == Phase::Reviewed && arguments(effectiveConfigPath()) != m_reviewedArguments) {
        m_planNote = tr("The options changed since the review.");
        setPhase(Phase::Idle);
        updateCounts();
        return; // setPhase() validated again
    }
    m_commandLine->setText(commandLine());
    m_commandLine->setCursorPosition(0);
    const QStringList errors = validationErrors();
    const MirrorOptionsResult parsed = MirrorOptions::parse(arguments(effectiveConfigPath()), m_environment);
    QStringList lines;
    for (const QString &error : errors)
        lines << QStringLiteral("<span style=\"color:#c0392b\">%1</span>").arg(error.toHtmlEscaped());
    for (const QString &warning : parsed.warnings)
        lines << QStringLiteral("<span style=\"color:#b9770e\">%1</span>").arg(warning.toHtmlEscaped());
    m_problems->setText(lines.join(QStringLiteral("<br>")));
    m_problems->setVisible(!lines.isEmpty());
    updateActions();
}

void MirrorRunWindow::showProblems(const QStringList &problems)
{
    QStringList lines;
    for (const QString &problem : problems)
        lines << QStringLiteral("<span style=\"color:#c0392b\">%1</span>").arg(problem.toHtmlEscaped());
    m_problems->setText(lines.join(QStringLiteral("<br>")));
    m_problems->setVisible(!lines.isEmpty());
    if (!problems.isEmpty())
        statusBar()->showMessage(problems.constFirst(), 10000);
}

void MirrorRunWindow::updateActions()
{
    const bool busy = isBusy();
    const bool valid = validationErrors().isEmpty();
    m_reviewButton->setEnabled(!busy && valid);
    m_startButton->setEnabled(!busy && valid);
    m_cancelButton->setEnabled(busy && !m_cancelled);
    bool anyFailed = false;
    if (m_phase == Phase::Finished && !m_dryRunResult) {
        const auto counts = m_model->categoryCounts();
        for (const auto &count : counts)
            anyFailed = anyFailed || count.failed > 0;
    }
    // A cancelled run's unstarted images are not failures (the journal does not record them): Start resumes it.
    m_retryButton->setEnabled(!busy && valid && anyFailed && !m_cancelled);
    m_copyButton->setEnabled(true);
    const bool finished = m_phase == Phase::Finished;
    // mirrorToDisk writes no cluster resources: its result is the archive, which the same button opens.
    const bool toDisk = !m_archiveDirectory.isEmpty();
    m_openResources->setText(toDisk ? tr("Open Archive Folder") : tr("Open Cluster Resources"));
    m_openResources->setEnabled(finished && !m_dryRunResult &&
                                QFileInfo(toDisk ? m_archiveDirectory : clusterResourcesDirectory()).isDir());
    m_openErrors->setEnabled(!m_errorsFile.isEmpty() && QFileInfo::exists(m_errorsFile));
    m_openLog->setEnabled(!busy && !m_logFile.isEmpty());
}

void MirrorRunWindow::setPhase(Phase phase)
{
    if (phase == m_phase)
        return;
    m_phase = phase;
    if (isBusy())
        m_elapsedTimer->start();
    else
        m_elapsedTimer->stop();
    updateOptionWidgets();
    emit phaseChanged(phase);
}

bool MirrorRunWindow::prepareConfigFile(QString *path, QString *error)
{
    if (m_configFileMatches) {
        *path = m_configPath;
        return true;
    }
    *path = snapshotConfigPath();
    QDir().mkpath(QFileInfo(*path).absolutePath());
    return ConfigWriter::writeFile(*path, ConfigWriter::write(m_configuration), error);
}

void MirrorRunWindow::copyCommandLine()
{
    QString path;
    QString error;
    if (!prepareConfigFile(&path, &error)) {
        showProblems({error});
        return;
    }
    QApplication::clipboard()->setText(commandLine());
    statusBar()->showMessage(tr("The ferryctl command line is on the clipboard."), 5000);
}

bool MirrorRunWindow::reviewPlan()
{
    return launch(RunKind::Review);
}

bool MirrorRunWindow::startRun()
{
    return launch(RunKind::Run);
}

bool MirrorRunWindow::retryFailed()
{
    return launch(RunKind::Retry);
}

bool MirrorRunWindow::launch(RunKind kind)
{
    if (isBusy())
        return false;
    const QStringList problems = validationErrors();
    if (!problems.isEmpty()) {
        showProblems(problems);
        return false;
    }
    QString configFile;
    QString error;
    if (!prepareConfigFile(&configFile, &error)) {
        showProblems({error});
        return false;
    }
    QStringList args = arguments(configFile, kind == RunKind::Retry);
    if (kind == RunKind::Review && !args.contains(QStringLiteral("--dry-run")))
        args.insert(args.size() - 1, QStringLiteral("--dry-run"));
    const MirrorOptionsResult parsed = MirrorOptions::parse(args, m_environment);
    if (!parsed.isValid()) {
        showProblems(parsed.errors);
        return false;
    }
    // The file is read back exactly as ferryctl would read it, so the run and the command line agree.
    const ConfigLoadResult loaded = ConfigLoader::loadFile(configFile);
    if (!loaded.errors.isEmpty() || !loaded.imageSetConfiguration) {
        QStringList messages;
        for (const ConfigError &configError : loaded.errors)
            messages << configError.toString();
        if (messages.isEmpty())
            messages << tr("%1: mirroring needs an ImageSetConfiguration").arg(configFile);
        showProblems(messages);
        return false;
    }
    const MirrorOptions &options = *parsed.options;

    m_started = QDateTime::currentDateTime();
    auto *log = new RunLog(this);
    log->setConsoleEnabled(false);
    log->setLevel(RunLog::parseLevel(options.logLevel).value_or(RunLog::Level::Info));
    // Lines come from worker threads too; the window's context queues them onto the GUI thread.
    connect(log, &RunLog::lineWritten, this, [this](RunLog::Level, const QString &line) { appendLogLine(line); });
    const WorkingDirectory workingDirectory(options.workingDirectory);
    if (!workingDirectory.create(&error) || !log->openInWorkingDirectory(workingDirectory, m_started, &error)) {
        delete log;
        showProblems({error});
        return false;
    }

    showProblems({});
    m_logView->clear();
    m_runKind = kind;
    m_cancelled = false;
    m_closeWhenFinished = false;
    m_exitCode = -1;
    m_dryRunResult = options.dryRun;
    m_workingDirectory = options.workingDirectory;
    m_mode = MirrorOptions::modeName(options.mode);
    m_archiveDirectory = options.mode == MirrorOptions::Mode::MirrorToDisk ? options.destinationPath : QString();
    m_errorsFile.clear();
    m_logFile = log->filePath();
    m_planNote.clear();
    m_runPlan.clear();
    m_rowMap.clear();
    m_reported.clear();
    m_summary->setText(kind == RunKind::Review ? tr("Discovering the images…") : tr("Running…"));
    if (kind == RunKind::Run)
        m_model->resetProgress();

    log->info(QStringLiteral("👋 Hello, welcome to Ferry, the oc-mirror v2 compatible mirroring tool"));
    log->info(QStringLiteral("⚙️  environment version: ferry %1 (GUI)").arg(QStringLiteral(FERRY_VERSION_STRING)));
    log->info(QStringLiteral("🔀 workflow mode: %1").arg(m_mode));
    log->debug(QStringLiteral("log file: %1").arg(m_logFile));
    for (const QString &warning : parsed.warnings)
        log->warn(warning);

    auto *workflow = new MirrorWorkflow(options, *loaded.imageSetConfiguration, log, m_environment, this);
    connect(workflow, &MirrorWorkflow::planReady, this, &MirrorRunWindow::onPlanReady);
    connect(workflow, &MirrorWorkflow::progressChanged, this, &MirrorRunWindow::onProgress);
    connect(workflow, &MirrorWorkflow::finished, this, &MirrorRunWindow::onFinished);
    m_workflow = workflow;
    m_log = log;
    m_clock.start();
    updateElapsed();
    setPhase(kind == RunKind::Review ? Phase::Reviewing : Phase::Running);
    updateOverallProgress();
    workflow->start();
    return true;
}

void MirrorRunWindow::cancelRun()
{
    if (!m_workflow || m_cancelled)
        return;
    m_cancelled = true;
    m_workflow->cancel();
    if (m_log)
        m_log->warn(QStringLiteral("the run is being cancelled: images in flight stop, no new image starts"));
    statusBar()->showMessage(tr("Stopping…"));
    updateActions();
}

void MirrorRunWindow::onPlanReady(const QList<MirrorPlanEntry> &entries)
{
    m_runPlan = entries;
    m_rowMap.clear();
    if (m_runKind == RunKind::Review) {
        m_reviewedPlan = entries;
        m_reviewedArguments = arguments(effectiveConfigPath());
        m_model->setPlan(entries);
    } else if (m_runKind == RunKind::Retry) {
        // The retried images update their own rows, so the table keeps the whole run.
        QHash<QString, int> rowOf;
        const QList<MirrorPlanEntry> &shown = m_model->entries();
        for (int row = 0; row < shown.size(); ++row)
            rowOf.insert(shown.at(row).destination, row);
        QList<int> map;
        for (const MirrorPlanEntry &entry : entries) {
            const int row = rowOf.value(entry.destination, -1);
            if (row < 0 || shown.at(row).origin != entry.origin)
                break;
            map.append(row);
        }
        if (map.size() == entries.size()) {
            m_rowMap = map;
            QList<ImageCopyProgress> queued;
            for (const int row : std::as_const(map)) {
                ImageCopyProgress progress;
                progress.row = row;
                queued.append(progress);
            }
            m_model->applyProgress(queued);
        } else {
            m_model->setPlan(entries);
        }
    } else {
        if (entries != m_model->entries())
            m_model->setPlan(entries);
        if (!m_reviewedPlan.isEmpty() && entries != m_reviewedPlan)
            m_planNote = tr("The plan changed since it was reviewed: %n image(s) now.", nullptr, int(entries.size()));
    }
    updateCounts();
    updateOverallProgress();
}

void MirrorRunWindow::onProgress(const QList<ImageCopyProgress> &rows)
{
    QList<ImageCopyProgress> mapped;
    mapped.reserve(rows.size());
    for (ImageCopyProgress progress : rows) {
        const int runRow = progress.row;
        if (!m_rowMap.isEmpty())
            progress.row = m_rowMap.value(runRow, -1);
        mapped.append(progress);
        // One line per finished image in the log, as ferryctl prints them.
        if (!progress.isFinished() || m_reported.contains(runRow) || runRow < 0 || runRow >= m_runPlan.size() || !m_log)
            continue;
        m_reported.insert(runRow);
        const MirrorPlanEntry &entry = m_runPlan.at(runRow);
        if (progress.state == ImageCopyProgress::State::Failed) {
            m_log->error(QStringLiteral("Failed to copy %1 %2: %3")
                             .arg(ImageKinds::toString(entry.kind), entry.origin, progress.error));
        } else {
            m_log->info(QStringLiteral("%1 %2 ➡️  %3")
                            .arg(progress.state == ImageCopyProgress::State::Skipped
                                     ? QStringLiteral("Already present")
                                     : QStringLiteral("Success copying"),
                                 entry.origin, entry.destination));
        }
    }
    m_model->applyProgress(mapped);
    updateOverallProgress();
    updateCounts();
}

void MirrorRunWindow::onFinished(int exitCode)
{
    MirrorWorkflow *workflow = m_workflow;
    RunLog *log = m_log;
    m_workflow.clear();
    m_log.clear();
    m_exitCode = exitCode;
    if (log) {
        if (m_runKind != RunKind::Review)
            log->info(exitCode == 0 ? QStringLiteral("👋 Goodbye, thank you for using Ferry")
                                    : QStringLiteral("👋 Goodbye: the run finished with exit code %1").arg(exitCode));
        log->closeFile();
    }
    // Both objects are still on the stack that emitted finished(): they go once it has unwound.
    if (workflow)
        workflow->deleteLater();
    if (log)
        log->deleteLater();
    updateElapsed();

    if (m_runKind == RunKind::Review) {
        setPhase(m_reviewedPlan.isEmpty() ? Phase::Idle : Phase::Reviewed);
        if (m_reviewedPlan.isEmpty())
            showProblems({m_cancelled
                              ? tr("The review was cancelled.")
                              : tr("Discovery found nothing to copy (exit code %1); see the log.").arg(exitCode)});
        else if (exitCode != 0)
            showProblems(
                {tr("Discovery reported problems (%1); the plan shows what it found.").arg(exitCodeMeaning(exitCode))});
    } else {
        m_errorsFile = findErrorsFile();
        setPhase(Phase::Finished);
    }
    m_summary->setText(summaryText().toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    updateCounts();
    updateOverallProgress();
    updateActions();
    statusBar()->showMessage(m_runKind == RunKind::Review ? tr("The plan is ready.") : exitCodeMeaning(exitCode));
    if (m_runKind == RunKind::Review)
        emit planReviewed(exitCode);
    else
        emit runFinished(exitCode);
    if (m_closeWhenFinished)
        close();
}

void MirrorRunWindow::appendLogLine(const QString &line)
{
    m_logView->appendPlainText(line);
}

void MirrorRunWindow::updateCounts()
{
    const auto counts = m_model->categoryCounts();
    if (m_model->rowCount() == 0) {
        m_counts->setText(tr("Review the plan to see every image the run will copy."));
        return;
    }
    QStringList parts;
    for (const ImageCategory category :
         {ImageCategory::Release, ImageCategory::Operator, ImageCategory::Additional, ImageCategory::Helm})
        parts
            << QStringLiteral("%1: %2").arg(MirrorPlanModel::categoryName(category)).arg(counts.value(category).total);
    QString text = tr("%n image(s): %1", nullptr, m_model->rowCount()).arg(parts.join(QStringLiteral(" · ")));
    if (!m_planNote.isEmpty())
        text += QStringLiteral("  ") + m_planNote;
    m_counts->setText(text);
}

void MirrorRunWindow::updateOverallProgress()
{
    int total = 0;
    int finished = 0;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    const int runRows = int(m_runPlan.size());
    for (int runRow = 0; runRow < runRows; ++runRow) {
        const int row = m_rowMap.isEmpty() ? runRow : m_rowMap.value(runRow, -1);
        const ImageCopyProgress progress = m_model->progress(row);
        ++total;
        finished += progress.isFinished() ? 1 : 0;
        bytesDone += progress.bytesDone;
        bytesTotal += progress.bytesTotal;
    }
    if (m_phase == Phase::Reviewing || (m_phase == Phase::Running && total == 0)) {
        // Discovery has no measurable size: a busy indicator.
        m_overall->setRange(0, 0);
        m_overall->setFormat(tr("Discovering the images…"));
        return;
    }
    if (m_runKind == RunKind::Review || total == 0 || m_dryRunResult) {
        m_overall->setRange(0, 1);
        m_overall->setValue(0);
        m_overall->setFormat(QString());
        m_overall->setTextVisible(false);
        return;
    }
    const QLocale locale;
    m_overall->setTextVisible(true);
    m_overall->setRange(0, total);
    m_overall->setValue(finished);
    m_overall->setFormat(tr("%1 / %2 images · %3 of %4")
                             .arg(finished)
                             .arg(total)
                             .arg(locale.formattedDataSize(bytesDone), locale.formattedDataSize(bytesTotal)));
}

void MirrorRunWindow::updateElapsed()
{
    m_elapsed->setText(m_clock.isValid() ? tr("Elapsed %1").arg(formatElapsed(m_clock.elapsed())) : QString());
}

QString MirrorRunWindow::clusterResourcesDirectory() const
{
    return m_workingDirectory.isEmpty() ? QString() : WorkingDirectory(m_workingDirectory).clusterResourcesDir();
}

QString MirrorRunWindow::findErrorsFile() const
{
    if (m_workingDirectory.isEmpty())
        return {};
    // The engine names the file after its own start; anything written since this run started is this run's.
    const QDir logs(WorkingDirectory(m_workingDirectory).logsDir());
    const QFileInfoList files = logs.entryInfoList({QStringLiteral("mirroring_errors_*.txt")}, QDir::Files, QDir::Time);
    for (const QFileInfo &file : files) {
        if (file.lastModified() >= m_started.addSecs(-1))
            return file.absoluteFilePath();
    }
    return {};
}

QString MirrorRunWindow::exitCodeMeaning(int exitCode)
{
    if (exitCode == 0)
        return tr("Exit code 0: everything was mirrored.");
    QStringList parts;
    if (exitCode & 2)
        parts << tr("release images failed");
    if (exitCode & 4)
        parts << tr("operator images failed");
    if (exitCode & 8)
        parts << tr("additional images failed");
    if (exitCode & 16)
        parts << tr("helm images failed");
    if (exitCode & 1)
        parts << tr("the run failed or was stopped (see the log)");
    return tr("Exit code %1: %2.").arg(exitCode).arg(parts.join(QStringLiteral("; ")));
}

QString MirrorRunWindow::summaryText() const
{
    if (m_exitCode < 0)
        return isBusy() ? tr("Running…") : tr("No run yet.");
    QStringList lines;
    if (m_cancelled)
        lines << tr("The run was cancelled.");
    if (m_runKind == RunKind::Review || m_dryRunResult) {
        lines << tr("Dry run: nothing was copied. %n image(s) in the plan.", nullptr, int(m_runPlan.size()));
        if (!m_workingDirectory.isEmpty())
            lines << tr("Mapping: %1").arg(WorkingDirectory(m_workingDirectory).dryRunMappingFile());
    } else {
        const auto counts = m_model->categoryCounts();
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            const MirrorPlanModel::CategoryCounts &count = it.value();
            QString line = tr("%1: %2 / %3 mirrored")
                               .arg(MirrorPlanModel::categoryName(it.key()))
                               .arg(count.mirrored())
                               .arg(count.total);
            QStringList details;
            if (count.skipped > 0)
                details << tr("%n already present", nullptr, count.skipped);
            if (count.failed > 0)
                details << tr("%n failed", nullptr, count.failed);
            if (count.pending + count.copying > 0)
                details << tr("%n not copied", nullptr, count.pending + count.copying);
            if (!details.isEmpty())
                line += QStringLiteral(" (") + details.join(QStringLiteral(", ")) + QLatin1Char(')');
            lines << line;
        }
    }
    lines << exitCodeMeaning(m_exitCode);
    if (!m_archiveDirectory.isEmpty() && !m_dryRunResult && m_runKind != RunKind::Review && m_exitCode == 0)
        lines << tr("Archive: %1").arg(QDir::toNativeSeparators(m_archiveDirectory));
    if (m_clock.isValid())
        lines << tr("Time: %1").arg(formatElapsed(m_clock.elapsed()));
    if (!m_errorsFile.isEmpty())
        lines << tr("Errors: %1").arg(QDir::toNativeSeparators(m_errorsFile));
    return lines.join(QLatin1Char('\n'));
}

void MirrorRunWindow::openPath(const QString &path)
{
    if (!path.isEmpty())
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

QString MirrorRunWindow::chooseDirectory(const QString &current)
{
    return QFileDialog::getExistingDirectory(this, tr("Choose a Folder"),
                                             current.isEmpty() ? QDir::homePath() : current);
}

void MirrorRunWindow::closeEvent(QCloseEvent *event)
{
    if (isBusy()) {
        // A run stops cleanly before the window goes: the workflow finishes what is in flight first.
        m_closeWhenFinished = true;
        cancelRun();
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}
