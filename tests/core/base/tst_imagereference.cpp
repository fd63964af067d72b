#include "registry/imagereference.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

class TestImageReference : public QObject
{
    Q_OBJECT

private slots:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void modifiers();
    void hashAndEquality();
    void validators();
    void realReferences();
};

namespace {
const QString kSha256 = QStringLiteral("sha256:") + QString(64, QLatin1Char('a'));
const QString kSha512 = QStringLiteral("sha512:") + QString(128, QLatin1Char('0'));
} // namespace

void TestImageReference::parseValid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("digest");
    QTest::addColumn<QString>("normalised");

    const QString none;
    QTest::newRow("official short") << QStringLiteral("ubuntu") << QStringLiteral("docker.io")
                                    << QStringLiteral("library/ubuntu") << none << none
                                    << QStringLiteral("docker.io/library/ubuntu");
    QTest::newRow("official tag") << QStringLiteral("ubuntu:22.04") << QStringLiteral("docker.io")
                                  << QStringLiteral("library/ubuntu") << QStringLiteral("22.04") << none
                                  << QStringLiteral("docker.io/library/ubuntu:22.04");
    QTest::newRow("user repo") << QStringLiteral("bitnami/nginx:1.25") << QStringLiteral("docker.io")
                               << QStringLiteral("bitnami/nginx") << QStringLiteral("1.25") << none
                               << QStringLiteral("docker.io/bitnami/nginx:1.25");
    QTest::newRow("docker.io single") << QStringLiteral("docker.io/busybox") << QStringLiteral("docker.io")
                                      << QStringLiteral("library/busybox") << none << none
                                      << QStringLiteral("docker.io/library/busybox");
    QTest::newRow("legacy index") << QStringLiteral("index.docker.io/busybox:1") << QStringLiteral("docker.io")
                                  << QStringLiteral("library/busybox") << QStringLiteral("1") << none
                                  << QStringLiteral("docker.io/library/busybox:1");
    QTest::newRow("quay release") << QStringLiteral("quay.io/openshift-release-dev/ocp-release:4.18.5-x86_64")
                                  << QStringLiteral("quay.io") << QStringLiteral("openshift-release-dev/ocp-release")
                                  << QStringLiteral("4.18.5-x86_64") << none
                                  << QStringLiteral("quay.io/openshift-release-dev/ocp-release:4.18.5-x86_64");
    QTest::newRow("docker prefix") << QStringLiteral("docker://registry.redhat.io/redhat/redhat-operator-index:v4.18")
                                   << QStringLiteral("registry.redhat.io")
                                   << QStringLiteral("redhat/redhat-operator-index") << QStringLiteral("v4.18") << none
                                   << QStringLiteral("registry.redhat.io/redhat/redhat-operator-index:v4.18");
    QTest::newRow("localhost port") << QStringLiteral("localhost:55000/openshift/release:4.18.5-x86_64-etcd")
                                    << QStringLiteral("localhost:55000") << QStringLiteral("openshift/release")
                                    << QStringLiteral("4.18.5-x86_64-etcd") << none
                                    << QStringLiteral("localhost:55000/openshift/release:4.18.5-x86_64-etcd");
    QTest::newRow("localhost") << QStringLiteral("localhost/foo") << QStringLiteral("localhost")
                               << QStringLiteral("foo") << none << none << QStringLiteral("localhost/foo");
    QTest::newRow("localhost alone is a name")
        << QStringLiteral("localhost:5000") << QStringLiteral("docker.io") << QStringLiteral("library/localhost")
        << QStringLiteral("5000") << none << QStringLiteral("docker.io/library/localhost:5000");
    QTest::newRow("ipv4 port") << QStringLiteral("127.0.0.1:5000/a/b/c:t") << QStringLiteral("127.0.0.1:5000")
                               << QStringLiteral("a/b/c") << QStringLiteral("t") << none
                               << QStringLiteral("127.0.0.1:5000/a/b/c:t");
    QTest::newRow("ipv6") << QStringLiteral("[::1]:5000/foo") << QStringLiteral("[::1]:5000") << QStringLiteral("foo")
                          << none << none << QStringLiteral("[::1]:5000/foo");
    QTest::newRow("uppercase domain") << QStringLiteral("Registry.Example.COM/foo")
                                      << QStringLiteral("Registry.Example.COM") << QStringLiteral("foo") << none << none
                                      << QStringLiteral("Registry.Example.COM/foo");
    QTest::newRow("digest") << (QStringLiteral("quay.io/a/b@") + kSha256) << QStringLiteral("quay.io")
                            << QStringLiteral("a/b") << none << kSha256 << (QStringLiteral("quay.io/a/b@") + kSha256);
    QTest::newRow("sha512") << (QStringLiteral("quay.io/a/b@") + kSha512) << QStringLiteral("quay.io")
                            << QStringLiteral("a/b") << none << kSha512 << (QStringLiteral("quay.io/a/b@") + kSha512);
    QTest::newRow("tag and digest") << (QStringLiteral("quay.io/a/b:v1@") + kSha256) << QStringLiteral("quay.io")
                                    << QStringLiteral("a/b") << QStringLiteral("v1") << kSha256
                                    << (QStringLiteral("quay.io/a/b:v1@") + kSha256);
    QTest::newRow("port and digest") << (QStringLiteral("host:443/x@") + kSha256) << QStringLiteral("host:443")
                                     << QStringLiteral("x") << none << kSha256
                                     << (QStringLiteral("host:443/x@") + kSha256);
    QTest::newRow("separators") << QStringLiteral("example.com/a.b/c_d/e__f/g-h/i---j") << QStringLiteral("example.com")
                                << QStringLiteral("a.b/c_d/e__f/g-h/i---j") << none << none
                                << QStringLiteral("example.com/a.b/c_d/e__f/g-h/i---j");
    QTest::newRow("tag chars") << QStringLiteral("foo:_Under.Score-1") << QStringLiteral("docker.io")
                               << QStringLiteral("library/foo") << QStringLiteral("_Under.Score-1") << none
                               << QStringLiteral("docker.io/library/foo:_Under.Score-1");
    QTest::newRow("tag 128") << (QStringLiteral("foo:") + QString(128, QLatin1Char('t'))) << QStringLiteral("docker.io")
                             << QStringLiteral("library/foo") << QString(128, QLatin1Char('t')) << none
                             << (QStringLiteral("docker.io/library/foo:") + QString(128, QLatin1Char('t')));
    QTest::newRow("domain with hyphen") << QStringLiteral("my-registry.local:8443/ns/img")
                                        << QStringLiteral("my-registry.local:8443") << QStringLiteral("ns/img") << none
                                        << none << QStringLiteral("my-registry.local:8443/ns/img");
    QTest::newRow("name 255") << (QStringLiteral("example.com/") + QString(243, QLatin1Char('a')))
                              << QStringLiteral("example.com") << QString(243, QLatin1Char('a')) << none << none
                              << (QStringLiteral("example.com/") + QString(243, QLatin1Char('a')));
}

