#include "ferryctlapplication.h"

#include "terminalconsole.h"

#include "config/configloader.h"
#include "config/configwriter.h"
#include "config/deleteimagelist.h"
#include "config/deleteimagelistloader.h"
#include "config/deleteimagelistloadresult.h"
#include "config/mirroroptions.h"
#include "config/mirroroptionsresult.h"
#include "copy/mirrorworkflow.h"
#include "delete/deleterun.h"
#include "registry/credentialstore.h"
#include "registry/registryclient.h"
#include "workspace/distributionstore.h"
#include "workspace/runlog.h"
#include "workspace/workingdirectory.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSysInfo>
#include <QTcpServer>
#include <QTextStream>

#include <memory>

#include <sys/stat.h>

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QString version()
{
    return QStringLiteral(FERRY_VERSION_STRING);
}

QString platform()
{
    QString arch = QSysInfo::buildCpuArchitecture();
    // Go spellings, which is what tooling around oc-mirror expects.
    if (arch == QLatin1String("x86_64"))
        arch = QStringLiteral("amd64");
    else if (arch == QLatin1String("arm64"))
        arch = QStringLiteral("arm64");
    return QSysInfo::kernelType() + QLatin1Char('/') + arch;
}

// delete without --generate has no workspace flag: the log goes beside the delete file when it sits in a
// working-dir (working-dir/delete/delete-images.yaml), otherwise to the console only.
QString workingDirectoryFor(const MirrorOptions &options)
{
    if (!options.workingDirectory.isEmpty())
        return options.workingDirectory;
    if (options.command == MirrorOptions::Command::Delete && !options.workspacePath.isEmpty())
        return WorkingDirectory::forWorkspace(options.workspacePath).root();
    if (options.command == MirrorOptions::Command::Delete && !options.deleteYamlFile.isEmpty()) {
        const QFileInfo deleteDir(QFileInfo(options.deleteYamlFile).absolutePath());
        const QFileInfo root(deleteDir.absolutePath());
        if (deleteDir.fileName() == QLatin1String("delete") && root.fileName() == WorkingDirectory::directoryName())
            return root.absoluteFilePath();
    }
    return {};
}

// The cache registry listens on every interface, so the port must be free on all of them.
bool portIsFree(int port)
{
    QTcpServer server;
    return server.listen(QHostAddress::Any, quint16(port));
}

} // namespace

int FerryCtlApplication::run(const QStringList &arguments)
{
    const QString first = arguments.value(0);
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help"))
        return runHelp();
    if (first == QLatin1String("version"))
        return runVersion(arguments.mid(1));
    if (first == QLatin1String("validate"))
        return runValidate(arguments.mid(1));
    return runMirrorOrDelete(arguments);
}

int FerryCtlApplication::runHelp()
{
    out() << "ferryctl mirrors OpenShift releases, operator catalogs, additional images and helm charts into\n"
             "disconnected registries (oc-mirror v2 compatible).\n\n"
             "Commands:\n"
             "  ferryctl -c <isc.yaml> [--from|--workspace file://<dir>] <file://dir | docker://registry>\n"
             "                          mirror (see the options below)\n"
             "  ferryctl delete ...     delete mirrored images (ferryctl delete --help)\n"
             "  ferryctl validate -c <file>\n"
             "                          check an ImageSetConfiguration or DeleteImageSetConfiguration\n"
             "  ferryctl version [--output json|yaml]\n"
             "                          print the version\n\n"
          << MirrorOptions::helpText(MirrorOptions::Command::Mirror) << Qt::flush;
    return ExitOk;
}

int FerryCtlApplication::usageError(const QStringList &messages, const QString &helpHint)
{
    for (const QString &message : messages)
        err() << "ferryctl: " << message << '\n';
    err() << "Run '" << helpHint << "' for usage." << Qt::endl;
    return ExitUsage;
}

