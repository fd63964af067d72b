#include "mirroroptions.h"

#include "mirroroptionsresult.h"
#include "workspace/workingdirectory.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <cmath>

namespace {

const QString kFilePrefix = QStringLiteral("file://");
const QString kDockerPrefix = QStringLiteral("docker://");

enum Scope { Both, MirrorOnly, DeleteOnly };

struct OptionSpec
{
    QStringList names;
    QString description;
    QString valueName; // empty: a boolean flag
    Scope scope = Both;
    bool hidden = false;
};

const QList<OptionSpec> &optionSpecs()
{
    const auto s = [](const char *text) { return QString::fromUtf8(text); };
    static const QList<OptionSpec> specs{
        {{s("c"), s("config")},
         s("Path to the ImageSetConfiguration (or DeleteImageSetConfiguration) file."),
         s("file")},
        {{s("workspace")},
         s("file:// directory holding the working-dir (mirrorToMirror and delete --generate)."),
         s("dir")},
        {{s("from")}, s("file:// directory holding the mirror_*.tar archives (diskToMirror)."), s("dir"), MirrorOnly},
        {{s("cache-dir")}, s("Cache root; storage is <cache-dir>/.oc-mirror/.cache (default $HOME)."), s("dir")},
        {{s("p"), s("port")}, s("Port of the local cache registry (default 55000)."), s("port")},
        {{s("authfile")},
         s("Registry credentials file (default $REGISTRY_AUTH_FILE, "
           "$XDG_RUNTIME_DIR/containers/auth.json, ~/.docker/config.json)."),
         s("file")},
        {{s("src-tls-verify")},
         s("Require HTTPS and verify certificates of source registries (default true; "
           "--src-tls-verify=false turns it off).")},
        {{s("dest-tls-verify")},
         s("Require HTTPS and verify certificates of the destination (default true; "
           "--dest-tls-verify=false turns it off).")},
        {{s("parallel-images")}, s("Images copied concurrently, 1 to 10 (default 4)."), s("n")},
        {{s("parallel-layers")}, s("Layers copied concurrently per image, 1 to 10 (default 5)."), s("n")},
        {{s("retry-times")}, s("Retries per image (default 5)."), s("n")},
        {{s("retry-delay")}, s("Delay between retries; 0 means exponential backoff (default 0)."), s("duration")},
        {{s("image-timeout")}, s("Timeout for copying one image (default 10m)."), s("duration"), MirrorOnly},
        {{s("log-level")}, s("Log level: info, debug, trace or error (default info)."), s("level")},
        {{s("registries.d")}, s("Base registries.d directory copied into the workspace."), s("dir")},
        {{s("policy")}, s("Signature policy file, used with --secure-policy."), s("file")},
        {{s("secure-policy")}, s("Verify image signatures with the policy."), {}, MirrorOnly},
        {{s("remove-signatures")}, s("Do not copy sigstore signatures."), {}, MirrorOnly},
        {{s("dry-run")}, s("Write the image mapping without copying anything."), {}, MirrorOnly},
        {{s("dry-run-manifest-lists")}, s("Dry run that also lists the children of manifest lists."), {}, MirrorOnly},
        {{s("since")},
         s("mirrorToDisk: include only what changed since this date (yyyy-MM-dd)."),
         s("date"),
         MirrorOnly},
        {{s("strict-archive")}, s("Fail when one file is larger than archiveSize."), {}, MirrorOnly},
        {{s("retry-failed")},
         s("Ferry only: copy just the images that failed in the previous run with this working-dir "
           "(recorded in its copy journal); nothing else is copied."),
         {},
         MirrorOnly},
        {{s("max-nested-paths")}, s("Flatten destination paths to at most N components (0: off)."), s("n"), MirrorOnly},
        {{s("rootless-storage-path")}, s("Override the containers storage path."), s("dir"), MirrorOnly},
        // delete
        {{s("generate")}, s("Generate the delete-images file instead of deleting."), {}, DeleteOnly},
        {{s("delete-id")}, s("Suffix of the generated delete files."), s("id"), DeleteOnly},
        {{s("delete-signatures")}, s("Also delete the signatures of the images."), {}, DeleteOnly},
        {{s("delete-v1-images")}, s("Also delete images mirrored by oc-mirror v1."), {}, DeleteOnly},
        {{s("delete-yaml-file")}, s("The delete-images file to execute."), s("file"), DeleteOnly},
        {{s("force-cache-delete")}, s("Also delete the images from the local cache."), {}, DeleteOnly},
        // hidden, accepted for compatibility
        {{s("v2")}, s("Use the v2 workflow (the only one Ferry has)."), {}, Both, true},
        {{s("v1")}, s("Refused: Ferry implements v2 only."), {}, Both, true},
        {{s("f"), s("force")}, s("Force."), {}, Both, true},
        {{s("q"), s("quiet")}, s("Quiet."), {}, Both, true},
        {{s("cpu-prof")}, s("CPU profiling."), {}, Both, true},
        {{s("mem-prof")}, s("Memory profiling."), {}, Both, true},
        {{s("ignore-release-signature")}, s("Do not verify release signatures."), {}, Both, true},
        {{s("tls-verify")}, s("Deprecated: sets --src-tls-verify and --dest-tls-verify."), {}, Both, true},
        {{s("src-creds")}, s("Source credentials user[:password]."), s("creds"), Both, true},
        {{s("dest-creds")}, s("Destination credentials user[:password]."), s("creds"), Both, true},
        {{s("src-username")}, s("Source user."), s("user"), Both, true},
        {{s("dest-username")}, s("Destination user."), s("user"), Both, true},
        {{s("src-password")}, s("Source password."), s("password"), Both, true},
        {{s("dest-password")}, s("Destination password."), s("password"), Both, true},
        {{s("src-registry-token")}, s("Source bearer token."), s("token"), Both, true},
        {{s("dest-registry-token")}, s("Destination bearer token."), s("token"), Both, true},
        {{s("src-cert-dir")}, s("Source certificate directory."), s("dir"), Both, true},
        {{s("dest-cert-dir")}, s("Destination certificate directory."), s("dir"), Both, true},
        {{s("src-no-creds")}, s("Access the source without credentials."), {}, Both, true},
        {{s("dest-no-creds")}, s("Access the destination without credentials."), {}, Both, true},
        {{s("src-authfile")}, s("Source credentials file."), s("file"), Both, true},
        {{s("dest-authfile")}, s("Destination credentials file."), s("file"), Both, true},
        {{s("src-daemon-host")}, s("Source docker daemon."), s("host"), Both, true},
        {{s("dest-daemon-host")}, s("Destination docker daemon."), s("host"), Both, true},
        {{s("src-shared-blob-dir")}, s("Source shared blob directory."), s("dir"), Both, true},
        {{s("dest-shared-blob-dir")}, s("Destination shared blob directory."), s("dir"), Both, true},
        {{s("dest-compress")}, s("Compress layers written to the destination."), {}, Both, true},
        {{s("dest-compress-format")}, s("Destination compression format."), s("format"), Both, true},
        {{s("dest-compress-level")}, s("Destination compression level."), s("level"), Both, true},
    };
    return specs;
}

bool inScope(const OptionSpec &spec, MirrorOptions::Command command)
{
    if (spec.scope == MirrorOnly)
        return command == MirrorOptions::Command::Mirror;
    if (spec.scope == DeleteOnly)
        return command == MirrorOptions::Command::Delete;
    return true;
}

void setUp(QCommandLineParser &parser, MirrorOptions::Command command)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    if (command == MirrorOptions::Command::Mirror) {
        parser.setApplicationDescription(
            QStringLiteral("Mirror releases, operators, additional images and helm charts.\n"
                           "  mirrorToDisk:   ferryctl -c isc.yaml file://<dir>\n"
                           "  diskToMirror:   ferryctl -c isc.yaml --from file://<dir> docker://<registry>\n"
                           "  mirrorToMirror: ferryctl -c isc.yaml --workspace file://<dir> docker://<registry>"));
        parser.addPositionalArgument(QStringLiteral("destination"),
                                     QStringLiteral("file://<dir> or docker://<registry>[/namespace]"));
    } else {
        parser.setApplicationDescription(
            QStringLiteral("Delete mirrored images from a registry in two phases.\n"
                           "  generate: ferryctl delete -c disc.yaml --generate --workspace file://<dir> "
                           "docker://<registry>\n"
                           "  execute:  ferryctl delete --delete-yaml-file <file> docker://<registry>"));
        parser.addPositionalArgument(QStringLiteral("destination"), QStringLiteral("docker://<registry>[/namespace]"));
    }
    // Not addHelpOption(): its --help-all lists Qt's GUI options, which ferryctl does not have.
    parser.addOption(
        QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")));
    for (const OptionSpec &spec : optionSpecs()) {
        if (!inScope(spec, command))
            continue;
        QCommandLineOption option(spec.names, spec.description, spec.valueName);
        if (spec.hidden)
            option.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(option);
    }
}

// QCommandLineParser names the running executable; the help describes ferryctl whoever asks (tests, the GUI).
QString usedHelpText(const QCommandLineParser &parser, MirrorOptions::Command command)
{
    QString text = parser.helpText();
    const qsizetype endOfFirstLine = text.indexOf(QLatin1Char('\n'));
    const QString usage = command == MirrorOptions::Command::Mirror
                              ? QStringLiteral("Usage: ferryctl [options] <destination>")
                              : QStringLiteral("Usage: ferryctl delete [options] <destination>");
    return usage + text.mid(endOfFirstLine);
}

QHash<QString, const OptionSpec *> booleanFlags(MirrorOptions::Command command)
{
    QHash<QString, const OptionSpec *> flags;
    for (const OptionSpec &spec : optionSpecs()) {
        if (spec.valueName.isEmpty() && inScope(spec, command)) {
            for (const QString &name : spec.names)
                flags.insert(name, &spec);
        }
    }
    return flags;
}

// The values Go's strconv.ParseBool accepts.
std::optional<bool> parseGoBool(const QString &text)
{
    static const QStringList yes{QStringLiteral("1"),    QStringLiteral("t"),    QStringLiteral("T"),
                                 QStringLiteral("true"), QStringLiteral("TRUE"), QStringLiteral("True")};
    static const QStringList no{QStringLiteral("0"),     QStringLiteral("f"),     QStringLiteral("F"),
                                QStringLiteral("false"), QStringLiteral("FALSE"), QStringLiteral("False")};
    if (yes.contains(text))
        return true;
    if (no.contains(text))
        return false;
    return std::nullopt;
}

} // namespace