void TestImageReference::parseValid()
{
    QFETCH(QString, input);
    QFETCH(QString, domain);
    QFETCH(QString, path);
    QFETCH(QString, tag);
    QFETCH(QString, digest);
    QFETCH(QString, normalised);

    QString error;
    const auto ref = ImageReference::parse(input, &error);
    QVERIFY2(ref.has_value(), qUtf8Printable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(ref->domain(), domain);
    QCOMPARE(ref->path(), path);
    QCOMPARE(ref->tag(), tag);
    QCOMPARE(ref->digest(), digest);
    QCOMPARE(ref->hasTag(), !tag.isEmpty());
    QCOMPARE(ref->hasDigest(), !digest.isEmpty());
    QCOMPARE(ref->repository(), domain + QLatin1Char('/') + path);
    QCOMPARE(ref->toString(), normalised);
    // The normalised form parses back to the same reference.
    QCOMPARE(ImageReference::parse(ref->toString()), ref);
}

void TestImageReference::parseInvalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("error");

    const auto e = [](const QString &input, const QString &reason) {
        return QStringLiteral("invalid reference \"%1\": %2").arg(input, reason);
    };
    const QString upper = QStringLiteral("repository name must be lowercase");
    QTest::newRow("empty") << QString()
                           << e(QString(), QStringLiteral("repository name must have at least one component"));
    QTest::newRow("prefix only") << QStringLiteral("docker://")
                                 << e(QStringLiteral("docker://"),
                                      QStringLiteral("repository name must have at least one component"));
    QTest::newRow("uppercase") << QStringLiteral("Ubuntu") << e(QStringLiteral("Ubuntu"), upper);
    QTest::newRow("uppercase path") << QStringLiteral("quay.io/Foo/bar:1")
                                    << e(QStringLiteral("quay.io/Foo/bar:1"), upper);
    QTest::newRow("uppercase first without dot") << QStringLiteral("Foo/bar") << e(QStringLiteral("Foo/bar"), upper);
    QTest::newRow("bad component") << QStringLiteral("quay.io/-foo")
                                   << e(QStringLiteral("quay.io/-foo"),
                                        QStringLiteral("invalid path component \"-foo\" (expected [a-z0-9] separated "
                                                       "by '.', '_', '__' or '-')"));
    QTest::newRow("triple underscore") << QStringLiteral("a___b")
                                       << e(QStringLiteral("a___b"),
                                            QStringLiteral("invalid path component \"a___b\" (expected [a-z0-9] "
                                                           "separated by '.', '_', '__' or '-')"));
    QTest::newRow("trailing dot") << QStringLiteral("quay.io/foo.")
                                  << e(QStringLiteral("quay.io/foo."),
                                       QStringLiteral("invalid path component \"foo.\" (expected [a-z0-9] separated "
                                                      "by '.', '_', '__' or '-')"));
    QTest::newRow("empty component") << QStringLiteral("quay.io/a//b")
                                     << e(QStringLiteral("quay.io/a//b"),
                                          QStringLiteral("repository name has an empty path component"));
    QTest::newRow("trailing slash") << QStringLiteral("quay.io/a/")
                                    << e(QStringLiteral("quay.io/a/"),
                                         QStringLiteral("repository name has an empty path component"));
    QTest::newRow("domain only") << QStringLiteral("quay.io/")
                                 << e(QStringLiteral("quay.io/"),
                                      QStringLiteral("repository name must have at least one component"));
    QTest::newRow("empty tag") << QStringLiteral("foo:")
                               << e(QStringLiteral("foo:"), QStringLiteral("invalid tag \"\" (expected "
                                                                           "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})"));
    QTest::newRow("tag leading dot") << QStringLiteral("foo:.x")
                                     << e(QStringLiteral("foo:.x"),
                                          QStringLiteral("invalid tag \".x\" (expected "
                                                         "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})"));
    QTest::newRow("tag 129") << (QStringLiteral("foo:") + QString(129, QLatin1Char('t')))
                             << e(QStringLiteral("foo:") + QString(129, QLatin1Char('t')),
                                  QStringLiteral("invalid tag \"%1\" (expected [A-Za-z0-9_][A-Za-z0-9_.-]{0,127})")
                                      .arg(QString(129, QLatin1Char('t'))));
    QTest::newRow("tag unicode") << QStringLiteral("foo:v\u00e9")
                                 << e(QStringLiteral("foo:v\u00e9"),
                                      QStringLiteral("invalid tag \"v\u00e9\" (expected "
                                                     "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})"));
    QTest::newRow("tag newline") << QStringLiteral("foo:v1\n")
                                 << e(QStringLiteral("foo:v1\n"), QStringLiteral("invalid tag \"v1\n\" (expected "
                                                                                 "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})"));
    QTest::newRow("bad port") << QStringLiteral("localhost:/foo")
                              << e(QStringLiteral("localhost:/foo"),
                                   QStringLiteral("invalid registry domain \"localhost:\""));
    QTest::newRow("port letters") << QStringLiteral("host:abc/foo")
                                  << e(QStringLiteral("host:abc/foo"),
                                       QStringLiteral("invalid registry domain \"host:abc\""));
    QTest::newRow("domain underscore") << QStringLiteral("my_reg.io/foo")
                                       << e(QStringLiteral("my_reg.io/foo"),
                                            QStringLiteral("invalid registry domain \"my_reg.io\""));
    QTest::newRow("domain hyphen end") << QStringLiteral("reg-.io/foo")
                                       << e(QStringLiteral("reg-.io/foo"),
                                            QStringLiteral("invalid registry domain \"reg-.io\""));
    QTest::newRow("digest short") << QStringLiteral("foo@sha256:abc")
                                  << e(QStringLiteral("foo@sha256:abc"),
                                       QStringLiteral("invalid digest \"sha256:abc\" (expected algorithm:hex)"));
    QTest::newRow("digest 63") << (QStringLiteral("foo@sha256:") + QString(63, QLatin1Char('a')))
                               << e(QStringLiteral("foo@sha256:") + QString(63, QLatin1Char('a')),
                                    QStringLiteral("sha256 digest must have 64 hex characters, not 63"));
    QTest::newRow("digest 65") << (QStringLiteral("foo@sha256:") + QString(65, QLatin1Char('a')))
                               << e(QStringLiteral("foo@sha256:") + QString(65, QLatin1Char('a')),
                                    QStringLiteral("sha256 digest must have 64 hex characters, not 65"));
    QTest::newRow("sha512 short") << (QStringLiteral("foo@sha512:") + QString(64, QLatin1Char('a')))
                                  << e(QStringLiteral("foo@sha512:") + QString(64, QLatin1Char('a')),
                                       QStringLiteral("sha512 digest must have 128 hex characters, not 64"));
    QTest::newRow("digest upper") << (QStringLiteral("foo@sha256:") + QString(64, QLatin1Char('A')))
                                  << e(QStringLiteral("foo@sha256:") + QString(64, QLatin1Char('A')),
                                       QStringLiteral("sha256 digest must be lowercase hex"));
    QTest::newRow("digest algorithm") << (QStringLiteral("foo@md5:") + QString(32, QLatin1Char('a')))
                                      << e(QStringLiteral("foo@md5:") + QString(32, QLatin1Char('a')),
                                           QStringLiteral("unsupported digest algorithm \"md5\" (expected sha256 or "
                                                          "sha512)"));
    QTest::newRow("digest no colon")
        << (QStringLiteral("foo@") + QString(64, QLatin1Char('a')))
        << e(QStringLiteral("foo@") + QString(64, QLatin1Char('a')),
             QStringLiteral("invalid digest \"%1\" (expected algorithm:hex)").arg(QString(64, QLatin1Char('a'))));
    QTest::newRow("two at") << (QStringLiteral("foo@") + kSha256 + QStringLiteral("@") + kSha256)
                            << e(QStringLiteral("foo@") + kSha256 + QStringLiteral("@") + kSha256,
                                 QStringLiteral("invalid digest \"%1\" (expected algorithm:hex)")
                                     .arg(kSha256 + QStringLiteral("@") + kSha256));
    QTest::newRow("space") << QStringLiteral("foo bar")
                           << e(QStringLiteral("foo bar"),
                                QStringLiteral("invalid path component \"foo bar\" (expected "
                                               "[a-z0-9] separated by '.', '_', '__' or '-')"));
    QTest::newRow("name 256") << (QStringLiteral("example.com/") + QString(244, QLatin1Char('a')))
                              << e(QStringLiteral("example.com/") + QString(244, QLatin1Char('a')),
                                   QStringLiteral("repository name must not be more than 255 characters"));
    QTest::newRow("other transport") << QStringLiteral("oci:///tmp/layout")
                                     << e(QStringLiteral("oci:///tmp/layout"),
                                          QStringLiteral("invalid registry domain \"oci:\""));
}

