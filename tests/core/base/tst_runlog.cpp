#include "workspace/credentialscrubber.h"
#include "workspace/runlog.h"
#include "workspace/workingdirectory.h"

#include <QBuffer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

class TestRunLog : public QObject
{
    Q_OBJECT

private slots:
    void formatLine_data();
    void formatLine();
    void parseLevel();
    void levelFilter_data();
    void levelFilter();
    void consoleAndFile();
    void fileInWorkingDirectory();
    void openFileFailure();
    void threadSafe();
    void scrub_data();
    void scrub();
    void logIsScrubbed();
};

namespace {
const QDateTime kTime(QDate(2025, 1, 31), QTime(9, 8, 7));
}

void TestRunLog::formatLine_data()
{
    QTest::addColumn<RunLog::Level>("level");
    QTest::addColumn<QString>("line");
    QTest::newRow("info") << RunLog::Level::Info << QStringLiteral("2025/01/31 09:08:07  [INFO]   : msg");
    QTest::newRow("warn") << RunLog::Level::Warn << QStringLiteral("2025/01/31 09:08:07  [WARN]   : msg");
    QTest::newRow("error") << RunLog::Level::Error << QStringLiteral("2025/01/31 09:08:07  [ERROR]  : msg");
    QTest::newRow("debug") << RunLog::Level::Debug << QStringLiteral("2025/01/31 09:08:07  [DEBUG]  : msg");
    QTest::newRow("trace") << RunLog::Level::Trace << QStringLiteral("2025/01/31 09:08:07  [TRACE]  : msg");
}

void TestRunLog::formatLine()
{
    QFETCH(RunLog::Level, level);
    QFETCH(QString, line);
    QCOMPARE(RunLog::formatLine(kTime, level, QStringLiteral("msg")), line);
}

void TestRunLog::parseLevel()
{
    QCOMPARE(RunLog::parseLevel(QStringLiteral("info")), RunLog::Level::Info);
    QCOMPARE(RunLog::parseLevel(QStringLiteral("debug")), RunLog::Level::Debug);
    QCOMPARE(RunLog::parseLevel(QStringLiteral("trace")), RunLog::Level::Trace);
    QCOMPARE(RunLog::parseLevel(QStringLiteral("error")), RunLog::Level::Error);
    QVERIFY(!RunLog::parseLevel(QStringLiteral("warn")));
    QVERIFY(!RunLog::parseLevel(QStringLiteral("INFO")));
    QVERIFY(!RunLog::parseLevel(QString()));
    QCOMPARE(RunLog::levelNames(), (QStringList{QStringLiteral("info"), QStringLiteral("debug"),
                                                QStringLiteral("trace"), QStringLiteral("error")}));
    QCOMPARE(RunLog::fileNameFor(kTime), QStringLiteral("oc-mirror-20250131_090807.log"));
}

void TestRunLog::levelFilter_data()
{
    QTest::addColumn<RunLog::Level>("threshold");
    QTest::addColumn<QString>("shown"); // initials of the levels that pass, in E W I D T order
    QTest::newRow("error") << RunLog::Level::Error << QStringLiteral("E");
    QTest::newRow("info") << RunLog::Level::Info << QStringLiteral("EWI");
    QTest::newRow("debug") << RunLog::Level::Debug << QStringLiteral("EWID");
    QTest::newRow("trace") << RunLog::Level::Trace << QStringLiteral("EWIDT");
}

void TestRunLog::levelFilter()
{
    QFETCH(RunLog::Level, threshold);
    QFETCH(QString, shown);
    RunLog log;
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    log.setConsoleDevices(&out, &err);
    log.setClock([] { return kTime; });
    log.setLevel(threshold);
    QCOMPARE(log.level(), threshold);
    QSignalSpy spy(&log, &RunLog::lineWritten);
    log.error(QStringLiteral("E"));
    log.warn(QStringLiteral("W"));
    log.info(QStringLiteral("I"));
    log.debug(QStringLiteral("D"));
    log.trace(QStringLiteral("T"));
    QString seen;
    for (const auto &args : spy)
        seen += args.at(1).toString().right(1);
    QCOMPARE(seen, shown);
    QCOMPARE(log.isEnabled(RunLog::Level::Debug), shown.contains(QLatin1Char('D')));
    // Errors go to the error stream, the rest to the output stream.
    QCOMPARE(QString::fromUtf8(err.data()), QStringLiteral("2025/01/31 09:08:07  [ERROR]  : E\n"));
    QCOMPARE(out.data().count('\n'), shown.size() - 1);
}

