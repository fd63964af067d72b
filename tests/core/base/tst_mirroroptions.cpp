#include "config/mirroroptions.h"
#include "config/mirroroptionsresult.h"

#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;

class TestMirrorOptions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void workflows_data();
    void workflows();
    void defaults();
    void allFlags();
    void booleanValues();
    void invalid_data();
    void invalid();
    void deleteValid();
    void deleteInvalid_data();
    void deleteInvalid();
    void cacheAndAuthFromEnvironment();
    void warnings();
    void help();
    void durations_data();
    void durations();

private:
    QProcessEnvironment env() const;
    QTemporaryDir m_temp;
    QString m_deleteYaml;
};

QProcessEnvironment TestMirrorOptions::env() const
{
    QProcessEnvironment e;
    e.insert(QStringLiteral("HOME"), QStringLiteral("/home/ferry"));
    return e;
}

void TestMirrorOptions::initTestCase()
{
    QVERIFY(m_temp.isValid());
    m_deleteYaml = m_temp.filePath(QStringLiteral("delete-images.yaml"));
    QFile file(m_deleteYaml);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("apiVersion: mirror.openshift.io/v2alpha1\nkind: DeleteImageList\nitems: []\n");
}

void TestMirrorOptions::workflows_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<MirrorOptions::Mode>("mode");
    QTest::addColumn<QString>("workingDirectory");
    QTest::addColumn<QString>("destinationPath");
    QTest::addColumn<QString>("destinationRegistry");

    const auto l = [](std::initializer_list<const char *> items) {
        QStringList list;
        for (const char *item : items)
            list.append(QString::fromUtf8(item));
        return list;
    };
    QTest::newRow("m2d") << l({"-c", "isc.yaml", "file:///data/mirror", "--v2"}) << MirrorOptions::Mode::MirrorToDisk
                         << QStringLiteral("/data/mirror/working-dir") << QStringLiteral("/data/mirror") << QString();
    QTest::newRow("m2d relative, flags after")
        << l({"file://out", "--config=isc.yaml"}) << MirrorOptions::Mode::MirrorToDisk
        << QStringLiteral("out/working-dir") << QStringLiteral("out") << QString();
    QTest::newRow("d2m") << l({"-c", "isc.yaml", "--from", "file:///data/mirror", "docker://reg.example:5000/ns"})
                         << MirrorOptions::Mode::DiskToMirror << QStringLiteral("/data/mirror/working-dir") << QString()
                         << QStringLiteral("reg.example:5000/ns");
    QTest::newRow("m2m") << l({"--config", "isc.yaml", "--workspace", "file:///data/ws", "docker://reg.example"})
                         << MirrorOptions::Mode::MirrorToMirror << QStringLiteral("/data/ws/working-dir") << QString()
                         << QStringLiteral("reg.example");
    QTest::newRow("m2m working-dir not re-appended")
        << l({"-c", "isc.yaml", "--workspace=file:///data/ws/working-dir", "docker://reg.example"})
        << MirrorOptions::Mode::MirrorToMirror << QStringLiteral("/data/ws/working-dir") << QString()
        << QStringLiteral("reg.example");
}

void TestMirrorOptions::workflows()
{
    QFETCH(QStringList, args);
    QFETCH(MirrorOptions::Mode, mode);
    QFETCH(QString, workingDirectory);
    QFETCH(QString, destinationPath);
    QFETCH(QString, destinationRegistry);
    const MirrorOptionsResult result = MirrorOptions::parse(args, env());
    QVERIFY2(result.isValid(), qUtf8Printable(result.errors.join(QLatin1Char('\n'))));
    QCOMPARE(result.options->command, MirrorOptions::Command::Mirror);
    QCOMPARE(result.options->mode, mode);
    QCOMPARE(result.options->workingDirectory, workingDirectory);
    QCOMPARE(result.options->destinationPath, destinationPath);
    QCOMPARE(result.options->destinationRegistry, destinationRegistry);
    QCOMPARE(result.options->configPath, QStringLiteral("isc.yaml"));
    QVERIFY(result.warnings.isEmpty());
}