void TestImageReference::parseInvalid()
{
    QFETCH(QString, input);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!ImageReference::parse(input, &actual).has_value());
    QCOMPARE(actual, error);
    // Without an error pointer it must not crash and still refuse.
    QVERIFY(!ImageReference::parse(input).has_value());
}

void TestImageReference::modifiers()
{
    const auto ref = ImageReference::parse(QStringLiteral("quay.io/a/b:v1"));
    QVERIFY(ref);
    QCOMPARE(ref->withTag(QStringLiteral("v2")).toString(), QStringLiteral("quay.io/a/b:v2"));
    QCOMPARE(ref->withTag(QString()).toString(), QStringLiteral("quay.io/a/b"));
    QCOMPARE(ref->withDigest(kSha256).toString(), QStringLiteral("quay.io/a/b:v1@") + kSha256);
    QCOMPARE(ref->withTag(QString()).withDigest(kSha256).toString(), QStringLiteral("quay.io/a/b@") + kSha256);
    QCOMPARE(ref->withDomain(QStringLiteral("localhost:5000")).toString(), QStringLiteral("localhost:5000/a/b:v1"));
    QCOMPARE(ref->withPath(QStringLiteral("ns/a/b")).repository(), QStringLiteral("quay.io/ns/a/b"));
    // The original is untouched.
    QCOMPARE(ref->toString(), QStringLiteral("quay.io/a/b:v1"));
    QCOMPARE(ImageReference().toString(), QStringLiteral("/"));
}

