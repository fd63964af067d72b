#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

// Runs the real ferryctl binary: what a user or a script sees (output, files, exit codes).
class TestFerryCtl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void version();
    void versionJson();
    void versionBadOutput();
    void help();
    void deleteHelp();
    void validateValid_data();
    void validateValid();
    void validateInvalid();
    void validateMissingFile();
    void validateUsage();
    void invalidFlags_data();
    void invalidFlags();
    void mirrorToDiskStopsOnReleaseFailure();
    void invalidConfigStopsBeforeWorkingDir();
    void wrongConfigKind();
    void portInUse();
    void deleteExecuteLogsBesideDeleteFile();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run ferryctl(const QStringList &arguments, const QProcessEnvironment &extra = {}) const;
    int freePort() const;
    static QString data(const char *name)
    {
        return QStringLiteral(FERRY_TEST_DATA_DIR "/base/") + QString::fromUtf8(name);
    }

    QString m_binary;
};

void TestFerryCtl::initTestCase()
{
    m_binary = qEnvironmentVariable("FERRYCTL");
    QVERIFY2(!m_binary.isEmpty(), "FERRYCTL is not set");
    QVERIFY2(QFileInfo(m_binary).isExecutable(), qUtf8Printable(m_binary));
}

TestFerryCtl::Run TestFerryCtl::ferryctl(const QStringList &arguments, const QProcessEnvironment &extra) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("OC_MIRROR_CACHE"));
    environment.insert(extra);
    process.setProcessEnvironment(environment);
    process.start(m_binary, arguments);
    Run run;
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

int TestFerryCtl::freePort() const
{
    QTcpServer server;
    if (!server.listen(QHostAddress::Any, 0))
        return -1;
    return server.serverPort();
}

void TestFerryCtl::version()
{
    const Run run = ferryctl({QStringLiteral("version")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(QStringLiteral("Client Version: ferryctl " FERRY_VERSION_STRING " (Qt ")),
             qUtf8Printable(run.out));
    QVERIFY(run.err.isEmpty());
}

void TestFerryCtl::versionJson()
{
    for (const QStringList &args :
         {QStringList{QStringLiteral("version"), QStringLiteral("--output"), QStringLiteral("json")},
          QStringList{QStringLiteral("version"), QStringLiteral("--output=json")}}) {
        const Run run = ferryctl(args);
        QCOMPARE(run.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject client = document.object().value(QStringLiteral("clientVersion")).toObject();
        QCOMPARE(client.value(QStringLiteral("gitVersion")).toString(), QStringLiteral(FERRY_VERSION_STRING));
        QCOMPARE(client.value(QStringLiteral("qtVersion")).toString(), QString::fromLatin1(qVersion()));
        QVERIFY(client.value(QStringLiteral("platform")).toString().startsWith(QStringLiteral("linux/")));
    }
    const Run yaml = ferryctl({QStringLiteral("version"), QStringLiteral("-o"), QStringLiteral("yaml")});
    QCOMPARE(yaml.exitCode, 0);
    QVERIFY(yaml.out.startsWith(QStringLiteral("clientVersion:\n")));
    QVERIFY(yaml.out.contains(QStringLiteral("\n  gitVersion: " FERRY_VERSION_STRING "\n")));
}

void TestFerryCtl::versionBadOutput()
{
    const Run run = ferryctl({QStringLiteral("version"), QStringLiteral("--output"), QStringLiteral("xml")});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, QStringLiteral("ferryctl: --output must be json or yaml, not \"xml\"\n"
                                     "Run 'ferryctl --help' for usage.\n"));
    QVERIFY(run.out.isEmpty());
}

void TestFerryCtl::help()
{
    for (const QString &flag : {QStringLiteral("--help"), QStringLiteral("-h"), QStringLiteral("help")}) {
        const Run run = ferryctl({flag});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("ferryctl validate -c <file>")));
        QVERIFY(run.out.contains(QStringLiteral("ferryctl version [--output json|yaml]")));
        QVERIFY(run.out.contains(QStringLiteral("Usage: ferryctl [options] <destination>")));
        QVERIFY(run.out.contains(QStringLiteral("--parallel-images <n>")));
        QVERIFY(!run.out.contains(QStringLiteral("--dest-password")));
    }
    // --help after other flags still shows help and validates nothing.
    const Run late = ferryctl({QStringLiteral("-c"), QStringLiteral("x"), QStringLiteral("--help")});
    QCOMPARE(late.exitCode, 0);
    QVERIFY(late.out.startsWith(QStringLiteral("Usage: ferryctl [options] <destination>")));
}

