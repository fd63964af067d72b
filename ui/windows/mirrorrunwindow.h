#pragma once

#include "config/imagesetconfiguration.h"
#include "copy/imagecopyprogress.h"
#include "plan/mirrorplanentry.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QProcessEnvironment>
#include <QSet>

class MirrorPlanFilterModel;
class MirrorPlanModel;
class MirrorWorkflow;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;
class RunLog;

// Runs a mirror from the GUI, as ferryctl would run it: the admin picks the workflow and its flags (validated by
// the same MirrorOptions rules, with the same messages), reviews every image the run will copy (a dry run), starts
// the real run and watches each image, cancels, and reads the result per category with oc-mirror's exit code.
// The equivalent ferryctl command line is always one click away.
class MirrorRunWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MirrorRunWindow)

public:
    enum class Workflow {
        MirrorToMirror,
        MirrorToDisk,
        DiskToMirror,
    };
    Q_ENUM(Workflow)

    enum class Phase {
        Idle,
        Reviewing, // the dry run is discovering the plan
        Reviewed,
        Running,
        Finished,
    };
    Q_ENUM(Phase)

    // configPath: the file the configuration came from (empty for a new document). When the file no longer says
    // the same as `configuration`, runs use a copy written to snapshotConfigPath() instead.
    MirrorRunWindow(ImageSetConfiguration configuration, const QString &configPath, QWidget *parent = nullptr);
    ~MirrorRunWindow() override;

    // The environment runs see (registries.conf, auth file, cache location); the process's by default.
    void setEnvironment(const QProcessEnvironment &environment);

    void setWorkflow(Workflow workflow);
    Workflow workflow() const;
    void setDirectory(const QString &directory);
    void setDestination(const QString &destination);
    void setCacheDirectory(const QString &directory);
    void setAuthFile(const QString &file);
    void setParallelImages(int count);
    void setParallelLayers(int count);
    void setDestTlsVerify(bool verify);
    void setSrcTlsVerify(bool verify);
    void setDryRun(bool dryRun);

    // ferryctl's arguments for the options on screen (after the program name), with `configFile` as -c.
    QStringList arguments(const QString &configFile, bool retryFailed = false) const;
    // The command line to copy: "ferryctl …", shell-quoted like the export dialog's.
    QString commandLine() const;
    // MirrorOptions' errors for the options on screen; empty when a run can start.
    QStringList validationErrors() const;
    // The configuration file runs use: the document's own file when it matches, else the snapshot.
    QString effectiveConfigPath() const;
    QString snapshotConfigPath() const;

    Phase phase() const { return m_phase; }
    bool isBusy() const { return m_phase == Phase::Reviewing || m_phase == Phase::Running; }
    int exitCode() const { return m_exitCode; }
    bool wasCancelled() const { return m_cancelled; }
    QList<MirrorPlanEntry> reviewedPlan() const { return m_reviewedPlan; }
    QString workingDirectory() const { return m_workingDirectory; }
    QString clusterResourcesDirectory() const;
    // mirrorToDisk: the folder the archive was written to.
    QString archiveDirectory() const { return m_archiveDirectory; }
    QString mirroringErrorsFile() const { return m_errorsFile; }
    QString logFile() const { return m_logFile; }
    QString summaryText() const;
    static QString exitCodeMeaning(int exitCode);

    MirrorPlanModel *planModel() const { return m_model; }
    MirrorPlanFilterModel *filterModel() const { return m_filter; }
    QTableView *planView() const { return m_planView; }
    QPlainTextEdit *logView() const { return m_logView; }
    QProgressBar *overallProgress() const { return m_overall; }
    QPushButton *reviewButton() const { return m_reviewButton; }
    QPushButton *startButton() const { return m_startButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QPushButton *retryButton() const { return m_retryButton; }
    QLabel *summaryLabel() const { return m_summary; }

public Q_SLOTS:
    // Step 1: a dry run that lists every image the run would copy; nothing is copied.
    bool reviewPlan();
    // Step 2: the real run.
    bool startRun();
    // Copies again only what failed last time (ferryctl --retry-failed, the same copy journal).
    bool retryFailed();
    void cancelRun();
    // Writes the configuration snapshot when needed and puts the command line on the clipboard.
    void copyCommandLine();

Q_SIGNALS:
    void phaseChanged(MirrorRunWindow::Phase phase);
    void planReviewed(int exitCode);
    void runFinished(int exitCode);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    enum class RunKind { Review, Run, Retry };

    void createWidgets();
    void updateOptionWidgets();
    void updateValidation();
    void updateActions();
    void updateOverallProgress();
    void updateCounts();
    void updateElapsed();
    void setPhase(Phase phase);
    bool launch(RunKind kind);
    bool prepareConfigFile(QString *path, QString *error);
    void showProblems(const QStringList &problems);
    void onPlanReady(const QList<MirrorPlanEntry> &entries);
    void onProgress(const QList<ImageCopyProgress> &rows);
    void onFinished(int exitCode);
    void appendLogLine(const QString &line);
    QString findErrorsFile() const;
    void openPath(const QString &path);
    QString chooseDirectory(const QString &current);

    ImageSetConfiguration m_configuration;
    QString m_configPath;
    bool m_configFileMatches = false;
    QProcessEnvironment m_environment;

    MirrorPlanModel *m_model = nullptr;
    MirrorPlanFilterModel *m_filter = nullptr;

    QComboBox *m_workflowCombo = nullptr;
    QLabel *m_configLabel = nullptr;
    QLabel *m_directoryLabel = nullptr;
    QLineEdit *m_directory = nullptr;
    QLineEdit *m_destination = nullptr;
    QLineEdit *m_cacheDir = nullptr;
    QLineEdit *m_authFile = nullptr;
    QSpinBox *m_parallelImages = nullptr;
    QSpinBox *m_parallelLayers = nullptr;
    QSpinBox *m_retryTimes = nullptr;
    QSpinBox *m_maxNestedPaths = nullptr;
    QComboBox *m_logLevel = nullptr;
    QCheckBox *m_destTlsVerify = nullptr;
    QCheckBox *m_srcTlsVerify = nullptr;
    QCheckBox *m_dryRun = nullptr;
    QCheckBox *m_strictArchive = nullptr;
    QCheckBox *m_sinceEnabled = nullptr;
    QDateEdit *m_since = nullptr;
    QLineEdit *m_commandLine = nullptr;
    QLabel *m_problems = nullptr;

    QPushButton *m_reviewButton = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_retryButton = nullptr;
    QPushButton *m_copyButton = nullptr;

    QLabel *m_counts = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QLineEdit *m_textFilter = nullptr;
    QTableView *m_planView = nullptr;
    QProgressBar *m_overall = nullptr;
    QLabel *m_elapsed = nullptr;
    QPlainTextEdit *m_logView = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_openResources = nullptr;
    QPushButton *m_openErrors = nullptr;
    QPushButton *m_openLog = nullptr;
    QTimer *m_elapsedTimer = nullptr;

    Phase m_phase = Phase::Idle;
    RunKind m_runKind = RunKind::Review;
    QPointer<MirrorWorkflow> m_workflow;
    QPointer<RunLog> m_log;
    QList<MirrorPlanEntry> m_reviewedPlan;
    QStringList m_reviewedArguments;  // the options the plan was reviewed with
    QList<MirrorPlanEntry> m_runPlan; // the plan as the workflow runs it (rows of its progress)
    QList<int> m_rowMap;              // run plan row → model row (a retry updates the rows it retries)
    QSet<int> m_reported;             // run rows already logged as finished
    QElapsedTimer m_clock;
    QDateTime m_started;
    int m_exitCode = -1;
    bool m_cancelled = false;
    bool m_dryRunResult = false;
    bool m_closeWhenFinished = false;
    QString m_workingDirectory;
    QString m_mode;
    QString m_archiveDirectory; // mirrorToDisk: where the archive goes
    QString m_errorsFile;
    QString m_logFile;
    QString m_planNote;
};
