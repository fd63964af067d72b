#include "config/configloader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

// Files under fixtures/real/oc-mirror-configs that oc-mirror itself refuses (or that Ferry refuses because
// oc-mirror would only fail later, at run time), with the exact errors expected.
static QHash<QString, QStringList> expectedFixtureErrors()
{
    return {
        {QStringLiteral("e2e-workloads/config-72938-1.yaml"),
         {QStringLiteral("e2e-workloads/config-72938-1.yaml:12:23: mirror.operators[0].packages[0].minVersion: Full: "
                         "true cannot be mixed with versionRange (operator \"3scale-operator\" has a version range "
                         "in a catalog with full: true)")}},
        {QStringLiteral("e2e-workloads/config-72938.yaml"),
         {QStringLiteral("e2e-workloads/config-72938.yaml:10:27: "
                         "mirror.operators[0].packages[0].channels[0].minVersion: catalog "
                         "\"registry.redhat.io/redhat/redhat-operator-index:v4.14\": operator \"3scale-operator\": "
                         "mixing both filtering by minVersion/maxVersion and filtering by channel "
                         "minVersion/maxVersion is not allowed")}},
        {QStringLiteral("e2e-workloads/config-73783.yaml"),
         {QStringLiteral("e2e-workloads/config-73783.yaml:6:12: mirror.additionalImages[1].name: invalid reference "
                         "\"quay.io/coreos/etcd:v3.5.4@sha256:"
                         "a67fb152d4c53223e96e818420c37f11d05c2d92cf62c05ca5604066c37295e9ab\": sha256 digest must "
                         "have 64 hex characters, not 66")}},
        {QStringLiteral("e2e-workloads/config-88132-invalid.yaml"),
         {QStringLiteral("e2e-workloads/config-88132-invalid.yaml:6:19: mirror.additionalImages[0].targetRepo: "
                         "invalid target path component \"invalid:@tag\": expected 1 or more path components "
                         "separated by /, each made of [a-z0-9] runs joined by \".\", \"_\", \"__\" or dashes, "
                         "without a tag or digest")}},
        {QStringLiteral("integration/exit_codes/isc-generic-error.yaml"),
         {QStringLiteral("integration/exit_codes/isc-generic-error.yaml:3:1: storageConfig: unknown field "
                         "\"storageConfig\"")}},
        {QStringLiteral("integration/operators/isc-operator-invalid-version-range.yaml"),
         {QStringLiteral("integration/operators/isc-operator-invalid-version-range.yaml:13:23: "
                         "mirror.operators[0].packages[0].channels[0].maxVersion: maxVersion \"0.2.0\" is lower than "
                         "minVersion \"0.3.1\": the range selects nothing")}},
        {QStringLiteral("integration/sparse_manifest/isc-platforms-and-archs.yaml"),
         {QStringLiteral("integration/sparse_manifest/isc-platforms-and-archs.yaml:13:20: "
                         "mirror.platform.architectures: platform.platforms and platform.architectures cannot be "
                         "used together; use platform.platforms for sparse manifest filtering (requires disabling "
                         "manifest list blob checks on container registry side), or platform.architectures "
                         "(deprecated) for OCP multi payload or single arch payloads")}},
        // oc-mirror's own unit test only decodes this file; its catalog filter refuses full + range at run time.
        {QStringLiteral("unit/config/valid.yaml"),
         {QStringLiteral("unit/config/valid.yaml:22:23: mirror.operators[1].packages[1].minVersion: Full: true "
                         "cannot be mixed with versionRange (operator \"mongodb-operator\" has a version range in a "
                         "catalog with full: true)")}},
        {QStringLiteral("v1alpha2/imageset-config-ref.yaml"),
         {QStringLiteral("v1alpha2/imageset-config-ref.yaml:3:1: storageConfig: unknown field \"storageConfig\"")}},
        {QStringLiteral("v1alpha2/valid-delete.yaml"),
         {QStringLiteral("v1alpha2/valid-delete.yaml:22:23: delete.operators[1].packages[1].minVersion: Full: true "
                         "cannot be mixed with versionRange (operator \"mongodb-operator\" has a version range in a "
                         "catalog with full: true)")}},
    };
}

static QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qUtf8Printable(path));
    return file.readAll();
}

static QStringList errorStrings(const ConfigLoadResult &result)
{
    QStringList lines;
    for (const ConfigError &error : result.errors)
        lines.append(error.toString());
    return lines;
}

class tst_ConfigLoader : public QObject
{
    Q_OBJECT

private slots:
    void realConfigs_data();
    void realConfigs();
    void invalidConfigs_data();
    void invalidConfigs();
    void parsesEveryField();
    void keepsPresenceOfOptionalFields();
    void acceptsCaseInsensitiveFieldNames();
    void deleteDefaultsArchitectures();
    void deleteKeepsPlatformsWithoutDefault();
    void errorsCarryPositions();
    void nullValuesReadAsUnset();
    void yamlScalarsResolveAsYaml11();
    void loadFileUsesPathAndReportsMissingFile();
    void errorToString();
    void survivesTruncatedAndCorruptedInput();
};

void tst_ConfigLoader::realConfigs_data()
{
    QTest::addColumn<QString>("relativePath");
    const QString root = QStringLiteral(FERRY_FIXTURES_DIR "/oc-mirror-configs");
    QDirIterator it(root, {QStringLiteral("*.yaml")}, QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext()) {
        const QString relative = QDir(root).relativeFilePath(it.next());
        // Not configurations: CatalogSource templates and a registry configuration.
        if (relative.startsWith(QLatin1String("catalog-source-templates/")) ||
            relative.startsWith(QLatin1String("local-cache/")))
            continue;
        files.append(relative);
    }
    files.sort();
    QVERIFY(files.size() >= 95);
    for (const QString &file : std::as_const(files))
        QTest::newRow(qUtf8Printable(file)) << file;
}

void tst_ConfigLoader::realConfigs()
{
    QFETCH(QString, relativePath);
    const QByteArray data = readAll(QStringLiteral(FERRY_FIXTURES_DIR "/oc-mirror-configs/") + relativePath);
    const ConfigLoadResult result = ConfigLoader::loadData(data, relativePath);
    QCOMPARE(errorStrings(result), expectedFixtureErrors().value(relativePath));
    const bool isDelete = data.contains("kind: DeleteImageSetConfiguration");
    QCOMPARE(result.kind, isDelete ? ConfigKind::DeleteImageSetConfiguration : ConfigKind::ImageSetConfiguration);
    QCOMPARE(result.imageSetConfiguration.has_value(), !isDelete);
    QCOMPARE(result.deleteImageSetConfiguration.has_value(), isDelete);
}

void tst_ConfigLoader::invalidConfigs_data()
{
    QTest::addColumn<QString>("yamlPath");
    const QDir dir(QStringLiteral(FERRY_TEST_DATA_DIR "/config/invalid"));
    const QStringList cases = dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    QVERIFY(cases.size() >= 30);
    for (const QString &name : cases)
        QTest::newRow(qUtf8Printable(name)) << dir.filePath(name);
}

