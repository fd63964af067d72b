#include "deletereviewwindow.h"

#include "models/deletereviewmodel.h"

#include "config/configloader.h"
#include "config/deleteimagelistloader.h"
#include "config/mirroroptions.h"
#include "config/mirroroptionsresult.h"
#include "copy/mirrorworkflow.h"
#include "registry/imagereference.h"
#include "workspace/runlog.h"
#include "workspace/workingdirectory.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace {
QString withoutPrefix(QString text, QLatin1String prefix)
{
    text = text.trimmed();
    if (text.startsWith(prefix))
        text = text.mid(prefix.size());
    while (text.endsWith(QLatin1Char('/')))
        text.chop(1);
    return text;
}

QHBoxLayout *row(std::initializer_list<QWidget *> widgets)
{
    auto *layout = new QHBoxLayout;
    for (QWidget *widget : widgets)
        layout->addWidget(widget);
    return layout;
}
} // namespace

DeleteReviewWindow::DeleteReviewWindow(QWidget *parent)
    : QWidget(parent, Qt::Window)
{
    setWindowTitle(tr("Delete Images — Ferry"));
    m_model = new DeleteReviewModel(this);
    m_log = new RunLog(this);
    m_log->setConsoleEnabled(false);
    connect(m_log, &RunLog::lineWritten, this,
            [this](RunLog::Level, const QString &line) { m_logView->appendPlainText(line.trimmed()); });
    createWidgets();
    connect(m_model, &DeleteReviewModel::checkedRowsChanged, this, [this] {
        if (m_checkValid && !m_executing && m_model->checkedRows() != m_checkedRows)
            invalidateCheck(tr("The selection changed: check again before deleting."));
        updateActions();
    });
    resize(1300, 800);
    updateActions();
}

DeleteReviewWindow::~DeleteReviewWindow()
{
    // The run's worker writes to the log and reports to the model: it goes first (its destructor waits for it).
    delete m_run.data();
    if (m_workflow) {
        // A workflow does not wait for its discovery thread: it keeps itself and the log it writes to alive until it
        // finishes.
        m_workflow->cancel();
        m_workflow->setParent(nullptr);
        m_log->setParent(m_workflow);
        connect(m_workflow, &MirrorWorkflow::finished, m_workflow.data(), &QObject::deleteLater);
    }
}

