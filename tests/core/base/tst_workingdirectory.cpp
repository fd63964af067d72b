#include "workspace/atomicfilewriter.h"
#include "workspace/workingdirectory.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

class TestWorkingDirectory : public QObject
{
    Q_OBJECT

private slots:
    void rootRules_data();
    void rootRules();
    void createsLayout();
    void createRefusesFile();
    void pathHelpers();
    void historyFileIsRfc3339();
    void clearClusterResources();
    void versionFile();
    void atomicWrite();
    void atomicWriteFailures();
    void atomicWriteKeepsOldContent();
};

void TestWorkingDirectory::rootRules_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("workspace");
    QTest::addColumn<QString>("root");

    QTest::newRow("m2d parent") << QStringLiteral("/data/mirror") << false
                                << QStringLiteral("/data/mirror/working-dir");
    QTest::newRow("parent trailing slash")
        << QStringLiteral("/data/mirror/") << false << QStringLiteral("/data/mirror/working-dir");
    QTest::newRow("parent named working-dir still appends")
        << QStringLiteral("/data/working-dir") << false << QStringLiteral("/data/working-dir/working-dir");
    QTest::newRow("m2m workspace") << QStringLiteral("/data/ws") << true << QStringLiteral("/data/ws/working-dir");
    QTest::newRow("m2m already working-dir")
        << QStringLiteral("/data/ws/working-dir") << true << QStringLiteral("/data/ws/working-dir");
    QTest::newRow("m2m already working-dir slash")
        << QStringLiteral("/data/ws/working-dir/") << true << QStringLiteral("/data/ws/working-dir");
    QTest::newRow("m2m similar name") << QStringLiteral("/data/my-working-dir") << true
                                      << QStringLiteral("/data/my-working-dir/working-dir");
    QTest::newRow("relative") << QStringLiteral("out") << true << QStringLiteral("out/working-dir");
}

void TestWorkingDirectory::rootRules()
{
    QFETCH(QString, input);
    QFETCH(bool, workspace);
    QFETCH(QString, root);
    const WorkingDirectory dir = workspace ? WorkingDirectory::forWorkspace(input) : WorkingDirectory::inParent(input);
    QCOMPARE(dir.root(), root);
    QVERIFY(!dir.isNull());
}

void TestWorkingDirectory::createsLayout()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const auto dir = WorkingDirectory::inParent(temp.path());
    QString error;
    QVERIFY2(dir.create(&error), qUtf8Printable(error));
    const QStringList expected{
        QStringLiteral(".history"),  QStringLiteral("cluster-resources"), QStringLiteral("containers"),
        QStringLiteral("delete"),    QStringLiteral("dry-run"),           QStringLiteral("graph-preparation"),
        QStringLiteral("helm"),      QStringLiteral("hold-release"),      QStringLiteral("internal"),
        QStringLiteral("logs"),      QStringLiteral("operator-catalogs"), QStringLiteral("release-images"),
        QStringLiteral("signatures")};
    QStringList actual = QDir(dir.root()).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    QCOMPARE(actual, expected);
    QVERIFY(QFileInfo(dir.registriesDDir()).isDir());
    QVERIFY(QFileInfo(dir.graphDataDir()).isDir());
    QVERIFY(QFileInfo(dir.helmChartsDir()).isDir());
    // Creating again is harmless.
    QVERIFY(dir.create(&error));
    QVERIFY(!WorkingDirectory().create(&error));
    QCOMPARE(error, QStringLiteral("no working directory set"));
}

void TestWorkingDirectory::createRefusesFile()
{
    QTemporaryDir temp;
    const QString file = temp.filePath(QStringLiteral("working-dir"));
    QVERIFY(AtomicFileWriter::write(file, "x"));
    QString error;
    QVERIFY(!WorkingDirectory(file).create(&error));
    QCOMPARE(error, QStringLiteral("cannot create working directory \"%1\": a file has this name").arg(file));
}

