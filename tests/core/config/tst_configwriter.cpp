#include "config/configloader.h"
#include "config/configwriter.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

static QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qUtf8Printable(path));
    return file.readAll();
}

static QByteArray writeLoaded(const ConfigLoadResult &result)
{
    if (result.imageSetConfiguration)
        return ConfigWriter::write(*result.imageSetConfiguration);
    if (result.deleteImageSetConfiguration)
        return ConfigWriter::write(*result.deleteImageSetConfiguration);
    return QByteArray();
}

class tst_ConfigWriter : public QObject
{
    Q_OBJECT

private slots:
    void roundTripRealConfigs_data();
    void roundTripRealConfigs();
    void writesOcMirrorOrder();
    void writesDeleteConfiguration();
    void omitsAbsentOptionalFields();
    void quotesStringsThatWouldChangeType_data();
    void quotesStringsThatWouldChangeType();
    void writesEmptyBlocksThatWerePresent();
    void newConfigurationHasApiVersion();
    void writeFileReplacesAtomically();
};

void tst_ConfigWriter::roundTripRealConfigs_data()
{
    QTest::addColumn<QString>("path");
    const QString root = QStringLiteral(FERRY_FIXTURES_DIR "/oc-mirror-configs");
    QDirIterator it(root, {QStringLiteral("*.yaml")}, QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext()) {
        const QString path = it.next();
        if (!path.contains(QLatin1String("catalog-source-templates")) && !path.contains(QLatin1String("local-cache")))
            files.append(path);
    }
    files.sort();
    QVERIFY(files.size() >= 95);
    for (const QString &file : std::as_const(files))
        QTest::newRow(qUtf8Printable(QDir(root).relativeFilePath(file))) << file;
}

void tst_ConfigWriter::roundTripRealConfigs()
{
    QFETCH(QString, path);
    const ConfigLoadResult first = ConfigLoader::loadFile(path);
    const QByteArray written = writeLoaded(first);
    QVERIFY(!written.isEmpty());
    const ConfigLoadResult second = ConfigLoader::loadData(written, QStringLiteral("written.yaml"));
    QCOMPARE(second.kind, first.kind);
    QCOMPARE(second.imageSetConfiguration, first.imageSetConfiguration);
    QCOMPARE(second.deleteImageSetConfiguration, first.deleteImageSetConfiguration);
    // The same validation problems are found in the written file (positions differ); unknown fields such as
    // v1's storageConfig are not part of the model and so are not written.
    QList<ConfigError> expectedErrors = first.errors;
    expectedErrors.removeIf([](const ConfigError &e) { return e.message.startsWith(QLatin1String("unknown field")); });
    QCOMPARE(second.errors.size(), expectedErrors.size());
    for (qsizetype i = 0; i < expectedErrors.size(); ++i) {
        QCOMPARE(second.errors[i].path, expectedErrors[i].path);
        QCOMPARE(second.errors[i].message, expectedErrors[i].message);
    }
    QCOMPARE(writeLoaded(second), written);
}

void tst_ConfigWriter::writesOcMirrorOrder()
{
    const ConfigLoadResult result =
        ConfigLoader::loadFile(QStringLiteral(FERRY_TEST_DATA_DIR "/config/valid/every-field.yaml"));
    QVERIFY(result.isValid());
    const QByteArray expected = readAll(QStringLiteral(FERRY_TEST_DATA_DIR "/config/writer/every-field.expected.yaml"));
    QCOMPARE(QString::fromUtf8(ConfigWriter::write(*result.imageSetConfiguration)), QString::fromUtf8(expected));
}

void tst_ConfigWriter::writesDeleteConfiguration()
{
    const ConfigLoadResult result = ConfigLoader::loadFile(
        QStringLiteral(FERRY_FIXTURES_DIR "/oc-mirror-configs/integration/happy_path/disc-happy-path.yaml"));
    QVERIFY(result.isValid());
    const QByteArray expected =
        readAll(QStringLiteral(FERRY_TEST_DATA_DIR "/config/writer/disc-happy-path.expected.yaml"));
    QCOMPARE(QString::fromUtf8(ConfigWriter::write(*result.deleteImageSetConfiguration)), QString::fromUtf8(expected));
}

void tst_ConfigWriter::omitsAbsentOptionalFields()
{
    ImageSetConfiguration config;
    config.apiVersion.reset();
    OperatorCatalog catalog;
    catalog.catalog = QStringLiteral("registry.example.com/ns/index:v1");
    catalog.full = false; // set explicitly: written
    config.mirror.operators.append(catalog);
    ReleaseChannel channel;
    channel.name = QStringLiteral("stable-4.18");
    PlatformConfig platform;
    platform.channels.append(channel);
    config.mirror.platform = platform;
    QCOMPARE(QString::fromUtf8(ConfigWriter::write(config)),
             QStringLiteral("kind: ImageSetConfiguration\n"
                            "mirror:\n"
                            "  operators:\n"
                            "  - catalog: registry.example.com/ns/index:v1\n"
                            "    full: false\n"
                            "  platform:\n"
                            "    channels:\n"
                            "    - name: stable-4.18\n"));
}