void DeleteReviewWindow::createWidgets()
{
    auto *listGroup = new QGroupBox(tr("Delete list"), this);
    auto *listForm = new QFormLayout(listGroup);
    m_listEdit = new QLineEdit(listGroup);
    m_listEdit->setPlaceholderText(tr("working-dir/delete/delete-images.yaml"));
    auto *browseList = new QPushButton(tr("Browse…"), listGroup);
    connect(browseList, &QPushButton::clicked, this, &DeleteReviewWindow::browseList);
    m_loadButton = new QPushButton(tr("&Load"), listGroup);
    connect(m_loadButton, &QPushButton::clicked, this, [this] { loadList(); });
    listForm->addRow(tr("List file:"), row({m_listEdit, browseList, m_loadButton}));

    m_workspaceEdit = new QLineEdit(listGroup);
    m_workspaceEdit->setPlaceholderText(tr("the workspace of the mirror runs"));
    auto *browseWorkspace = new QPushButton(tr("Browse…"), listGroup);
    connect(browseWorkspace, &QPushButton::clicked, this, &DeleteReviewWindow::browseWorkspace);
    listForm->addRow(tr("Or generate it from workspace:"), row({m_workspaceEdit, browseWorkspace}));
    m_configurationEdit = new QLineEdit(listGroup);
    m_configurationEdit->setPlaceholderText(tr("delete-imageset-config.yaml"));
    auto *browseConfiguration = new QPushButton(tr("Browse…"), listGroup);
    connect(browseConfiguration, &QPushButton::clicked, this, &DeleteReviewWindow::browseConfiguration);
    listForm->addRow(tr("DeleteImageSetConfiguration:"), row({m_configurationEdit, browseConfiguration}));
    m_v1Box = new QCheckBox(tr("Delete the tags oc-mirror v1 wrote (--delete-v1-images)"), listGroup);
    m_signaturesBox = new QCheckBox(tr("Delete signatures too (--delete-signatures)"), listGroup);
    m_generateButton = new QPushButton(tr("&Generate List"), listGroup);
    connect(m_generateButton, &QPushButton::clicked, this, &DeleteReviewWindow::generateList);
    auto *generateRow = row({m_v1Box, m_signaturesBox});
    generateRow->addStretch();
    generateRow->addWidget(m_generateButton);
    listForm->addRow(QString(), generateRow);

    auto *destinationGroup = new QGroupBox(tr("Destination"), this);
    auto *destinationForm = new QFormLayout(destinationGroup);
    m_destinationEdit = new QLineEdit(destinationGroup);
    m_destinationEdit->setPlaceholderText(tr("registry.example.com:5000/mirror"));
    destinationForm->addRow(tr("Registry (docker://):"), m_destinationEdit);
    m_tlsBox = new QCheckBox(tr("Verify the registry's TLS certificate"), destinationGroup);
    m_tlsBox->setChecked(true);
    m_cacheBox =
        new QCheckBox(tr("Also remove the images from the local cache (--force-cache-delete)"), destinationGroup);
    destinationForm->addRow(QString(), row({m_tlsBox, m_cacheBox}));
    // What the check said no longer holds once the target or the options change.
    for (QLineEdit *edit : {m_listEdit, m_destinationEdit}) {
        connect(edit, &QLineEdit::textEdited, this,
                [this] { invalidateCheck(tr("The options changed: check again before deleting.")); });
    }
    for (QCheckBox *box : {m_tlsBox, m_cacheBox}) {
        connect(box, &QCheckBox::toggled, this,
                [this] { invalidateCheck(tr("The options changed: check again before deleting.")); });
    }

    m_checkButton = new QPushButton(tr("&Check"), this);
    m_checkButton->setToolTip(tr("Ask the registry what each item is, which items other images still need, and "
                                 "what a garbage collection would free. Nothing is deleted."));
    connect(m_checkButton, &QPushButton::clicked, this, &DeleteReviewWindow::check);
    m_executeButton = new QPushButton(tr("Delete…"), this);
    m_executeButton->setAutoDefault(false);
    m_executeButton->setDefault(false);
    connect(m_executeButton, &QPushButton::clicked, this, &DeleteReviewWindow::requestExecution);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    connect(m_cancelButton, &QPushButton::clicked, this, &DeleteReviewWindow::cancel);
    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(false); // shown while deleting: a check has no count to show
    m_progress->setFormat(tr("%v of %m deleted"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    auto *actions = row({m_checkButton, m_executeButton, m_cancelButton, m_progress});
    actions->setStretch(3, 1);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    // References differ at their ends (registry, tag), not in the middle.
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(DeleteReviewModel::ImageColumn, 310);
    m_table->setColumnWidth(DeleteReviewModel::DestinationColumn, 340);
    m_table->setColumnWidth(DeleteReviewModel::DigestColumn, 150);
    m_table->setColumnWidth(DeleteReviewModel::KindColumn, 150);
    m_table->setColumnWidth(DeleteReviewModel::StateColumn, 100);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_logView = new QPlainTextEdit(this);
    m_logView->setReadOnly(true);
    m_logView->setMaximumBlockCount(5000);
    m_logView->setPlaceholderText(tr("The run log appears here."));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_logView);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(listGroup);
    layout->addWidget(destinationGroup);
    layout->addLayout(actions);
    layout->addWidget(m_summary);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);
}

