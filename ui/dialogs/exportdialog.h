#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

// Shown after "Export for ferryctl…" wrote the YAML: builds the matching ferryctl command line to copy.
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    enum class Workflow {
        MirrorToMirror,
        MirrorToDisk,
        DiskToMirror,
        DeleteGenerate,
    };
    Q_ENUM(Workflow)

    ExportDialog(const QString &configPath, bool deleteConfiguration, QWidget *parent = nullptr);

    // directory: the workspace, archive or source folder; destination: a registry like host:5000/ns.
    static QString commandLine(Workflow workflow, const QString &configPath, const QString &directory,
                               const QString &destination);
    static QString shellQuote(const QString &argument);

    QString commandLine() const;
    void setWorkflow(Workflow workflow);
    void setDirectory(const QString &directory);
    void setDestination(const QString &destination);

private:
    void updateCommandLine();
    void chooseDirectory();

    QString m_configPath;
    QComboBox *m_workflow = nullptr;
    QLabel *m_directoryLabel = nullptr;
    QLineEdit *m_directory = nullptr;
    QLineEdit *m_destination = nullptr;
    QLineEdit *m_commandLine = nullptr;
};
