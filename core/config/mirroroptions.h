#pragma once

#include <QDate>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

class MirrorOptionsResult;

// Everything the oc-mirror v2 command line says about one run (mirror or delete), after validation. Built by
// parse(), which never prints: ferryctl prints the errors, the GUI shows them.
class MirrorOptions
{
public:
    enum class Command { Mirror, Delete };
    enum class Mode { MirrorToDisk, DiskToMirror, MirrorToMirror, Delete };

    // Arguments after the program name, e.g. {"-c", "isc.yaml", "file:///data", "--v2"} or {"delete", …}.
    static MirrorOptionsResult parse(const QStringList &arguments,
                                     const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    // The --help text of the mirror or the delete command.
    static QString helpText(Command command);

    // mirrorToDisk, diskToMirror, mirrorToMirror, delete: the spelling of the "workflow mode" log line.
    static QString modeName(Mode mode);
    // Names of working-dir folders; a mirrorToDisk destination or --from path containing one is refused.
    static QStringList reservedWords();
    // Go duration syntax ("10m", "1h30m", "500ms", "0"); nullopt when it does not parse or is negative.
    static std::optional<std::chrono::milliseconds> parseDuration(const QString &text);

    Command command = Command::Mirror;
    Mode mode = Mode::MirrorToDisk;

    QString configPath;
    QString destination;         // as given, with its prefix
    QString destinationPath;     // file:// destination without the prefix (m2d)
    QString destinationRegistry; // docker:// destination without the prefix: host[:port][/namespace]
    QString fromPath;            // --from without file://
    QString workspacePath;       // --workspace without file://
    QString workingDirectory;    // the working-dir this run uses; empty for delete without --generate

    QString cacheDir; // --cache-dir, else OC_MIRROR_CACHE, else $HOME
    QString authFile; // --authfile, else REGISTRY_AUTH_FILE, else XDG auth.json, else ~/.docker/config.json
    int port = 55000;
    bool srcTlsVerify = true;
    bool destTlsVerify = true;
    int parallelImages = 4;
    int parallelLayers = 5;
    int retryTimes = 5;
    std::chrono::milliseconds retryDelay{0}; // 0 = exponential backoff
    std::chrono::milliseconds imageTimeout{std::chrono::minutes(10)};
    QString logLevel = QStringLiteral("info");
    QString registriesD;
    QString policy;
    bool securePolicy = false;
    bool removeSignatures = false;
    bool dryRun = false;
    bool dryRunManifestLists = false;
    std::optional<QDate> since;
    bool strictArchive = false;
    bool retryFailed = false; // Ferry's own: copy only what failed last time (the copy journal's failures)
    int maxNestedPaths = 0;
    QString rootlessStoragePath;

    // Hidden flags, accepted for compatibility.
    bool v2 = false;
    bool force = false;
    bool quiet = false;
    bool cpuProfile = false;
    bool memoryProfile = false;
    bool ignoreReleaseSignature = false;
    QString srcCreds, destCreds;
    QString srcUsername, destUsername;
    QString srcPassword, destPassword;
    QString srcRegistryToken, destRegistryToken;
    QString srcCertDir, destCertDir;
    bool srcNoCreds = false;
    bool destNoCreds = false;
    QString srcAuthFile, destAuthFile;
    QString srcDaemonHost, destDaemonHost;
    QString srcSharedBlobDir, destSharedBlobDir;
    bool destCompress = false;
    QString destCompressFormat;
    std::optional<int> destCompressLevel;
    std::optional<bool> tlsVerify; // deprecated; sets both src and dest when given

    // delete
    bool generate = false;
    QString deleteId;
    bool deleteSignatures = false;
    bool deleteV1Images = false;
    QString deleteYamlFile;
    bool forceCacheDelete = false;

    // <cache-dir>/.oc-mirror/.cache: the local registry's storage root.
    QString cacheStorageDir() const;
    // localhost:<port>
    QString cacheRegistry() const;
};
