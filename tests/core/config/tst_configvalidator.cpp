#include "config/configloader.h"
#include "config/configvalidator.h"

#include <QtTest>

static OperatorCatalog catalog(const QString &reference)
{
    OperatorCatalog result;
    result.catalog = reference;
    return result;
}

static OperatorPackage package(const QString &name)
{
    OperatorPackage result;
    result.name = name;
    return result;
}

static QStringList messages(const QList<ConfigError> &errors)
{
    QStringList lines;
    for (const ConfigError &error : errors)
        lines.append(error.toString());
    return lines;
}

class tst_ConfigValidator : public QObject
{
    Q_OBJECT

private slots:
    void validConfigurationHasNoErrors();
    void inMemoryConfigurationHasNoPositions();
    void duplicateCatalogsUseUniqueName();
    void ociCatalogsAreTellApartByTargets();
    void versionRulesPerPackageAndChannel();
    void tolerantSemanticVersions();
    void fullWithRange();
    void releaseChannels();
    void architecturesAndPlatforms();
    void additionalImages();
    void blockedImageRegex_data();
    void blockedImageRegex();
    void helm();
    void deleteConfigurationIsValidatedToo();
    void deleteDefaults();
    void positionsComeFromSourceMap();
};

void tst_ConfigValidator::validConfigurationHasNoErrors()
{
    ImageSetConfiguration config;
    OperatorCatalog c = catalog(QStringLiteral("registry.redhat.io/redhat/redhat-operator-index:v4.18"));
    OperatorPackage p = package(QStringLiteral("cluster-logging"));
    p.channels.append({QStringLiteral("stable-6.1"), QStringLiteral("6.1.0"), QStringLiteral("6.1.3")});
    c.packages.append(p);
    config.mirror.operators.append(c);
    config.mirror.additionalImages.append({QStringLiteral("quay.io/ns/app:1.0"), std::nullopt, std::nullopt, {}});
    QCOMPARE(messages(ConfigValidator::validate(config)), QStringList());
}

void tst_ConfigValidator::inMemoryConfigurationHasNoPositions()
{
    ImageSetConfiguration config;
    config.mirror.additionalImages.append({QStringLiteral("quay.io/ns/app"), std::nullopt, std::nullopt, {}});
    const QList<ConfigError> errors = ConfigValidator::validate(config);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].line, 0);
    QCOMPARE(errors[0].column, 0);
    QCOMPARE(errors[0].toString(), QStringLiteral("mirror.additionalImages[0].name: image \"quay.io/ns/app\" has "
                                                  "neither a tag nor a digest (oc-mirror v2 does not assume :latest)"));
}

void tst_ConfigValidator::duplicateCatalogsUseUniqueName()
{
    ImageSetConfiguration config;
    // Same image, different target tags: distinct.
    OperatorCatalog a = catalog(QStringLiteral("registry.redhat.io/redhat/redhat-operator-index:v4.18"));
    a.targetTag = QStringLiteral("one");
    OperatorCatalog b = a;
    b.targetTag = QStringLiteral("two");
    config.mirror.operators = {a, b};
    QCOMPARE(messages(ConfigValidator::validate(config)), QStringList());
    QCOMPARE(a.uniqueName(), QStringLiteral("registry.redhat.io/redhat/redhat-operator-index:one"));

    // A digest-pinned catalog with a target tag is named by the tag.
    OperatorCatalog pinned =
        catalog(QStringLiteral("registry.redhat.io/redhat/redhat-operator-index@sha256:"
                               "0f6efa098de01c8171aac32c6aa57745f687bb0d0806cd7122dc3fee662c46d6"));
    pinned.targetTag = QStringLiteral("one");
    pinned.targetCatalog = QStringLiteral("mirror/index");
    QCOMPARE(pinned.uniqueName(), QStringLiteral("registry.redhat.io/mirror/index:one"));

    // The short docker.io form and the full one are the same catalog.
    config.mirror.operators = {catalog(QStringLiteral("redhat-operators:v4.7")),
                               catalog(QStringLiteral("docker.io/library/redhat-operators:v4.7"))};
    QCOMPARE(messages(ConfigValidator::validate(config)),
             QStringList({QStringLiteral("mirror.operators[1].catalog: catalog "
                                         "\"docker.io/library/redhat-operators:v4.7\": duplicate found in "
                                         "configuration (also operators[0])")}));
}