void TestWorkingDirectory::pathHelpers()
{
    const WorkingDirectory w(QStringLiteral("/w/working-dir"));
    const QDateTime t(QDate(2025, 3, 4), QTime(5, 6, 7));
    const QString digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('b'));
    QCOMPARE(w.clusterResourcesDir(), QStringLiteral("/w/working-dir/cluster-resources"));
    QCOMPARE(w.registriesDDir(), QStringLiteral("/w/working-dir/containers/registries.d"));
    QCOMPARE(w.deleteImagesFile(), QStringLiteral("/w/working-dir/delete/delete-images.yaml"));
    QCOMPARE(w.deleteImagesFile(QStringLiteral("x1")), QStringLiteral("/w/working-dir/delete/delete-images-x1.yaml"));
    QCOMPARE(w.deleteImageSetConfigFile(), QStringLiteral("/w/working-dir/delete/delete-imageset-config.yaml"));
    QCOMPARE(w.deleteImageSetConfigFile(QStringLiteral("x1")),
             QStringLiteral("/w/working-dir/delete/delete-imageset-config-x1.yaml"));
    QCOMPARE(w.dryRunMappingFile(), QStringLiteral("/w/working-dir/dry-run/mapping.txt"));
    QCOMPARE(w.dryRunMissingFile(), QStringLiteral("/w/working-dir/dry-run/missing.txt"));
    QCOMPARE(w.graphPreparationDir(), QStringLiteral("/w/working-dir/graph-preparation"));
    QCOMPARE(w.helmChartsDir(), QStringLiteral("/w/working-dir/helm/charts"));
    QCOMPARE(w.helmIndexFile(QStringLiteral("sbo")), QStringLiteral("/w/working-dir/helm/indexes/sbo/index.yaml"));
    QCOMPARE(w.releaseManifestsDir(QStringLiteral("ocp-release"), QStringLiteral("4.18.5-x86_64")),
             QStringLiteral("/w/working-dir/hold-release/ocp-release/4.18.5-x86_64/release-manifests"));
    QCOMPARE(w.graphDataFile(QStringLiteral("amd64"), QStringLiteral("stable-4.18")),
             QStringLiteral("/w/working-dir/hold-release/cincinnati-graph-data/amd64-stable-4.18.json"));
    QCOMPARE(w.versionFile(), QStringLiteral("/w/working-dir/internal/oc-mirror-version.json"));
    QCOMPARE(w.logFile(t), QStringLiteral("/w/working-dir/logs/oc-mirror-20250304_050607.log"));
    QCOMPARE(w.registryLogFile(t), QStringLiteral("/w/working-dir/logs/registry-20250304_050607.log"));
    QCOMPARE(w.mirroringErrorsFile(t), QStringLiteral("/w/working-dir/logs/mirroring_errors_20250304_050607.txt"));
    QCOMPARE(w.operatorCatalogDir(QStringLiteral("redhat-operator-index"), QStringLiteral("abc")),
             QStringLiteral("/w/working-dir/operator-catalogs/redhat-operator-index/abc"));
    QCOMPARE(w.catalogImageDir(QStringLiteral("r"), QStringLiteral("d")),
             QStringLiteral("/w/working-dir/operator-catalogs/r/d/catalog-image"));
    QCOMPARE(w.catalogConfigDir(QStringLiteral("r"), QStringLiteral("d")),
             QStringLiteral("/w/working-dir/operator-catalogs/r/d/catalog-config"));
    QCOMPARE(w.filteredCatalogConfigDir(QStringLiteral("r"), QStringLiteral("d"), QStringLiteral("f")),
             QStringLiteral("/w/working-dir/operator-catalogs/r/d/filtered-catalogs/f/catalog-config"));
    QCOMPARE(w.filteredCatalogDigestFile(QStringLiteral("r"), QStringLiteral("d"), QStringLiteral("f")),
             QStringLiteral("/w/working-dir/operator-catalogs/r/d/filtered-catalogs/f/digest"));
    QCOMPARE(w.filteredCatalogImageDir(QStringLiteral("r"), QStringLiteral("d"), QStringLiteral("f")),
             QStringLiteral("/w/working-dir/operator-catalogs/r/d/filtered-catalogs/f/filtered-catalog-image"));
    QCOMPARE(w.releaseImageDir(QStringLiteral("ocp-release"), QStringLiteral("4.18.5-x86_64")),
             QStringLiteral("/w/working-dir/release-images/ocp-release/4.18.5-x86_64"));
    QCOMPARE(w.signatureFile(QStringLiteral("4.18.5-x86_64"), digest),
             QStringLiteral("/w/working-dir/signatures/4.18.5-x86_64-sha256-") + QString(64, QLatin1Char('b')));
    QCOMPARE(w.pinnedImageSetConfigFile(t), QStringLiteral("/w/working-dir/isc_pinned_20250304_050607.yaml"));
    QCOMPARE(w.pinnedDeleteImageSetConfigFile(t), QStringLiteral("/w/working-dir/disc_pinned_20250304_050607.yaml"));
}

