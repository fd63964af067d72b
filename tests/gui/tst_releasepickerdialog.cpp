#include "dialogs/releasepickerdialog.h"
#include "icontheme.h"
#include "models/configtreemodel.h"
#include "models/releasegraphmodel.h"
#include "widgets/itemdetailform.h"
#include "widgets/releasegraphview.h"
#include "windows/mainwindow.h"
#include "workspace/workingdirectory.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using NodeKind = ConfigTreeModel::NodeKind;

class tst_ReleasePickerDialog : public QObject
{
    Q_OBJECT

private:
    static QString fixture(const char *name)
    {
        return QStringLiteral(FERRY_FIXTURES_DIR "/cincinnati-graph-api/") + QLatin1String(name);
    }

    // A workspace whose working-dir holds the real stable-4.13 answer where a mirror run stores it.
    static bool makeWorkspace(const QTemporaryDir &dir)
    {
        const WorkingDirectory working = WorkingDirectory::forWorkspace(dir.path());
        return QDir().mkpath(working.graphDataDir()) &&
               QFile::copy(fixture("oc-mirror_amd64-stable-4.13.json"),
                           working.graphDataFile(QStringLiteral("amd64"), QStringLiteral("stable-4.13")));
    }

    static QModelIndex addChannel(MainWindow &window, const QString &name)
    {
        const QModelIndex index = window.treeModel()->addReleaseChannel(name);
        window.treeView()->setCurrentIndex(index);
        return index;
    }

    static void click(ReleaseGraphView *view, const QString &version, Qt::KeyboardModifiers modifiers = {})
    {
        const QPointF centre = view->nodeCenter(version);
        QVERIFY2(!centre.isNull(), qUtf8Printable(version));
        QCOMPARE(view->versionAt(centre), version);
        QTest::mouseClick(view, Qt::LeftButton, modifiers, centre.toPoint());
    }

    static quint16 closedPort()
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        const quint16 port = server.serverPort();
        server.close();
        return port;
    }