void TestImageReference::hashAndEquality()
{
    const auto a = ImageReference::parse(QStringLiteral("ubuntu:22.04"));
    const auto b = ImageReference::parse(QStringLiteral("docker://docker.io/library/ubuntu:22.04"));
    const auto c = ImageReference::parse(QStringLiteral("index.docker.io/library/ubuntu:22.04"));
    const auto d = ImageReference::parse(QStringLiteral("ubuntu:24.04"));
    QVERIFY(a && b && c && d);
    QCOMPARE(*a, *b);
    QCOMPARE(*a, *c);
    QVERIFY(*a != *d);
    QCOMPARE(qHash(*a), qHash(*b));
    QCOMPARE(qHash(*a, 7), qHash(*c, 7));
    QSet<ImageReference> set{*a, *b, *c, *d};
    QCOMPARE(set.size(), 2);
}

void TestImageReference::validators()
{
    QVERIFY(ImageReference::isValidRepositoryPath(QStringLiteral("openshift/release")));
    QVERIFY(!ImageReference::isValidRepositoryPath(QStringLiteral("OpenShift/release")));
    QVERIFY(!ImageReference::isValidRepositoryPath(QString()));
    QVERIFY(!ImageReference::isValidRepositoryPath(QStringLiteral("a/")));
    QVERIFY(!ImageReference::isValidRepositoryPath(QString(256, QLatin1Char('a'))));
    QVERIFY(ImageReference::isValidTag(QStringLiteral("4.18.5-x86_64")));
    QVERIFY(!ImageReference::isValidTag(QStringLiteral("-x")));
    QVERIFY(!ImageReference::isValidTag(QString()));
    QVERIFY(ImageReference::isValidDigest(kSha256));
    QVERIFY(ImageReference::isValidDigest(kSha512));
    QVERIFY(!ImageReference::isValidDigest(QStringLiteral("sha256:") + QString(64, QLatin1Char('g'))));
    QVERIFY(!ImageReference::isValidDigest(QString()));
    QVERIFY(ImageReference::isValidDomain(QStringLiteral("quay.io")));
    QVERIFY(ImageReference::isValidDomain(QStringLiteral("localhost:5000")));
    QVERIFY(!ImageReference::isValidDomain(QStringLiteral("quay.io:")));
}