void tst_ConfigWriter::quotesStringsThatWouldChangeType_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expectedScalar");
    QTest::newRow("float-like") << QStringLiteral("4.18") << QStringLiteral("\"4.18\"");
    QTest::newRow("int-like") << QStringLiteral("15") << QStringLiteral("\"15\"");
    QTest::newRow("yaml11-bool") << QStringLiteral("yes") << QStringLiteral("\"yes\"");
    QTest::newRow("null-like") << QStringLiteral("null") << QStringLiteral("\"null\"");
    QTest::newRow("empty") << QString() << QStringLiteral("\"\"");
    QTest::newRow("semver stays plain") << QStringLiteral("4.18.1") << QStringLiteral("4.18.1");
    QTest::newRow("flow indicator") << QStringLiteral("{.spec.image}") << QStringLiteral("'{.spec.image}'");
    QTest::newRow("colon space") << QStringLiteral("a: b") << QStringLiteral("'a: b'");
    QTest::newRow("comment") << QStringLiteral("#x") << QStringLiteral("'#x'");
    QTest::newRow("apostrophe") << QStringLiteral("[it's]") << QStringLiteral("'[it''s]'");
    QTest::newRow("leading space") << QStringLiteral(" x") << QStringLiteral("' x'");
    QTest::newRow("newline") << QStringLiteral("a\nb\"c") << QStringLiteral("\"a\\nb\\\"c\"");
    QTest::newRow("unicode") << QStringLiteral("caf\u00e9") << QStringLiteral("caf\u00e9");
}

void tst_ConfigWriter::quotesStringsThatWouldChangeType()
{
    QFETCH(QString, value);
    QFETCH(QString, expectedScalar);
    ImageSetConfiguration config;
    config.mirror.samples.append({value});
    const QByteArray written = ConfigWriter::write(config);
    QVERIFY2(written.contains((QStringLiteral("  - name: ") + expectedScalar + QLatin1Char('\n')).toUtf8()),
             written.constData());
    const ConfigLoadResult reread = ConfigLoader::loadData(written, QStringLiteral("w.yaml"));
    QCOMPARE(reread.errors.size(), 0);
    QCOMPARE(reread.imageSetConfiguration->mirror.samples.value(0).name, value);
}

void tst_ConfigWriter::writesEmptyBlocksThatWerePresent()
{
    const QByteArray yaml = "kind: ImageSetConfiguration\nmirror:\n  platform: {}\n  helm: {}\n";
    const ConfigLoadResult result = ConfigLoader::loadData(yaml, QStringLiteral("isc.yaml"));
    QVERIFY(result.isValid());
    QCOMPARE(QString::fromUtf8(ConfigWriter::write(*result.imageSetConfiguration)),
             QStringLiteral("kind: ImageSetConfiguration\nmirror:\n  helm: {}\n  platform: {}\n"));
    const ConfigLoadResult empty =
        ConfigLoader::loadData("kind: ImageSetConfiguration\nmirror:\n", QStringLiteral("e"));
    QVERIFY(empty.isValid());
    QCOMPARE(QString::fromUtf8(ConfigWriter::write(*empty.imageSetConfiguration)),
             QStringLiteral("kind: ImageSetConfiguration\nmirror: {}\n"));
}

void tst_ConfigWriter::newConfigurationHasApiVersion()
{
    DeleteImageSetConfiguration config;
    AdditionalImage image;
    image.name = QStringLiteral("registry.example.com/ns/app:1.0");
    config.deleteContent.additionalImages.append(image);
    QCOMPARE(QString::fromUtf8(ConfigWriter::write(config)),
             QStringLiteral("apiVersion: mirror.openshift.io/v2alpha1\n"
                            "delete:\n"
                            "  additionalImages:\n"
                            "  - name: registry.example.com/ns/app:1.0\n"
                            "kind: DeleteImageSetConfiguration\n"));
}

void tst_ConfigWriter::writeFileReplacesAtomically()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("isc.yaml"));
    QString error;
    QVERIFY(ConfigWriter::writeFile(path, "old\n", &error));
    ImageSetConfiguration config;
    config.archiveSize = 2;
    const QByteArray data = ConfigWriter::write(config);
    QVERIFY2(ConfigWriter::writeFile(path, data, &error), qUtf8Printable(error));
    QCOMPARE(readAll(path), data);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList({QStringLiteral("isc.yaml")}));
    QVERIFY(!ConfigWriter::writeFile(dir.filePath(QStringLiteral("missing/dir/isc.yaml")), data, &error));
    QVERIFY(error.contains(QLatin1String("missing/dir/isc.yaml")));
}

QTEST_GUILESS_MAIN(tst_ConfigWriter)
#include "tst_configwriter.moc"
