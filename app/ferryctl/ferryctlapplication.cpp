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
#include "delete/cachedeleter.h"
#include "delete/deleteexecutor.h"
#include "delete/deletelistsidecar.h"
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
    const DeleteImageListLoadResult loaded = DeleteImageListLoader::loadFile(options.deleteYamlFile);
    for (const ConfigError &error : loaded.errors)
        log.error(error.toString());
    if (!loaded.errors.isEmpty() || !loaded.list)
        return ExitFailure;
    // Ferry's files beside the list: the digests listed at generation and, in a workspace, what its
    // ImageSetConfiguration still mirrors.
    DeleteExecutor::Options executorOptions{options.destinationRegistry, options.parallelImages, options.force};
    QString sidecarError;
    executorOptions.expectedDigests =
        DeleteListSidecar::read(DeleteListSidecar::digestsFile(options.deleteYamlFile), &sidecarError);
    const QFileInfo listInfo(options.deleteYamlFile);
    const QDir deleteDir = listInfo.absoluteDir();
    const bool inWorkspace = deleteDir.dirName() == QLatin1String("delete") &&
                             QFileInfo(deleteDir.absolutePath()).dir().dirName() == WorkingDirectory::directoryName();
    if (inWorkspace) {
        const QString keptFile = DeleteListSidecar::keptFile(options.deleteYamlFile);
        const QFileInfo recorded(
            DeleteListSidecar::lastMirrorConfigurationFile(QFileInfo(deleteDir.absolutePath()).absolutePath()));
        if (recorded.exists() &&
            (!QFileInfo::exists(keptFile) || recorded.lastModified() > QFileInfo(keptFile).lastModified()) &&
            !options.force) {
            log.error(QStringLiteral("[Executor] the workspace's ImageSetConfiguration (%1) changed after %2 was "
                                     "generated: run delete --generate again, so that what it mirrors now stays")
                          .arg(recorded.filePath(), options.deleteYamlFile));
            return ExitFailure;
        }
        executorOptions.keptByConfiguration = DeleteListSidecar::read(keptFile, &sidecarError);
    }
    if (!sidecarError.isEmpty()) {
        log.error(QStringLiteral("[Executor] ") + sidecarError);
        return ExitFailure;
    }

    RegistryClient client;
    QString authError;
    client.setCredentialStore(CredentialStore::load(options.authFile, &authError));
    if (!authError.isEmpty())
        log.warn(authError);
    client.setInsecure(options.destinationRegistry.section(QLatin1Char('/'), 0, 0), !options.destTlsVerify);

    const QList<DeleteImageItem> &items = loaded.list->items;
    log.info(QStringLiteral("🚀 Start deleting the images..."));
    log.info(QStringLiteral("📌 images to delete %1 ").arg(items.size()));
    DeleteExecutor executor(&client, executorOptions);
    const DeleteExecutor::Result result = executor.execute(items);
    if (!result.error.isEmpty()) {
        log.error(QStringLiteral("[Executor] ") + result.error);
        return ExitFailure;
    }
    for (const DeleteExecutor::Outcome &outcome : result.outcomes) {
        switch (outcome.state) {
        case DeleteExecutor::State::Deleted:
            log.info(QStringLiteral("Success deleting %1").arg(outcome.item.imageReference));
            break;
        case DeleteExecutor::State::AlreadyGone:
            log.info(QStringLiteral("Already gone %1").arg(outcome.item.imageReference));
            break;
        case DeleteExecutor::State::Protected:
            log.warn(QStringLiteral("Kept %1: %2").arg(outcome.item.imageReference, outcome.detail));
            break;
        case DeleteExecutor::State::Skipped:
            log.warn(QStringLiteral("Skipped %1: %2").arg(outcome.item.imageReference, outcome.detail));
            break;
        case DeleteExecutor::State::Failed:
            log.error(QStringLiteral("Failed to delete %1: %2").arg(outcome.item.imageReference, outcome.detail));
            break;
        }
    }
    if (!result.deletionDisabledError.isEmpty())
        log.error(result.deletionDisabledError);

    const int gone = result.count(DeleteExecutor::State::Deleted) + result.count(DeleteExecutor::State::AlreadyGone);
    const int protectedCount = result.count(DeleteExecutor::State::Protected);
    const int failed = result.count(DeleteExecutor::State::Failed);
    const int skipped = result.count(DeleteExecutor::State::Skipped);
    const int total = static_cast<int>(items.size()) - protectedCount - skipped;
    if (failed == 0)
        log.info(QStringLiteral("All images deleted successfully %1 / %2").arg(gone).arg(total));
    else
        log.error(QStringLiteral("✗ %1 / %2 images deleted: some images failed to be deleted - please check the logs")
                      .arg(gone)
                      .arg(total));
    if (protectedCount > 0)
        log.warn(QStringLiteral("%1 images were kept because other images still need them").arg(protectedCount));
    if (skipped > 0)
        log.warn(
            QStringLiteral("%1 images were skipped because they changed since the list was generated").arg(skipped));
    if (result.garbageEstimated) {
        if (result.garbage.error.isEmpty())
            log.info(QStringLiteral("🧹 ") + result.garbage.toString());
        else
            log.warn(result.garbage.toString());
    }

    QByteArray report = DeleteExecutor::report(result);
    bool cacheFailed = false;
    if (options.forceCacheDelete) {
        QList<DeleteImageItem> gone;
        for (const DeleteExecutor::Outcome &outcome : result.outcomes) {
            if (outcome.state == DeleteExecutor::State::Deleted || outcome.state == DeleteExecutor::State::AlreadyGone)
                gone.append(outcome.item);
        }
        DistributionStore cache(options.cacheStorageDir());
        const CacheDeleter::Result cleaned = CacheDeleter(&cache, options.destinationRegistry).remove(gone);
        for (const QString &message : cleaned.errors)
            log.error(QStringLiteral("local cache: ") + message);
        for (const QString &kept : cleaned.keptManifests)
            log.info(QStringLiteral("local cache keeps %1").arg(kept));
        log.info(QStringLiteral("🗑️  ") + cleaned.summary());
        report += "# local cache\n" + cleaned.summary().toUtf8() + '\n';
        for (const QString &tag : cleaned.removedTags)
            report += "removed tag " + tag.toUtf8() + '\n';
        for (const QString &manifest : cleaned.removedManifests)
            report += "removed manifest " + manifest.toUtf8() + '\n';
        cacheFailed = !cleaned.errors.isEmpty();
    }

    const QString reportFile = QFileInfo(options.deleteYamlFile).dir().filePath(QStringLiteral("delete-report.txt"));
    QString writeError;
    if (ConfigWriter::writeFile(reportFile, report, &writeError))
        log.info(QStringLiteral("report written to %1").arg(reportFile));
    else
        log.warn(writeError);
    log.info(QStringLiteral("📝 Remember to execute a garbage collect (or similar) on your remote repository"));
    return failed == 0 && !cacheFailed ? ExitOk : ExitFailure;
}