void tst_ConfigLoader::invalidConfigs()
{
    QFETCH(QString, yamlPath);
    const QString fileName = QFileInfo(yamlPath).fileName();
    QString expectedPath = yamlPath;
    expectedPath.replace(QLatin1String(".yaml"), QLatin1String(".expected"));
    const QStringList expected = QString::fromUtf8(readAll(expectedPath)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(!expected.isEmpty(), "every invalid case names at least one error");
    const ConfigLoadResult result = ConfigLoader::loadData(readAll(yamlPath), fileName);
    QCOMPARE(errorStrings(result), expected);
    QVERIFY(!result.isValid());
}

void tst_ConfigLoader::parsesEveryField()
{
    const ConfigLoadResult result =
        ConfigLoader::loadFile(QStringLiteral(FERRY_TEST_DATA_DIR "/config/valid/every-field.yaml"));
    QCOMPARE(errorStrings(result), QStringList());
    QVERIFY(result.imageSetConfiguration);
    const ImageSetConfiguration &config = *result.imageSetConfiguration;
    QCOMPARE(config.apiVersion, QStringLiteral("mirror.openshift.io/v2alpha1"));
    QCOMPARE(config.archiveSize, 4);
    const PlatformConfig &platform = config.mirror.platform.value();
    QCOMPARE(platform.graph, true);
    QCOMPARE(platform.kubeVirtContainer, true);
    QCOMPARE(platform.architectures, QStringList({QStringLiteral("amd64"), QStringLiteral("multi")}));
    QCOMPARE(platform.release, std::nullopt);
    QCOMPARE(platform.channels.size(), 2);
    QCOMPARE(platform.channels[0].name, QStringLiteral("stable-4.18"));
    QCOMPARE(platform.channels[0].type, QStringLiteral("ocp"));
    QCOMPARE(platform.channels[0].minVersion, QStringLiteral("4.18.1"));
    QCOMPARE(platform.channels[0].maxVersion, QStringLiteral("4.18.5"));
    QCOMPARE(platform.channels[0].shortestPath, true);
    QCOMPARE(platform.channels[0].full, false);
    QVERIFY(platform.channels[1].isOkd());

    QCOMPARE(config.mirror.operators.size(), 2);
    const OperatorCatalog &catalog = config.mirror.operators[0];
    QCOMPARE(catalog.catalog, QStringLiteral("registry.redhat.io/redhat/redhat-operator-index:v4.18"));
    QCOMPARE(catalog.targetCatalog, QStringLiteral("my-ns/my-index"));
    QCOMPARE(catalog.targetTag, QStringLiteral("v4.18-filtered"));
    QCOMPARE(catalog.full, false);
    QCOMPARE(catalog.skipDependencies, false);
    QCOMPARE(catalog.targetCatalogSourceTemplate, QStringLiteral("/path/cs-template.yaml"));
    QCOMPARE(catalog.platforms, QList<PlatformFilter>({{QStringLiteral("linux"), QStringLiteral("amd64")}}));
    QCOMPARE(catalog.packages.size(), 2);
    QCOMPARE(catalog.packages[0].name, QStringLiteral("elasticsearch-operator"));
    QCOMPARE(catalog.packages[0].defaultChannel, QStringLiteral("stable-5.8"));
    QCOMPARE(catalog.packages[0].minVersion, QStringLiteral("5.8.0"));
    QCOMPARE(catalog.packages[0].maxVersion, QStringLiteral("5.8.3"));
    QCOMPARE(catalog.packages[0].channels.size(), 1);
    QCOMPARE(catalog.packages[0].channels[0].name, QStringLiteral("stable-5.8"));
    QCOMPARE(catalog.packages[1].channels[0].minVersion, QStringLiteral("1.0.0"));
    QCOMPARE(catalog.packages[1].channels[0].maxVersion, QStringLiteral("1.2.0"));
    QCOMPARE(catalog.packages[1].bundles.size(), 1);
    QCOMPARE(catalog.packages[1].bundles[0].name, QStringLiteral("other-operator.v1.1.0"));
    QVERIFY(config.mirror.operators[1].isOciLayout());

    QCOMPARE(config.mirror.additionalImages.size(), 2);
    QCOMPARE(config.mirror.additionalImages[0].targetRepo, QStringLiteral("custom/ubi"));
    QCOMPARE(config.mirror.additionalImages[0].targetTag, QStringLiteral("v9"));
    QCOMPARE(config.mirror.additionalImages[0].platforms.size(), 2);
    QCOMPARE(config.mirror.blockedImages.size(), 1);
    QCOMPARE(config.mirror.blockedImages[0].name, QStringLiteral(".*/sample-.*"));
    const HelmConfig &helm = config.mirror.helm.value();
    QCOMPARE(helm.repositories.size(), 1);
    QCOMPARE(helm.repositories[0].url, QStringLiteral("https://stefanprodan.github.io/podinfo"));
    QCOMPARE(helm.repositories[0].charts[0].version, QStringLiteral("5.0.0"));
    QCOMPARE(helm.repositories[0].charts[0].imagePaths,
             QStringList({QStringLiteral("{.spec.template.spec.custom[*].image}")}));
    QCOMPARE(helm.local.size(), 1);
    QCOMPARE(helm.local[0].path, QStringLiteral("/path/to/chart"));
    QCOMPARE(config.mirror.samples.size(), 1);
}

void tst_ConfigLoader::keepsPresenceOfOptionalFields()
{
    const QByteArray yaml = "kind: ImageSetConfiguration\n"
                            "mirror:\n"
                            "  operators:\n"
                            "  - catalog: registry.example.com/a/b:v1\n"
                            "    full: false\n"
                            "  - catalog: registry.example.com/a/c:v1\n"
                            "  platform:\n"
                            "    channels:\n"
                            "    - name: stable-4.18\n";
    const ConfigLoadResult result = ConfigLoader::loadData(yaml, QStringLiteral("isc.yaml"));
    QCOMPARE(errorStrings(result), QStringList());
    const ImageSetConfiguration &config = *result.imageSetConfiguration;
    QCOMPARE(config.apiVersion, std::nullopt);
    QCOMPARE(config.archiveSize, std::nullopt);
    QCOMPARE(config.mirror.operators[0].full, false);
    QCOMPARE(config.mirror.operators[1].full, std::nullopt);
    QCOMPARE(config.mirror.platform->channels[0].type, std::nullopt);
    QCOMPARE(config.mirror.platform->graph, std::nullopt);
    QVERIFY(!config.mirror.helm);
    // An ImageSetConfiguration gets no architecture default (only deletions do).
    QVERIFY(config.mirror.platform->architectures.isEmpty());
}

void tst_ConfigLoader::acceptsCaseInsensitiveFieldNames()
{
    // oc-mirror decodes with Go's encoding/json, which matches field names ignoring case.
    const QByteArray yaml = "kind: ImageSetConfiguration\n"
                            "mirror:\n"
                            "  additionalimages:\n"
                            "  - Name: registry.example.com/a/b:v1\n"
                            "  BLOCKEDIMAGES:\n"
                            "  - name: alpine\n";
    const ConfigLoadResult result = ConfigLoader::loadData(yaml, QStringLiteral("isc.yaml"));
    QCOMPARE(errorStrings(result), QStringList());
    QCOMPARE(result.imageSetConfiguration->mirror.additionalImages.size(), 1);
    QCOMPARE(result.imageSetConfiguration->mirror.additionalImages[0].name,
             QStringLiteral("registry.example.com/a/b:v1"));
    QCOMPARE(result.imageSetConfiguration->mirror.blockedImages.size(), 1);
    QVERIFY(result.sourceMap.contains(QStringLiteral("mirror.additionalImages[0].name")));

    // The top-level kind / mirror lookups are exact, as in oc-mirror.
    const ConfigLoadResult upper =
        ConfigLoader::loadData("Kind: ImageSetConfiguration\nmirror: {}\n", QStringLiteral("isc.yaml"));
    QCOMPARE(errorStrings(upper), QStringList({QStringLiteral("isc.yaml:1:1: configuration missing 'kind'")}));
}

void tst_ConfigLoader::deleteDefaultsArchitectures()
{
    const ConfigLoadResult result =
        ConfigLoader::loadFile(QStringLiteral(FERRY_FIXTURES_DIR "/oc-mirror-configs/e2e-workloads/"
                                                                 "delete-config-79452.yaml"));
    QCOMPARE(errorStrings(result), QStringList());
    QCOMPARE(result.kind, ConfigKind::DeleteImageSetConfiguration);
    const DeleteImageSetConfiguration &config = *result.deleteImageSetConfiguration;
    QCOMPARE(config.deleteContent.platform->architectures, QStringList({QStringLiteral("amd64")}));
    QCOMPARE(config.deleteContent.operators.size(), 1);

    // No channels: no default.
    const ConfigLoadResult noChannels = ConfigLoader::loadData(
        "kind: DeleteImageSetConfiguration\ndelete:\n  platform:\n    release: quay.io/a/b:v1\n", QStringLiteral("d"));
    QCOMPARE(errorStrings(noChannels), QStringList());
    QVERIFY(noChannels.deleteImageSetConfiguration->deleteContent.platform->architectures.isEmpty());
}

void tst_ConfigLoader::deleteKeepsPlatformsWithoutDefault()
{
    const QByteArray yaml = "kind: DeleteImageSetConfiguration\n"
                            "delete:\n"
                            "  platform:\n"
                            "    platforms:\n"
                            "    - {os: linux, architecture: arm64}\n"
                            "    channels:\n"
                            "    - name: stable-4.18\n";
    const ConfigLoadResult result = ConfigLoader::loadData(yaml, QStringLiteral("disc.yaml"));
    QCOMPARE(errorStrings(result), QStringList());
    QVERIFY(result.deleteImageSetConfiguration->deleteContent.platform->architectures.isEmpty());
}

void tst_ConfigLoader::errorsCarryPositions()
{
    const QByteArray yaml = "kind: ImageSetConfiguration\n"
                            "mirror:\n"
                            "  platform:\n"
                            "    graph: \"no\"\n"
                            "    channels:\n"
                            "    - name: a\n"
                            "      shortestPath: 1\n";
    const ConfigLoadResult result = ConfigLoader::loadData(yaml, QStringLiteral("isc.yaml"));
    QCOMPARE(result.errors.size(), 2);
    QCOMPARE(result.errors[0].file, QStringLiteral("isc.yaml"));
    QCOMPARE(result.errors[0].line, 4);
    QCOMPARE(result.errors[0].column, 12);
    QCOMPARE(result.errors[0].path, QStringLiteral("mirror.platform.graph"));
    QCOMPARE(result.errors[1].line, 7);
    QCOMPARE(result.errors[1].column, 21);
    QCOMPARE(result.errors[1].path, QStringLiteral("mirror.platform.channels[0].shortestPath"));
    QCOMPARE(result.errors[1].message, QStringLiteral("expected a boolean (true or false), found the integer 1"));
    // The other fields are still read.
    QCOMPARE(result.imageSetConfiguration->mirror.platform->channels[0].name, QStringLiteral("a"));
    QCOMPARE(result.sourceMap.valueMark(QStringLiteral("mirror.platform.channels[0].name")), ConfigMark({6, 13}));
    QCOMPARE(result.sourceMap.keyMark(QStringLiteral("mirror.platform.channels[0].name")), ConfigMark({6, 7}));
    // Unwritten fields fall back to the closest enclosing field.
    QCOMPARE(result.sourceMap.valueMark(QStringLiteral("mirror.platform.channels[0].minVersion")), ConfigMark({6, 7}));
}

void tst_ConfigLoader::nullValuesReadAsUnset()
{
    const QByteArray yaml = "kind: ImageSetConfiguration\n"
                            "apiVersion:\n"
                            "mirror:\n"
                            "  operators:\n"
                            "  - catalog: registry.example.com/a/b:v1\n"
                            "    full: ~\n"
                            "    packages: null\n"
                            "  additionalImages:\n";
    const ConfigLoadResult result = ConfigLoader::loadData(yaml, QStringLiteral("isc.yaml"));
    QCOMPARE(errorStrings(result), QStringList());
    QCOMPARE(result.imageSetConfiguration->apiVersion, std::nullopt);
    QCOMPARE(result.imageSetConfiguration->mirror.operators[0].full, std::nullopt);
    QVERIFY(result.imageSetConfiguration->mirror.operators[0].packages.isEmpty());
    QVERIFY(result.imageSetConfiguration->mirror.additionalImages.isEmpty());
}

void tst_ConfigLoader::yamlScalarsResolveAsYaml11()
{
    // go-yaml v2 reads `yes`/`on` as booleans, and a quoted "4.18" stays a string.
    const QByteArray yaml = "kind: ImageSetConfiguration\n"
                            "mirror:\n"
                            "  platform:\n"
                            "    graph: yes\n"
                            "    kubeVirtContainer: Off\n"
                            "    channels:\n"
                            "    - name: stable-4.18\n"
                            "      minVersion: '4.18.0'\n"
                            "      maxVersion: !!str 4.18.9\n"
                            "archiveSize: 0x10\n";
    const ConfigLoadResult result = ConfigLoader::loadData(yaml, QStringLiteral("isc.yaml"));
    QCOMPARE(errorStrings(result), QStringList());
    QCOMPARE(result.imageSetConfiguration->mirror.platform->graph, true);
    QCOMPARE(result.imageSetConfiguration->mirror.platform->kubeVirtContainer, false);
    QCOMPARE(result.imageSetConfiguration->mirror.platform->channels[0].maxVersion, QStringLiteral("4.18.9"));
    QCOMPARE(result.imageSetConfiguration->archiveSize, 16);
}

void tst_ConfigLoader::loadFileUsesPathAndReportsMissingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("isc.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("kind: ImageSetConfiguration\nmirror:\n  bogus: 1\n");
    file.close();
    const ConfigLoadResult result = ConfigLoader::loadFile(path);
    QCOMPARE(errorStrings(result), QStringList({path + QStringLiteral(":3:3: mirror.bogus: unknown field \"bogus\"")}));

    const ConfigLoadResult missing = ConfigLoader::loadFile(dir.filePath(QStringLiteral("absent.yaml")));
    QCOMPARE(missing.errors.size(), 1);
    QVERIFY(missing.errors[0].toString().startsWith(dir.filePath(QStringLiteral("absent.yaml")) +
                                                    QStringLiteral(": cannot read the file: ")));
    QCOMPARE(missing.kind, ConfigKind::Unknown);
}

void tst_ConfigLoader::errorToString()
{
    ConfigError error{QStringLiteral("isc.yaml"), 12, 20,
                      QStringLiteral("mirror.operators[1].packages[0].channels[2].minVersion"),
                      QStringLiteral("\"4.x\" is not a semantic version")};
    QCOMPARE(error.toString(), QStringLiteral("isc.yaml:12:20: mirror.operators[1].packages[0].channels[2].minVersion: "
                                              "\"4.x\" is not a semantic version"));
    error.path.clear();
    QCOMPARE(error.toString(), QStringLiteral("isc.yaml:12:20: \"4.x\" is not a semantic version"));
    error.file.clear();
    error.line = 0;
    error.path = QStringLiteral("mirror");
    QCOMPARE(error.toString(), QStringLiteral("mirror: \"4.x\" is not a semantic version"));
}

void tst_ConfigLoader::survivesTruncatedAndCorruptedInput()
{
    // Every prefix of a rich configuration, and copies with a byte flipped, load without crashing; whatever
    // is reported carries a position.
    const QByteArray data = readAll(QStringLiteral(FERRY_TEST_DATA_DIR "/config/valid/every-field.yaml"));
    int withErrors = 0;
    for (qsizetype length = 0; length <= data.size(); length += 3) {
        const ConfigLoadResult result = ConfigLoader::loadData(data.left(length), QStringLiteral("cut.yaml"));
        withErrors += result.errors.isEmpty() ? 0 : 1;
        for (const ConfigError &error : result.errors)
            QVERIFY2(error.line > 0 && error.column > 0, qUtf8Printable(error.toString()));
    }
    QVERIFY(withErrors > 0);
    const char replacements[] = {':', '-', '[', '{', '"', '\'', '\t', '\n', '#', '&', '*', '!'};
    for (qsizetype i = 0; i < data.size(); i += 5) {
        QByteArray corrupted = data;
        corrupted[i] = replacements[i % sizeof(replacements)];
        const ConfigLoadResult result = ConfigLoader::loadData(corrupted, QStringLiteral("bad.yaml"));
        for (const ConfigError &error : result.errors)
            QVERIFY2(error.line > 0 && error.column > 0, qUtf8Printable(error.toString()));
    }
}

QTEST_GUILESS_MAIN(tst_ConfigLoader)
#include "tst_configloader.moc"
