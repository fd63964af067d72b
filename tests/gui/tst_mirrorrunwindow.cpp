#include "registryfixture.h"
#include "skopeo.h"
#include "worldfixture.h"

#include "config/configloader.h"
#include "config/mirroroptions.h"
#include "config/mirroroptionsresult.h"
#include "dialogs/exportdialog.h"
#include "models/mirrorplanfiltermodel.h"
#include "models/mirrorplanmodel.h"
#include "windows/mainwindow.h"
#include "windows/mirrorrunwindow.h"
#include "workspace/workingdirectory.h"

#include <QAction>
#include <QClipboard>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// The mirror window driven against the offline world: review, run, cancel, a failing image and a retry; the
// destination is a real registry, checked with skopeo.
class tst_MirrorRunWindow : public QObject
{
    Q_OBJECT

private:
    WorldFixture m_world{QStringLiteral("small")};
    RegistryFixture m_destination;
    QTemporaryDir m_dir;

    QString writeConfig(const QString &name, const QByteArray &mirror)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write("kind: ImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\nmirror:\n" + mirror);
        return path;
    }

    // A window on `configPath` set up for mirrorToMirror into the test registry.
    std::unique_ptr<MirrorRunWindow> window(const QString &configPath, const QString &workspace,
                                            const QString &namespaceName)
    {
        const ConfigLoadResult loaded = ConfigLoader::loadFile(configPath);
        if (!loaded.imageSetConfiguration)
            return {};
        auto window = std::make_unique<MirrorRunWindow>(*loaded.imageSetConfiguration, configPath);
        window->setEnvironment(m_world.environment());
        window->setWorkflow(MirrorRunWindow::Workflow::MirrorToMirror);
        window->setDirectory(m_dir.filePath(workspace));
        window->setDestination(m_destination.address() + QLatin1Char('/') + namespaceName);
        window->setCacheDirectory(m_dir.filePath(QStringLiteral("cache")));
        window->setDestTlsVerify(false);
        return window;
    }

    static QList<ImageCopyProgress::State> states(const MirrorPlanModel *model)
    {
        QList<ImageCopyProgress::State> result;
        for (int row = 0; row < model->rowCount(); ++row)
            result.append(model->progress(row).state);
        return result;
    }

    QString releaseAndAdditional() const { return QStringLiteral("release-and-additional.yaml"); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_world.up(&error), qPrintable(error));
        QVERIFY2(m_destination.start(&error), qPrintable(error));
        // registries.conf is read from the process environment, as oc-mirror reads it.
        const QProcessEnvironment environment = m_world.environment();
        for (const QString &key : environment.keys()) {
            if (key.startsWith(QLatin1String("CONTAINERS_")) || key.startsWith(QLatin1String("REGISTRY_AUTH")) ||
                key.startsWith(QLatin1String("UPDATE_URL")) || key.startsWith(QLatin1String("OCP_")))
                qputenv(key.toLatin1().constData(), environment.value(key).toUtf8());
        }
        QVERIFY(!writeConfig(releaseAndAdditional(),
                             "  platform:\n    channels:\n    - name: stable-4.16\n      minVersion: 4.16.5\n"
                             "      maxVersion: 4.16.5\n"
                             "  additionalImages:\n  - name: registry.redhat.io/ubi9/ubi:latest\n"
                             "  - name: docker.io/library/nginx:1.25\n")
                     .isEmpty());
    }

    // Without extra flags the window's command line is the export dialog's, and its checks are ferryctl's.
    void commandLineAndValidationAreFerryctls()
    {
        const QString config = m_dir.filePath(releaseAndAdditional());
        const ConfigLoadResult loaded = ConfigLoader::loadFile(config);
        QVERIFY(loaded.imageSetConfiguration);
        MirrorRunWindow window(*loaded.imageSetConfiguration, config);
        QCOMPARE(window.effectiveConfigPath(), config);
        window.setDirectory(QStringLiteral("/srv/ws"));
        window.setDestination(QStringLiteral("registry.example:5000/mirror"));
        for (const auto &[workflow, exported] :
             {std::pair{MirrorRunWindow::Workflow::MirrorToMirror, ExportDialog::Workflow::MirrorToMirror},
              std::pair{MirrorRunWindow::Workflow::MirrorToDisk, ExportDialog::Workflow::MirrorToDisk},
              std::pair{MirrorRunWindow::Workflow::DiskToMirror, ExportDialog::Workflow::DiskToMirror}}) {
            window.setWorkflow(workflow);
            QCOMPARE(window.commandLine(), ExportDialog::commandLine(exported, config, QStringLiteral("/srv/ws"),
                                                                     QStringLiteral("registry.example:5000/mirror")));
            QVERIFY(window.validationErrors().isEmpty());
            QVERIFY(window.reviewButton()->isEnabled());
        }

        window.setWorkflow(MirrorRunWindow::Workflow::MirrorToMirror);
        window.setParallelImages(8);
        window.setDestTlsVerify(false);
        QVERIFY(window.commandLine().endsWith(QStringLiteral(" --parallel-images 8 --dest-tls-verify=false --v2")));

        // A reserved word in the archive folder: the very message ferryctl prints, and no run can start.
        window.setWorkflow(MirrorRunWindow::Workflow::MirrorToDisk);
        window.setDirectory(QStringLiteral("/srv/logs"));
        const QStringList expected = MirrorOptions::parse(window.arguments(config)).errors;
        QVERIFY(!expected.isEmpty());
        QCOMPARE(window.validationErrors(), expected);
        QVERIFY(!window.reviewButton()->isEnabled());
        QVERIFY(!window.startButton()->isEnabled());
        QVERIFY(!window.reviewPlan());
        QCOMPARE(window.phase(), MirrorRunWindow::Phase::Idle);
        window.setDirectory(QString());
        QCOMPARE(window.validationErrors(), QStringList{QStringLiteral("Enter the folder the archive is written to.")});
        window.setWorkflow(MirrorRunWindow::Workflow::DiskToMirror);
        window.setDirectory(QStringLiteral("/srv/archive"));
        window.setDestination(QString());
        QCOMPARE(window.validationErrors(), QStringList{QStringLiteral("Enter the destination registry.")});
        QVERIFY(!window.startButton()->isEnabled());

        // A configuration with unsaved changes runs from a snapshot, and the command line names that file.
        ImageSetConfiguration edited = *loaded.imageSetConfiguration;
        edited.mirror.additionalImages.removeLast();
        MirrorRunWindow unsaved(edited, config);
        QCOMPARE(unsaved.effectiveConfigPath(), unsaved.snapshotConfigPath());
        QVERIFY(unsaved.commandLine().contains(unsaved.snapshotConfigPath()));
        QFile::remove(unsaved.snapshotConfigPath());
        unsaved.copyCommandLine();
        QCOMPARE(QGuiApplication::clipboard()->text(), unsaved.commandLine());
        const ConfigLoadResult snapshot = ConfigLoader::loadFile(unsaved.snapshotConfigPath());
        QVERIFY(snapshot.isValid());
        QCOMPARE(snapshot.imageSetConfiguration->mirror.additionalImages.size(), 1);
    }

    // Mirror → Run Mirror… opens the window on the document's file.
    void mainWindowOpensIt()
    {
        const QString config = m_dir.filePath(releaseAndAdditional());
        MainWindow main;
        QVERIFY(main.openFile(config));
        auto *action = main.findChild<QAction *>(QStringLiteral("runMirror"));
        QVERIFY(action);
        QVERIFY(action->isEnabled());
        action->trigger();
        auto *window = main.findChild<MirrorRunWindow *>();
        QVERIFY(window);
        QVERIFY(window->isVisible());
        QCOMPARE(window->effectiveConfigPath(), config);
        QCOMPARE(window->phase(), MirrorRunWindow::Phase::Idle);
        window->close();

        main.newDocument(ConfigKind::DeleteImageSetConfiguration);
        QVERIFY(!action->isEnabled());
    }

    void reviewThenRun()
    {
        const auto window =
            this->window(m_dir.filePath(releaseAndAdditional()), QStringLiteral("ws"), QStringLiteral("m2m"));
        QVERIFY(window);
        QVERIFY2(window->validationErrors().isEmpty(), qPrintable(window->validationErrors().join(QLatin1Char('\n'))));
        QSignalSpy reviewed(window.get(), &MirrorRunWindow::planReviewed);
        QVERIFY(window->reviewPlan());
        QCOMPARE(window->phase(), MirrorRunWindow::Phase::Reviewing);
        QVERIFY(reviewed.wait(60000));
        QCOMPARE(reviewed.first().first().toInt(), 0);
        QCOMPARE(window->phase(), MirrorRunWindow::Phase::Reviewed);

        // The rows are exactly the dry run's mapping, in its order.
        const MirrorPlanModel *model = window->planModel();
        QFile mapping(WorkingDirectory(window->workingDirectory()).dryRunMappingFile());
        QVERIFY(mapping.open(QIODevice::ReadOnly));
        QStringList mapped = QString::fromUtf8(mapping.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QStringList rows;
        for (int row = 0; row < model->rowCount(); ++row)
            rows << QStringLiteral("docker://%1=docker://%2")
                        .arg(model->entry(row).effectiveSource(), model->entry(row).destination);
        QCOMPARE(rows, mapped);
        const auto counts = model->categoryCounts();
        QVERIFY(counts.value(ImageCategory::Release).total > 1); // the release and its payload's images
        QCOMPARE(counts.value(ImageCategory::Additional).total, 2);
        QCOMPARE(counts.value(ImageCategory::Operator).total, 0);
        QVERIFY(std::all_of(model->entries().cbegin(), model->entries().cend(), [this](const MirrorPlanEntry &entry) {
            return entry.destination.startsWith(m_destination.address() + QStringLiteral("/m2m/"));
        }));
        // Reviewing copied nothing.
        QVERIFY(Skopeo::inspectRaw(m_destination.address() + QStringLiteral("/m2m/ubi9/ubi:latest")).isEmpty());

        QSignalSpy finished(window.get(), &MirrorRunWindow::runFinished);
        QVERIFY(window->startRun());
        QCOMPARE(window->phase(), MirrorRunWindow::Phase::Running);
        QVERIFY(!window->startButton()->isEnabled());
        QVERIFY(window->cancelButton()->isEnabled());
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toInt(), 0);
        QCOMPARE(window->phase(), MirrorRunWindow::Phase::Finished);
        QCOMPARE(model->rowCount(), mapped.size());
        QCOMPARE(states(model), QList<ImageCopyProgress::State>(model->rowCount(), ImageCopyProgress::State::Done));

        // Every image really is at the destination; the additional image's manifest byte for byte.
        for (const MirrorPlanEntry &entry : model->entries())
            QVERIFY2(!Skopeo::inspectRaw(entry.destination).isEmpty(), qPrintable(entry.destination));
        QString ubiDigest;
        const QJsonArray additional = m_world.manifest().value(QStringLiteral("additionalImages")).toArray();
        for (const QJsonValue &image : additional) {
            if (image[QStringLiteral("reference")].toString() == QLatin1String("registry.redhat.io/ubi9/ubi:latest"))
                ubiDigest = image[QStringLiteral("digest")].toString();
        }
        QVERIFY(!ubiDigest.isEmpty());
        const QByteArray served = Skopeo::inspectRaw(m_destination.address() + QStringLiteral("/m2m/ubi9/ubi:latest"));
        QCOMPARE(QStringLiteral("sha256:") +
                     QString::fromLatin1(QCryptographicHash::hash(served, QCryptographicHash::Sha256).toHex()),
                 ubiDigest);

        QCOMPARE(window->overallProgress()->value(), window->overallProgress()->maximum());
        QVERIFY(window->logView()->toPlainText().contains(QStringLiteral("Success copying")));
        QVERIFY(window->summaryText().contains(QStringLiteral("Exit code 0")));
        QVERIFY2(window->summaryText().contains(QStringLiteral("Additional: 2 / 2 mirrored")),
                 qPrintable(window->summaryText()));
        QVERIFY(QFile::exists(window->clusterResourcesDirectory() + QStringLiteral("/idms-oc-mirror.yaml")));
        QVERIFY(QFile::exists(window->logFile()));
        QVERIFY(window->mirroringErrorsFile().isEmpty());
        QVERIFY(!window->retryButton()->isEnabled());

        // The log file has what the pane showed.
        QFile log(window->logFile());
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("Success copying registry.redhat.io/ubi9/ubi:latest"));

        const QString screenshot = qEnvironmentVariable("FERRY_MIRROR_RUN_SCREENSHOT");
        if (!screenshot.isEmpty()) {
            window->resize(1400, 950);
            window->show();
            QVERIFY(QTest::qWaitForWindowExposed(window.get()));
            QTest::qWait(300);
            QVERIFY(window->grab().save(screenshot));
        }
    }

    // Across the air gap from the window: mirrorToDisk writes the archive, diskToMirror reviews and publishes it.
    void diskWorkflows()
    {
        const QString config = writeConfig(QStringLiteral("disk.yaml"),
                                           "  additionalImages:\n  - name: quay.io/prometheus/node-exporter:v1.8.2\n");
        const auto toDisk = window(config, QStringLiteral("unused"), QStringLiteral("unused"));
        QVERIFY(toDisk);
        toDisk->setWorkflow(MirrorRunWindow::Workflow::MirrorToDisk);
        toDisk->setDirectory(m_dir.filePath(QStringLiteral("archive")));
        toDisk->setCacheDirectory(m_dir.filePath(QStringLiteral("disk-cache")));
        QVERIFY(!toDisk->commandLine().contains(QStringLiteral("docker://")));
        QSignalSpy written(toDisk.get(), &MirrorRunWindow::runFinished);
        QVERIFY(toDisk->startRun());
        QVERIFY(written.wait(60000));
        QCOMPARE(written.first().first().toInt(), 0);
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("archive/mirror_000001.tar"))));
        QCOMPARE(toDisk->archiveDirectory(), m_dir.filePath(QStringLiteral("archive")));
        QVERIFY(toDisk->summaryText().contains(QStringLiteral("Archive: ")));

        const auto fromDisk = window(config, QStringLiteral("unused"), QStringLiteral("d2m"));
        QVERIFY(fromDisk);
        fromDisk->setWorkflow(MirrorRunWindow::Workflow::DiskToMirror);
        fromDisk->setDirectory(m_dir.filePath(QStringLiteral("archive")));
        fromDisk->setCacheDirectory(m_dir.filePath(QStringLiteral("d2m-cache")));
        QVERIFY(fromDisk->commandLine().contains(QStringLiteral(" --from file://")));
        QSignalSpy reviewed(fromDisk.get(), &MirrorRunWindow::planReviewed);
        QVERIFY(fromDisk->reviewPlan());
        QVERIFY(reviewed.wait(60000));
        QCOMPARE(reviewed.first().first().toInt(), 0);
        QCOMPARE(fromDisk->planModel()->rowCount(), 1);
        QCOMPARE(fromDisk->phase(), MirrorRunWindow::Phase::Reviewed);
        // Other options make the review stale; the same options again do not bring it back.
        fromDisk->setParallelImages(2);
        QCOMPARE(fromDisk->phase(), MirrorRunWindow::Phase::Idle);
        fromDisk->setParallelImages(4);
        // diskToMirror reads the image from the cache the archive filled.
        QVERIFY(fromDisk->planModel()->entry(0).source.startsWith(QStringLiteral("localhost:")));
        QSignalSpy published(fromDisk.get(), &MirrorRunWindow::runFinished);
        QVERIFY(fromDisk->startRun());
        QVERIFY(published.wait(60000));
        QCOMPARE(published.first().first().toInt(), 0);
        QVERIFY(!Skopeo::inspectRaw(m_destination.address() + QStringLiteral("/d2m/prometheus/node-exporter:v1.8.2"))
                     .isEmpty());
        QVERIFY(QFile::exists(fromDisk->clusterResourcesDirectory() + QStringLiteral("/itms-oc-mirror.yaml")));
    }

    // Cancelled as soon as the plan is known: nothing is copied, the result says so, and the window runs again.
    void cancelStopsCleanly()
    {
        const auto window =
            this->window(m_dir.filePath(releaseAndAdditional()), QStringLiteral("ws-cancel"), QStringLiteral("cancel"));
        QVERIFY(window);
        QSignalSpy finished(window.get(), &MirrorRunWindow::runFinished);
        connect(window->planModel(), &QAbstractItemModel::modelReset, window.get(), [&window] {
            if (window->phase() == MirrorRunWindow::Phase::Running)
                window->cancelRun();
        });
        QVERIFY(window->startRun());
        QVERIFY(finished.wait(60000));
        QVERIFY(window->wasCancelled());
        const int exitCode = finished.first().first().toInt();
        QVERIFY(exitCode != 0);
        QVERIFY(window->planModel()->rowCount() > 0);
        QCOMPARE(window->planModel()->finishedCount(), window->planModel()->rowCount());
        QCOMPARE(window->planModel()->categoryCounts().value(ImageCategory::Additional).mirrored(), 0);
        QVERIFY(window->summaryText().contains(QStringLiteral("cancelled")));
        QVERIFY(!window->retryButton()->isEnabled()); // nothing failed: Start resumes the run
        QVERIFY(Skopeo::inspectRaw(m_destination.address() + QStringLiteral("/cancel/ubi9/ubi:latest")).isEmpty());

        // Usable again: the same run completes.
        disconnect(window->planModel(), nullptr, window.get(), nullptr);
        QVERIFY(window->startButton()->isEnabled());
        finished.clear();
        QVERIFY(window->startRun());
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toInt(), 0);
        QVERIFY(!window->wasCancelled());
        QVERIFY(!Skopeo::inspectRaw(m_destination.address() + QStringLiteral("/cancel/ubi9/ubi:latest")).isEmpty());
    }

    // Cancelled while discovering: no copy starts.
    void cancelDuringDiscovery()
    {
        const auto window =
            this->window(m_dir.filePath(releaseAndAdditional()), QStringLiteral("ws-early"), QStringLiteral("early"));
        QVERIFY(window);
        QSignalSpy finished(window.get(), &MirrorRunWindow::runFinished);
        QVERIFY(window->startRun());
        window->cancelRun();
        QVERIFY(!window->cancelButton()->isEnabled());
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.first().first().toInt() != 0);
        QCOMPARE(window->phase(), MirrorRunWindow::Phase::Finished);
        QVERIFY(Skopeo::inspectRaw(m_destination.address() + QStringLiteral("/early/ubi9/ubi:latest")).isEmpty());
        QVERIFY(window->reviewButton()->isEnabled());
    }

    // Closing the application while a run is going: the window is destroyed mid-discovery, the workflow stops with
    // it (its workers end before it and its log go), and nothing is copied afterwards.
    void destroyedDuringARun()
    {
        auto window =
            this->window(m_dir.filePath(releaseAndAdditional()), QStringLiteral("ws-gone"), QStringLiteral("gone"));
        QVERIFY(window);
        QVERIFY(window->startRun());
        QTest::qWait(50);
        window.reset();
        QTest::qWait(500);
        QVERIFY(Skopeo::inspectRaw(m_destination.address() + QStringLiteral("/gone/ubi9/ubi:latest")).isEmpty());
    }

    // An additional image that does not exist: its row fails with the reason, the exit code says additional images
    // failed, the errors file is there, and Retry Failed copies only that image again.
    void failingImageAndRetry()
    {
        const QString config = writeConfig(QStringLiteral("failing.yaml"),
                                           "  additionalImages:\n  - name: registry.redhat.io/ubi9/ubi-minimal:latest\n"
                                           "  - name: registry.redhat.io/ubi9/does-not-exist:1.0\n");
        const auto window = this->window(config, QStringLiteral("ws-fail"), QStringLiteral("fail"));
        QVERIFY(window);
        QSignalSpy finished(window.get(), &MirrorRunWindow::runFinished);
        QVERIFY(window->startRun());
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toInt(), 8);
        QCOMPARE(window->exitCode(), 8);

        const MirrorPlanModel *model = window->planModel();
        QCOMPARE(model->rowCount(), 2);
        int missingRow = -1;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->entry(row).origin.contains(QStringLiteral("does-not-exist")))
                missingRow = row;
        }
        QVERIFY(missingRow >= 0);
        const int goodRow = 1 - missingRow;
        QCOMPARE(model->progress(missingRow).state, ImageCopyProgress::State::Failed);
        QVERIFY(!model->progress(missingRow).error.isEmpty());
        QCOMPARE(model->index(missingRow, MirrorPlanModel::ErrorColumn).data().toString(),
                 model->progress(missingRow).error);
        QCOMPARE(model->progress(goodRow).state, ImageCopyProgress::State::Done);

        const QString summary = window->summaryText();
        QVERIFY2(summary.contains(QStringLiteral("Additional: 1 / 2 mirrored (1 failed)")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Exit code 8: additional images failed")), qPrintable(summary));
        QVERIFY(QFile::exists(window->mirroringErrorsFile()));
        QFile errors(window->mirroringErrorsFile());
        QVERIFY(errors.open(QIODevice::ReadOnly));
        QVERIFY(errors.readAll().contains("does-not-exist"));
        QVERIFY(window->retryButton()->isEnabled());

        // The failed filter shows just that image.
        window->filterModel()->setStateFilter(MirrorPlanFilterModel::StateFilter::Failed);
        QCOMPARE(window->filterModel()->rowCount(), 1);
        window->filterModel()->setStateFilter(MirrorPlanFilterModel::StateFilter::All);

        // Retry: ferryctl's --retry-failed, updating the failed row in place; the good row is left alone.
        QVERIFY(window->arguments(config, true).contains(QStringLiteral("--retry-failed")));
        finished.clear();
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        QVERIFY(window->retryFailed());
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toInt(), 8);
        QCOMPARE(model->rowCount(), 2);
        for (const QList<QVariant> &signal : std::as_const(changed)) {
            QCOMPARE(signal.at(0).value<QModelIndex>().row(), missingRow);
            QCOMPARE(signal.at(1).value<QModelIndex>().row(), missingRow);
        }
        QVERIFY(changed.count() > 0);
        QCOMPARE(model->progress(goodRow).state, ImageCopyProgress::State::Done);
        QCOMPARE(model->progress(missingRow).state, ImageCopyProgress::State::Failed);
        QVERIFY(window->logView()->toPlainText().contains(QStringLiteral("--retry-failed: retrying 1 of 2 images")));
    }
};

QTEST_MAIN(tst_MirrorRunWindow)
#include "tst_mirrorrunwindow.moc"