void TestMirrorOptions::defaults()
{
    const auto result =
        MirrorOptions::parse({QStringLiteral("-c"), QStringLiteral("i.yaml"), QStringLiteral("file://d")}, env());
    QVERIFY(result.isValid());
    const MirrorOptions &o = *result.options;
    QCOMPARE(o.port, 55000);
    QCOMPARE(o.cacheRegistry(), QStringLiteral("localhost:55000"));
    QCOMPARE(o.cacheDir, QStringLiteral("/home/ferry"));
    QCOMPARE(o.cacheStorageDir(), QStringLiteral("/home/ferry/.oc-mirror/.cache"));
    QCOMPARE(o.authFile, QStringLiteral("/home/ferry/.docker/config.json"));
    QCOMPARE(o.parallelImages, 4);
    QCOMPARE(o.parallelLayers, 5);
    QCOMPARE(o.retryTimes, 5);
    QCOMPARE(o.retryDelay, 0ms);
    QCOMPARE(o.imageTimeout, std::chrono::milliseconds(10min));
    QCOMPARE(o.logLevel, QStringLiteral("info"));
    QVERIFY(o.srcTlsVerify);
    QVERIFY(o.destTlsVerify);
    QVERIFY(!o.dryRun);
    QVERIFY(!o.dryRunManifestLists);
    QVERIFY(!o.since);
    QVERIFY(!o.strictArchive);
    QVERIFY(!o.securePolicy);
    QVERIFY(!o.removeSignatures);
    QCOMPARE(o.maxNestedPaths, 0);
    QVERIFY(!o.v2);
    QVERIFY(!o.tlsVerify);
    QVERIFY(!o.destCompressLevel);
}