int FerryCtlApplication::runVersion(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("json or yaml"),
                                        QStringLiteral("format")));
    if (!parser.parse(QStringList{QStringLiteral("ferryctl")} + arguments))
        return usageError({parser.errorText()}, QStringLiteral("ferryctl --help"));
    if (!parser.positionalArguments().isEmpty())
        return usageError({QStringLiteral("version takes no arguments, got \"%1\"")
                               .arg(parser.positionalArguments().join(QLatin1Char(' ')))},
                          QStringLiteral("ferryctl --help"));
    const QString format = parser.value(QStringLiteral("output"));
    const QJsonObject info{{QStringLiteral("gitVersion"), version()},
                           {QStringLiteral("qtVersion"), QString::fromLatin1(qVersion())},
                           {QStringLiteral("platform"), platform()}};
    if (format.isEmpty()) {
        out() << "Client Version: ferryctl " << version() << " (Qt " << qVersion() << ", " << platform() << ")"
              << Qt::endl;
    } else if (format == QLatin1String("json")) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("clientVersion"), info}}).toJson(QJsonDocument::Indented)
              << Qt::flush;
    } else if (format == QLatin1String("yaml")) {
        out() << "clientVersion:\n";
        for (auto it = info.begin(); it != info.end(); ++it)
            out() << "  " << it.key() << ": " << it.value().toString() << '\n';
        out() << Qt::flush;
    } else {
        return usageError({QStringLiteral("--output must be json or yaml, not \"%1\"").arg(format)},
                          QStringLiteral("ferryctl --help"));
    }
    return ExitOk;
}

int FerryCtlApplication::runValidate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption({QStringLiteral("c"), QStringLiteral("config")},
                                        QStringLiteral("The configuration file to check."), QStringLiteral("file")));
    if (!parser.parse(QStringList{QStringLiteral("ferryctl")} + arguments))
        return usageError({parser.errorText()}, QStringLiteral("ferryctl --help"));
    const QString path = parser.value(QStringLiteral("config"));
    if (path.isEmpty() || !parser.positionalArguments().isEmpty())
        return usageError({QStringLiteral("validate expects exactly -c <file>")}, QStringLiteral("ferryctl --help"));

    const ConfigLoadResult result = ConfigLoader::loadFile(path);
    if (result.isValid()) {
        out() << "OK" << Qt::endl;
        return ExitOk;
    }
    for (const ConfigError &error : result.errors)
        err() << error.toString() << '\n';
    err() << Qt::flush;
    return ExitFailure;
}

int FerryCtlApplication::runMirrorOrDelete(const QStringList &arguments)
{
    const MirrorOptionsResult parsed = MirrorOptions::parse(arguments);
    const bool isDelete = arguments.contains(QStringLiteral("delete"));
    const QString helpHint = isDelete ? QStringLiteral("ferryctl delete --help") : QStringLiteral("ferryctl --help");
    if (parsed.helpRequested) {
        out() << parsed.helpText << Qt::flush;
        return ExitOk;
    }
    if (!parsed.isValid())
        return usageError(parsed.errors, helpHint);
    const MirrorOptions &options = *parsed.options;

    // Console only until the working-dir exists; then the same log also goes to its file.
    RunLog log;
    log.setLevel(RunLog::parseLevel(options.logLevel).value_or(RunLog::Level::Info));
    const QDateTime start = QDateTime::currentDateTime();

    std::optional<ImageSetConfiguration> imageSet;
    if (!options.configPath.isEmpty() && (options.command == MirrorOptions::Command::Mirror || options.generate)) {
        const ConfigLoadResult config = ConfigLoader::loadFile(options.configPath);
        imageSet = config.imageSetConfiguration;
        if (config.deleteImageSetConfiguration) {
            imageSet = ImageSetConfiguration();
            imageSet->mirror = config.deleteImageSetConfiguration->deleteContent;
        }
        for (const ConfigError &error : config.errors)
            log.error(error.toString());
        if (!config.errors.isEmpty())
            return ExitFailure;
        const bool wantDelete = options.command == MirrorOptions::Command::Delete;
        if (wantDelete && !config.deleteImageSetConfiguration) {
            log.error(QStringLiteral("%1: delete needs a DeleteImageSetConfiguration").arg(options.configPath));
            return ExitFailure;
        }
        if (!wantDelete && !config.imageSetConfiguration) {
            log.error(QStringLiteral("%1: mirroring needs an ImageSetConfiguration").arg(options.configPath));
            return ExitFailure;
        }
    }

    const QString root = workingDirectoryFor(options);
    if (!root.isEmpty()) {
        const WorkingDirectory workingDirectory(root);
        QString error;
        if (!workingDirectory.create(&error) || !log.openInWorkingDirectory(workingDirectory, start, &error)) {
            log.error(error);
            return ExitFailure;
        }
    }

    log.info(QStringLiteral("👋 Hello, welcome to Ferry, the oc-mirror v2 compatible mirroring tool"));
    log.info(QStringLiteral("⚙️  environment version: ferryctl %1").arg(version()));
    log.info(QStringLiteral("🔀 workflow mode: %1").arg(MirrorOptions::modeName(options.mode)));
    if (!log.filePath().isEmpty())
        log.debug(QStringLiteral("log file: %1").arg(log.filePath()));
    for (const QString &warning : parsed.warnings)
        log.warn(warning);
    // Files in an archive keep their modes; a restrictive umask makes them unreadable for the disconnected side.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    if (mask != 022)
        log.warn(QStringLiteral("umask is %1; 0022 is recommended so that mirrored files stay readable")
                     .arg(int(mask), 4, 8, QLatin1Char('0')));

    if (!portIsFree(options.port)) {
        log.error(QStringLiteral("%1 is already bound and cannot be used").arg(options.port));
        return ExitFailure;
    }
    if (options.command == MirrorOptions::Command::Delete && !options.generate)
        return runDelete(options, log);
    return runWorkflow(options, *imageSet, log);
}