private Q_SLOTS:
    void initTestCase()
    {
        IconTheme::install();
        // Dialogs opened from the main window read the process environment: keep them on loopback.
        qputenv("UPDATE_URL_OVERRIDE", QStringLiteral("http://127.0.0.1:%1/graph").arg(closedPort()).toUtf8());
    }

    void actionFollowsTheCurrentItem()
    {
        MainWindow window;
        auto *action = window.findChild<QAction *>(QStringLiteral("pickReleasesOnGraph"));
        QVERIFY(action);
        window.treeView()->setCurrentIndex(window.treeModel()->groupIndex(NodeKind::Platform));
        QVERIFY(!action->isEnabled());
        addChannel(window, QStringLiteral("stable-4.13"));
        QVERIFY(action->isEnabled());

        // Triggering opens the dialog on that channel, window-modal, without blocking, and loads the graph.
        action->trigger();
        QPointer<ReleasePickerDialog> dialog = window.findChild<ReleasePickerDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->channelName(), QStringLiteral("stable-4.13"));
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->graphSource(), ReleasePickerDialog::GraphSource::UpdateService);
        QTRY_VERIFY(!dialog->isLoading());
        QVERIFY(dialog->loadError().contains(QStringLiteral("127.0.0.1")));

        // The next dialog starts where a graph was last found.
        QTemporaryDir workspace;
        QVERIFY(makeWorkspace(workspace));
        dialog->setGraphSource(ReleasePickerDialog::GraphSource::WorkingDirectory, workspace.path());
        QSignalSpy loaded(dialog.data(), &ReleasePickerDialog::graphLoaded);
        dialog->loadGraph();
        QVERIFY(!loaded.isEmpty() || loaded.wait(10000));
        dialog->reject();
        QTRY_VERIFY(dialog.isNull()); // deleted on close
        action->trigger();
        dialog = window.findChild<ReleasePickerDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->graphSource(), ReleasePickerDialog::GraphSource::WorkingDirectory);
        QCOMPARE(dialog->graphLocation(), workspace.path());
        QTRY_COMPARE(dialog->graphModel()->rowCount(), 98);
        dialog->reject();
        QTRY_VERIFY(dialog.isNull());

        // The channel's form offers the same action as a button; other items do not show it.
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *button = qobject_cast<QToolButton *>(window.detailForm()->actionButton(action));
        QVERIFY(button);
        QVERIFY(button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        dialog = window.findChild<ReleasePickerDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->channelName(), QStringLiteral("stable-4.13"));
        dialog->reject();
        window.treeView()->setCurrentIndex(window.treeModel()->groupIndex(NodeKind::Platform));
        QVERIFY(!window.detailForm()->actionButton(action));
    }

    void storedGraphClicksAndOkWriteTheChannel()
    {
        QTemporaryDir workspace;
        QVERIFY(makeWorkspace(workspace));
        MainWindow window;
        const QModelIndex channel = addChannel(window, QStringLiteral("stable-4.13"));
        window.show();

        ReleasePickerDialog dialog(window.treeModel(), channel, &window);
        dialog.setGraphSource(ReleasePickerDialog::GraphSource::WorkingDirectory, workspace.path());
        QVERIFY(dialog.knownChannels().contains(QStringLiteral("stable-4.13")));
        QCOMPARE(dialog.architecture(), QStringLiteral("amd64"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        QSignalSpy loaded(&dialog, &ReleasePickerDialog::graphLoaded);
        dialog.loadGraph();
        QVERIFY(dialog.isLoading());
        QVERIFY(loaded.isEmpty()); // always reported after loadGraph() returned
        QVERIFY2(!loaded.isEmpty() || loaded.wait(10000), qUtf8Printable(dialog.loadError()));
        QVERIFY(dialog.loadError().isEmpty());
        QCOMPARE(dialog.graphModel()->rowCount(), 98);
        // The graph's own metadata names the channels each release is in.
        QVERIFY(dialog.knownChannels().contains(QStringLiteral("fast-4.13")));
        // Without bounds: the channel head only.
        QCOMPARE(dialog.graphModel()->selectedCount(), 1);

        ReleaseGraphView *view = dialog.graphView();
        click(view, QStringLiteral("4.13.10"));
        click(view, QStringLiteral("4.13.21"), Qt::ShiftModifier);
        QCOMPARE(dialog.filter().minVersion->toString(), QStringLiteral("4.13.10"));
        QCOMPARE(dialog.filter().maxVersion->toString(), QStringLiteral("4.13.21"));
        // 4.13.16 and 4.13.20 were never in the channel: 10 to 21 without them.
        const int expected = 10;
        QCOMPARE(dialog.graphModel()->selectedCount(), expected);
        QCOMPARE(dialog.mirroredList()->model()->rowCount(), expected);
        QVERIFY2(dialog.countLabel()->text().contains(QStringLiteral("10 release")),
                 qUtf8Printable(dialog.countLabel()->text()));

        // The keyboard alternative: the table row, then "use as maximum".
        QTableView *table = dialog.versionTable();
        table->setCurrentIndex(
            dialog.graphModel()->index(dialog.graphModel()->rowForVersion(QStringLiteral("4.13.19")), 0));
        QCOMPARE(view->currentVersion(), QStringLiteral("4.13.19"));
        auto *useMax = dialog.findChild<QPushButton *>(QStringLiteral("useAsMaximum"));
        QVERIFY(useMax);
        QTest::mouseClick(useMax, Qt::LeftButton);
        QCOMPARE(dialog.filter().maxVersion->toString(), QStringLiteral("4.13.19"));

        // Shortest path: in the real graph 4.13.10 has no unconditional update leading to 4.13.19, and the dialog
        // says so instead of listing nothing silently.
        dialog.findChild<QCheckBox *>(QStringLiteral("shortestPath"))->setChecked(true);
        QCOMPARE(dialog.graphModel()->selectedCount(), 0);
        const QString messages = dialog.findChild<QLabel *>(QStringLiteral("messages"))->text();
        QVERIFY2(messages.contains(QStringLiteral("no upgrade path leads from 4.13.10 to 4.13.19")),
                 qUtf8Printable(messages));
        // 4.13.10 updates straight to 4.13.42: a route of two releases, drawn over the graph.
        click(view, QStringLiteral("4.13.42"), Qt::ShiftModifier);
        const QList<int> route = dialog.graphModel()->route();
        const UpdateGraph &graph = dialog.graphModel()->graph();
        QCOMPARE(route,
                 (QList<int>{graph.indexOf(QStringLiteral("4.13.10")), graph.indexOf(QStringLiteral("4.13.42"))}));
        QCOMPARE(dialog.graphModel()->selectedCount(), 2);
        QCOMPARE(dialog.mirroredList()->model()->rowCount(), 2);

        dialog.accept();
        ConfigTreeModel *model = window.treeModel();
        QCOMPARE(model->data(channel, ConfigTreeModel::MinVersionRole).toString(), QStringLiteral("4.13.10"));
        QCOMPARE(model->data(channel, ConfigTreeModel::MaxVersionRole).toString(), QStringLiteral("4.13.42"));
        QCOMPARE(model->data(channel, ConfigTreeModel::ShortestPathRole), QVariant(true));
        QVERIFY(!model->data(channel, ConfigTreeModel::FullRole).isValid()); // never set, never written
        QVERIFY(window.isWindowModified());
        QTRY_VERIFY(!window.isValidationPending());
        const QByteArray yaml = window.previewYaml();
        QVERIFY2(yaml.contains("name: stable-4.13"), yaml.constData());
        QVERIFY2(yaml.contains("minVersion: 4.13.10"), yaml.constData());
        QVERIFY2(yaml.contains("maxVersion: 4.13.42"), yaml.constData());
        QVERIFY2(yaml.contains("shortestPath: true"), yaml.constData());
        QVERIFY(!yaml.contains("full:"));
    }

    void enterInTheChannelFieldLoads()
    {
        QTemporaryDir workspace;
        QVERIFY(makeWorkspace(workspace));
        MainWindow window;
        const QModelIndex channel = addChannel(window, QStringLiteral("stable-4.12"));
        ReleasePickerDialog dialog(window.treeModel(), channel, &window);
        dialog.setGraphSource(ReleasePickerDialog::GraphSource::WorkingDirectory, workspace.path());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *field = dialog.findChild<QComboBox *>(QStringLiteral("channel"));
        field->setFocus();
        field->lineEdit()->selectAll();
        QSignalSpy failed(&dialog, &ReleasePickerDialog::graphLoadFailed);
        QSignalSpy loaded(&dialog, &ReleasePickerDialog::graphLoaded);
        QTest::keyClick(field->lineEdit(), Qt::Key_Return); // only stable-4.13 is stored
        QVERIFY(failed.wait(10000));
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.loadError().contains(QStringLiteral("amd64-stable-4.12.json")));
        field->lineEdit()->selectAll();
        QTest::keyClicks(field->lineEdit(), QStringLiteral("stable-4.13"));
        QTest::keyClick(field->lineEdit(), Qt::Key_Return);
        QVERIFY(loaded.wait(10000));
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.graphModel()->channel(), QStringLiteral("stable-4.13"));
    }

    void keyboardPicksOnTheView()
    {
        QTemporaryDir workspace;
        QVERIFY(makeWorkspace(workspace));
        MainWindow window;
        const QModelIndex channel = addChannel(window, QStringLiteral("stable-4.13"));
        ReleasePickerDialog dialog(window.treeModel(), channel, &window);
        dialog.setGraphSource(ReleasePickerDialog::GraphSource::WorkingDirectory, workspace.path());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy loaded(&dialog, &ReleasePickerDialog::graphLoaded);
        dialog.loadGraph();
        QVERIFY(loaded.wait(10000));

        ReleaseGraphView *view = dialog.graphView();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Right); // starts on the oldest release
        QCOMPARE(view->currentVersion(), QStringLiteral("4.12.0"));
        QTest::keyClick(view, Qt::Key_Right);
        QTest::keyClick(view, Qt::Key_Right);
        QTest::keyClick(view, Qt::Key_Down); // same place in the next minor's lane
        QCOMPARE(view->currentVersion(), QStringLiteral("4.13.2"));
        // The table follows the view.
        QCOMPARE(dialog.versionTable()->currentIndex().row(),
                 dialog.graphModel()->rowForVersion(QStringLiteral("4.13.2")));
        QTest::keyClick(view, Qt::Key_Return);
        QTest::keyClick(view, Qt::Key_End);
        QCOMPARE(view->currentVersion(), QStringLiteral("4.13.43"));
        QTest::keyClick(view, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(dialog.filter().minVersion->toString(), QStringLiteral("4.13.2"));
        QCOMPARE(dialog.filter().maxVersion->toString(), QStringLiteral("4.13.43"));
        QVERIFY(dialog.isVisible()); // Enter on the graph picks, it does not close the dialog
    }

    void cancelLeavesTheChannelAlone()
    {
        MainWindow window;
        const QModelIndex channel = addChannel(window, QStringLiteral("stable-4.13"));
        window.treeModel()->setData(channel, QStringLiteral("4.13.1"), ConfigTreeModel::MinVersionRole);
        ReleasePickerDialog dialog(window.treeModel(), channel, &window);
        QCOMPARE(dialog.filter().minVersion->toString(), QStringLiteral("4.13.1"));
        dialog.setMinimumVersion(QStringLiteral("4.13.5"));
        dialog.setFull(true);
        dialog.reject();
        QCOMPARE(window.treeModel()->data(channel, ConfigTreeModel::MinVersionRole).toString(),
                 QStringLiteral("4.13.1"));
        QVERIFY(!window.treeModel()->data(channel, ConfigTreeModel::FullRole).isValid());
    }

    void okWritesTheChannelNameAndClearsBounds()
    {
        MainWindow window;
        const QModelIndex channel = addChannel(window, QStringLiteral("stable-4.13"));
        window.treeModel()->setData(channel, QStringLiteral("4.13.1"), ConfigTreeModel::MinVersionRole);
        window.treeModel()->setData(channel, false, ConfigTreeModel::FullRole);
        ReleasePickerDialog dialog(window.treeModel(), channel, &window);
        dialog.setChannelName(QStringLiteral("fast-4.13"));
        dialog.setMinimumVersion(QString());
        dialog.accept();
        ConfigTreeModel *model = window.treeModel();
        QCOMPARE(model->data(channel, ConfigTreeModel::NameRole).toString(), QStringLiteral("fast-4.13"));
        QVERIFY(!model->data(channel, ConfigTreeModel::MinVersionRole).isValid());
        QCOMPARE(model->data(channel, ConfigTreeModel::FullRole), QVariant(false)); // the file's own false stays
        QTRY_VERIFY(!window.isValidationPending());
        QVERIFY(window.previewYaml().contains("name: fast-4.13"));
        QVERIFY(!window.previewYaml().contains("minVersion"));
    }

    void invalidVersionDisablesOk()
    {
        MainWindow window;
        const QModelIndex channel = addChannel(window, QStringLiteral("stable-4.13"));
        ReleasePickerDialog dialog(window.treeModel(), channel, &window);
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        dialog.setMinimumVersion(QStringLiteral("4.x"));
        QVERIFY(!ok->isEnabled());
        dialog.setMinimumVersion(QStringLiteral("v4.13")); // read tolerantly, as the validator does
        QVERIFY(ok->isEnabled());
    }

    void unreachableUpdateServiceIsReported()
    {
        const quint16 port = closedPort();
        QProcessEnvironment environment;
        // The override may carry credentials; they must never reach the message.
        environment.insert(QStringLiteral("UPDATE_URL_OVERRIDE"),
                           QStringLiteral("http://admin:s3cret@127.0.0.1:%1/api/upgrades_info/v1/graph").arg(port));
        MainWindow window;
        const QModelIndex channel = addChannel(window, QStringLiteral("stable-4.13"));
        ReleasePickerDialog dialog(window.treeModel(), channel, &window, environment);
        QCOMPARE(dialog.graphSource(), ReleasePickerDialog::GraphSource::UpdateService);
        QVERIFY(dialog.graphLocation().contains(QStringLiteral("127.0.0.1:%1").arg(port)));
        QSignalSpy failed(&dialog, &ReleasePickerDialog::graphLoadFailed);
        dialog.loadGraph();
        QVERIFY(failed.wait(20000));
        const QString error = dialog.loadError();
        QVERIFY2(error.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qUtf8Printable(error));
        QVERIFY2(error.contains(QStringLiteral("UPDATE_URL_OVERRIDE")), qUtf8Printable(error));
        QVERIFY2(error.contains(QStringLiteral("stable-4.13")), qUtf8Printable(error));
        QVERIFY2(!error.contains(QStringLiteral("s3cret")), qUtf8Printable(error));
        const QString status = dialog.findChild<QLabel *>(QStringLiteral("status"))->text();
        QVERIFY(status.contains(QStringLiteral("Could not load the update graph")));
        QVERIFY(!status.contains(QStringLiteral("s3cret")));
        QVERIFY(!dialog.isLoading());
        QCOMPARE(dialog.graphModel()->rowCount(), 0);
    }

    void fetchesFromAnHttpUpdateService()
    {
        // A real HTTP server (Python's) serving the real answer; the client's query string is ignored by it.
        QTemporaryDir root;
        QVERIFY(QFile::copy(fixture("oc-mirror_amd64-stable-4.13.json"), root.filePath(QStringLiteral("graph"))));
        const quint16 port = closedPort();
        QProcess server;
        server.setWorkingDirectory(root.path());
        server.setStandardOutputFile(QProcess::nullDevice());
        server.setStandardErrorFile(QProcess::nullDevice());
        server.start(QStringLiteral("python3"),
                     {QStringLiteral("-m"), QStringLiteral("http.server"), QStringLiteral("--bind"),
                      QStringLiteral("127.0.0.1"), QString::number(port)});
        if (!server.waitForStarted(5000)) {
            QSKIP("python3 is not available");
        }
        QTcpSocket probe;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                probe.abort();
                probe.connectToHost(QHostAddress::LocalHost, port);
                return probe.waitForConnected(200);
            }(),
            10000);
        probe.abort();

        MainWindow window;
        const QModelIndex channel = addChannel(window, QStringLiteral("stable-4.13"));
        ReleasePickerDialog dialog(window.treeModel(), channel, &window, QProcessEnvironment());
        dialog.setGraphSource(ReleasePickerDialog::GraphSource::UpdateService,
                              QStringLiteral("http://127.0.0.1:%1/graph").arg(port));
        QSignalSpy loaded(&dialog, &ReleasePickerDialog::graphLoaded);
        QSignalSpy failed(&dialog, &ReleasePickerDialog::graphLoadFailed);
        dialog.loadGraph();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() + failed.count() > 0, 20000);
        server.terminate();
        server.waitForFinished(5000);
        QVERIFY2(failed.isEmpty(), qUtf8Printable(dialog.loadError()));
        QCOMPARE(dialog.graphModel()->rowCount(), 98);
        QCOMPARE(dialog.graphModel()->channel(), QStringLiteral("stable-4.13"));
    }

    void viewDrawsNodes()
    {
        QTemporaryDir workspace;
        QVERIFY(makeWorkspace(workspace));
        MainWindow window;
        const QModelIndex channel = addChannel(window, QStringLiteral("stable-4.13"));
        window.treeModel()->setData(channel, QStringLiteral("4.12.40"), ConfigTreeModel::MinVersionRole);
        window.treeModel()->setData(channel, QStringLiteral("4.13.5"), ConfigTreeModel::MaxVersionRole);
        ReleasePickerDialog dialog(window.treeModel(), channel, &window);
        dialog.setGraphSource(ReleasePickerDialog::GraphSource::WorkingDirectory, workspace.path());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy loaded(&dialog, &ReleasePickerDialog::graphLoaded);
        dialog.loadGraph();
        QVERIFY2(!loaded.isEmpty() || loaded.wait(10000), qUtf8Printable(dialog.loadError()));

        ReleaseGraphView *view = dialog.graphView();
        const QImage image = view->grab().toImage();
        QVERIFY(!image.isNull());
        const QColor background = view->palette().color(QPalette::Base);
        const QColor band = view->palette().color(QPalette::AlternateBase);
        const QColor highlight = view->palette().color(QPalette::Highlight);
        const auto pixel = [&](const QString &version) {
            const QPointF centre = view->nodeCenter(version) * image.devicePixelRatio();
            return image.pixelColor(centre.toPoint());
        };
        // A selected release is filled with the highlight colour, one outside the range is not, and both differ
        // from the empty background beside them.
        QCOMPARE(pixel(QStringLiteral("4.12.45")), highlight);
        QVERIFY(pixel(QStringLiteral("4.12.10")) != highlight);
        const QPointF outside =
            view->nodeCenter(QStringLiteral("4.12.10")) + QPointF(0, 3 * ReleaseGraphView::NodeRadius);
        QVERIFY(view->versionAt(outside).isEmpty());
        int drawn = 0;
        for (int row = 0; row < dialog.graphModel()->rowCount(); ++row) {
            const QString version = dialog.graphModel()
                                        ->data(dialog.graphModel()->index(row, 0), ReleaseGraphModel::VersionRole)
                                        .toString();
            const QPointF centre = view->nodeCenter(version);
            // The outline of every node is drawn: its leftmost pixel is not background.
            const QPoint edge = (centre - QPointF(ReleaseGraphView::NodeRadius, 0)).toPoint();
            const QColor colour = image.pixelColor(edge * image.devicePixelRatio());
            if (colour != background && colour != band) {
                ++drawn;
            }
        }
        QCOMPARE(drawn, 98);
        // Lanes: one per minor, 4.12 above 4.13.
        QVERIFY(view->nodeCenter(QStringLiteral("4.12.0")).y() < view->nodeCenter(QStringLiteral("4.13.0")).y());
        QCOMPARE(view->nodeCenter(QStringLiteral("4.12.0")).x(), view->nodeCenter(QStringLiteral("4.13.0")).x());
        QVERIFY(view->nodeCenter(QStringLiteral("4.13.1")).x() > view->nodeCenter(QStringLiteral("4.13.0")).x());
    }

    // docs/screenshots/release-picker.png: FERRY_RELEASE_PICKER_SCREENSHOT=<png> under xvfb-run with
    // QT_QPA_PLATFORM=xcb.
    void screenshot()
    {
        const QString path = qEnvironmentVariable("FERRY_RELEASE_PICKER_SCREENSHOT");
        if (path.isEmpty()) {
            QSKIP("FERRY_RELEASE_PICKER_SCREENSHOT is not set");
        }
        QTemporaryDir workspace;
        QVERIFY(makeWorkspace(workspace));
        MainWindow window;
        const QModelIndex channel = addChannel(window, QStringLiteral("stable-4.13"));
        ReleasePickerDialog dialog(window.treeModel(), channel, &window);
        dialog.setGraphSource(ReleasePickerDialog::GraphSource::WorkingDirectory, workspace.path());
        dialog.resize(1660, 1000);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy loaded(&dialog, &ReleasePickerDialog::graphLoaded);
        dialog.loadGraph();
        QVERIFY2(!loaded.isEmpty() || loaded.wait(10000), qUtf8Printable(dialog.loadError()));
        click(dialog.graphView(), QStringLiteral("4.12.45"));
        click(dialog.graphView(), QStringLiteral("4.13.12"), Qt::ShiftModifier);
        dialog.graphScrollArea()->horizontalScrollBar()->setValue(0);
        QTest::qWait(200);
        QVERIFY(dialog.grab().save(path));
    }
};

QTEST_MAIN(tst_ReleasePickerDialog)
#include "tst_releasepickerdialog.moc"