void tst_ConfigValidator::ociCatalogsAreTellApartByTargets()
{
    ImageSetConfiguration config;
    OperatorCatalog a = catalog(QStringLiteral("oci:///tmp/catalog"));
    OperatorCatalog b = a;
    b.targetTag = QStringLiteral("v2");
    config.mirror.operators = {a, b};
    QCOMPARE(messages(ConfigValidator::validate(config)), QStringList());
    config.mirror.operators = {a, a};
    QCOMPARE(ConfigValidator::validate(config).size(), 1);
    // Two directories of the same name would be stored and mirrored under one name.
    OperatorCatalog other = catalog(QStringLiteral("oci:///srv/v4.18/catalog/"));
    config.mirror.operators = {a, other};
    QCOMPARE(messages(ConfigValidator::validate(config)),
             QStringList({QStringLiteral("mirror.operators[1].catalog: catalog \"oci:///srv/v4.18/catalog/\" would be "
                                         "mirrored as \"catalog:latest\", like operators[0]: set targetCatalog or "
                                         "targetTag to tell them apart")}));
    other.targetCatalog = QStringLiteral("catalog-418");
    config.mirror.operators = {a, other};
    QCOMPARE(messages(ConfigValidator::validate(config)), QStringList());
    OperatorCatalog renamed = catalog(QStringLiteral("oci:///srv/custom"));
    renamed.targetCatalog = QStringLiteral("catalog");
    renamed.targetTag = QStringLiteral("v2");
    config.mirror.operators = {a, b, renamed};
    QCOMPARE(ConfigValidator::validate(config).size(), 1);
    config.mirror.operators = {catalog(QStringLiteral("oci://"))};
    QCOMPARE(messages(ConfigValidator::validate(config)),
             QStringList({QStringLiteral("mirror.operators[0].catalog: the oci:// reference names no path")}));
}

void tst_ConfigValidator::versionRulesPerPackageAndChannel()
{
    ImageSetConfiguration config;
    OperatorCatalog c = catalog(QStringLiteral("registry.example.com/ns/index:v1"));
    OperatorPackage p = package(QStringLiteral("foo"));
    p.maxVersion = QStringLiteral("2.0.0");
    p.channels.append({QStringLiteral("stable"), QStringLiteral("1.0.0"), std::nullopt});
    p.channels.append({QStringLiteral("stable"), std::nullopt, std::nullopt});
    c.packages = {p, package(QStringLiteral("bar")), package(QStringLiteral("foo"))};
    config.mirror.operators.append(c);
    QCOMPARE(messages(ConfigValidator::validate(config)),
             QStringList({
                 QStringLiteral("mirror.operators[0].packages[0].channels[0].minVersion: catalog "
                                "\"registry.example.com/ns/index:v1\": operator \"foo\": mixing both filtering by "
                                "minVersion/maxVersion and filtering by channel minVersion/maxVersion is not allowed"),
                 QStringLiteral("mirror.operators[0].packages[0].channels[1].name: catalog "
                                "\"registry.example.com/ns/index:v1\": operator \"foo\": duplicate channel entry "
                                "\"stable\" (also channels[0])"),
                 QStringLiteral("mirror.operators[0].packages[2].name: catalog \"registry.example.com/ns/index:v1\": "
                                "duplicate package entry \"foo\" (also packages[0])"),
             }));
}

void tst_ConfigValidator::tolerantSemanticVersions()
{
    // oc-mirror checks with a tolerant parser: "v1.2" and "1.2" are accepted, "1.x" is not.
    ImageSetConfiguration config;
    OperatorCatalog c = catalog(QStringLiteral("registry.example.com/ns/index:v1"));
    OperatorPackage p = package(QStringLiteral("foo"));
    p.minVersion = QStringLiteral("v1.2");
    p.maxVersion = QStringLiteral("1.3.0-rc.1+build.5");
    c.packages.append(p);
    config.mirror.operators.append(c);
    QCOMPARE(messages(ConfigValidator::validate(config)), QStringList());
    config.mirror.operators[0].packages[0].minVersion = QStringLiteral("1.x");
    QCOMPARE(messages(ConfigValidator::validate(config)),
             QStringList({QStringLiteral("mirror.operators[0].packages[0].minVersion: \"1.x\" is not a semantic "
                                         "version (minVersion \"1.x\" must respect semantic versioning notation)")}));
}