void TestImageReference::realReferences()
{
    // Every image named in the real catalogs, configurations and oc-mirror outputs must parse, and its normalised
    // form must parse back to the same reference.
    const QRegularExpression field(QStringLiteral("\"?\\b(?:image|imageReference|imageName|catalog)\"?\\s*:\\s*\"?"
                                                  "((?:docker://)?[A-Za-z0-9.-]+(?::[0-9]+)?/[^\\s\",]+)"));
    int checked = 0;
    for (const char *folder : {"fbc", "oc-mirror-configs", "oc-mirror-outputs"}) {
        QDirIterator it(QStringLiteral(FERRY_FIXTURES_DIR "/") + QString::fromUtf8(folder),
                        {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(file.readAll());
            for (const auto &match : field.globalMatch(text)) {
                const QString reference = match.captured(1);
                QString error;
                const auto parsed = ImageReference::parse(reference, &error);
                QVERIFY2(parsed, qUtf8Printable(file.fileName() + QStringLiteral(": ") + error));
                QCOMPARE(ImageReference::parse(parsed->toString()), parsed);
                ++checked;
            }
        }
    }
    QVERIFY2(checked > 100, qUtf8Printable(QString::number(checked)));
}

QTEST_GUILESS_MAIN(TestImageReference)
#include "tst_imagereference.moc"