void DeleteReviewWindow::setListFile(const QString &path)
{
    m_listEdit->setText(path);
    invalidateCheck(QString());
}

QString DeleteReviewWindow::listFile() const
{
    return m_listEdit->text().trimmed();
}

void DeleteReviewWindow::setWorkspace(const QString &path)
{
    m_workspaceEdit->setText(withoutPrefix(path, QLatin1String("file://")));
}

void DeleteReviewWindow::setDeleteConfigurationFile(const QString &path)
{
    m_configurationEdit->setText(path);
}

void DeleteReviewWindow::setDestination(const QString &registry)
{
    m_destinationEdit->setText(withoutPrefix(registry, QLatin1String("docker://")));
    invalidateCheck(QString());
}

QString DeleteReviewWindow::destination() const
{
    return withoutPrefix(m_destinationEdit->text(), QLatin1String("docker://"));
}

void DeleteReviewWindow::setTlsVerify(bool verify)
{
    m_tlsBox->setChecked(verify);
}

void DeleteReviewWindow::setForceCacheDelete(bool force)
{
    m_cacheBox->setChecked(force);
}

void DeleteReviewWindow::setDeleteV1Images(bool enabled)
{
    m_v1Box->setChecked(enabled);
}

void DeleteReviewWindow::setDeleteSignatures(bool enabled)
{
    m_signaturesBox->setChecked(enabled);
}

void DeleteReviewWindow::setEnvironment(const QProcessEnvironment &environment)
{
    m_environment = environment;
    invalidateCheck(QString());
}

bool DeleteReviewWindow::isBusy() const
{
    return (m_run && m_run->isRunning()) || m_workflow;
}

bool DeleteReviewWindow::isReadyToExecute() const
{
    return m_checkValid && !isBusy() && m_manifests > 0;
}

QString DeleteReviewWindow::summaryText() const
{
    return m_summary->text();
}

QString DeleteReviewWindow::statusText() const
{
    return m_status->text();
}

QString DeleteReviewWindow::logText() const
{
    return m_logView->toPlainText();
}

void DeleteReviewWindow::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #c01c28;") : QString());
}

void DeleteReviewWindow::invalidateCheck(const QString &reason)
{
    if (m_executing)
        return;
    const bool wasValid = m_checkValid;
    m_checkValid = false;
    if (wasValid && !reason.isEmpty())
        setStatus(reason);
    updateActions();
}

void DeleteReviewWindow::updateActions()
{
    const bool busy = isBusy();
    m_loadButton->setEnabled(!busy);
    m_generateButton->setEnabled(!busy);
    m_checkButton->setEnabled(!busy && !m_model->checkedRows().isEmpty());
    m_executeButton->setEnabled(isReadyToExecute());
    m_cancelButton->setEnabled(busy);
    m_executeButton->setText(m_checkValid && m_manifests > 0
                                 ? tr("Delete %n manifest(s) from %1…", nullptr, m_manifests).arg(m_checkedRegistry)
                                 : tr("Delete…"));
}

std::optional<DeleteRun::Options> DeleteReviewWindow::runOptions(QString *error) const
{
    if (listFile().isEmpty()) {
        *error = tr("Choose a delete-images.yaml, or generate one.");
        return std::nullopt;
    }
    if (destination().isEmpty()) {
        *error = tr("Enter the destination registry the list was generated for (docker://R).");
        return std::nullopt;
    }
    // The same parser as ferryctl: the same defaults (auth file, cache directory) and the same checks.
    QStringList arguments{QStringLiteral("delete"),
                          QStringLiteral("--v2"),
                          QStringLiteral("--delete-yaml-file"),
                          listFile(),
                          QStringLiteral("docker://") + destination(),
                          m_tlsBox->isChecked() ? QStringLiteral("--dest-tls-verify=true")
                                                : QStringLiteral("--dest-tls-verify=false")};
    if (m_cacheBox->isChecked())
        arguments << QStringLiteral("--force-cache-delete");
    const MirrorOptionsResult parsed = MirrorOptions::parse(arguments, m_environment);
    if (!parsed.isValid()) {
        *error = parsed.errors.join(QLatin1Char('\n'));
        return std::nullopt;
    }
    return DeleteRun::Options::fromMirrorOptions(*parsed.options);
}