void TestFerryCtl::deleteHelp()
{
    const Run run = ferryctl({QStringLiteral("delete"), QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith(QStringLiteral("Usage: ferryctl delete [options] <destination>")));
    QVERIFY(run.out.contains(QStringLiteral("--delete-yaml-file <file>")));
    QVERIFY(run.out.contains(QStringLiteral("--generate")));
    QVERIFY(!run.out.contains(QStringLiteral("--dry-run")));
}

void TestFerryCtl::validateValid_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("isc") << QStringList{QStringLiteral("validate"), QStringLiteral("-c"), data("valid-isc.yaml")};
    QTest::newRow("disc long flag") << QStringList{QStringLiteral("validate"), QStringLiteral("--config"),
                                                   data("valid-disc.yaml")};
    QTest::newRow("shipped sample") << QStringList{
        QStringLiteral("validate"), QStringLiteral("-c"),
        QStringLiteral(FERRY_SOURCE_DIR "/resources/samples/imageset-config.yaml")};
}

void TestFerryCtl::validateValid()
{
    QFETCH(QStringList, args);
    const Run run = ferryctl(args);
    QCOMPARE(run.err, QString());
    QCOMPARE(run.out, QStringLiteral("OK\n"));
    QCOMPARE(run.exitCode, 0);
}

void TestFerryCtl::validateInvalid()
{
    const QString path = data("invalid-isc.yaml");
    const Run run = ferryctl({QStringLiteral("validate"), QStringLiteral("-c"), path});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    const QStringList lines = run.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    // FILE:LINE:COL: path: message, pointing at the unknown field.
    QVERIFY2(lines.constFirst().startsWith(path + QStringLiteral(":7:3: mirror.bogus: ")), qUtf8Printable(run.err));
    QVERIFY(lines.constFirst().contains(QStringLiteral("bogus")));
}