QString MirrorOptions::modeName(Mode mode)
{
    switch (mode) {
    case Mode::MirrorToDisk:
        return QStringLiteral("mirrorToDisk");
    case Mode::DiskToMirror:
        return QStringLiteral("diskToMirror");
    case Mode::MirrorToMirror:
        return QStringLiteral("mirrorToMirror");
    case Mode::Delete:
        return QStringLiteral("delete");
    }
    return {};
}

QStringList MirrorOptions::reservedWords()
{
    return {QStringLiteral("cluster-resources"),
            QStringLiteral("dry-run"),
            QStringLiteral("graph-preparation"),
            QStringLiteral("helm"),
            QStringLiteral("hold-operator"),
            QStringLiteral("hold-release"),
            QStringLiteral("delete"),
            QStringLiteral("logs"),
            QStringLiteral("operator-catalogs"),
            QStringLiteral("release-images"),
            QStringLiteral("signatures")};
}

std::optional<std::chrono::milliseconds> MirrorOptions::parseDuration(const QString &text)
{
    if (text == QLatin1String("0"))
        return std::chrono::milliseconds(0);
    static const QRegularExpression part(QStringLiteral("\\G([0-9]*(?:\\.[0-9]*)?)(ns|us|\u00b5s|ms|s|m|h)"));
    QString rest = text;
    if (rest.startsWith(QLatin1Char('+')))
        rest.remove(0, 1);
    if (rest.isEmpty())
        return std::nullopt;
    double total = 0;
    qsizetype offset = 0;
    while (offset < rest.size()) {
        const QRegularExpressionMatch match = part.match(rest, offset);
        if (!match.hasMatch() || match.capturedLength(1) == 0 || match.captured(1) == QLatin1String("."))
            return std::nullopt;
        const double value = match.captured(1).toDouble();
        const QString unit = match.captured(2);
        double factor = 1;
        if (unit == QLatin1String("ns"))
            factor = 1e-6;
        else if (unit == QLatin1String("us") || unit == QStringLiteral("\u00b5s"))
            factor = 1e-3;
        else if (unit == QLatin1String("s"))
            factor = 1e3;
        else if (unit == QLatin1String("m"))
            factor = 60e3;
        else if (unit == QLatin1String("h"))
            factor = 3600e3;
        total += value * factor;
        offset = match.capturedEnd(0);
    }
    return std::chrono::milliseconds(std::llround(total));
}