bool DeleteReviewWindow::loadList(QString *error)
{
    QString problem;
    if (isBusy()) {
        problem = tr("Wait until the current step has finished.");
    } else if (listFile().isEmpty()) {
        problem = tr("Choose a delete-images.yaml, or generate one.");
    } else {
        const DeleteImageListLoadResult loaded = DeleteImageListLoader::loadFile(listFile());
        QStringList errors;
        for (const ConfigError &configError : loaded.errors)
            errors << configError.toString();
        if (!loaded.errors.isEmpty() || !loaded.list) {
            problem =
                errors.isEmpty() ? tr("%1 is not a DeleteImageList").arg(listFile()) : errors.join(QLatin1Char('\n'));
        } else {
            m_model->setItems(loaded.list->items);
            m_checkValid = false;
            m_manifests = 0;
            m_reportFile.clear();
            m_summary->setText(tr("%n item(s) listed. Check them against the registry before deleting.", nullptr,
                                  static_cast<int>(loaded.list->items.size())));
            // The registry the list names, when the admin has not said which one yet.
            if (destination().isEmpty() && !loaded.list->items.isEmpty()) {
                const auto first = ImageReference::parse(
                    withoutPrefix(loaded.list->items.constFirst().imageReference, QLatin1String("docker://")));
                if (first)
                    m_destinationEdit->setText(first->domain());
            }
            setStatus(QString());
            updateActions();
            emit listLoaded();
            return true;
        }
    }
    setStatus(problem, true);
    if (error)
        *error = problem;
    return false;
}

void DeleteReviewWindow::generateList()
{
    if (isBusy())
        return;
    const QString workspace = withoutPrefix(m_workspaceEdit->text(), QLatin1String("file://"));
    const QString configurationFile = m_configurationEdit->text().trimmed();
    QString problem;
    if (workspace.isEmpty() || configurationFile.isEmpty())
        problem = tr("Generating a list needs the workspace and a DeleteImageSetConfiguration.");
    else if (destination().isEmpty())
        problem = tr("Enter the destination registry the images were mirrored to (docker://R).");
    ImageSetConfiguration configuration;
    std::optional<MirrorOptions> options;
    if (problem.isEmpty()) {
        const ConfigLoadResult loaded = ConfigLoader::loadFile(configurationFile);
        QStringList errors;
        for (const ConfigError &configError : loaded.errors)
            errors << configError.toString();
        if (!errors.isEmpty())
            problem = errors.join(QLatin1Char('\n'));
        else if (!loaded.deleteImageSetConfiguration)
            problem = tr("%1: generating a delete list needs a DeleteImageSetConfiguration").arg(configurationFile);
        else
            configuration.mirror = loaded.deleteImageSetConfiguration->deleteContent;
    }
    if (problem.isEmpty()) {
        QStringList arguments{QStringLiteral("delete"),
                              QStringLiteral("--v2"),
                              QStringLiteral("--generate"),
                              QStringLiteral("-c"),
                              configurationFile,
                              QStringLiteral("--workspace"),
                              QStringLiteral("file://") + workspace,
                              QStringLiteral("docker://") + destination(),
                              m_tlsBox->isChecked() ? QStringLiteral("--dest-tls-verify=true")
                                                    : QStringLiteral("--dest-tls-verify=false")};
        if (m_v1Box->isChecked())
            arguments << QStringLiteral("--delete-v1-images");
        if (m_signaturesBox->isChecked())
            arguments << QStringLiteral("--delete-signatures");
        const MirrorOptionsResult parsed = MirrorOptions::parse(arguments, m_environment);
        if (!parsed.isValid())
            problem = parsed.errors.join(QLatin1Char('\n'));
        else
            options = parsed.options;
        for (const QString &warning : parsed.warnings)
            m_log->warn(warning);
        QString error;
        if (options && !WorkingDirectory(options->workingDirectory).create(&error))
            problem = error;
    }
    if (!problem.isEmpty()) {
        setStatus(problem, true);
        emit generationFinished(1);
        return;
    }

    m_checkValid = false;
    setStatus(tr("Generating the delete list from %1…").arg(workspace));
    const QString listPath = WorkingDirectory(options->workingDirectory).deleteImagesFile(options->deleteId);
    m_workflow = new MirrorWorkflow(*options, configuration, m_log, m_environment, this);
    connect(m_workflow, &MirrorWorkflow::finished, this, [this, listPath](int exitCode) {
        m_workflow->deleteLater();
        m_workflow.clear();
        if (exitCode == 0 || QFileInfo::exists(listPath)) {
            setListFile(listPath);
            loadList();
        }
        if (exitCode != 0)
            setStatus(tr("Generating the list failed (exit code %1): see the log.").arg(exitCode), true);
        else
            setStatus(tr("Generated %1. Check it before deleting.").arg(listPath));
        updateActions();
        emit generationFinished(exitCode);
    });
    m_workflow->start();
    updateActions();
}