void TestFerryCtl::validateMissingFile()
{
    const Run run =
        ferryctl({QStringLiteral("validate"), QStringLiteral("-c"), QStringLiteral("/nonexistent/isc.yaml")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith(QStringLiteral("/nonexistent/isc.yaml")), qUtf8Printable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestFerryCtl::validateUsage()
{
    const Run run = ferryctl({QStringLiteral("validate")});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err,
             QStringLiteral("ferryctl: validate expects exactly -c <file>\nRun 'ferryctl --help' for usage.\n"));
    const Run extra =
        ferryctl({QStringLiteral("validate"), QStringLiteral("-c"), data("valid-isc.yaml"), QStringLiteral("more")});
    QCOMPARE(extra.exitCode, 2);
    const Run unknown = ferryctl({QStringLiteral("validate"), QStringLiteral("--strict")});
    QCOMPARE(unknown.exitCode, 2);
    QCOMPARE(unknown.err, QStringLiteral("ferryctl: Unknown option 'strict'.\nRun 'ferryctl --help' for usage.\n"));
}

void TestFerryCtl::invalidFlags_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("err");
    const QString hint = QStringLiteral("Run 'ferryctl --help' for usage.\n");
    const QString deleteHint = QStringLiteral("Run 'ferryctl delete --help' for usage.\n");
    QTest::newRow("nothing") << QStringList()
                             << QStringLiteral("ferryctl: a destination is required: file://<dir> (mirrorToDisk) or "
                                               "docker://<registry>[/namespace] (diskToMirror, mirrorToMirror)\n"
                                               "ferryctl: --config is mandatory: use -c <imageset-config.yaml>\n") +
                                    hint;
    QTest::newRow("v1") << QStringList{QStringLiteral("-c"), data("valid-isc.yaml"), QStringLiteral("file:///tmp/x"),
                                       QStringLiteral("--v1")}
                        << QStringLiteral("ferryctl: --v1 is not supported: Ferry implements the oc-mirror v2 "
                                          "workflows only (use --v2 or leave the flag out)\n") +
                               hint;
    QTest::newRow("docker without from or workspace")
        << QStringList{QStringLiteral("-c"), data("valid-isc.yaml"), QStringLiteral("docker://127.0.0.1:5000")}
        << QStringLiteral("ferryctl: a docker:// destination needs --from file://<dir> (diskToMirror) or "
                          "--workspace file://<dir> (mirrorToMirror)\n") +
               hint;
    QTest::newRow("parallel") << QStringList{QStringLiteral("-c"), data("valid-isc.yaml"),
                                             QStringLiteral("--parallel-images=0"), QStringLiteral("file:///tmp/x")}
                              << QStringLiteral("ferryctl: --parallel-images must be between 1 and 10 (inclusive), "
                                                "not 0\n") +
                                     hint;
    QTest::newRow("unknown") << QStringList{QStringLiteral("--nope")}
                             << QStringLiteral("ferryctl: Unknown option 'nope'.\n") + hint;
    QTest::newRow("delete without file")
        << QStringList{QStringLiteral("delete"), QStringLiteral("docker://127.0.0.1:5000")}
        << QStringLiteral("ferryctl: delete without --generate requires --delete-yaml-file <file>\n") + deleteHint;
    QTest::newRow("delete to disk")
        << QStringList{QStringLiteral("delete"),       QStringLiteral("-c"),          data("valid-disc.yaml"),
                       QStringLiteral("--generate"),   QStringLiteral("--workspace"), QStringLiteral("file:///tmp/w"),
                       QStringLiteral("file:///tmp/d")}
        << QStringLiteral("ferryctl: the delete destination \"file:///tmp/d\" must start with docker://\n") +
               deleteHint;
}

void TestFerryCtl::invalidFlags()
{
    QFETCH(QStringList, args);
    QFETCH(QString, err);
    const Run run = ferryctl(args);
    QCOMPARE(run.err, err);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
}

void TestFerryCtl::mirrorToDiskStopsOnReleaseFailure()
{
    QTemporaryDir temp;
    const int port = freePort();
    QVERIFY(port > 0);
    const QString destination = temp.filePath(QStringLiteral("archive"));
    // The update graph is asked of a loopback port nobody listens on: release collection fails, and that is fatal.
    QProcessEnvironment graph;
    graph.insert(QStringLiteral("UPDATE_URL_OVERRIDE"),
                 QStringLiteral("http://127.0.0.1:%1/api/upgrades_info/v1/graph").arg(freePort()));
    graph.insert(QStringLiteral("HOME"), temp.path());
    const Run run = ferryctl({QStringLiteral("-c"), data("valid-isc.yaml"), QStringLiteral("file://") + destination,
                              QStringLiteral("-p"), QString::number(port), QStringLiteral("--v2")},
                             graph);
    QCOMPARE(run.exitCode, 2);

    const QString stamp = QStringLiteral("\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}  ");
    const QRegularExpression opening(QRegularExpression::anchoredPattern(
        stamp + QStringLiteral("\\[INFO\\]   : 👋 Hello, welcome to Ferry[^\\n]*\\n") + stamp +
        QStringLiteral("\\[INFO\\]   : ⚙️  environment version: ferryctl " FERRY_VERSION_STRING "\\n") + stamp +
        QStringLiteral("\\[INFO\\]   : 🔀 workflow mode: mirrorToDisk\\n(?:") + stamp +
        QStringLiteral("\\[WARN\\]   : [^\\n]*\\n)*[\\s\\S]*")));
    QVERIFY2(opening.match(run.out).hasMatch(), qUtf8Printable(run.out));
    const QRegularExpression failure(QRegularExpression::anchoredPattern(
        stamp + QStringLiteral("\\[ERROR\\]  : \\[Executor\\] [^\\n]*stable-4\\.18[^\\n]*\\n")));
    QVERIFY2(failure.match(run.err).hasMatch(), qUtf8Printable(run.err));

    // The working-dir exists with its layout, and the log file holds the same lines, the error last.
    const QString root = destination + QStringLiteral("/working-dir");
    QVERIFY(QFileInfo(root + QStringLiteral("/cluster-resources")).isDir());
    QVERIFY(QFileInfo(root + QStringLiteral("/hold-release/cincinnati-graph-data")).isDir());
    const QStringList logs =
        QDir(root + QStringLiteral("/logs")).entryList({QStringLiteral("oc-mirror-*.log")}, QDir::Files);
    QCOMPARE(logs.size(), 1);
    QVERIFY(QRegularExpression(QRegularExpression::anchoredPattern(QStringLiteral("oc-mirror-\\d{8}_\\d{6}\\.log")))
                .match(logs.constFirst())
                .hasMatch());
    QFile log(root + QStringLiteral("/logs/") + logs.constFirst());
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QString content = QString::fromUtf8(log.readAll());
    // The same lines, in the order they were written (console splits them over stdout and stderr).
    QStringList fileLines = content.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QStringList consoleLines = QString(run.out + run.err).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    fileLines.sort();
    consoleLines.sort();
    QCOMPARE(fileLines, consoleLines);
}

void TestFerryCtl::invalidConfigStopsBeforeWorkingDir()
{
    QTemporaryDir temp;
    const QString destination = temp.filePath(QStringLiteral("archive"));
    const QString path = data("invalid-isc.yaml");
    const Run run = ferryctl({QStringLiteral("-c"), path, QStringLiteral("file://") + destination});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("[ERROR]  : ") + path + QStringLiteral(":7:3: mirror.bogus: ")),
             qUtf8Printable(run.err));
    QVERIFY(!run.out.contains(QStringLiteral("workflow mode")));
    QVERIFY(!QFileInfo::exists(destination));
}