void TestMirrorOptions::allFlags()
{
    const QStringList args{QStringLiteral("--config"),
                           QStringLiteral("i.yaml"),
                           QStringLiteral("--cache-dir"),
                           QStringLiteral("/c"),
                           QStringLiteral("-p"),
                           QStringLiteral("6000"),
                           QStringLiteral("--authfile"),
                           QStringLiteral("/a.json"),
                           QStringLiteral("--src-tls-verify=false"),
                           QStringLiteral("--dest-tls-verify=false"),
                           QStringLiteral("--parallel-images"),
                           QStringLiteral("10"),
                           QStringLiteral("--parallel-layers=1"),
                           QStringLiteral("--retry-times"),
                           QStringLiteral("0"),
                           QStringLiteral("--retry-delay"),
                           QStringLiteral("2s"),
                           QStringLiteral("--image-timeout"),
                           QStringLiteral("1h30m"),
                           QStringLiteral("--log-level"),
                           QStringLiteral("trace"),
                           QStringLiteral("--registries.d"),
                           QStringLiteral("/r.d"),
                           QStringLiteral("--policy"),
                           QStringLiteral("/p.json"),
                           QStringLiteral("--secure-policy"),
                           QStringLiteral("--remove-signatures"),
                           QStringLiteral("--dry-run"),
                           QStringLiteral("--since"),
                           QStringLiteral("2024-02-29"),
                           QStringLiteral("--strict-archive"),
                           QStringLiteral("--max-nested-paths"),
                           QStringLiteral("3"),
                           QStringLiteral("--rootless-storage-path"),
                           QStringLiteral("/rs"),
                           QStringLiteral("--v2"),
                           QStringLiteral("-f"),
                           QStringLiteral("-q"),
                           QStringLiteral("--cpu-prof"),
                           QStringLiteral("--mem-prof"),
                           QStringLiteral("--ignore-release-signature"),
                           QStringLiteral("--src-creds"),
                           QStringLiteral("u:p"),
                           QStringLiteral("--dest-creds=v:q"),
                           QStringLiteral("--src-username"),
                           QStringLiteral("su"),
                           QStringLiteral("--dest-username"),
                           QStringLiteral("du"),
                           QStringLiteral("--src-password"),
                           QStringLiteral("sp"),
                           QStringLiteral("--dest-password"),
                           QStringLiteral("dp"),
                           QStringLiteral("--src-registry-token"),
                           QStringLiteral("st"),
                           QStringLiteral("--dest-registry-token"),
                           QStringLiteral("dt"),
                           QStringLiteral("--src-cert-dir"),
                           QStringLiteral("/sc"),
                           QStringLiteral("--dest-cert-dir"),
                           QStringLiteral("/dc"),
                           QStringLiteral("--src-no-creds"),
                           QStringLiteral("--dest-no-creds=true"),
                           QStringLiteral("--src-authfile"),
                           QStringLiteral("/sa"),
                           QStringLiteral("--dest-authfile"),
                           QStringLiteral("/da"),
                           QStringLiteral("--src-daemon-host"),
                           QStringLiteral("sdh"),
                           QStringLiteral("--dest-daemon-host"),
                           QStringLiteral("ddh"),
                           QStringLiteral("--src-shared-blob-dir"),
                           QStringLiteral("/ssb"),
                           QStringLiteral("--dest-shared-blob-dir"),
                           QStringLiteral("/dsb"),
                           QStringLiteral("--dest-compress"),
                           QStringLiteral("--dest-compress-format"),
                           QStringLiteral("zstd"),
                           QStringLiteral("--dest-compress-level"),
                           QStringLiteral("9"),
                           QStringLiteral("file:///out")};
    const auto result = MirrorOptions::parse(args, env());
    QVERIFY2(result.isValid(), qUtf8Printable(result.errors.join(QLatin1Char('\n'))));
    const MirrorOptions &o = *result.options;
    QCOMPARE(o.cacheDir, QStringLiteral("/c"));
    QCOMPARE(o.cacheStorageDir(), QStringLiteral("/c/.oc-mirror/.cache"));
    QCOMPARE(o.port, 6000);
    QCOMPARE(o.authFile, QStringLiteral("/a.json"));
    QVERIFY(!o.srcTlsVerify);
    QVERIFY(!o.destTlsVerify);
    QCOMPARE(o.parallelImages, 10);
    QCOMPARE(o.parallelLayers, 1);
    QCOMPARE(o.retryTimes, 0);
    QCOMPARE(o.retryDelay, 2000ms);
    QCOMPARE(o.imageTimeout, std::chrono::milliseconds(90min));
    QCOMPARE(o.logLevel, QStringLiteral("trace"));
    QCOMPARE(o.registriesD, QStringLiteral("/r.d"));
    QCOMPARE(o.policy, QStringLiteral("/p.json"));
    QVERIFY(o.securePolicy);
    QVERIFY(o.removeSignatures);
    QVERIFY(o.dryRun);
    QCOMPARE(o.since, QDate(2024, 2, 29));
    QVERIFY(o.strictArchive);
    QCOMPARE(o.maxNestedPaths, 3);
    QCOMPARE(o.rootlessStoragePath, QStringLiteral("/rs"));
    QVERIFY(o.v2 && o.force && o.quiet && o.cpuProfile && o.memoryProfile && o.ignoreReleaseSignature);
    QCOMPARE(o.srcCreds, QStringLiteral("u:p"));
    QCOMPARE(o.destCreds, QStringLiteral("v:q"));
    QCOMPARE(o.srcUsername, QStringLiteral("su"));
    QCOMPARE(o.destUsername, QStringLiteral("du"));
    QCOMPARE(o.srcPassword, QStringLiteral("sp"));
    QCOMPARE(o.destPassword, QStringLiteral("dp"));
    QCOMPARE(o.srcRegistryToken, QStringLiteral("st"));
    QCOMPARE(o.destRegistryToken, QStringLiteral("dt"));
    QCOMPARE(o.srcCertDir, QStringLiteral("/sc"));
    QCOMPARE(o.destCertDir, QStringLiteral("/dc"));
    QVERIFY(o.srcNoCreds && o.destNoCreds);
    QCOMPARE(o.srcAuthFile, QStringLiteral("/sa"));
    QCOMPARE(o.destAuthFile, QStringLiteral("/da"));
    QCOMPARE(o.srcDaemonHost, QStringLiteral("sdh"));
    QCOMPARE(o.destDaemonHost, QStringLiteral("ddh"));
    QCOMPARE(o.srcSharedBlobDir, QStringLiteral("/ssb"));
    QCOMPARE(o.destSharedBlobDir, QStringLiteral("/dsb"));
    QVERIFY(o.destCompress);
    QCOMPARE(o.destCompressFormat, QStringLiteral("zstd"));
    QCOMPARE(o.destCompressLevel, 9);
    QCOMPARE(o.workingDirectory, QStringLiteral("/out/working-dir"));
}

