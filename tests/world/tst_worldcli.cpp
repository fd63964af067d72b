#include "processrun.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// `ferry-world up/status/down` as demo.sh and benchmarks use it: background servers that outlive the command,
// recorded pids, and a clean stop.
class TestWorldCli : public QObject
{
    Q_OBJECT

private:
    using Result = ProcessRun::Result;

    static Result run(const QString &program, const QStringList &arguments, const QByteArray &input = {})
    {
        return ProcessRun::run(program, arguments, input);
    }

    static Result world(const QStringList &arguments) { return run(QStringLiteral(FERRY_WORLD_BINARY), arguments); }

    static QMap<QString, QString> readEnv(const QString &path)
    {
        QMap<QString, QString> env;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return env;
        for (const QByteArray &line : file.readAll().split('\n')) {
            const qsizetype eq = line.indexOf('=');
            if (line.startsWith('#') || eq < 0)
                continue;
            QString value = QString::fromUtf8(line.mid(eq + 1));
            if (value.startsWith(QLatin1Char('\'')))
                value = value.mid(1, value.size() - 2);
            env.insert(QString::fromUtf8(line.left(eq)), value);
        }
        return env;
    }

    static bool alive(qint64 pid, const QString &directory)
    {
        QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
        return file.open(QIODevice::ReadOnly) && file.readAll().contains(directory.toUtf8());
    }

private slots:
    void upStatusDown()
    {
        QTemporaryDir dir;
        const QString path = dir.path();
        Result up = world(
            {QStringLiteral("up"), QStringLiteral("--dir"), path, QStringLiteral("--scale"), QStringLiteral("small")});
        QVERIFY2(up.exitCode == 0, up.err.constData());
        QVERIFY(up.out.contains("build time"));

        const QMap<QString, QString> env = readEnv(path + QStringLiteral("/world.env"));
        for (const QString &name : {QStringLiteral("UPDATE_URL_OVERRIDE"), QStringLiteral("OCP_SIGNATURE_URL"),
                                    QStringLiteral("OCP_SIGNATURE_VERIFICATION_PK"),
                                    QStringLiteral("CONTAINERS_REGISTRIES_CONF"), QStringLiteral("REGISTRY_AUTH_FILE"),
                                    QStringLiteral("FERRY_WORLD_DESTINATION"), QStringLiteral("FERRY_WORLD_HELM_URL")})
            QVERIFY2(!env.value(name).isEmpty(), qUtf8Printable(name));
        QVERIFY(QFile::exists(env.value(QStringLiteral("OCP_SIGNATURE_VERIFICATION_PK"))));
        QVERIFY(QFile::exists(path + QStringLiteral("/demo-imageset-config.yaml")));

        QList<qint64> pids;
        for (const QString &name : QDir(path + QStringLiteral("/run")).entryList({QStringLiteral("*.pid")})) {
            QFile file(path + QStringLiteral("/run/") + name);
            QVERIFY(file.open(QIODevice::ReadOnly));
            pids << file.readAll().trimmed().toLongLong();
        }
        QCOMPARE(pids.size(), 3);
        for (qint64 pid : std::as_const(pids))
            QVERIFY(alive(pid, path));
        QCOMPARE(world({QStringLiteral("status"), QStringLiteral("--dir"), path}).exitCode, 0);

        // The servers outlived `up`: the graph, the registries through the mapping, the destination.
        const Result graph =
            run(QStringLiteral("curl"), {QStringLiteral("-sf"), env.value(QStringLiteral("UPDATE_URL_OVERRIDE")) +
                                                                    QStringLiteral("?channel=stable-4.16")});
        QCOMPARE(graph.exitCode, 0);
        QVERIFY(!QJsonDocument::fromJson(graph.out).object().value(QLatin1String("nodes")).toArray().isEmpty());
        const Result inspect =
            run(QStringLiteral("skopeo"),
                {QStringLiteral("inspect"), QStringLiteral("--raw"), QStringLiteral("--registries-conf"),
                 env.value(QStringLiteral("CONTAINERS_REGISTRIES_CONF")), QStringLiteral("--authfile"),
                 env.value(QStringLiteral("REGISTRY_AUTH_FILE")),
                 QStringLiteral("docker://registry.redhat.io/redhat/redhat-operator-index:v4.16")});
        QVERIFY2(inspect.exitCode == 0, inspect.err.constData());
        const Result destination =
            run(QStringLiteral("curl"),
                {QStringLiteral("-sf"),
                 QStringLiteral("http://%1/v2/").arg(env.value(QStringLiteral("FERRY_WORLD_DESTINATION")))});
        QCOMPARE(destination.exitCode, 0);

        // A second `up` refuses rather than starting a second set of servers.
        QVERIFY(world({QStringLiteral("up"), QStringLiteral("--dir"), path}).exitCode != 0);

        QCOMPARE(world({QStringLiteral("down"), QStringLiteral("--dir"), path}).exitCode, 0);
        for (qint64 pid : std::as_const(pids))
            QVERIFY(!alive(pid, path));
        QVERIFY(world({QStringLiteral("status"), QStringLiteral("--dir"), path}).exitCode != 0);

        // The content is kept and reused by the next `up`.
        up = world(
            {QStringLiteral("up"), QStringLiteral("--dir"), path, QStringLiteral("--scale"), QStringLiteral("small")});
        QVERIFY2(up.exitCode == 0, up.err.constData());
        QVERIFY(up.out.startsWith("reused"));
        QCOMPARE(world({QStringLiteral("down"), QStringLiteral("--dir"), path}).exitCode, 0);
    }

    void rejectsBadArguments()
    {
        QTemporaryDir dir;
        Result result = world({QStringLiteral("up"), QStringLiteral("--dir"), dir.path(), QStringLiteral("--scale"),
                               QStringLiteral("huge")});
        QVERIFY(result.exitCode != 0);
        QVERIFY(result.err.contains("unknown scale \"huge\""));
        result = world({QStringLiteral("launch"), QStringLiteral("--dir"), dir.path()});
        QVERIFY(result.exitCode != 0);
        QVERIFY(result.err.contains("unknown command"));
        QVERIFY(world({QStringLiteral("up")}).exitCode != 0);
    }

    void mediumBuildsWithinAMinute()
    {
        QTemporaryDir dir;
        QElapsedTimer timer;
        timer.start();
        const Result build = world({QStringLiteral("build"), QStringLiteral("--dir"), dir.path(),
                                    QStringLiteral("--scale"), QStringLiteral("medium")});
        const double seconds = double(timer.elapsed()) / 1000.0;
        QVERIFY2(build.exitCode == 0, build.err.constData());
        qInfo("%s", build.out.trimmed().constData());
        qInfo("medium world: %.1f s wall clock", seconds);
        const QJsonObject manifest = QJsonDocument::fromJson([&] {
                                         QFile file(dir.filePath(QStringLiteral("world.json")));
                                         file.open(QIODevice::ReadOnly);
                                         return file.readAll();
                                     }())
                                         .object();
        QVERIFY(manifest.value(QLatin1String("releaseVersions")).toArray().size() >= 24);
        QVERIFY2(seconds < 60.0, qPrintable(QStringLiteral("medium build took %1 s").arg(seconds)));
    }
};

QTEST_GUILESS_MAIN(TestWorldCli)
#include "processrun.h"
#include "tst_worldcli.moc"
