#include "config/configloader.h"
#include "config/configwriter.h"
#include "icontheme.h"
#include "models/configtreemodel.h"
#include "models/issuelistmodel.h"
#include "translationloader.h"
#include "widgets/itemdetailform.h"
#include "windows/mainwindow.h"

#include <QCheckBox>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using NodeKind = ConfigTreeModel::NodeKind;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private:
    static QString dataFile(const char *name)
    {
        return QStringLiteral(FERRY_TEST_DATA_DIR "/gui/") + QLatin1String(name);
    }

    static QStringList issueTexts(const MainWindow &window)
    {
        QStringList texts;
        const IssueListModel *issues = window.issueModel();
        for (int row = 0; row < issues->rowCount(); ++row) {
            texts << issues->data(issues->index(row, 0), IssueListModel::FullTextRole).toString();
        }
        return texts;
    }

    static QModelIndex firstReleaseChannel(const MainWindow &window)
    {
        const ConfigTreeModel *model = window.treeModel();
        return model->index(0, 0, model->groupIndex(NodeKind::Platform));
    }

private Q_SLOTS:
    void initTestCase()
    {
        IconTheme::install();
        TranslationLoader::install(qApp, QLocale(QLocale::English));
    }

    void opensTheSample()
    {
        MainWindow window;
        window.openSample();
        QTRY_VERIFY(!window.isValidationPending());
        QCOMPARE(window.documentName(), QStringLiteral("sample-imageset-config.yaml"));
        QVERIFY(window.filePath().isEmpty()); // Save must ask where: the sample lives in the resources
        QVERIFY(!window.isWindowModified());
        QCOMPARE(window.issueModel()->rowCount(), 0);

        QFile sample(QStringLiteral(FERRY_SOURCE_DIR "/resources/samples/imageset-config.yaml"));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        const ConfigLoadResult expected = ConfigLoader::loadData(sample.readAll(), QStringLiteral("sample"));
        QVERIFY(expected.imageSetConfiguration.has_value());
        QCOMPARE(window.treeModel()->imageSetConfiguration(), *expected.imageSetConfiguration);
        const QByteArray yaml = ConfigWriter::write(*expected.imageSetConfiguration);
        QCOMPARE(window.previewYaml(), yaml);
        QCOMPARE(window.yamlView()->toPlainText(), QString::fromUtf8(yaml));
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("sample-imageset-config.yaml")));
        // The form starts on the first release channel.
        QCOMPARE(window.treeView()->currentIndex(), firstReleaseChannel(window));
        QCOMPARE(window.detailForm()->currentIndex(), firstReleaseChannel(window));
        QVERIFY(window.detailForm()->editor(ConfigTreeModel::MinVersionRole));
    }

    void brokenFileShowsTheExactErrors()
    {
        MainWindow window;
        const QString path = dataFile("broken-version.yaml");
        QVERIFY(!window.openFile(path));
        const QStringList expected = {
            path + QStringLiteral(":7:19: mirror.platform.channels[0].minVersion: "),
            path + QStringLiteral(":12:7: mirror.operators[0].packages[0].shortestPath: "),
        };
        const QStringList actual = issueTexts(window);
        QCOMPARE(actual.size(), expected.size());
        for (int i = 0; i < expected.size(); ++i) {
            QVERIFY2(actual[i].startsWith(expected[i]), qPrintable(actual[i]));
        }
        // The readable part is still shown, and the YAML view holds the file as read (positions refer to it).
        QCOMPARE(window.treeModel()->rowCount(window.treeModel()->groupIndex(NodeKind::Operators)), 1);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(window.yamlView()->toPlainText(), QString::fromUtf8(file.readAll()));
        // The error is on a recognised configuration: Save would write back to the same file.
        QCOMPARE(window.filePath(), path);

        // Double-clicking the first issue selects the channel it names.
        window.showIssue(window.issueModel()->index(0, 0));
        QCOMPARE(window.treeView()->currentIndex(), firstReleaseChannel(window));
        QCOMPARE(window.detailForm()->currentIndex(), firstReleaseChannel(window));
    }

    void syntaxErrorShowsFileLineColumn()
    {
        MainWindow window;
        const QString path = dataFile("broken-syntax.yaml");
        QVERIFY(!window.openFile(path));
        const QStringList actual = issueTexts(window);
        QCOMPARE(actual.size(), 1);
        QVERIFY2(actual[0].startsWith(path + QStringLiteral(":7:1: ")), qPrintable(actual[0]));
        // Nothing safe to save over: the document becomes untitled.
        QVERIFY(window.filePath().isEmpty());

        // Jumping to an issue without an item moves the YAML cursor to its line.
        window.showIssue(window.issueModel()->index(0, 0));
        QCOMPARE(window.yamlView()->textCursor().blockNumber(), 6);
    }

    void editingMinVersionUpdatesPreviewAndSaves()
    {
        MainWindow window;
        window.openSample();
        QTRY_VERIFY(!window.isValidationPending());
        QVERIFY(window.previewYaml().contains("minVersion: 4.16.5"));

        const QModelIndex channel = firstReleaseChannel(window);
        window.treeView()->setCurrentIndex(channel);
        QCOMPARE(window.detailForm()->currentIndex(), channel);
        auto *minVersion = qobject_cast<QLineEdit *>(window.detailForm()->editor(ConfigTreeModel::MinVersionRole));
        QVERIFY(minVersion);
        QCOMPARE(minVersion->text(), QStringLiteral("4.16.5"));

        QSignalSpy validated(&window, &MainWindow::validationFinished);
        minVersion->selectAll();
        QTest::keyClicks(minVersion, QStringLiteral("4.16.2"));
        QCOMPARE(window.treeModel()->data(channel, ConfigTreeModel::MinVersionRole).toString(),
                 QStringLiteral("4.16.2"));
        QVERIFY(window.isWindowModified());
        QTRY_VERIFY(!window.isValidationPending());
        QVERIFY(validated.size() >= 1);
        QVERIFY(window.yamlView()->toPlainText().contains(QStringLiteral("minVersion: 4.16.2")));
        QVERIFY(!window.yamlView()->toPlainText().contains(QStringLiteral("4.16.5")));
        QCOMPARE(window.issueModel()->rowCount(), 0);

        // A bad value is reported against the preview, at the field, and the item is marked.
        minVersion->selectAll();
        QTest::keyClicks(minVersion, QStringLiteral("4.x"));
        QTRY_VERIFY(!window.isValidationPending());
        const QStringList issues = issueTexts(window);
        QCOMPARE(issues.size(), 1);
        QVERIFY2(issues[0].startsWith(QStringLiteral("sample-imageset-config.yaml:")), qPrintable(issues[0]));
        QVERIFY2(issues[0].contains(QStringLiteral(": mirror.platform.channels[0].minVersion: ")),
                 qPrintable(issues[0]));
        QVERIFY(window.treeModel()->data(channel, ConfigTreeModel::HasIssueRole).toBool());
        minVersion->selectAll();
        QTest::keyClicks(minVersion, QStringLiteral("4.16.2"));
        QTRY_VERIFY(!window.isValidationPending());
        QCOMPARE(window.issueModel()->rowCount(), 0);

        // Save writes what the preview shows, and it loads back equal.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("edited.yaml"));
        QString error;
        QVERIFY2(window.saveToFile(path, &error), qPrintable(error));
        QVERIFY(!window.isWindowModified());
        QCOMPARE(window.filePath(), path);
        const ConfigLoadResult saved = ConfigLoader::loadFile(path);
        QVERIFY2(saved.isValid(), qPrintable(saved.errors.isEmpty() ? QString() : saved.errors[0].toString()));
        QVERIFY(saved.imageSetConfiguration.has_value());
        QCOMPARE(*saved.imageSetConfiguration, window.treeModel()->imageSetConfiguration());
        QCOMPARE(saved.imageSetConfiguration->mirror.platform->channels[0].minVersion,
                 std::optional<QString>(QStringLiteral("4.16.2")));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), window.previewYaml());
    }

    void booleanFieldIsTriState()
    {
        MainWindow window;
        window.openSample();
        const QModelIndex channel = firstReleaseChannel(window);
        window.treeView()->setCurrentIndex(channel);
        auto *full = qobject_cast<QCheckBox *>(window.detailForm()->editor(ConfigTreeModel::FullRole));
        QVERIFY(full);
        QCOMPARE(full->checkState(), Qt::PartiallyChecked); // absent in the file
        full->setCheckState(Qt::Checked);
        QTRY_VERIFY(!window.isValidationPending());
        QVERIFY(window.previewYaml().contains("full: true"));
        full->setCheckState(Qt::PartiallyChecked);
        QTRY_VERIFY(!window.isValidationPending());
        QVERIFY(!window.previewYaml().contains("full:"));
    }

    void newDeleteConfiguration()
    {
        MainWindow window;
        window.newDocument(ConfigKind::DeleteImageSetConfiguration);
        QTRY_VERIFY(!window.isValidationPending());
        QCOMPARE(window.treeModel()->configKind(), ConfigKind::DeleteImageSetConfiguration);
        QVERIFY(window.previewYaml().contains("kind: DeleteImageSetConfiguration"));
        QVERIFY(window.filePath().isEmpty());
        window.treeModel()->addReleaseChannel(QStringLiteral("stable-4.16"));
        QVERIFY(window.isWindowModified());
        QTRY_VERIFY(!window.isValidationPending());
        QVERIFY(window.previewYaml().contains("name: stable-4.16"));
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