void TestMirrorOptions::booleanValues()
{
    const auto parse = [this](const QString &flag) {
        return MirrorOptions::parse({QStringLiteral("-c"), QStringLiteral("i"), flag, QStringLiteral("file://d")},
                                    env());
    };
    for (const char *yes : {"1", "t", "T", "true", "TRUE", "True"}) {
        const auto r = parse(QStringLiteral("--dry-run=") + QString::fromUtf8(yes));
        QVERIFY(r.isValid());
        QVERIFY(r.options->dryRun);
    }
    for (const char *no : {"0", "f", "F", "false", "FALSE", "False"}) {
        const auto r = parse(QStringLiteral("--dest-tls-verify=") + QString::fromUtf8(no));
        QVERIFY(r.isValid());
        QVERIFY(!r.options->destTlsVerify);
        QVERIFY(r.options->srcTlsVerify);
    }
    const auto bad = parse(QStringLiteral("--dry-run=yes"));
    QCOMPARE(bad.errors, QStringList{QStringLiteral("invalid value \"yes\" for --dry-run: expected true or false")});
    const auto deprecated = parse(QStringLiteral("--tls-verify=false"));
    QVERIFY(deprecated.isValid());
    QVERIFY(!deprecated.options->srcTlsVerify);
    QVERIFY(!deprecated.options->destTlsVerify);
    QCOMPARE(deprecated.options->tlsVerify, false);
    QCOMPARE(deprecated.warnings,
             QStringList{QStringLiteral("--tls-verify is deprecated: use --src-tls-verify and --dest-tls-verify")});
}