void DeleteReviewWindow::check()
{
    if (isBusy())
        return;
    QString problem;
    const std::optional<DeleteRun::Options> options = runOptions(&problem);
    if (!options) {
        setStatus(problem, true);
        emit checkFinished(false);
        return;
    }
    if (m_run)
        delete m_run.data();
    m_run = new DeleteRun(*options, m_log, this);
    if (!m_run->load()) {
        setStatus(m_run->errors().join(QLatin1Char('\n')), true);
        emit checkFinished(false);
        return;
    }
    // The file may have been generated again meanwhile: the table shows what is executed.
    QList<DeleteImageItem> shown;
    for (int row = 0; row < m_model->rowCount(); ++row)
        shown << m_model->item(row);
    if (shown != m_run->items()) {
        m_model->setItems(m_run->items());
        m_reportFile.clear();
    }
    m_checkValid = false;
    m_checkedRows = m_model->checkedRows();
    QList<DeleteImageItem> items;
    for (int row : std::as_const(m_checkedRows))
        items << m_model->item(row);
    m_checkedRegistry = options->destinationRegistry;
    connect(m_run, &DeleteRun::checkFinished, this, &DeleteReviewWindow::onCheckFinished);
    connect(m_run, &DeleteRun::itemStarted, this, [this](int index) {
        if (index < m_checkedRows.size())
            m_model->setDeleting(m_checkedRows.at(index));
    });
    connect(m_run, &DeleteRun::itemFinished, this, [this](int index, const DeleteExecutor::Outcome &outcome) {
        if (index < m_checkedRows.size())
            m_model->applyOutcome(m_checkedRows.at(index), outcome);
        m_progress->setValue(m_progress->value() + 1);
    });
    connect(m_run, &DeleteRun::executionFinished, this, &DeleteReviewWindow::onExecutionFinished);
    setStatus(tr("Checking %n item(s) against %1…", nullptr, static_cast<int>(items.size()))
                  .arg(options->destinationRegistry));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_run->startCheck(items);
    updateActions();
}