void tst_ConfigValidator::fullWithRange()
{
    ImageSetConfiguration config;
    OperatorCatalog c = catalog(QStringLiteral("registry.example.com/ns/index:v1"));
    c.full = true;
    c.packages.append(package(QStringLiteral("foo")));
    config.mirror.operators.append(c);
    QCOMPARE(messages(ConfigValidator::validate(config)), QStringList());
    config.mirror.operators[0].packages[0].maxVersion = QStringLiteral("1.0.0");
    QCOMPARE(messages(ConfigValidator::validate(config)),
             QStringList({QStringLiteral("mirror.operators[0].packages[0].maxVersion: Full: true cannot be mixed "
                                         "with versionRange (operator \"foo\" has a version range in a catalog with "
                                         "full: true)")}));
}

void tst_ConfigValidator::releaseChannels()
{
    ReleaseChannel a;
    a.name = QStringLiteral("stable-4.18");
    a.minVersion = QStringLiteral("4.18.1");
    ReleaseChannel b = a;
    b.minVersion = QStringLiteral("4.18");
    PlatformConfig platform;
    platform.channels = {a, b, ReleaseChannel()};
    ImageSetConfiguration config;
    config.mirror.platform = platform;
    QCOMPARE(messages(ConfigValidator::validate(config)),
             QStringList({QStringLiteral("mirror.platform.channels[1].name: release channel \"stable-4.18\": "
                                         "duplicate found in configuration (also channels[0])"),
                          QStringLiteral("mirror.platform.channels[2].name: a release channel needs a name")}));
}

void tst_ConfigValidator::architecturesAndPlatforms()
{
    PlatformConfig platform;
    platform.architectures = ConfigValidator::knownArchitectures();
    ImageSetConfiguration config;
    config.mirror.platform = platform;
    QCOMPARE(messages(ConfigValidator::validate(config)), QStringList());
    platform.architectures = {QStringLiteral("AMD64")};
    config.mirror.platform = platform;
    QCOMPARE(messages(ConfigValidator::validate(config)),
             QStringList({QStringLiteral("mirror.platform.architectures[0]: unknown architecture \"AMD64\": expected "
                                         "one of amd64, arm64, ppc64le, s390x, multi")}));
    platform.architectures.clear();
    platform.platforms = {{QString(), QStringLiteral("arm64")}};
    config.mirror.platform = platform;
    QCOMPARE(messages(ConfigValidator::validate(config)),
             QStringList({QStringLiteral("mirror.platform.platforms[0].os: platform OS must not be empty "
                                         "(architecture: \"arm64\")")}));
}

void tst_ConfigValidator::additionalImages()
{
    ImageSetConfiguration config;
    config.mirror.additionalImages = {
        {QStringLiteral("docker://quay.io/ns/app:1.0"), QStringLiteral("custom/app"), QStringLiteral("v1"), {}},
        {QStringLiteral("quay.io/ns/app@sha256:61b8f5e1a3b5dbd9e2c35fd448dc5106337d7a299873dd3a6f0cd8d4891ecc27"),
         std::nullopt,
         QStringLiteral("pinned"),
         {}},
        {QString(), std::nullopt, std::nullopt, {}},
        {QStringLiteral("quay.io/ns/app:1.0"), QStringLiteral("Custom/App"), QStringLiteral("a:b"), {}},
    };
    QCOMPARE(messages(ConfigValidator::validate(config)),
             QStringList({
                 QStringLiteral("mirror.additionalImages[2].name: an additional image needs a name"),
                 QStringLiteral("mirror.additionalImages[3].targetRepo: invalid target path component "
                                "\"Custom/App\": expected 1 or more path components separated by /, each made of "
                                "[a-z0-9] runs joined by \".\", \"_\", \"__\" or dashes, without a tag or digest"),
                 QStringLiteral("mirror.additionalImages[3].targetTag: invalid tag \"a:b\": expected up to 128 "
                                "characters of [A-Za-z0-9_.-], not starting with \".\" or \"-\""),
             }));
}

void tst_ConfigValidator::blockedImageRegex_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain name") << QStringLiteral("alpine") << true;
    QTest::newRow("anchored") << QStringLiteral("^blocked-registry.com") << true;
    QTest::newRow("alternation") << QStringLiteral("(aws|gcp|azure|ibm|openstack)") << true;
    QTest::newRow("image with tag") << QStringLiteral("registry.redhat.io/ubi8/ubi:fake") << true;
    QTest::newRow("unclosed group") << QStringLiteral("(aws") << false;
    QTest::newRow("bad range") << QStringLiteral("[z-a]") << false;
    QTest::newRow("dangling repeat") << QStringLiteral("*alpine") << false;
}