QString MirrorOptions::helpText(Command command)
{
    QCommandLineParser parser;
    setUp(parser, command);
    return usedHelpText(parser, command);
}

QString MirrorOptions::cacheStorageDir() const
{
    return QDir::cleanPath(cacheDir + QStringLiteral("/.oc-mirror/.cache"));
}

QString MirrorOptions::cacheRegistry() const
{
    return QStringLiteral("localhost:%1").arg(port);
}

MirrorOptionsResult MirrorOptions::parse(const QStringList &arguments, const QProcessEnvironment &environment)
{
    MirrorOptionsResult result;
    QStringList &errors = result.errors;
    MirrorOptions o;

    QStringList args = arguments;
    // The sub-command is the first word that is not an option.
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--"))
            break;
        if (!args.at(i).startsWith(QLatin1Char('-'))) {
            if (args.at(i) == QLatin1String("delete")) {
                o.command = Command::Delete;
                o.mode = Mode::Delete;
                args.removeAt(i);
            }
            break;
        }
    }

    // pflag accepts --flag=false for booleans; QCommandLineParser has no optional values, so those are taken out
    // here and applied after parsing.
    const QHash<QString, const OptionSpec *> booleans = booleanFlags(o.command);
    QHash<QString, bool> explicitBooleans; // keyed by the spec's last (long) name
    for (qsizetype i = 0; i < args.size();) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--"))
            break;
        const qsizetype equals = arg.indexOf(QLatin1Char('='));
        if (arg.startsWith(QLatin1String("--")) && equals > 2) {
            const QString name = arg.mid(2, equals - 2);
            if (const OptionSpec *spec = booleans.value(name)) {
                const QString value = arg.mid(equals + 1);
                if (const auto parsed = parseGoBool(value))
                    explicitBooleans.insert(spec->names.constLast(), *parsed);
                else
                    errors.append(
                        QStringLiteral("invalid value \"%1\" for --%2: expected true or false").arg(value, name));
                args.removeAt(i);
                continue;
            }
        }
        ++i;
    }

    QCommandLineParser parser;
    setUp(parser, o.command);
    if (!parser.parse(QStringList{QStringLiteral("ferryctl")} + args)) {
        errors.append(parser.errorText());
        return result;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        result.helpRequested = true;
        result.helpText = usedHelpText(parser, o.command);
        return result;
    }

    const auto flag = [&](const QString &name) {
        if (explicitBooleans.contains(name))
            return explicitBooleans.value(name);
        return parser.isSet(name);
    };
    const auto isSet = [&](const QString &name) { return parser.isSet(name) || explicitBooleans.contains(name); };
    const auto value = [&](const QString &name) { return parser.isSet(name) ? parser.value(name) : QString(); };
    const auto intValue = [&](const QString &name, int fallback, int minimum, int maximum, bool showRange) -> int {
        if (!parser.isSet(name))
            return fallback;
        bool ok = false;
        const int number = parser.value(name).toInt(&ok);
        if (!ok) {
            errors.append(QStringLiteral("--%1 expects an integer, not \"%2\"").arg(name, parser.value(name)));
            return fallback;
        }
        if (number < minimum || number > maximum) {
            if (showRange)
                errors.append(QStringLiteral("--%1 must be between %2 and %3 (inclusive), not %4")
                                  .arg(name)
                                  .arg(minimum)
                                  .arg(maximum)
                                  .arg(number));
            else
                errors.append(QStringLiteral("--%1 must not be negative, not %2").arg(name).arg(number));
            return fallback;
        }
        return number;
    };
    const auto durationValue = [&](const QString &name, std::chrono::milliseconds fallback) {
        if (!parser.isSet(name))
            return fallback;
        const auto parsed = parseDuration(parser.value(name));
        if (!parsed) {
            errors.append(QStringLiteral("--%1 expects a duration such as 10m, 30s or 1h30m, not \"%2\"")
                              .arg(name, parser.value(name)));
            return fallback;
        }
        return *parsed;
    };

    // --v1 first: nothing else matters if the user asked for the other implementation.
    if (flag(QStringLiteral("v1")))
        errors.append(QStringLiteral("--v1 is not supported: Ferry implements the oc-mirror v2 workflows only "
                                     "(use --v2 or leave the flag out)"));
    o.v2 = flag(QStringLiteral("v2"));

    o.configPath = value(QStringLiteral("config"));
    const QString workspace = value(QStringLiteral("workspace"));
    const QString from = o.command == Command::Mirror ? value(QStringLiteral("from")) : QString();

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        errors.append(o.command == Command::Mirror
                          ? QStringLiteral("a destination is required: file://<dir> (mirrorToDisk) or "
                                           "docker://<registry>[/namespace] (diskToMirror, mirrorToMirror)")
                          : QStringLiteral("a destination is required: docker://<registry>[/namespace]"));
    } else if (positional.size() > 1) {
        errors.append(QStringLiteral("exactly one destination is expected, got %1: %2")
                          .arg(positional.size())
                          .arg(positional.join(QStringLiteral(", "))));
    } else {
        o.destination = positional.constFirst();
    }

    const auto checkReserved = [&](const QString &what, const QString &path) {
        for (const QString &word : reservedWords()) {
            // A substring match, as oc-mirror does: these names would collide with working-dir folders in the
            // archive.
            if (path.contains(word)) {
                errors.append(QStringLiteral("%1 \"%2\" must not contain the reserved word \"%3\" (reserved: %4)")
                                  .arg(what, path, word, reservedWords().join(QStringLiteral(", "))));
                return;
            }
        }
    };
    const auto requireFilePrefix = [&](const QString &name, const QString &text) {
        if (text.startsWith(kFilePrefix) && text.size() > kFilePrefix.size())
            return true;
        errors.append(QStringLiteral("--%1 must be a file:// path, not \"%2\"").arg(name, text));
        return false;
    };

    if (o.command == Command::Mirror) {
        if (o.configPath.isEmpty())
            errors.append(QStringLiteral("--config is mandatory: use -c <imageset-config.yaml>"));
        if (o.destination.startsWith(kFilePrefix)) {
            o.mode = Mode::MirrorToDisk;
            o.destinationPath = o.destination.mid(kFilePrefix.size());
            if (!from.isEmpty())
                errors.append(QStringLiteral("--from cannot be used with a file:// destination: mirrorToDisk "
                                             "writes to the destination, it does not read archives"));
            if (!workspace.isEmpty())
                errors.append(QStringLiteral("--workspace cannot be used with a file:// destination: mirrorToDisk "
                                             "keeps its working-dir in the destination directory"));
            if (o.destinationPath.isEmpty()) {
                errors.append(QStringLiteral("the file:// destination needs a directory path"));
            } else {
                checkReserved(QStringLiteral("the destination path"), o.destinationPath);
                o.workingDirectory = WorkingDirectory::inParent(o.destinationPath).root();
            }
        } else if (o.destination.startsWith(kDockerPrefix)) {
            o.destinationRegistry = o.destination.mid(kDockerPrefix.size());
            if (o.destinationRegistry.isEmpty())
                errors.append(QStringLiteral("the docker:// destination needs a registry host"));
            if (!from.isEmpty() && !workspace.isEmpty()) {
                errors.append(QStringLiteral("--from and --workspace cannot be used together: use --from for "
                                             "diskToMirror or --workspace for mirrorToMirror"));
            } else if (from.isEmpty() && workspace.isEmpty()) {
                errors.append(QStringLiteral("a docker:// destination needs --from file://<dir> (diskToMirror) or "
                                             "--workspace file://<dir> (mirrorToMirror)"));
            } else if (!from.isEmpty()) {
                o.mode = Mode::DiskToMirror;
                if (requireFilePrefix(QStringLiteral("from"), from)) {
                    o.fromPath = from.mid(kFilePrefix.size());
                    checkReserved(QStringLiteral("the --from path"), o.fromPath);
                    o.workingDirectory = WorkingDirectory::inParent(o.fromPath).root();
                }
            } else {
                o.mode = Mode::MirrorToMirror;
                if (requireFilePrefix(QStringLiteral("workspace"), workspace)) {
                    o.workspacePath = workspace.mid(kFilePrefix.size());
                    o.workingDirectory = WorkingDirectory::forWorkspace(o.workspacePath).root();
                }
            }
        } else if (!o.destination.isEmpty()) {
            errors.append(QStringLiteral("the destination \"%1\" must start with file:// (mirrorToDisk) or docker:// "
                                         "(diskToMirror, mirrorToMirror)")
                              .arg(o.destination));
        }
    } else {
        if (!o.destination.isEmpty()) {
            if (o.destination.startsWith(kDockerPrefix) && o.destination.size() > kDockerPrefix.size())
                o.destinationRegistry = o.destination.mid(kDockerPrefix.size());
            else
                errors.append(
                    QStringLiteral("the delete destination \"%1\" must start with docker://").arg(o.destination));
        }
        o.generate = flag(QStringLiteral("generate"));
        o.deleteId = value(QStringLiteral("delete-id"));
        o.deleteSignatures = flag(QStringLiteral("delete-signatures"));
        o.deleteV1Images = flag(QStringLiteral("delete-v1-images"));
        o.deleteYamlFile = value(QStringLiteral("delete-yaml-file"));
        o.forceCacheDelete = flag(QStringLiteral("force-cache-delete"));
        if (o.generate) {
            if (workspace.isEmpty())
                errors.append(QStringLiteral("delete --generate requires --workspace file://<dir>"));
            else if (requireFilePrefix(QStringLiteral("workspace"), workspace)) {
                o.workspacePath = workspace.mid(kFilePrefix.size());
                o.workingDirectory = WorkingDirectory::forWorkspace(o.workspacePath).root();
            }
            if (o.configPath.isEmpty())
                errors.append(QStringLiteral("delete --generate requires --config <delete-imageset-config.yaml>"));
        } else {
            if (!workspace.isEmpty() && requireFilePrefix(QStringLiteral("workspace"), workspace))
                o.workspacePath = workspace.mid(kFilePrefix.size());
            if (o.deleteYamlFile.isEmpty())
                errors.append(QStringLiteral("delete without --generate requires --delete-yaml-file <file>"));
            else if (!QFileInfo(o.deleteYamlFile).isFile())
                errors.append(QStringLiteral("--delete-yaml-file \"%1\" does not exist").arg(o.deleteYamlFile));
            if (o.deleteV1Images)
                errors.append(QStringLiteral("--delete-v1-images can only be used with --generate"));
        }
    }

    // Shared flags.
    const QString envCache = environment.value(QStringLiteral("OC_MIRROR_CACHE"));
    if (parser.isSet(QStringLiteral("cache-dir")) && !envCache.isEmpty())
        errors.append(QStringLiteral("OC_MIRROR_CACHE and --cache-dir cannot be used together"));
    o.cacheDir = parser.isSet(QStringLiteral("cache-dir")) ? parser.value(QStringLiteral("cache-dir"))
                 : !envCache.isEmpty()                     ? envCache
                                                           : environment.value(QStringLiteral("HOME"));
    o.authFile = value(QStringLiteral("authfile"));
    if (o.authFile.isEmpty())
        o.authFile = environment.value(QStringLiteral("REGISTRY_AUTH_FILE"));
    if (o.authFile.isEmpty()) {
        const QString runtimeDir = environment.value(QStringLiteral("XDG_RUNTIME_DIR"));
        const QString xdgAuth = runtimeDir + QStringLiteral("/containers/auth.json");
        if (!runtimeDir.isEmpty() && QFileInfo::exists(xdgAuth))
            o.authFile = xdgAuth;
        else
            o.authFile = environment.value(QStringLiteral("HOME")) + QStringLiteral("/.docker/config.json");
    }
    o.port = intValue(QStringLiteral("port"), o.port, 1, 65535, true);
    o.srcTlsVerify = isSet(QStringLiteral("src-tls-verify")) ? flag(QStringLiteral("src-tls-verify")) : true;
    o.destTlsVerify = isSet(QStringLiteral("dest-tls-verify")) ? flag(QStringLiteral("dest-tls-verify")) : true;
    if (isSet(QStringLiteral("tls-verify"))) {
        o.tlsVerify = flag(QStringLiteral("tls-verify"));
        if (!isSet(QStringLiteral("src-tls-verify")))
            o.srcTlsVerify = *o.tlsVerify;
        if (!isSet(QStringLiteral("dest-tls-verify")))
            o.destTlsVerify = *o.tlsVerify;
        result.warnings.append(
            QStringLiteral("--tls-verify is deprecated: use --src-tls-verify and --dest-tls-verify"));
    }
    o.parallelImages = intValue(QStringLiteral("parallel-images"), o.parallelImages, 1, 10, true);
    o.parallelLayers = intValue(QStringLiteral("parallel-layers"), o.parallelLayers, 1, 10, true);
    o.retryTimes = intValue(QStringLiteral("retry-times"), o.retryTimes, 0, std::numeric_limits<int>::max(), false);
    o.retryDelay = durationValue(QStringLiteral("retry-delay"), o.retryDelay);
    if (parser.isSet(QStringLiteral("log-level"))) {
        const QString level = parser.value(QStringLiteral("log-level"));
        static const QStringList levels{QStringLiteral("info"), QStringLiteral("debug"), QStringLiteral("trace"),
                                        QStringLiteral("error")};
        if (levels.contains(level))
            o.logLevel = level;
        else
            errors.append(
                QStringLiteral("--log-level must be one of info, debug, trace, error; not \"%1\"").arg(level));
    }
    o.registriesD = value(QStringLiteral("registries.d"));
    o.policy = value(QStringLiteral("policy"));

    if (o.command == Command::Mirror) {
        o.imageTimeout = durationValue(QStringLiteral("image-timeout"), o.imageTimeout);
        o.securePolicy = flag(QStringLiteral("secure-policy"));
        o.removeSignatures = flag(QStringLiteral("remove-signatures"));
        o.dryRun = flag(QStringLiteral("dry-run"));
        o.dryRunManifestLists = flag(QStringLiteral("dry-run-manifest-lists"));
        if (o.dryRun && o.dryRunManifestLists)
            errors.append(QStringLiteral("--dry-run and --dry-run-manifest-lists cannot be used together"));
        if (parser.isSet(QStringLiteral("since"))) {
            const QString text = parser.value(QStringLiteral("since"));
            const QDate date = QDate::fromString(text, QStringLiteral("yyyy-MM-dd"));
            if (!date.isValid() || text.size() != 10) {
                errors.append(QStringLiteral("--since must be a date in the format yyyy-MM-dd, not \"%1\"").arg(text));
            } else {
                o.since = date;
                if (o.mode != Mode::MirrorToDisk)
                    result.warnings.append(QStringLiteral("--since only applies to mirrorToDisk; it is ignored for %1")
                                               .arg(modeName(o.mode)));
            }
        }
        o.strictArchive = flag(QStringLiteral("strict-archive"));
        o.retryFailed = flag(QStringLiteral("retry-failed"));
        o.maxNestedPaths =
            intValue(QStringLiteral("max-nested-paths"), o.maxNestedPaths, 0, std::numeric_limits<int>::max(), false);
        o.rootlessStoragePath = value(QStringLiteral("rootless-storage-path"));
        if (o.securePolicy && o.mode == Mode::DiskToMirror)
            result.warnings.append(QStringLiteral("--secure-policy is not applied in diskToMirror: signatures were "
                                                  "verified when the archive was made"));
    }

    o.force = flag(QStringLiteral("force"));
    o.quiet = flag(QStringLiteral("quiet"));
    o.cpuProfile = flag(QStringLiteral("cpu-prof"));
    o.memoryProfile = flag(QStringLiteral("mem-prof"));
    o.ignoreReleaseSignature = flag(QStringLiteral("ignore-release-signature"));
    o.srcCreds = value(QStringLiteral("src-creds"));
    o.destCreds = value(QStringLiteral("dest-creds"));
    o.srcUsername = value(QStringLiteral("src-username"));
    o.destUsername = value(QStringLiteral("dest-username"));
    o.srcPassword = value(QStringLiteral("src-password"));
    o.destPassword = value(QStringLiteral("dest-password"));
    o.srcRegistryToken = value(QStringLiteral("src-registry-token"));
    o.destRegistryToken = value(QStringLiteral("dest-registry-token"));
    o.srcCertDir = value(QStringLiteral("src-cert-dir"));
    o.destCertDir = value(QStringLiteral("dest-cert-dir"));
    o.srcNoCreds = flag(QStringLiteral("src-no-creds"));
    o.destNoCreds = flag(QStringLiteral("dest-no-creds"));
    o.srcAuthFile = value(QStringLiteral("src-authfile"));
    o.destAuthFile = value(QStringLiteral("dest-authfile"));
    o.srcDaemonHost = value(QStringLiteral("src-daemon-host"));
    o.destDaemonHost = value(QStringLiteral("dest-daemon-host"));
    o.srcSharedBlobDir = value(QStringLiteral("src-shared-blob-dir"));
    o.destSharedBlobDir = value(QStringLiteral("dest-shared-blob-dir"));
    o.destCompress = flag(QStringLiteral("dest-compress"));
    o.destCompressFormat = value(QStringLiteral("dest-compress-format"));
    if (parser.isSet(QStringLiteral("dest-compress-level")))
        o.destCompressLevel = intValue(QStringLiteral("dest-compress-level"), 0, std::numeric_limits<int>::min(),
                                       std::numeric_limits<int>::max(), true);

    if (errors.isEmpty())
        result.options = o;
    return result;
}