void TestMirrorOptions::invalid_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("errors");

    const auto l = [](std::initializer_list<const char *> items) {
        QStringList list;
        for (const char *item : items)
            list.append(QString::fromUtf8(item));
        return list;
    };
    const QString reserved =
        QStringLiteral("cluster-resources, dry-run, graph-preparation, helm, hold-operator, "
                       "hold-release, delete, logs, operator-catalogs, release-images, signatures");

    QTest::newRow("no config") << l({"file:///d"}) << l({"--config is mandatory: use -c <imageset-config.yaml>"});
    QTest::newRow("no destination")
        << l({"-c", "i"})
        << l({"a destination is required: file://<dir> (mirrorToDisk) or docker://<registry>[/namespace] "
              "(diskToMirror, mirrorToMirror)"});
    QTest::newRow("two destinations") << l({"-c", "i", "file:///a", "file:///b"})
                                      << l({"exactly one destination is expected, got 2: file:///a, file:///b"});
    QTest::newRow("bad prefix") << l({"-c", "i", "/data"})
                                << l({"the destination \"/data\" must start with file:// (mirrorToDisk) or docker:// "
                                      "(diskToMirror, mirrorToMirror)"});
    QTest::newRow("oci prefix") << l({"-c", "i", "oci:///data"})
                                << l({"the destination \"oci:///data\" must start with file:// (mirrorToDisk) or "
                                      "docker:// (diskToMirror, mirrorToMirror)"});
    QTest::newRow("empty file dest") << l({"-c", "i", "file://"})
                                     << l({"the file:// destination needs a directory path"});
    QTest::newRow("empty docker dest") << l({"-c", "i", "--from", "file:///f", "docker://"})
                                       << l({"the docker:// destination needs a registry host"});
    QTest::newRow("file + from") << l({"-c", "i", "--from", "file:///f", "file:///d"})
                                 << l({"--from cannot be used with a file:// destination: mirrorToDisk writes to the "
                                       "destination, it does not read archives"});
    QTest::newRow("file + workspace") << l({"-c", "i", "--workspace", "file:///w", "file:///d"})
                                      << l({"--workspace cannot be used with a file:// destination: mirrorToDisk "
                                            "keeps its working-dir in the destination directory"});
    QTest::newRow("docker + both") << l({"-c", "i", "--from", "file:///f", "--workspace", "file:///w", "docker://r"})
                                   << l({"--from and --workspace cannot be used together: use --from for diskToMirror "
                                         "or --workspace for mirrorToMirror"});
    QTest::newRow("docker + neither") << l({"-c", "i", "docker://r"})
                                      << l({"a docker:// destination needs --from file://<dir> (diskToMirror) or "
                                            "--workspace file://<dir> (mirrorToMirror)"});
    QTest::newRow("from not file") << l({"-c", "i", "--from", "/f", "docker://r"})
                                   << l({"--from must be a file:// path, not \"/f\""});
    QTest::newRow("workspace not file") << l({"-c", "i", "--workspace", "docker://w", "docker://r"})
                                        << l({"--workspace must be a file:// path, not \"docker://w\""});
    QTest::newRow("reserved logs") << l({"-c", "i", "file:///data/logs"})
                                   << QStringList{QStringLiteral("the destination path \"/data/logs\" must not contain "
                                                                 "the reserved word \"logs\" (reserved: %1)")
                                                      .arg(reserved)};
    QTest::newRow("reserved substring") << l({"-c", "i", "file:///srv/helmet"})
                                        << QStringList{
                                               QStringLiteral("the destination path \"/srv/helmet\" must not "
                                                              "contain the reserved word \"helm\" (reserved: %1)")
                                                   .arg(reserved)};
    QTest::newRow("reserved from") << l({"-c", "i", "--from", "file:///x/release-images", "docker://r"})
                                   << QStringList{
                                          QStringLiteral("the --from path \"/x/release-images\" must not contain "
                                                         "the reserved word \"release-images\" (reserved: %1)")
                                              .arg(reserved)};
    QTest::newRow("since format") << l({"-c", "i", "--since", "2024/01/01", "file:///d"})
                                  << l({"--since must be a date in the format yyyy-MM-dd, not \"2024/01/01\""});
    QTest::newRow("since invalid date") << l({"-c", "i", "--since", "2023-02-29", "file:///d"})
                                        << l({"--since must be a date in the format yyyy-MM-dd, not \"2023-02-29\""});
    QTest::newRow("since short") << l({"-c", "i", "--since", "2024-1-1", "file:///d"})
                                 << l({"--since must be a date in the format yyyy-MM-dd, not \"2024-1-1\""});
    QTest::newRow("dry-run both") << l({"-c", "i", "--dry-run", "--dry-run-manifest-lists", "file:///d"})
                                  << l({"--dry-run and --dry-run-manifest-lists cannot be used together"});
    QTest::newRow("parallel images 0") << l({"-c", "i", "--parallel-images", "0", "file:///d"})
                                       << l({"--parallel-images must be between 1 and 10 (inclusive), not 0"});
    QTest::newRow("parallel images 11") << l({"-c", "i", "--parallel-images=11", "file:///d"})
                                        << l({"--parallel-images must be between 1 and 10 (inclusive), not 11"});
    QTest::newRow("parallel layers 11") << l({"-c", "i", "--parallel-layers", "11", "file:///d"})
                                        << l({"--parallel-layers must be between 1 and 10 (inclusive), not 11"});
    QTest::newRow("parallel layers text") << l({"-c", "i", "--parallel-layers", "many", "file:///d"})
                                          << l({"--parallel-layers expects an integer, not \"many\""});
    QTest::newRow("log level") << l({"-c", "i", "--log-level", "warn", "file:///d"})
                               << l({"--log-level must be one of info, debug, trace, error; not \"warn\""});
    QTest::newRow("port") << l({"-c", "i", "-p", "70000", "file:///d"})
                          << l({"--port must be between 1 and 65535 (inclusive), not 70000"});
    QTest::newRow("retry times") << l({"-c", "i", "--retry-times", "-1", "file:///d"})
                                 << l({"--retry-times must not be negative, not -1"});
    QTest::newRow("max nested") << l({"-c", "i", "--max-nested-paths", "-2", "file:///d"})
                                << l({"--max-nested-paths must not be negative, not -2"});
    QTest::newRow("image timeout") << l({"-c", "i", "--image-timeout", "10", "file:///d"})
                                   << l({"--image-timeout expects a duration such as 10m, 30s or 1h30m, not \"10\""});
    QTest::newRow("retry delay") << l({"-c", "i", "--retry-delay", "soon", "file:///d"})
                                 << l({"--retry-delay expects a duration such as 10m, 30s or 1h30m, not \"soon\""});
    QTest::newRow("v1") << l({"-c", "i", "file:///d", "--v1"})
                        << l({"--v1 is not supported: Ferry implements the oc-mirror v2 workflows only (use --v2 or "
                              "leave the flag out)"});
    QTest::newRow("v1 and v2") << l({"-c", "i", "file:///d", "--v1", "--v2"})
                               << l({"--v1 is not supported: Ferry implements the oc-mirror v2 workflows only (use "
                                     "--v2 or leave the flag out)"});
    QTest::newRow("unknown flag") << l({"-c", "i", "--frobnicate", "file:///d"}) << l({"Unknown option 'frobnicate'."});
    QTest::newRow("missing value") << l({"file:///d", "-c"}) << l({"Missing value after '-c'."});
    QTest::newRow("delete-only flag on mirror")
        << l({"-c", "i", "--generate", "file:///d"}) << l({"Unknown option 'generate'."});
    QTest::newRow("several at once") << l({"--parallel-images", "0", "--log-level", "loud", "--dry-run",
                                           "--dry-run-manifest-lists", "file:///d"})
                                     << l({"--config is mandatory: use -c <imageset-config.yaml>",
                                           "--parallel-images must be between 1 and 10 (inclusive), not 0",
                                           "--log-level must be one of info, debug, trace, error; not \"loud\"",
                                           "--dry-run and --dry-run-manifest-lists cannot be used together"});
}

