#include "registry/registriesconf.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class tst_RegistriesConf : public QObject
{
    Q_OBJECT

private:
    static QString data(const QString &name) { return QStringLiteral(FERRY_TEST_DATA_DIR "/auth/registries/") + name; }

    static ImageReference ref(const QString &text)
    {
        QString error;
        const std::optional<ImageReference> parsed = ImageReference::parse(text, &error);
        if (!parsed)
            qFatal("bad test reference %s: %s", qUtf8Printable(text), qUtf8Printable(error));
        return *parsed;
    }

    // "reference [insecure] [mirror]" per source, for compact comparisons.
    static QStringList describe(const QList<RegistriesConf::PullSource> &sources)
    {
        QStringList lines;
        for (const RegistriesConf::PullSource &source : sources) {
            QString line = source.reference.toString();
            if (source.insecure)
                line += QStringLiteral(" insecure");
            if (source.isMirror)
                line += QStringLiteral(" mirror");
            lines << line;
        }
        return lines;
    }

    RegistriesConf m_openshift;

private slots:
    void initTestCase()
    {
        QString error;
        const std::optional<RegistriesConf> conf =
            RegistriesConf::load(data(QStringLiteral("openshift-mirrors.conf")), &error);
        QVERIFY2(conf, qUtf8Printable(error));
        m_openshift = *conf;
    }

    void readsARealWorldFile()
    {
        QCOMPARE(m_openshift.unqualifiedSearchRegistries(),
                 QStringList({QStringLiteral("registry.access.redhat.com"), QStringLiteral("docker.io")}));
        QVERIFY2(m_openshift.warnings().isEmpty(), qUtf8Printable(m_openshift.warnings().join(QLatin1Char('\n'))));
        const QList<RegistriesConfEntry> registries = m_openshift.registries();
        QCOMPARE(registries.size(), 7);
        const RegistriesConfEntry &release = registries.at(0);
        // An empty prefix means the location.
        QCOMPARE(release.prefix, QStringLiteral("quay.io/openshift-release-dev/ocp-release"));
        QCOMPARE(release.location, release.prefix);
        QVERIFY(release.mirrorByDigestOnly);
        QCOMPARE(release.line, 6);
        QCOMPARE(release.mirrors.size(), 2);
        QCOMPARE(release.mirrors.at(0).location, QStringLiteral("mirror.example.com:5000/ocp4/openshift4"));
        QVERIFY(!release.mirrors.at(0).insecure);
        QVERIFY(release.mirrors.at(1).insecure);
        QCOMPARE(release.mirrors.at(1).line, 14);
        const RegistriesConfEntry &redhat = registries.at(2);
        QCOMPARE(redhat.mirrors.at(0).pullFrom, RegistryMirror::PullFrom::DigestOnly);
        QCOMPARE(redhat.mirrors.at(1).pullFrom, RegistryMirror::PullFrom::TagOnly);
        QCOMPARE(redhat.mirrors.at(2).pullFrom, RegistryMirror::PullFrom::All);
        QVERIFY(registries.at(5).blocked);
        QVERIFY(registries.at(5).isWildcard());
        QVERIFY(registries.at(6).location.isEmpty());
    }

    void pullSources_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QStringList>("expected");
        const QString digest = QStringLiteral("@sha256:") + QString(64, QLatin1Char('a'));

        QTest::newRow("digest-only mirrors, by digest")
            << QStringLiteral("quay.io/openshift-release-dev/ocp-release") + digest
            << QStringList{
                   QStringLiteral("mirror.example.com:5000/ocp4/openshift4") + digest + QStringLiteral(" mirror"),
                   QStringLiteral("backup.example.com/ocp4/openshift4") + digest + QStringLiteral(" insecure mirror"),
                   QStringLiteral("quay.io/openshift-release-dev/ocp-release") + digest};
        QTest::newRow("digest-only mirrors, by tag")
            << QStringLiteral("quay.io/openshift-release-dev/ocp-release:4.15.5-x86_64")
            << QStringList{QStringLiteral("quay.io/openshift-release-dev/ocp-release:4.15.5-x86_64")};
        QTest::newRow("tag and digest counts as digest")
            << QStringLiteral("quay.io/openshift-release-dev/ocp-v4.0-art-dev:x") + digest
            << QStringList{QStringLiteral("mirror.example.com:5000/ocp4/openshift4:x") + digest +
                               QStringLiteral(" mirror"),
                           QStringLiteral("quay.io/openshift-release-dev/ocp-v4.0-art-dev:x") + digest};
        QTest::newRow("pull-from-mirror, by digest")
            << QStringLiteral("registry.redhat.io/redhat/redhat-operator-index") + digest
            << QStringList{QStringLiteral("mirror.example.com:5000/digests/redhat/redhat-operator-index") + digest +
                               QStringLiteral(" mirror"),
                           QStringLiteral("mirror.example.com:5000/any/redhat/redhat-operator-index") + digest +
                               QStringLiteral(" mirror"),
                           QStringLiteral("registry.redhat.io/redhat/redhat-operator-index") + digest};
        QTest::newRow("pull-from-mirror, by tag")
            << QStringLiteral("registry.redhat.io/redhat/redhat-operator-index:v4.15")
            << QStringList{QStringLiteral("mirror.example.com:5000/tags/redhat/redhat-operator-index:v4.15 mirror"),
                           QStringLiteral("mirror.example.com:5000/any/redhat/redhat-operator-index:v4.15 mirror"),
                           QStringLiteral("registry.redhat.io/redhat/redhat-operator-index:v4.15")};
        QTest::newRow("prefix rewritten to location")
            << QStringLiteral("busybox:1.36")
            << QStringList{QStringLiteral("hub-cache.example.com/library/busybox:1.36 insecure")};
        QTest::newRow("prefix only on a path boundary")
            << QStringLiteral("registry.redhat.io/redhatx/app:1")
            << QStringList{QStringLiteral("registry.redhat.io/redhatx/app:1")};
        QTest::newRow("insecure location") << QStringLiteral("registry.internal:5000/team/app:1")
                                           << QStringList{QStringLiteral("registry.internal:5000/team/app:1 insecure")};
        QTest::newRow("a host does not cover another port")
            << QStringLiteral("registry.internal:5001/team/app:1")
            << QStringList{QStringLiteral("registry.internal:5001/team/app:1")};
        QTest::newRow("wildcard with a mirror")
            << QStringLiteral("build.corp.example/team/app:2")
            << QStringList{QStringLiteral("cache.corp.example/proxy/team/app:2 mirror"),
                           QStringLiteral("build.corp.example/team/app:2")};
        QTest::newRow("wildcard, nested sub-domain")
            << QStringLiteral("a.b.corp.example:8443/app:2")
            << QStringList{QStringLiteral("cache.corp.example/proxy/app:2 mirror"),
                           QStringLiteral("a.b.corp.example:8443/app:2")};
        QTest::newRow("wildcard does not cover the domain itself")
            << QStringLiteral("corp.example/app:2") << QStringList{QStringLiteral("corp.example/app:2")};
        QTest::newRow("wildcard only in the host") << QStringLiteral("quay.io/x.corp.example/app:2")
                                                   << QStringList{QStringLiteral("quay.io/x.corp.example/app:2")};
        QTest::newRow("no entry") << QStringLiteral("ghcr.io/owner/app:1")
                                  << QStringList{QStringLiteral("ghcr.io/owner/app:1")};
    }

    void pullSources()
    {
        QFETCH(QString, reference);
        QFETCH(QStringList, expected);
        QString error;
        const QList<RegistriesConf::PullSource> sources = m_openshift.pullSources(ref(reference), &error);
        QVERIFY2(error.isEmpty(), qUtf8Printable(error));
        QCOMPARE(describe(sources), expected);
    }

    void blockedRegistries()
    {
        QString error;
        QVERIFY(m_openshift.pullSources(ref(QStringLiteral("evil.blocked.example/app:1")), &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("blocked")) && error.contains(QStringLiteral("*.blocked.example")) &&
                     error.contains(QStringLiteral("openshift-mirrors.conf:51")),
                 qUtf8Printable(error));
    }

    void longestPrefixWins()
    {
        QString error;
        const std::optional<RegistriesConf> conf =
            RegistriesConf::parse("[[registry]]\nprefix = \"example.com\"\nlocation = \"one.local\"\n"
                                  "[[registry]]\nprefix = \"example.com/foo/bar\"\nlocation = \"three.local/x\"\n"
                                  "[[registry]]\nprefix = \"example.com/foo\"\nlocation = \"two.local/foo2\"\n"
                                  "[[registry]]\nprefix = \"*.example.com\"\nlocation = \"\"\ninsecure = true\n"
                                  "[[registry]]\nprefix = \"api.example.com/team\"\nlocation = \"team.local\"\n",
                                  QStringLiteral("inline.conf"), &error);
        QVERIFY2(conf, qUtf8Printable(error));
        auto target = [&](const QString &reference) {
            const QList<RegistriesConf::PullSource> sources = conf->pullSources(ref(reference), &error);
            return describe(sources).join(QLatin1Char('|'));
        };
        QCOMPARE(target(QStringLiteral("example.com/app:1")), QStringLiteral("one.local/app:1"));
        QCOMPARE(target(QStringLiteral("example.com/foo:1")), QStringLiteral("two.local/foo2:1"));
        QCOMPARE(target(QStringLiteral("example.com/foo/app:1")), QStringLiteral("two.local/foo2/app:1"));
        QCOMPARE(target(QStringLiteral("example.com/foo/barx:1")), QStringLiteral("two.local/foo2/barx:1"));
        QCOMPARE(target(QStringLiteral("example.com/foo/bar/baz@sha256:") + QString(64, QLatin1Char('b'))),
                 QStringLiteral("three.local/x/baz@sha256:") + QString(64, QLatin1Char('b')));
        QCOMPARE(target(QStringLiteral("api.example.com/app:1")), QStringLiteral("api.example.com/app:1 insecure"));
        QCOMPARE(target(QStringLiteral("api.example.com/team/app:1")), QStringLiteral("team.local/app:1"));
        QCOMPARE(conf->findRegistry(QStringLiteral("example.com/foo/bar"))->location, QStringLiteral("three.local/x"));
        QVERIFY(!conf->findRegistry(QStringLiteral("example.org/foo")));
    }

    void rewritingToAnUnqualifiedNameIsAnError()
    {
        // A repository prefix mapped to a bare host would turn example.com/app:1 into "mirror.local:1", which is
        // no registry reference at all.
        QString error;
        const std::optional<RegistriesConf> conf =
            RegistriesConf::parse("[[registry]]\nprefix = \"example.com/app\"\nlocation = \"mirror.local\"\n",
                                  QStringLiteral("r.conf"), &error);
        QVERIFY2(conf, qUtf8Printable(error));
        QVERIFY(conf->pullSources(ref(QStringLiteral("example.com/app:1")), &error).isEmpty());
        QVERIFY2(error.startsWith(QStringLiteral("r.conf:1: rewriting example.com/app:1 to location \"mirror.local\"")),
                 qUtf8Printable(error));
    }

    void errorsNameFileAndLine_data()
    {
        QTest::addColumn<QByteArray>("toml");
        QTest::addColumn<QString>("expected");
        QTest::newRow("invalid TOML") << QByteArray("# comment\n[[registry]]\nlocation = \"a\"\ninsecure = \n")
                                      << QStringLiteral("bad.conf:4: invalid TOML");
        QTest::newRow("wrong type") << QByteArray("\n[[registry]]\nlocation = \"a\"\ninsecure = \"yes\"\n")
                                    << QStringLiteral("bad.conf:4: \"insecure\" must be a boolean");
        QTest::newRow("URL scheme") << QByteArray("[[registry]]\nlocation = \"https://a.example\"\n")
                                    << QStringLiteral("bad.conf:2: \"location\" = \"https://a.example\": URL schemes");
        QTest::newRow("no location nor prefix") << QByteArray("[[registry]]\ninsecure = true\n")
                                                << QStringLiteral("bad.conf:1: [[registry]] needs a \"location\"");
        QTest::newRow("prefix without location")
            << QByteArray("[[registry]]\nprefix = \"a.example\"\n")
            << QStringLiteral("bad.conf:1: [[registry]] with prefix \"a.example\" needs a \"location\"");
        QTest::newRow("wildcard in the middle")
            << QByteArray("[[registry]]\nlocation = \"x\"\nprefix = \"a.*.example\"\n")
            << QStringLiteral("bad.conf:3: prefix \"a.*.example\"");
        QTest::newRow("wildcard with a path") << QByteArray("[[registry]]\nprefix = \"*.example/ns\"\n")
                                              << QStringLiteral("bad.conf:2: prefix \"*.example/ns\": a wildcard");
        QTest::newRow("bad pull-from-mirror")
            << QByteArray("[[registry]]\nlocation = \"a\"\n[[registry.mirror]]\nlocation = \"m\"\n"
                          "pull-from-mirror = \"sometimes\"\n")
            << QStringLiteral("bad.conf:5: \"pull-from-mirror\" = \"sometimes\"");
        QTest::newRow("digest-only twice")
            << QByteArray("[[registry]]\nlocation = \"a\"\nmirror-by-digest-only = true\n[[registry.mirror]]\n"
                          "location = \"m\"\npull-from-mirror = \"tag-only\"\n")
            << QStringLiteral("bad.conf:4: \"pull-from-mirror\" cannot be combined");
        QTest::newRow("mirror without location")
            << QByteArray("[[registry]]\nlocation = \"a\"\n[[registry.mirror]]\ninsecure = true\n")
            << QStringLiteral("bad.conf:3: [[registry.mirror]] needs a \"location\"");
        QTest::newRow("pull-from-mirror on the registry")
            << QByteArray("[[registry]]\nlocation = \"a\"\npull-from-mirror = \"all\"\n")
            << QStringLiteral("bad.conf:3: \"pull-from-mirror\" belongs in");
        QTest::newRow("duplicate prefix")
            << QByteArray("[[registry]]\nlocation = \"a\"\n\n[[registry]]\nprefix = \"a\"\nlocation = \"b\"\n")
            << QStringLiteral("bad.conf:4: prefix \"a\" is already defined at line 1");
        QTest::newRow("search registries not strings")
            << QByteArray("unqualified-search-registries = [1, 2]\n")
            << QStringLiteral("bad.conf:1: \"unqualified-search-registries\" must be a string");
        QTest::newRow("registry not an array of tables")
            << QByteArray("registry = \"quay.io\"\n")
            << QStringLiteral("bad.conf:1: \"registry\" must be an array of tables");
    }

    void errorsNameFileAndLine()
    {
        QFETCH(QByteArray, toml);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!RegistriesConf::parse(toml, QStringLiteral("bad.conf"), &error));
        QVERIFY2(error.startsWith(expected), qUtf8Printable(error));
    }

    void version1IsUnsupported()
    {
        QString error;
        QVERIFY(!RegistriesConf::load(data(QStringLiteral("v1.conf")), &error));
        QVERIFY2(error.contains(QStringLiteral("v1.conf:2:")) && error.contains(QStringLiteral("version 1")),
                 qUtf8Printable(error));
    }

    void unknownKeysAreWarnings()
    {
        QString error;
        const std::optional<RegistriesConf> conf =
            RegistriesConf::parse("colour = \"blue\"\n[[registry]]\nlocation = \"a\"\nmirrors = []\n"
                                  "[[registry.mirror]]\nlocation = \"m\"\nspeed = 3\n",
                                  QStringLiteral("w.conf"), &error);
        QVERIFY2(conf, qUtf8Printable(error));
        QStringList warnings = conf->warnings();
        warnings.sort();
        QCOMPARE(warnings,
                 QStringList({QStringLiteral("w.conf:1: unknown key \"colour\" is ignored"),
                              QStringLiteral("w.conf:4: unknown key \"mirrors\" in [[registry]] is ignored"),
                              QStringLiteral("w.conf:7: unknown key \"speed\" in [[registry.mirror]] is ignored")}));
    }

    void dropInsMergeInOrder()
    {
        RegistriesConf::Locations locations;
        locations.mainFile = data(QStringLiteral("main.conf"));
        locations.dropInDirectories << data(QStringLiteral("drop-ins")) << data(QStringLiteral("missing.d"));
        QString error;
        const std::optional<RegistriesConf> conf = RegistriesConf::load(locations, &error);
        QVERIFY2(conf, qUtf8Printable(error));
        QCOMPARE(conf->files().size(), 3);
        QCOMPARE(conf->unqualifiedSearchRegistries(), QStringList{QStringLiteral("quay.io")});
        const QList<RegistriesConfEntry> registries = conf->registries();
        QCOMPARE(registries.size(), 3);
        QCOMPARE(registries.at(0).mirrors.size(), 1);
        QCOMPARE(registries.at(0).mirrors.at(0).location, QStringLiteral("dropin-mirror.example.com"));
        QVERIFY(registries.at(0).file.endsWith(QStringLiteral("10-quay.conf")));
        QCOMPARE(registries.at(1).location, QStringLiteral("untouched.example.com"));
        QVERIFY(registries.at(1).insecure);
        QCOMPARE(registries.at(2).location, QStringLiteral("added.example.com"));

        // A missing system file is no error; a broken drop-in is.
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("d"))));
        QFile broken(dir.filePath(QStringLiteral("d/50-broken.conf")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("[[registry]]\nlocation = 5\n");
        broken.close();
        locations.mainFile = dir.filePath(QStringLiteral("registries.conf"));
        locations.dropInDirectories = QStringList{dir.filePath(QStringLiteral("d"))};
        QVERIFY(!RegistriesConf::load(locations, &error));
        QVERIFY2(error.contains(QStringLiteral("50-broken.conf:2:")), qUtf8Printable(error));
        QVERIFY(QFile::remove(broken.fileName()));
        const std::optional<RegistriesConf> empty = RegistriesConf::load(locations, &error);
        QVERIFY(empty);
        QVERIFY(empty->registries().isEmpty());
    }

    void locations()
    {
        QTemporaryDir home;
        const QByteArray oldHome = qgetenv("HOME");
        qputenv("HOME", home.path().toUtf8());
        qunsetenv("XDG_CONFIG_HOME");
        qunsetenv("CONTAINERS_REGISTRIES_CONF");

        RegistriesConf::Locations locations = RegistriesConf::defaultLocations();
        QCOMPARE(locations.mainFile, QStringLiteral("/etc/containers/registries.conf"));
        QVERIFY(!locations.mainFileRequired);
        QCOMPARE(locations.dropInDirectories,
                 QStringList({QStringLiteral("/etc/containers/registries.conf.d"),
                              home.filePath(QStringLiteral(".config/containers/registries.conf.d"))}));

        // A per-user file replaces the system one.
        QVERIFY(QDir().mkpath(home.filePath(QStringLiteral(".config/containers"))));
        QFile user(home.filePath(QStringLiteral(".config/containers/registries.conf")));
        QVERIFY(user.open(QIODevice::WriteOnly));
        user.close();
        locations = RegistriesConf::defaultLocations();
        QCOMPARE(locations.mainFile, user.fileName());
        QCOMPARE(locations.dropInDirectories,
                 QStringList{home.filePath(QStringLiteral(".config/containers/registries.conf.d"))});

        // The environment and an explicit path name the only file, which must exist.
        qputenv("CONTAINERS_REGISTRIES_CONF", data(QStringLiteral("main.conf")).toUtf8());
        locations = RegistriesConf::defaultLocations();
        QCOMPARE(locations.mainFile, data(QStringLiteral("main.conf")));
        QVERIFY(locations.mainFileRequired);
        QVERIFY(locations.dropInDirectories.isEmpty());
        QString error;
        QCOMPARE(RegistriesConf::load(QString(), &error)->registries().size(), 2);
        QVERIFY(!RegistriesConf::load(home.filePath(QStringLiteral("nope.conf")), &error));
        QVERIFY2(error.contains(QStringLiteral("nope.conf")) && error.contains(QStringLiteral("does not exist")),
                 qUtf8Printable(error));

        qunsetenv("CONTAINERS_REGISTRIES_CONF");
        qputenv("HOME", oldHome);
    }
};

QTEST_GUILESS_MAIN(tst_RegistriesConf)
#include "tst_registriesconf.moc"
