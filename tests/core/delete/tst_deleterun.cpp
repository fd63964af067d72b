#include "../registry/testimages.h"
#include "genericdeleteitem.h"

#include "config/configwriter.h"
#include "config/deleteimagelist.h"
#include "config/deleteimagelistwriter.h"
#include "delete/deleterun.h"
#include "registry/registryclient.h"
#include "workspace/runlog.h"

#include "registryfixture.h"
#include "skopeo.h"

#include <QBuffer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The execution job ferryctl and the review window share: check without deleting, then execute with progress.
class TestDeleteRun : public QObject
{
    Q_OBJECT

private:
    static void push(RegistryClient &client, const QString &reference, const TestImage &image)
    {
        const QString error = pushTestImage(client, *ImageReference::parse(reference), image);
        QVERIFY2(error.isEmpty(), qUtf8Printable(error));
    }

    static QString writeList(const QTemporaryDir &dir, const QList<DeleteImageItem> &items)
    {
        DeleteImageList list;
        list.items = items;
        const QString file = dir.filePath(QStringLiteral("delete-images.yaml"));
        return ConfigWriter::writeFile(file, DeleteImageListWriter::write(list)) ? file : QString();
    }

private slots:
    void checkPredictsWhatExecutionFrees()
    {
        RegistryFixture registry;
        QVERIFY(registry.start());
        RegistryClient client;
        client.setInsecure(registry.address(), true);
        const QString r = registry.address() + QStringLiteral("/mirror");
        const TestImage shared = makeImage(true, QStringLiteral("amd64"), 1, 700);
        push(client, r + QStringLiteral("/app:1"), makeImage(true, QStringLiteral("amd64"), 2, 5000));
        push(client, r + QStringLiteral("/app:2"), shared);
        push(client, r + QStringLiteral("/app:keep"), shared);
        // Two listed tags on one manifest: one deletion.
        const TestImage twice = makeImage(true, QStringLiteral("amd64"), 1, 900);
        push(client, r + QStringLiteral("/other:a"), twice);
        push(client, r + QStringLiteral("/other:b"), twice);
        QTemporaryDir dir;
        const QList<DeleteImageItem> items{
            genericDeleteItem(r + QStringLiteral("/app:1")), genericDeleteItem(r + QStringLiteral("/app:2")),
            genericDeleteItem(r + QStringLiteral("/other:a")), genericDeleteItem(r + QStringLiteral("/other:b"))};
        const QString listFile = writeList(dir, items);
        QVERIFY(!listFile.isEmpty());

        DeleteRun::Options options;
        options.listFile = listFile;
        options.destinationRegistry = r;
        options.destTlsVerify = false;
        QBuffer output;
        QVERIFY(output.open(QIODevice::WriteOnly));
        RunLog log;
        log.setConsoleDevices(&output, &output);
        DeleteRun run(options, &log);
        QVERIFY(run.load());
        QCOMPARE(run.items(), items);

        QSignalSpy checked(&run, &DeleteRun::checkFinished);
        run.startCheck(run.items());
        QVERIFY(run.isRunning());
        QVERIFY(checked.wait(20000));
        QVERIFY(!run.isRunning());
        const auto check = checked.constFirst().constFirst().value<DeleteRun::Check>();
        QVERIFY2(check.error.isEmpty(), qUtf8Printable(check.error));
        QCOMPARE(check.outcomes.size(), 4);
        QCOMPARE(check.outcomes.at(1).state, DeleteExecutor::State::Protected);
        QCOMPARE(check.manifestCount(), 2);
        QVERIFY(check.garbageEstimated);
        QVERIFY2(check.garbage.error.isEmpty(), qUtf8Printable(check.garbage.error));
        QVERIFY(check.garbage.bytes > 10000);
        // Nothing was deleted by the check.
        QVERIFY(!Skopeo::inspectRaw(r + QStringLiteral("/app:1")).isEmpty());

        QSignalSpy started(&run, &DeleteRun::itemStarted);
        QSignalSpy finished(&run, &DeleteRun::itemFinished);
        QSignalSpy executed(&run, &DeleteRun::executionFinished);
        run.startExecute(run.items());
        QVERIFY(executed.wait(20000));
        const auto summary = executed.constFirst().constFirst().value<DeleteRun::Summary>();
        QCOMPARE(summary.exitCode, 0);
        QCOMPARE(started.count(), 3);
        QCOMPARE(finished.count(), 3);
        QSet<int> indexes;
        for (const QList<QVariant> &arguments : std::as_const(finished))
            indexes.insert(arguments.at(0).toInt());
        QCOMPARE(indexes, (QSet<int>{0, 2, 3}));
        QCOMPARE(summary.result.count(DeleteExecutor::State::Deleted), 2);
        QCOMPARE(summary.result.count(DeleteExecutor::State::AlreadyGone), 1);
        // The prediction is what the estimate after the deletion says.
        QVERIFY(summary.result.garbageEstimated);
        QCOMPARE(summary.result.garbage.bytes, check.garbage.bytes);
        QCOMPARE(summary.result.garbage.blobs, check.garbage.blobs);
        QVERIFY(Skopeo::inspectRaw(r + QStringLiteral("/app:1")).isEmpty());
        QVERIFY(Skopeo::inspectRaw(r + QStringLiteral("/other:b")).isEmpty());
        QCOMPARE(Skopeo::inspectRaw(r + QStringLiteral("/app:keep")), shared.manifest.bytes());

        QCOMPARE(summary.reportFile, dir.filePath(QStringLiteral("delete-report.txt")));
        QFile report(summary.reportFile);
        QVERIFY(report.open(QIODevice::ReadOnly));
        QCOMPARE(report.readAll(), summary.report);
        const QByteArray lines = output.data();
        QVERIFY(lines.contains("All images deleted successfully 3 / 3"));
        QVERIFY(lines.contains("1 images were kept because other images still need them"));
    }