void TestMirrorOptions::invalid()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, errors);
    const MirrorOptionsResult result = MirrorOptions::parse(args, env());
    QVERIFY(!result.isValid());
    QVERIFY(!result.options);
    QCOMPARE(result.errors, errors);
}

void TestMirrorOptions::deleteValid()
{
    const auto generate = MirrorOptions::parse(
        {QStringLiteral("delete"), QStringLiteral("-c"), QStringLiteral("disc.yaml"), QStringLiteral("--generate"),
         QStringLiteral("--workspace"), QStringLiteral("file:///w"), QStringLiteral("--delete-id"),
         QStringLiteral("a1"), QStringLiteral("--delete-signatures"), QStringLiteral("--delete-v1-images"),
         QStringLiteral("docker://reg:5000/ns"), QStringLiteral("--v2")},
        env());
    QVERIFY2(generate.isValid(), qUtf8Printable(generate.errors.join(QLatin1Char('\n'))));
    const MirrorOptions &g = *generate.options;
    QCOMPARE(g.command, MirrorOptions::Command::Delete);
    QCOMPARE(g.mode, MirrorOptions::Mode::Delete);
    QCOMPARE(MirrorOptions::modeName(g.mode), QStringLiteral("delete"));
    QVERIFY(g.generate);
    QCOMPARE(g.deleteId, QStringLiteral("a1"));
    QVERIFY(g.deleteSignatures);
    QVERIFY(g.deleteV1Images);
    QCOMPARE(g.workingDirectory, QStringLiteral("/w/working-dir"));
    QCOMPARE(g.destinationRegistry, QStringLiteral("reg:5000/ns"));

    // The sub-command may follow options.
    const auto execute =
        MirrorOptions::parse({QStringLiteral("--force-cache-delete"), QStringLiteral("delete"),
                              QStringLiteral("--delete-yaml-file"), m_deleteYaml, QStringLiteral("docker://reg")},
                             env());
    QVERIFY2(execute.isValid(), qUtf8Printable(execute.errors.join(QLatin1Char('\n'))));
    QVERIFY(!execute.options->generate);
    QVERIFY(execute.options->forceCacheDelete);
    QCOMPARE(execute.options->deleteYamlFile, m_deleteYaml);
    QVERIFY(execute.options->workingDirectory.isEmpty());
}

