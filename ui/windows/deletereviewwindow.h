#pragma once

#include "delete/deleterun.h"

#include <QList>
#include <QMessageBox>
#include <QPointer>
#include <QProcessEnvironment>
#include <QWidget>

#include <optional>

class DeleteReviewModel;
class MirrorWorkflow;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class RunLog;

// Where an admin reviews a deletion and carries it out: open a delete-images.yaml (or generate one from a
// workspace and a DeleteImageSetConfiguration), check it against the destination registry (what would go, what is
// protected and why, what a garbage collection would then free), leave items out, confirm explicitly, and watch
// each item being deleted. Execution checks again right before deleting and writes delete-report.txt beside the
// list, exactly as `ferryctl delete --delete-yaml-file` does. All registry work runs on worker threads.
class DeleteReviewWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeleteReviewWindow)

public:
    explicit DeleteReviewWindow(QWidget *parent = nullptr);
    ~DeleteReviewWindow() override;

    void setListFile(const QString &path);
    QString listFile() const;
    // The generation inputs: a workspace (file:// optional) and a DeleteImageSetConfiguration file.
    void setWorkspace(const QString &path);
    void setDeleteConfigurationFile(const QString &path);
    // R of docker://R; the prefix is optional.
    void setDestination(const QString &registry);
    QString destination() const;
    void setTlsVerify(bool verify);
    void setForceCacheDelete(bool force);
    void setDeleteV1Images(bool enabled);
    void setDeleteSignatures(bool enabled);
    // What ferryctl would read from its environment (HOME, OC_MIRROR_CACHE, REGISTRY_AUTH_FILE, UPDATE_URL_OVERRIDE,
    // …); the process environment unless set.
    void setEnvironment(const QProcessEnvironment &environment);

    // Reads the list into the table (no registry access). False with the reason shown and in *error.
    bool loadList(QString *error = nullptr);
    // Asynchronous; each ends with its signal.
    void generateList();
    void check();
    // Asks for confirmation (a window-modal box whose default button is Cancel), then executes.
    void requestExecution();
    // Executes the checked items of the last check without asking.
    void execute();
    void cancel();

    bool isBusy() const;
    bool isReadyToExecute() const;
    DeleteReviewModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QPushButton *checkButton() const { return m_checkButton; }
    QPushButton *executeButton() const { return m_executeButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QMessageBox *confirmation() const { return m_confirmation; }
    QString summaryText() const;
    QString statusText() const;
    QString logText() const;
    // Where the last execution wrote its report; empty before.
    QString reportFile() const { return m_reportFile; }
    // The manifests the last check found deletable (what the confirmation names).
    int manifestsToDelete() const { return m_manifests; }

signals:
    void listLoaded();
    void generationFinished(int exitCode);
    void checkFinished(bool ok);
    void executionFinished(int exitCode);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createWidgets();
    std::optional<DeleteRun::Options> runOptions(QString *error) const;
    void invalidateCheck(const QString &reason);
    void updateActions();
    void setStatus(const QString &text, bool problem = false);
    void onCheckFinished(const DeleteRun::Check &result);
    void onExecutionFinished(const DeleteRun::Summary &summary);
    void browseList();
    void browseWorkspace();
    void browseConfiguration();

    DeleteReviewModel *m_model = nullptr;
    RunLog *m_log = nullptr;
    QPointer<DeleteRun> m_run;
    QPointer<MirrorWorkflow> m_workflow;
    QList<int> m_checkedRows;  // the rows the last check (or the running execution) covers
    bool m_checkValid = false; // the last check still describes the selection and the options
    bool m_executing = false;
    int m_manifests = 0;
    QString m_checkedRegistry;
    QString m_reportFile;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();

    QLineEdit *m_listEdit = nullptr;
    QLineEdit *m_workspaceEdit = nullptr;
    QLineEdit *m_configurationEdit = nullptr;
    QCheckBox *m_v1Box = nullptr;
    QCheckBox *m_signaturesBox = nullptr;
    QPushButton *m_generateButton = nullptr;
    QPushButton *m_loadButton = nullptr;
    QLineEdit *m_destinationEdit = nullptr;
    QCheckBox *m_tlsBox = nullptr;
    QCheckBox *m_cacheBox = nullptr;
    QPushButton *m_checkButton = nullptr;
    QPushButton *m_executeButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPlainTextEdit *m_logView = nullptr;
    QPointer<QMessageBox> m_confirmation;
};