void TestRunLog::consoleAndFile()
{
    QTemporaryDir temp;
    RunLog log;
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    log.setConsoleDevices(&out, &out);
    log.setClock([] { return kTime; });
    const QString path = temp.filePath(QStringLiteral("logs/run.log"));
    QString error;
    QVERIFY2(log.openFile(path, &error), qUtf8Printable(error));
    QCOMPARE(log.filePath(), path);
    log.info(QStringLiteral("👋 Hello, welcome to Ferry"));
    log.error(QStringLiteral("[Executor] boom"));
    const QByteArray expected = "2025/01/31 09:08:07  [INFO]   : \xf0\x9f\x91\x8b Hello, welcome to Ferry\n"
                                "2025/01/31 09:08:07  [ERROR]  : [Executor] boom\n";
    QCOMPARE(out.data(), expected);
    // The file is flushed line by line: readable while the log is still open.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), expected);
    file.close();

    log.setConsoleEnabled(false);
    log.info(QStringLiteral("file only"));
    QCOMPARE(out.data(), expected);
    log.closeFile();
    QVERIFY(log.filePath().isEmpty());
    log.info(QStringLiteral("nowhere"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), expected + "2025/01/31 09:08:07  [INFO]   : file only\n");
}

void TestRunLog::fileInWorkingDirectory()
{
    QTemporaryDir temp;
    const auto dir = WorkingDirectory::inParent(temp.path());
    RunLog log;
    log.setConsoleEnabled(false);
    QString error;
    QVERIFY2(log.openInWorkingDirectory(dir, kTime, &error), qUtf8Printable(error));
    QCOMPARE(log.filePath(), dir.root() + QStringLiteral("/logs/oc-mirror-20250131_090807.log"));
    log.info(QStringLiteral("x"));
    QVERIFY(QFileInfo(log.filePath()).size() > 0);
}

void TestRunLog::openFileFailure()
{
    QTemporaryDir temp;
    RunLog log;
    QString error;
    QVERIFY(!log.openFile(temp.path(), &error));
    QVERIFY2(error.startsWith(QStringLiteral("cannot open log file \"%1\": ").arg(temp.path())), qUtf8Printable(error));
    QVERIFY(log.filePath().isEmpty());
}