void TestMirrorOptions::deleteInvalid_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("errors");
    const auto l = [](std::initializer_list<const char *> items) {
        QStringList list;
        for (const char *item : items)
            list.append(QString::fromUtf8(item));
        return list;
    };
    QTest::newRow("generate without workspace") << l({"delete", "-c", "d.yaml", "--generate", "docker://r"})
                                                << l({"delete --generate requires --workspace file://<dir>"});
    QTest::newRow("generate without config")
        << l({"delete", "--generate", "--workspace", "file:///w", "docker://r"})
        << l({"delete --generate requires --config <delete-imageset-config.yaml>"});
    QTest::newRow("generate workspace not file")
        << l({"delete", "-c", "d", "--generate", "--workspace", "/w", "docker://r"})
        << l({"--workspace must be a file:// path, not \"/w\""});
    QTest::newRow("no yaml file") << l({"delete", "docker://r"})
                                  << l({"delete without --generate requires --delete-yaml-file <file>"});
    QTest::newRow("yaml file missing") << l({"delete", "--delete-yaml-file", "/nonexistent/delete-images.yaml",
                                             "docker://r"})
                                       << l({"--delete-yaml-file \"/nonexistent/delete-images.yaml\" does not exist"});
    QTest::newRow("v1 images without generate")
        << l({"delete", "--delete-v1-images", "--delete-yaml-file", "/nonexistent/x.yaml", "docker://r"})
        << l({"--delete-yaml-file \"/nonexistent/x.yaml\" does not exist",
              "--delete-v1-images can only be used with --generate"});
    QTest::newRow("file destination") << l({"delete", "-c", "d", "--generate", "--workspace", "file:///w", "file:///d"})
                                      << l({"the delete destination \"file:///d\" must start with docker://"});
    QTest::newRow("no destination") << l({"delete", "-c", "d", "--generate", "--workspace", "file:///w"})
                                    << l({"a destination is required: docker://<registry>[/namespace]"});
    QTest::newRow("mirror-only flag") << l({"delete", "--dry-run", "docker://r"}) << l({"Unknown option 'dry-run'."});
    QTest::newRow("from on delete") << l({"delete", "--from", "file:///f", "docker://r"})
                                    << l({"Unknown option 'from'."});
    QTest::newRow("v1 on delete") << l({"delete", "--v1", "-c", "d", "--generate", "--workspace", "file:///w",
                                        "docker://r"})
                                  << l({"--v1 is not supported: Ferry implements the oc-mirror v2 workflows only (use "
                                        "--v2 or leave the flag out)"});
}

void TestMirrorOptions::deleteInvalid()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, errors);
    const MirrorOptionsResult result = MirrorOptions::parse(args, env());
    QVERIFY(!result.isValid());
    QCOMPARE(result.errors, errors);
}

void TestMirrorOptions::cacheAndAuthFromEnvironment()
{
    const QStringList base{QStringLiteral("-c"), QStringLiteral("i"), QStringLiteral("file:///d")};
    QProcessEnvironment e = env();
    e.insert(QStringLiteral("OC_MIRROR_CACHE"), QStringLiteral("/env/cache"));
    e.insert(QStringLiteral("REGISTRY_AUTH_FILE"), QStringLiteral("/env/auth.json"));
    auto result = MirrorOptions::parse(base, e);
    QVERIFY(result.isValid());
    QCOMPARE(result.options->cacheDir, QStringLiteral("/env/cache"));
    QCOMPARE(result.options->authFile, QStringLiteral("/env/auth.json"));

    result = MirrorOptions::parse(base + QStringList{QStringLiteral("--cache-dir"), QStringLiteral("/c")}, e);
    QCOMPARE(result.errors, QStringList{QStringLiteral("OC_MIRROR_CACHE and --cache-dir cannot be used together")});

    // XDG_RUNTIME_DIR/containers/auth.json is used only when it exists.
    QProcessEnvironment x = env();
    x.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_temp.path());
    result = MirrorOptions::parse(base, x);
    QCOMPARE(result.options->authFile, QStringLiteral("/home/ferry/.docker/config.json"));
    QVERIFY(QDir().mkpath(m_temp.filePath(QStringLiteral("containers"))));
    QFile auth(m_temp.filePath(QStringLiteral("containers/auth.json")));
    QVERIFY(auth.open(QIODevice::WriteOnly));
    auth.close();
    result = MirrorOptions::parse(base, x);
    QCOMPARE(result.options->authFile, auth.fileName());
}