int FerryCtlApplication::runWorkflow(const MirrorOptions &options, const ImageSetConfiguration &configuration,
                                     RunLog &log)
{
    MirrorWorkflow workflow(options, configuration, &log);
    // On a terminal a live display sits below the log lines; elsewhere (CI, pipes) only the plain lines appear.
    std::unique_ptr<TerminalConsole> console;
    if (TerminalConsole::stdoutIsTerminal())
        console = std::make_unique<TerminalConsole>(&log);
    QList<MirrorPlanEntry> plan;
    QSet<int> reported;
    QObject::connect(&workflow, &MirrorWorkflow::planReady, &workflow,
                     [&plan, &console](const QList<MirrorPlanEntry> &entries) {
                         plan = entries;
                         if (console)
                             console->setPlan(entries);
                     });
    // One line per finished image, as oc-mirror prints when its output is not a terminal.
    QObject::connect(&workflow, &MirrorWorkflow::progressChanged, &workflow, [&](const QList<ImageCopyProgress> &rows) {
        if (console)
            console->update(rows);
        for (const ImageCopyProgress &row : rows) {
            if (!row.isFinished() || reported.contains(row.row) || row.row >= plan.size())
                continue;
            reported.insert(row.row);
            const MirrorPlanEntry &entry = plan.at(row.row);
            if (row.state == ImageCopyProgress::State::Failed) {
                log.error(QStringLiteral("Failed to copy %1 %2: %3")
                              .arg(ImageKinds::toString(entry.kind), entry.origin, row.error));
            } else {
                log.info(QStringLiteral("%1 %2 ➡️  %3")
                             .arg(row.state == ImageCopyProgress::State::Skipped ? QStringLiteral("Already present")
                                                                                 : QStringLiteral("Success copying"),
                                  entry.origin, entry.destination));
            }
        }
    });
    int exitCode = ExitFailure;
    QObject::connect(&workflow, &MirrorWorkflow::finished, &workflow, [&exitCode, &console](int code) {
        if (console)
            console->finish();
        exitCode = code;
        QCoreApplication::exit(code);
    });
    workflow.start();
    QCoreApplication::exec();
    log.info(exitCode == 0 ? QStringLiteral("👋 Goodbye, thank you for using Ferry")
                           : QStringLiteral("👋 Goodbye: the run finished with exit code %1").arg(exitCode));
    return exitCode;
}

int FerryCtlApplication::runDelete(const MirrorOptions &options, RunLog &log)
{
    DeleteRun run(DeleteRun::Options::fromMirrorOptions(options), &log);
    if (!run.load())
        return ExitFailure;
    return run.executeNow(run.items()).exitCode;
}
