#include "exportdialog.h"

#include "icontheme.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

ExportDialog::ExportDialog(const QString &configPath, bool deleteConfiguration, QWidget *parent)
    : QDialog(parent)
    , m_configPath(configPath)
{
    setWindowTitle(tr("Export for ferryctl"));

    auto *intro = new QLabel(tr("The configuration was written to <b>%1</b>. Run it headless with:")
                                 .arg(QDir::toNativeSeparators(configPath).toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);

    m_workflow = new QComboBox(this);
    if (deleteConfiguration) {
        m_workflow->addItem(tr("Generate the delete list from a workspace"),
                            QVariant::fromValue(Workflow::DeleteGenerate));
    } else {
        m_workflow->addItem(tr("Mirror to mirror (through a workspace)"),
                            QVariant::fromValue(Workflow::MirrorToMirror));
        m_workflow->addItem(tr("Mirror to disk (write an archive)"), QVariant::fromValue(Workflow::MirrorToDisk));
        m_workflow->addItem(tr("Disk to mirror (from an archive)"), QVariant::fromValue(Workflow::DiskToMirror));
    }

    const QString defaultDirectory = QFileInfo(configPath).absolutePath() + QStringLiteral("/ferry-workspace");
    m_directory = new QLineEdit(defaultDirectory, this);
    auto *browse = new QToolButton(this);
    browse->setIcon(IconTheme::icon(QStringLiteral("document-open")));
    browse->setToolTip(tr("Choose a folder"));
    auto *directoryRow = new QHBoxLayout;
    directoryRow->addWidget(m_directory);
    directoryRow->addWidget(browse);

    m_destination = new QLineEdit(QStringLiteral("registry.example.com:5000/mirror"), this);
    m_destination->setPlaceholderText(tr("host[:port][/namespace]"));

    m_commandLine = new QLineEdit(this);
    m_commandLine->setReadOnly(true);
    m_commandLine->setMinimumWidth(560);
    QFont monospace = m_commandLine->font();
    monospace.setFamily(QStringLiteral("monospace"));
    monospace.setStyleHint(QFont::Monospace);
    m_commandLine->setFont(monospace);

    auto *form = new QFormLayout;
    form->addRow(tr("Workflow:"), m_workflow);
    m_directoryLabel = new QLabel(this);
    form->addRow(m_directoryLabel, directoryRow);
    form->addRow(tr("Destination registry:"), m_destination);
    form->addRow(tr("Command line:"), m_commandLine);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy Command Line"), QDialogButtonBox::ActionRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(m_workflow, &QComboBox::currentIndexChanged, this, &ExportDialog::updateCommandLine);
    connect(m_directory, &QLineEdit::textChanged, this, &ExportDialog::updateCommandLine);
    connect(m_destination, &QLineEdit::textChanged, this, &ExportDialog::updateCommandLine);
    connect(browse, &QToolButton::clicked, this, &ExportDialog::chooseDirectory);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(commandLine()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateCommandLine();
}

QString ExportDialog::shellQuote(const QString &argument)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_./:@%+=,-]+$"));
    if (safe.match(argument).hasMatch()) {
        return argument;
    }
    QString quoted = argument;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString ExportDialog::commandLine(Workflow workflow, const QString &configPath, const QString &directory,
                                  const QString &destination)
{
    const QString config = shellQuote(configPath);
    const QString folder = shellQuote(QStringLiteral("file://") + directory);
    const QString registry = shellQuote(QStringLiteral("docker://") + destination);
    switch (workflow) {
    case Workflow::MirrorToMirror:
        return QStringLiteral("ferryctl -c %1 --workspace %2 %3 --v2").arg(config, folder, registry);
    case Workflow::MirrorToDisk:
        return QStringLiteral("ferryctl -c %1 %2 --v2").arg(config, folder);
    case Workflow::DiskToMirror:
        return QStringLiteral("ferryctl -c %1 --from %2 %3 --v2").arg(config, folder, registry);
    case Workflow::DeleteGenerate:
        return QStringLiteral("ferryctl delete -c %1 --generate --workspace %2 %3 --v2").arg(config, folder, registry);
    }
    return {};
}

QString ExportDialog::commandLine() const
{
    return m_commandLine->text();
}

void ExportDialog::setWorkflow(Workflow workflow)
{
    const int index = m_workflow->findData(QVariant::fromValue(workflow));
    if (index >= 0) {
        m_workflow->setCurrentIndex(index);
    }
}

void ExportDialog::setDirectory(const QString &directory)
{
    m_directory->setText(directory);
}

void ExportDialog::setDestination(const QString &destination)
{
    m_destination->setText(destination);
}

void ExportDialog::updateCommandLine()
{
    const auto workflow = m_workflow->currentData().value<Workflow>();
    switch (workflow) {
    case Workflow::MirrorToDisk:
        m_directoryLabel->setText(tr("Archive folder:"));
        break;
    case Workflow::DiskToMirror:
        m_directoryLabel->setText(tr("Archive to read:"));
        break;
    case Workflow::MirrorToMirror:
    case Workflow::DeleteGenerate:
        m_directoryLabel->setText(tr("Workspace folder:"));
        break;
    }
    m_destination->setEnabled(workflow != Workflow::MirrorToDisk);
    m_commandLine->setText(
        commandLine(workflow, m_configPath, m_directory->text().trimmed(), m_destination->text().trimmed()));
}

void ExportDialog::chooseDirectory()
{
    const QString directory = QFileDialog::getExistingDirectory(this, tr("Choose a Folder"), m_directory->text());
    if (!directory.isEmpty()) {
        m_directory->setText(directory);
    }
}