void DeleteReviewWindow::onCheckFinished(const DeleteRun::Check &result)
{
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    if (!result.error.isEmpty()) {
        m_checkValid = false;
        setStatus(tr("The check failed, nothing will be deleted: %1").arg(result.error), true);
        updateActions();
        emit checkFinished(false);
        return;
    }
    m_model->applyCheck(m_checkedRows, result.outcomes);
    // Protected and failed rows were unchecked: the execution covers the rest.
    m_checkedRows = m_model->checkedRows();
    m_manifests = result.manifestCount();
    m_checkValid = true;
    using State = DeleteReviewModel::State;
    QString text = tr("%1 will be deleted (%n manifest(s)), %2 protected, %3 skipped, %4 already gone, %5 failed, "
                      "%6 left out.",
                      nullptr, m_manifests)
                       .arg(m_model->count(State::WillDelete))
                       .arg(m_model->count(State::Protected))
                       .arg(m_model->count(State::Skipped))
                       .arg(m_model->count(State::AlreadyGone))
                       .arg(m_model->count(State::Failed))
                       .arg(m_model->count(State::LeftOut));
    if (result.garbageEstimated) {
        if (result.garbage.error.isEmpty()) {
            text += QLatin1Char(' ') +
                    tr("A garbage collection of the registry would then free about %1 (%n blob(s)).", nullptr,
                       result.garbage.blobs)
                        .arg(QLocale().formattedDataSize(result.garbage.bytes, 1, QLocale::DataSizeTraditionalFormat));
            if (!result.garbage.allRepositories && result.garbage.repositoriesListed > 0)
                text += QLatin1Char(' ') + tr("At most: the registry holds %1 repositories, too many to read; only "
                                              "the affected ones were.")
                                               .arg(result.garbage.repositoriesListed);
            else if (!result.garbage.allRepositories)
                text += QLatin1Char(' ') + tr("At most: the registry does not list its repositories.");
        } else {
            text += QLatin1Char(' ') + tr("No estimate of the space freed: %1").arg(result.garbage.error);
        }
    }
    m_summary->setText(text);
    setStatus(m_manifests > 0 ? tr("Review the list, then delete. Execution checks each image again right before "
                                   "deleting it.")
                              : tr("Nothing to delete."));
    updateActions();
    emit checkFinished(true);
}

void DeleteReviewWindow::requestExecution()
{
    if (!isReadyToExecute())
        return;
    if (m_confirmation)
        m_confirmation->deleteLater();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete Images"),
                                tr("Delete %n manifest(s) from %1?", nullptr, m_manifests).arg(m_checkedRegistry),
                                QMessageBox::NoButton, this);
    box->setInformativeText(tr("Every tag on a deleted manifest goes with it. This cannot be undone; the space "
                               "returns after a garbage collection of the registry."));
    QPushButton *deleteButton =
        box->addButton(tr("Delete %n manifest(s)", nullptr, m_manifests), QMessageBox::DestructiveRole);
    QPushButton *cancelButton = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancelButton);
    box->setEscapeButton(cancelButton);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::buttonClicked, this, [this, deleteButton](QAbstractButton *clicked) {
        if (clicked == deleteButton)
            execute();
    });
    m_confirmation = box;
    box->open();
}

void DeleteReviewWindow::execute()
{
    if (!isReadyToExecute() || !m_run)
        return;
    QList<DeleteImageItem> items;
    for (int row : std::as_const(m_checkedRows))
        items << m_model->item(row);
    m_executing = true;
    m_reportFile.clear();
    // Like ferryctl: a list inside a working-dir logs the deletion into its logs/ folder too.
    const QFileInfo deleteDir(QFileInfo(listFile()).absolutePath());
    if (deleteDir.fileName() == QLatin1String("delete") &&
        QFileInfo(deleteDir.absolutePath()).fileName() == WorkingDirectory::directoryName()) {
        QString error;
        if (!m_log->openInWorkingDirectory(WorkingDirectory(deleteDir.absolutePath()), QDateTime::currentDateTime(),
                                           &error))
            m_log->warn(error);
    }
    // Only what the check found deletable gets a deletion (and a progress step).
    const auto deletable = std::count_if(m_checkedRows.cbegin(), m_checkedRows.cend(), [this](int row) {
        return m_model->state(row) == DeleteReviewModel::State::WillDelete;
    });
    m_progress->setRange(0, std::max(1, static_cast<int>(deletable)));
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    setStatus(tr("Deleting from %1…").arg(m_checkedRegistry));
    m_run->startExecute(items);
    updateActions();
}

