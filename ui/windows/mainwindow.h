#pragma once

#include "config/configerror.h"
#include "config/configkind.h"

#include <QByteArray>
#include <QList>
#include <QMainWindow>
#include <QPointer>

class ConfigLoadResult;
class ConfigTreeModel;
class IssueListModel;
class ItemDetailForm;
class QAction;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QTimer;
class QTreeView;

// Ferry's main window: a configuration as a tree (left), the selected item's fields (right), the YAML that
// will be saved and the validation issues (below). Validation runs on a worker thread after every edit.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads a file. Problems (syntax, unknown fields, validation) are listed in the issues panel with their
    // file:line:col; whatever part of the configuration could be read is still shown. False on any problem.
    bool openFile(const QString &path);
    void openSample();
    void newDocument(ConfigKind kind);
    // Writes the configuration as YAML (atomically). False with *error set on failure.
    bool saveToFile(const QString &path, QString *error = nullptr);

    QString filePath() const { return m_filePath; }
    QString documentName() const { return m_documentName; }
    bool isValidationPending() const;
    // The YAML the preview shows, i.e. what Save writes (empty until the first validation finished).
    QByteArray previewYaml() const { return m_previewYaml; }

    ConfigTreeModel *treeModel() const { return m_model; }
    IssueListModel *issueModel() const { return m_issues; }
    QTreeView *treeView() const { return m_tree; }
    QTreeView *issueView() const { return m_issueView; }
    ItemDetailForm *detailForm() const { return m_form; }
    QPlainTextEdit *yamlView() const { return m_yaml; }

public Q_SLOTS:
    // Validates now instead of after the short pause that follows edits.
    void validateNow();
    // Selects the item an issue points at (and the field, when it names one); a position without a matching
    // item moves the YAML view's cursor there instead.
    void showIssue(const QModelIndex &issueIndex);

Q_SIGNALS:
    // A validation run finished and the preview and the issues panel show its result.
    void validationFinished();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    struct ValidationOutcome
    {
        QByteArray yaml;
        QList<ConfigError> errors;
    };

    void createActions();
    void createMenus();
    void createToolBar();
    void createCentralWidget();
    void updateActions();
    void updateTitle();
    void showIssues(const QList<ConfigError> &issues);
    void onContentChanged();
    void onCurrentChanged(const QModelIndex &current);
    void showTreeContextMenu(const QPoint &position);
    void addItem();
    void addLocalChart();
    void removeItem();
    void pickReleasesOnGraph();
    bool maybeSave();
    void openWithDialog();
    bool save();
    bool saveAs();
    void exportForFerryctl();
    void runMirror();
    void deleteImages();
    void showAbout();
    QByteArray currentYaml() const;
    void loadResult(const ConfigLoadResult &result, const QByteArray &text);

    ConfigTreeModel *m_model = nullptr;
    IssueListModel *m_issues = nullptr;
    QTreeView *m_tree = nullptr;
    ItemDetailForm *m_form = nullptr;
    QPlainTextEdit *m_yaml = nullptr;
    QTreeView *m_issueView = nullptr;
    QLabel *m_issueSummary = nullptr;
    QLabel *m_kindLabel = nullptr;
    QTimer *m_validationTimer = nullptr;

    QAction *m_newImageSetAction = nullptr;
    QAction *m_newDeleteAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_runMirrorAction = nullptr;
    QAction *m_deleteImagesAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_addAction = nullptr;
    QAction *m_addLocalChartAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_pickReleasesAction = nullptr;
    // Where the release picker last found a graph (ReleasePickerDialog::GraphSource as int), for the next one.
    int m_graphSource = -1;
    QString m_graphLocation;
    QAction *m_validateAction = nullptr;
    QAction *m_aboutAction = nullptr;

    QString m_filePath;     // empty for a new document or the sample
    QString m_documentName; // the file name shown in the title and in error locations
    QByteArray m_previewYaml;
    quint64 m_validationGeneration = 0;
    quint64 m_finishedGeneration = 0;
};