void TestMirrorOptions::warnings()
{
    auto result = MirrorOptions::parse({QStringLiteral("-c"), QStringLiteral("i"), QStringLiteral("--since"),
                                        QStringLiteral("2024-01-01"), QStringLiteral("--workspace"),
                                        QStringLiteral("file:///w"), QStringLiteral("docker://r")},
                                       env());
    QVERIFY(result.isValid());
    QCOMPARE(result.warnings,
             QStringList{QStringLiteral("--since only applies to mirrorToDisk; it is ignored for mirrorToMirror")});
    result = MirrorOptions::parse({QStringLiteral("-c"), QStringLiteral("i"), QStringLiteral("--since"),
                                   QStringLiteral("2024-01-01"), QStringLiteral("file:///d")},
                                  env());
    QVERIFY(result.isValid());
    QVERIFY(result.warnings.isEmpty());
    QCOMPARE(result.options->since, QDate(2024, 1, 1));
}

void TestMirrorOptions::help()
{
    const auto result = MirrorOptions::parse({QStringLiteral("--help")}, env());
    QVERIFY(result.helpRequested);
    QVERIFY(result.errors.isEmpty());
    QVERIFY(result.helpText.contains(QStringLiteral("--parallel-images <n>")));
    QVERIFY(result.helpText.contains(QStringLiteral("--dry-run")));
    QVERIFY(result.helpText.startsWith(QStringLiteral("Usage: ferryctl [options] <destination>\n")));
    QVERIFY(!result.helpText.contains(QStringLiteral("\n  --generate")));
    QVERIFY(!result.helpText.contains(QStringLiteral("--help-all")));
    // Hidden flags stay out of the help.
    QVERIFY(!result.helpText.contains(QStringLiteral("--dest-password")));
    const QString deleteHelp = MirrorOptions::helpText(MirrorOptions::Command::Delete);
    QVERIFY(deleteHelp.startsWith(QStringLiteral("Usage: ferryctl delete [options] <destination>\n")));
    QVERIFY(deleteHelp.contains(QStringLiteral("--delete-yaml-file <file>")));
    QVERIFY(!deleteHelp.contains(QStringLiteral("--dry-run")));
    const auto deleteResult = MirrorOptions::parse({QStringLiteral("delete"), QStringLiteral("-h")}, env());
    QVERIFY(deleteResult.helpRequested);
    QCOMPARE(deleteResult.helpText, deleteHelp);
}

void TestMirrorOptions::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("milliseconds"); // -1: refused
    QTest::newRow("zero") << QStringLiteral("0") << qint64(0);
    QTest::newRow("0s") << QStringLiteral("0s") << qint64(0);
    QTest::newRow("10m") << QStringLiteral("10m") << qint64(600000);
    QTest::newRow("1h30m") << QStringLiteral("1h30m") << qint64(5400000);
    QTest::newRow("1.5s") << QStringLiteral("1.5s") << qint64(1500);
    QTest::newRow("500ms") << QStringLiteral("500ms") << qint64(500);
    QTest::newRow("2us rounds") << QStringLiteral("2000us") << qint64(2);
    QTest::newRow("plus") << QStringLiteral("+5s") << qint64(5000);
    QTest::newRow("no unit") << QStringLiteral("10") << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("-5s") << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("bad unit") << QStringLiteral("5d") << qint64(-1);
    QTest::newRow("dot") << QStringLiteral(".s") << qint64(-1);
    QTest::newRow("trailing") << QStringLiteral("5s x") << qint64(-1);
}

void TestMirrorOptions::durations()
{
    QFETCH(QString, text);
    QFETCH(qint64, milliseconds);
    const auto parsed = MirrorOptions::parseDuration(text);
    if (milliseconds < 0) {
        QVERIFY(!parsed);
    } else {
        QVERIFY(parsed);
        QCOMPARE(parsed->count(), milliseconds);
    }
}

QTEST_GUILESS_MAIN(TestMirrorOptions)
#include "tst_mirroroptions.moc"