void DeleteReviewWindow::onExecutionFinished(const DeleteRun::Summary &summary)
{
    m_executing = false;
    m_checkValid = false; // what is left has to be checked again
    m_log->closeFile();
    m_progress->setValue(m_progress->maximum());
    const DeleteExecutor::Result &result = summary.result;
    if (!result.error.isEmpty()) {
        setStatus(tr("Nothing was deleted: %1").arg(result.error), true);
    } else {
        for (qsizetype i = 0; i < result.outcomes.size() && i < m_checkedRows.size(); ++i)
            m_model->applyOutcome(m_checkedRows.at(i), result.outcomes.at(i));
        using State = DeleteExecutor::State;
        QString text = tr("%1 deleted, %2 already gone, %3 protected, %4 skipped, %5 failed.")
                           .arg(result.count(State::Deleted))
                           .arg(result.count(State::AlreadyGone))
                           .arg(result.count(State::Protected))
                           .arg(result.count(State::Skipped))
                           .arg(result.count(State::Failed));
        if (!result.deletionDisabledError.isEmpty())
            text += QLatin1Char(' ') + result.deletionDisabledError;
        if (result.garbageEstimated && result.garbage.error.isEmpty())
            text += QLatin1Char(' ') +
                    tr("A garbage collection of the registry would now free about %1.")
                        .arg(QLocale().formattedDataSize(result.garbage.bytes, 1, QLocale::DataSizeTraditionalFormat));
        if (summary.cacheCleaned)
            text += QLatin1Char(' ') + tr("Local cache: %1.").arg(summary.cache.summary());
        m_summary->setText(text);
        m_reportFile = summary.reportFile;
        const QString reportText = m_reportFile.isEmpty() ? tr("The report could not be written: see the log.")
                                                          : tr("Report written to %1.").arg(m_reportFile);
        setStatus(summary.exitCode == 0
                      ? tr("Done. %1 Remember to run a garbage collection on the registry.").arg(reportText)
                      : tr("Some images could not be deleted. %1").arg(reportText),
                  summary.exitCode != 0);
    }
    updateActions();
    emit executionFinished(summary.exitCode);
}

void DeleteReviewWindow::cancel()
{
    if (m_run && m_run->isRunning()) {
        m_run->cancel();
        setStatus(tr("Cancelling: what is being deleted finishes, the rest is left alone…"));
    }
    if (m_workflow)
        m_workflow->cancel();
}

void DeleteReviewWindow::closeEvent(QCloseEvent *event)
{
    if (isBusy()) {
        // Leaving would stop the run half-way without a report; cancel first.
        cancel();
        event->ignore();
        return;
    }
    QWidget::closeEvent(event);
}

void DeleteReviewWindow::browseList()
{
    auto *dialog = new QFileDialog(this, tr("Open Delete List"), QFileInfo(listFile()).absolutePath(),
                                   tr("Delete lists (delete-images*.yaml);;YAML files (*.yaml *.yml)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        setListFile(file);
        loadList();
    });
    dialog->open();
}

void DeleteReviewWindow::browseWorkspace()
{
    auto *dialog = new QFileDialog(this, tr("Choose the Workspace"), m_workspaceEdit->text());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &directory) { setWorkspace(directory); });
    dialog->open();
}

void DeleteReviewWindow::browseConfiguration()
{
    auto *dialog =
        new QFileDialog(this, tr("Open DeleteImageSetConfiguration"),
                        QFileInfo(m_configurationEdit->text()).absolutePath(), tr("YAML files (*.yaml *.yml)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString &file) { setDeleteConfigurationFile(file); });
    dialog->open();
}