void tst_ConfigValidator::blockedImageRegex()
{
    QFETCH(QString, pattern);
    QFETCH(bool, valid);
    ImageSetConfiguration config;
    config.mirror.blockedImages.append({pattern});
    const QList<ConfigError> errors = ConfigValidator::validate(config);
    QCOMPARE(errors.isEmpty(), valid);
    if (!valid) {
        QCOMPARE(errors[0].path, QStringLiteral("mirror.blockedImages[0].name"));
        QVERIFY(errors[0].message.startsWith(QStringLiteral("blocked image \"") + pattern +
                                             QStringLiteral("\": invalid regular expression: ")));
    }
}

void tst_ConfigValidator::helm()
{
    HelmRepository repository;
    repository.name = QStringLiteral("podinfo");
    repository.url = QStringLiteral("ftp://example.com/charts");
    HelmChart chart;
    repository.charts.append(chart);
    HelmConfig helm;
    helm.repositories.append(repository);
    ImageSetConfiguration config;
    config.mirror.helm = helm;
    QCOMPARE(messages(ConfigValidator::validate(config)),
             QStringList({QStringLiteral("mirror.helm.repositories[0].url: invalid repository URL "
                                         "\"ftp://example.com/charts\": expected an http://, https:// or oci:// URL "
                                         "with a host"),
                          QStringLiteral("mirror.helm.repositories[0].charts[0].name: a chart needs a name")}));
}

void tst_ConfigValidator::deleteConfigurationIsValidatedToo()
{
    DeleteImageSetConfiguration config;
    config.deleteContent.operators = {catalog(QStringLiteral("registry.example.com/ns/index:v1")),
                                      catalog(QStringLiteral("registry.example.com/ns/index:v1"))};
    QCOMPARE(messages(ConfigValidator::validate(config)),
             QStringList({QStringLiteral("delete.operators[1].catalog: catalog \"registry.example.com/ns/index:v1\": "
                                         "duplicate found in configuration (also operators[0])")}));
}

void tst_ConfigValidator::deleteDefaults()
{
    DeleteImageSetConfiguration config;
    ConfigValidator::applyDeleteDefaults(config);
    QVERIFY(!config.deleteContent.platform);
    ReleaseChannel channel;
    channel.name = QStringLiteral("stable-4.18");
    PlatformConfig platform;
    platform.channels.append(channel);
    config.deleteContent.platform = platform;
    ConfigValidator::applyDeleteDefaults(config);
    QCOMPARE(config.deleteContent.platform->architectures, QStringList({QStringLiteral("amd64")}));
    config.deleteContent.platform->architectures = {QStringLiteral("s390x")};
    ConfigValidator::applyDeleteDefaults(config);
    QCOMPARE(config.deleteContent.platform->architectures, QStringList({QStringLiteral("s390x")}));
}

void tst_ConfigValidator::positionsComeFromSourceMap()
{
    // Validation of a loaded file reports the value's position; a missing field is reported at its parent.
    const QByteArray yaml = "kind: ImageSetConfiguration\n"
                            "mirror:\n"
                            "  additionalImages:\n"
                            "  - targetTag: v1\n"
                            "  - name: quay.io/a/b\n";
    const ConfigLoadResult result = ConfigLoader::loadData(yaml, QStringLiteral("isc.yaml"));
    QCOMPARE(messages(result.errors),
             QStringList({QStringLiteral("isc.yaml:4:5: mirror.additionalImages[0].name: an additional image needs a "
                                         "name"),
                          QStringLiteral("isc.yaml:5:11: mirror.additionalImages[1].name: image \"quay.io/a/b\" has "
                                         "neither a tag nor a digest (oc-mirror v2 does not assume :latest)")}));
    // The same validation on the parsed object with its source map gives the same positions.
    QCOMPARE(ConfigValidator::validate(*result.imageSetConfiguration, result.sourceMap, QStringLiteral("isc.yaml")),
             result.errors);
}

QTEST_GUILESS_MAIN(tst_ConfigValidator)
#include "tst_configvalidator.moc"