void TestWorkingDirectory::historyFileIsRfc3339()
{
    const WorkingDirectory w(QStringLiteral("/w/working-dir"));
    const QDateTime utc(QDate(2025, 3, 4), QTime(5, 6, 7, 890), QTimeZone::utc());
    QCOMPARE(w.historyFile(utc), QStringLiteral("/w/working-dir/.history/.history-2025-03-04T05:06:07Z"));
    const QDateTime plusTwo(QDate(2025, 3, 4), QTime(5, 6, 7), QTimeZone(2 * 3600));
    QCOMPARE(w.historyFile(plusTwo), QStringLiteral("/w/working-dir/.history/.history-2025-03-04T05:06:07+02:00"));
}

void TestWorkingDirectory::clearClusterResources()
{
    QTemporaryDir temp;
    const auto dir = WorkingDirectory::inParent(temp.path());
    QVERIFY(dir.create());
    QVERIFY(AtomicFileWriter::write(dir.clusterResourcesDir() + QStringLiteral("/idms-oc-mirror.yaml"), "x"));
    QVERIFY(AtomicFileWriter::write(dir.clusterResourcesDir() + QStringLiteral("/sub/cs.yaml"), "y"));
    QVERIFY(AtomicFileWriter::write(dir.dryRunMappingFile(), "keep"));
    QString error;
    QVERIFY2(dir.clearClusterResources(&error), qUtf8Printable(error));
    QVERIFY(QFileInfo(dir.clusterResourcesDir()).isDir());
    QVERIFY(QDir(dir.clusterResourcesDir()).isEmpty());
    QVERIFY(QFile::exists(dir.dryRunMappingFile()));
}

void TestWorkingDirectory::versionFile()
{
    QTemporaryDir temp;
    const auto dir = WorkingDirectory::inParent(temp.path());
    QString error;
    QVERIFY2(dir.writeVersionFile(QStringLiteral("0.1.0"), QStringLiteral("abc123"), &error), qUtf8Printable(error));
    QFile file(dir.versionFile());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(object.value(QStringLiteral("gitVersion")).toString(), QStringLiteral("0.1.0"));
    QCOMPARE(object.value(QStringLiteral("gitCommit")).toString(), QStringLiteral("abc123"));
    QCOMPARE(object.size(), 2);
}

void TestWorkingDirectory::atomicWrite()
{
    QTemporaryDir temp;
    const QString path = temp.filePath(QStringLiteral("a/b/c/file.txt"));
    QString error;
    QVERIFY2(AtomicFileWriter::write(path, "first", &error), qUtf8Printable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("first"));
    file.close();
    QVERIFY(AtomicFileWriter::write(path, QByteArray(), &error));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray());
    file.close();
    // No temporary files are left beside the target.
    QCOMPARE(QDir(temp.filePath(QStringLiteral("a/b/c"))).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("file.txt")});
}

void TestWorkingDirectory::atomicWriteFailures()
{
    QTemporaryDir temp;
    QString error;
    QVERIFY(!AtomicFileWriter::write(temp.path(), "x", &error));
    QCOMPARE(error, QStringLiteral("cannot write \"%1\": a directory has this name").arg(temp.path()));

    // A parent that is a file cannot become a directory; the existing file is untouched.
    const QString blocker = temp.filePath(QStringLiteral("blocker"));
    QVERIFY(AtomicFileWriter::write(blocker, "keep"));
    const QString below = blocker + QStringLiteral("/child.txt");
    QVERIFY(!AtomicFileWriter::write(below, "x", &error));
    QCOMPARE(error, QStringLiteral("cannot write \"%1\": cannot create directory \"%2\"").arg(below, blocker));
    QFile kept(blocker);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("keep"));
}

void TestWorkingDirectory::atomicWriteKeepsOldContent()
{
    QTemporaryDir temp;
    QString error;
    // An unwritable directory: the old content survives a failed replacement.
    const QString locked = temp.filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkpath(locked));
    const QString target = locked + QStringLiteral("/file.txt");
    QVERIFY(AtomicFileWriter::write(target, "old"));
    QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner);
    const bool wrote = AtomicFileWriter::write(target, "new", &error);
    QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (wrote)
        QSKIP("running with privileges that ignore directory permissions");
    QVERIFY(error.startsWith(QStringLiteral("cannot write \"%1\": ").arg(target)));
    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("old"));
}

QTEST_GUILESS_MAIN(TestWorkingDirectory)
#include "tst_workingdirectory.moc"