void TestFerryCtl::wrongConfigKind()
{
    QTemporaryDir temp;
    const QString path = data("valid-disc.yaml");
    const Run run = ferryctl({QStringLiteral("-c"), path, QStringLiteral("file://") + temp.path()});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("[ERROR]  : ") + path +
                              QStringLiteral(": mirroring needs an ImageSetConfiguration")),
             qUtf8Printable(run.err));
}

void TestFerryCtl::portInUse()
{
    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::Any, 0));
    QTemporaryDir temp;
    const Run run = ferryctl({QStringLiteral("-c"), data("valid-isc.yaml"), QStringLiteral("--workspace"),
                              QStringLiteral("file://") + temp.path(), QStringLiteral("docker://127.0.0.1:5000/ns"),
                              QStringLiteral("--port"), QString::number(busy.serverPort())});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.contains(QStringLiteral("🔀 workflow mode: mirrorToMirror")));
    QVERIFY2(
        run.err.endsWith(QStringLiteral("[ERROR]  : %1 is already bound and cannot be used\n").arg(busy.serverPort())),
        qUtf8Printable(run.err));
}

void TestFerryCtl::deleteExecuteLogsBesideDeleteFile()
{
    QTemporaryDir temp;
    const QString deleteDir = temp.filePath(QStringLiteral("working-dir/delete"));
    QVERIFY(QDir().mkpath(deleteDir));
    const QString deleteFile = deleteDir + QStringLiteral("/delete-images.yaml");
    QFile file(deleteFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("apiVersion: mirror.openshift.io/v2alpha1\nkind: DeleteImageList\nitems: []\n");
    file.close();
    const Run run =
        ferryctl({QStringLiteral("delete"), QStringLiteral("--delete-yaml-file"), deleteFile,
                  QStringLiteral("docker://127.0.0.1:5000"), QStringLiteral("-p"), QString::number(freePort())});
    // An empty list deletes nothing and needs no registry: nothing is contacted.
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("🔀 workflow mode: delete")));
    QVERIFY2(run.out.contains(QStringLiteral("All images deleted successfully 0 / 0")), qUtf8Printable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("Remember to execute a garbage collect")));
    const QStringList logs = QDir(temp.filePath(QStringLiteral("working-dir/logs"))).entryList(QDir::Files);
    QCOMPARE(logs.size(), 1);
}

QTEST_GUILESS_MAIN(TestFerryCtl)
#include "tst_ferryctl.moc"