void TestRunLog::threadSafe()
{
    QTemporaryDir temp;
    RunLog log;
    log.setConsoleEnabled(false);
    log.setClock([] { return kTime; });
    QVERIFY(log.openFile(temp.filePath(QStringLiteral("t.log"))));
    QList<int> ids(8);
    std::iota(ids.begin(), ids.end(), 0);
    QtConcurrent::blockingMap(ids, [&log](int id) {
        for (int i = 0; i < 200; ++i)
            log.info(QStringLiteral("worker %1 line %2").arg(id).arg(i));
    });
    log.closeFile();
    QFile file(temp.filePath(QStringLiteral("t.log")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 8 * 200 + 1); // the last element is after the final newline
    const QRegularExpression pattern(QRegularExpression::anchoredPattern(
        QStringLiteral("2025/01/31 09:08:07  \\[INFO\\]   : worker \\d line \\d+")));
    for (qsizetype i = 0; i + 1 < lines.size(); ++i)
        QVERIFY2(pattern.match(QString::fromUtf8(lines.at(i))).hasMatch(), lines.at(i).constData());
}

void TestRunLog::scrub_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    const QString digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('c'));

    QTest::newRow("url userinfo") << QStringLiteral("GET https://alice:s3cr3t@registry.example.com/v2/ failed")
                                  << QStringLiteral("GET https://***@registry.example.com/v2/ failed");
    QTest::newRow("proxy url") << QStringLiteral("proxy http://bob:pa%40ss@10.0.0.1:3128")
                               << QStringLiteral("proxy http://***@10.0.0.1:3128");
    QTest::newRow("token only userinfo") << QStringLiteral("https://ghp_abc123@github.com/x")
                                         << QStringLiteral("https://***@github.com/x");
    QTest::newRow("image digest untouched") << (QStringLiteral("copying docker://ubuntu:22.04@") + digest)
                                            << (QStringLiteral("copying docker://ubuntu:22.04@") + digest);
    QTest::newRow("plain url untouched") << QStringLiteral("see https://quay.io/v2/a/b/manifests/v1 please")
                                         << QStringLiteral("see https://quay.io/v2/a/b/manifests/v1 please");
    QTest::newRow("authorization header") << QStringLiteral("Authorization: Basic YWxpY2U6czNjcjN0\nAccept: */*")
                                          << QStringLiteral("Authorization: ***\nAccept: */*");
    QTest::newRow("authorization lowercase")
        << QStringLiteral("authorization:Bearer eyJhbGciOi.x.y") << QStringLiteral("authorization:***");
    QTest::newRow("proxy authorization") << QStringLiteral("Proxy-Authorization: Basic Zm9vOmJhcg==")
                                         << QStringLiteral("Proxy-Authorization: ***");
    QTest::newRow("bearer anywhere") << QStringLiteral("retrying with Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig now")
                                     << QStringLiteral("retrying with Bearer *** now");
    QTest::newRow("bearer challenge kept")
        << QStringLiteral("WWW-Authenticate: Bearer realm=\"https://auth.example/token\",service=\"reg\"")
        << QStringLiteral("WWW-Authenticate: Bearer realm=\"https://auth.example/token\",service=\"reg\"");
    QTest::newRow("basic prose kept") << QStringLiteral("basic authentication failed")
                                      << QStringLiteral("basic authentication failed");
    QTest::newRow("json auth") << QStringLiteral("{\"auths\":{\"quay.io\":{\"auth\": \"YWxpY2U6czNjcjN0\"}}}")
                               << QStringLiteral("{\"auths\":{\"quay.io\":{\"auth\": \"***\"}}}");
    QTest::newRow("json token") << QStringLiteral("{\"token\":\"abc\",\"access_token\":\"def\",\"expires_in\":300}")
                                << QStringLiteral("{\"token\":\"***\",\"access_token\":\"***\",\"expires_in\":300}");
    QTest::newRow("json password escaped")
        << QStringLiteral("{\"password\": \"a\\\"b\"}") << QStringLiteral("{\"password\": \"***\"}");
    QTest::newRow("json identitytoken") << QStringLiteral("\"identitytoken\":\"xyz\"")
                                        << QStringLiteral("\"identitytoken\":\"***\"");
    QTest::newRow("yaml password") << QStringLiteral("user: alice\npassword: hunter2\n")
                                   << QStringLiteral("user: alice\npassword: ***\n");
    QTest::newRow("prose token kept") << QStringLiteral("failed to get token: 401 Unauthorized")
                                      << QStringLiteral("failed to get token: 401 Unauthorized");
    QTest::newRow("query password")
        << QStringLiteral("POST /token body grant_type=password&username=a&password=p4ss&x=1")
        << QStringLiteral("POST /token body grant_type=password&username=a&password=***&x=1");
    QTest::newRow("refresh token form") << QStringLiteral("refresh_token=abc.def&scope=repository")
                                        << QStringLiteral("refresh_token=***&scope=repository");
    QTest::newRow("flag equals") << QStringLiteral("--dest-password=hunter2 --dest-tls-verify=false")
                                 << QStringLiteral("--dest-password=*** --dest-tls-verify=false");
    QTest::newRow("flag space") << QStringLiteral("--src-creds alice:pw docker://x")
                                << QStringLiteral("--src-creds *** docker://x");
    QTest::newRow("nothing") << QStringLiteral("🔀 workflow mode: mirrorToDisk")
                             << QStringLiteral("🔀 workflow mode: mirrorToDisk");
}

void TestRunLog::scrub()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(CredentialScrubber::scrub(input), expected);
    // Scrubbing is idempotent.
    QCOMPARE(CredentialScrubber::scrub(expected), expected);
}

void TestRunLog::logIsScrubbed()
{
    RunLog log;
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    log.setConsoleDevices(&out, &out);
    QSignalSpy spy(&log, &RunLog::lineWritten);
    log.info(QStringLiteral("connecting to https://alice:s3cr3t@quay.io"));
    QVERIFY(!out.data().contains("s3cr3t"));
    QVERIFY(out.data().contains("https://***@quay.io"));
    QCOMPARE(spy.size(), 1);
    QVERIFY(!spy.at(0).at(1).toString().contains(QStringLiteral("s3cr3t")));
}

QTEST_GUILESS_MAIN(TestRunLog)
#include "tst_runlog.moc"