    void cancelledBeforeStartDeletesNothing()
    {
        RegistryFixture registry;
        QVERIFY(registry.start());
        RegistryClient client;
        client.setInsecure(registry.address(), true);
        const QString r = registry.address() + QStringLiteral("/mirror");
        push(client, r + QStringLiteral("/app:1"), makeImage(true, QStringLiteral("amd64"), 1, 100));
        QTemporaryDir dir;
        const QString listFile = writeList(dir, {genericDeleteItem(r + QStringLiteral("/app:1"))});
        DeleteRun::Options options;
        options.listFile = listFile;
        options.destinationRegistry = r;
        options.destTlsVerify = false;
        DeleteRun run(options);
        QVERIFY(run.load());
        run.cancel();
        // A new start clears an earlier cancel; cancelling during the run stops what has not started.
        QSignalSpy executed(&run, &DeleteRun::executionFinished);
        run.startExecute(run.items());
        run.cancel();
        QVERIFY(executed.wait(20000));
        const auto summary = executed.constFirst().constFirst().value<DeleteRun::Summary>();
        const auto state = summary.result.outcomes.value(0).state;
        // The deletion may already have been under way when cancel() came.
        QVERIFY(state == DeleteExecutor::State::Failed || state == DeleteExecutor::State::Deleted);
        if (state == DeleteExecutor::State::Failed) {
            QCOMPARE(summary.result.outcomes.at(0).detail, QStringLiteral("cancelled"));
            QVERIFY(!Skopeo::inspectRaw(r + QStringLiteral("/app:1")).isEmpty());
            QCOMPARE(summary.exitCode, 1);
        }
    }

    void loadRefusesAnUnreadableList()
    {
        QTemporaryDir dir;
        DeleteRun::Options options;
        options.listFile = dir.filePath(QStringLiteral("missing.yaml"));
        options.destinationRegistry = QStringLiteral("127.0.0.1:1/mirror");
        DeleteRun run(options);
        QVERIFY(!run.load());
        QVERIFY(!run.errors().isEmpty());
        QVERIFY2(run.errors().constFirst().contains(QStringLiteral("missing.yaml")),
                 qUtf8Printable(run.errors().constFirst()));
    }
};

QTEST_GUILESS_MAIN(TestDeleteRun)
#include "tst_deleterun.moc"
