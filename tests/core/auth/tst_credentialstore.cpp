#include "registry/credentialstore.h"

#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

class tst_CredentialStore : public QObject
{
    Q_OBJECT

private:
    static QString auth(const QString &user, const QString &password)
    {
        return QString::fromLatin1((user + QLatin1Char(':') + password).toUtf8().toBase64());
    }
    static void write(const QString &path, const QByteArray &content)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
    }
    static QByteArray authsFile(const QString &key, const QString &user, const QString &password)
    {
        return QStringLiteral("{\"auths\": {\"%1\": {\"auth\": \"%2\"}}}").arg(key, auth(user, password)).toUtf8();
    }
    QString home() const { return m_home->path(); }
    QString runtimeFile() const { return home() + QStringLiteral("/run/containers/auth.json"); }
    QString configFile() const { return home() + QStringLiteral("/.config/containers/auth.json"); }
    QString dockerFile() const { return home() + QStringLiteral("/.docker/config.json"); }
    QString dockercfgFile() const { return home() + QStringLiteral("/.dockercfg"); }

    std::unique_ptr<QTemporaryDir> m_home;

private slots:
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        qputenv("HOME", home().toUtf8());
        QDir().mkpath(home() + QStringLiteral("/run"));
        qputenv("XDG_RUNTIME_DIR", (home() + QStringLiteral("/run")).toUtf8());
        qunsetenv("XDG_CONFIG_HOME");
        qunsetenv("DOCKER_CONFIG");
        qunsetenv("REGISTRY_AUTH_FILE");
    }

    void searchPathFollowsTheEnvironment()
    {
        QCOMPARE(CredentialStore::searchPath(QString()),
                 QStringList({runtimeFile(), configFile(), dockerFile(), dockercfgFile()}));

        qunsetenv("XDG_RUNTIME_DIR");
        QCOMPARE(CredentialStore::searchPath(QString()).constFirst(),
                 QStringLiteral("/run/containers/%1/auth.json").arg(::getuid()));

        // Set but missing: skipped with a warning, not an error.
        qputenv("XDG_RUNTIME_DIR", (home() + QStringLiteral("/missing")).toUtf8());
        QStringList warnings;
        const QStringList paths = CredentialStore::searchPath(QString(), &warnings);
        QCOMPARE(paths.constFirst(), configFile());
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.constFirst().contains(QStringLiteral("XDG_RUNTIME_DIR")));

        qputenv("XDG_CONFIG_HOME", (home() + QStringLiteral("/xdg")).toUtf8());
        qputenv("DOCKER_CONFIG", (home() + QStringLiteral("/dockerconf")).toUtf8());
        QCOMPARE(CredentialStore::searchPath(QString()),
                 QStringList({home() + QStringLiteral("/xdg/containers/auth.json"),
                              home() + QStringLiteral("/dockerconf/config.json"), dockercfgFile()}));

        qputenv("REGISTRY_AUTH_FILE", "/somewhere/auth.json");
        QCOMPARE(CredentialStore::searchPath(QString()), QStringList{QStringLiteral("/somewhere/auth.json")});
        QCOMPARE(CredentialStore::searchPath(QStringLiteral("/explicit.json")),
                 QStringList{QStringLiteral("/explicit.json")});
    }

    void lookupOrder()
    {
        write(runtimeFile(), authsFile(QStringLiteral("quay.io"), QStringLiteral("runtime"), QStringLiteral("p1")));
        write(configFile(), authsFile(QStringLiteral("quay.io"), QStringLiteral("config"), QStringLiteral("p2")));
        write(dockerFile(), authsFile(QStringLiteral("quay.io"), QStringLiteral("docker"), QStringLiteral("p3")));
        // Legacy ~/.dockercfg: no "auths" wrapper, URL keys.
        write(dockercfgFile(), QStringLiteral("{\"https://quay.io/v1/\": {\"auth\": \"%1\", \"email\": \"x@y\"}}")
                                   .arg(auth(QStringLiteral("legacy"), QStringLiteral("p4")))
                                   .toUtf8());

        const QStringList expected{QStringLiteral("runtime"), QStringLiteral("config"), QStringLiteral("docker"),
                                   QStringLiteral("legacy")};
        const QStringList files{runtimeFile(), configFile(), dockerFile(), dockercfgFile()};
        for (int i = 0; i < expected.size(); ++i) {
            QString error;
            const CredentialStore store = CredentialStore::load(QString(), &error);
            QVERIFY2(error.isEmpty(), qUtf8Printable(error));
            QCOMPARE(store.files(), files.mid(i));
            const std::optional<Credential> credential = store.find(QStringLiteral("quay.io"), QStringLiteral("a/b"));
            QVERIFY(credential);
            QCOMPARE(credential->username(), expected.at(i));
            QCOMPARE(credential->password(), QStringLiteral("p%1").arg(i + 1));
            QCOMPARE(credential->sourceFile(), files.at(i));
            QVERIFY(QFile::remove(files.at(i)));
        }
        QString error;
        const CredentialStore empty = CredentialStore::load(QString(), &error);
        QVERIFY(error.isEmpty());
        QVERIFY(empty.isEmpty());
        QVERIFY(!empty.find(QStringLiteral("quay.io"), QStringLiteral("a/b")));
    }

    void firstFileWithAMatchWins()
    {
        write(runtimeFile(), authsFile(QStringLiteral("other.io"), QStringLiteral("runtime"), QStringLiteral("x")));
        write(configFile(), authsFile(QStringLiteral("quay.io"), QStringLiteral("config"), QStringLiteral("y")));
        // A credential-helper marker ({}) carries nothing: the search goes on to the next file.
        write(dockerFile(), "{\"auths\": {\"quay.io\": {}}}");
        QString error;
        const CredentialStore store = CredentialStore::load(QString(), &error);
        QVERIFY2(error.isEmpty(), qUtf8Printable(error));
        QCOMPARE(store.find(QStringLiteral("quay.io"), QStringLiteral("ns/app"))->username(), QStringLiteral("config"));
        QCOMPARE(store.find(QStringLiteral("other.io"), QStringLiteral("ns/app"))->username(),
                 QStringLiteral("runtime"));

        write(runtimeFile(), "{\"auths\": {\"quay.io\": {}}}");
        const CredentialStore withMarker = CredentialStore::load(QString(), &error);
        QCOMPARE(withMarker.find(QStringLiteral("quay.io"), QStringLiteral("ns/app"))->username(),
                 QStringLiteral("config"));
    }

    void explicitFileIsTheOnlyOne()
    {
        write(runtimeFile(), authsFile(QStringLiteral("quay.io"), QStringLiteral("runtime"), QStringLiteral("x")));
        const QString explicitFile = home() + QStringLiteral("/explicit.json");
        write(explicitFile, authsFile(QStringLiteral("other.io"), QStringLiteral("explicit"), QStringLiteral("y")));
        QString error;
        CredentialStore store = CredentialStore::load(explicitFile, &error);
        QVERIFY2(error.isEmpty(), qUtf8Printable(error));
        QCOMPARE(store.sourceFile(), explicitFile);
        QCOMPARE(store.find(QStringLiteral("other.io"), QString())->username(), QStringLiteral("explicit"));
        QVERIFY(!store.find(QStringLiteral("quay.io"), QStringLiteral("ns/app")));

        qputenv("REGISTRY_AUTH_FILE", explicitFile.toUtf8());
        store = CredentialStore::load(QString(), &error);
        QCOMPARE(store.files(), QStringList{explicitFile});
        QVERIFY(!store.find(QStringLiteral("quay.io"), QStringLiteral("ns/app")));

        // A missing --authfile is an error; a missing REGISTRY_AUTH_FILE only a warning.
        store = CredentialStore::load(home() + QStringLiteral("/nope.json"), &error);
        QVERIFY(error.contains(QStringLiteral("nope.json")));
        QVERIFY(error.contains(QStringLiteral("does not exist")));
        error.clear();
        qputenv("REGISTRY_AUTH_FILE", (home() + QStringLiteral("/nope.json")).toUtf8());
        store = CredentialStore::load(QString(), &error);
        QVERIFY(error.isEmpty());
        QVERIFY(store.isEmpty());
        QCOMPARE(store.warnings().size(), 1);
    }

    void mostSpecificKeyFirst()
    {
        write(configFile(), QStringLiteral("{\"auths\": {"
                                           "\"quay.io\": {\"auth\": \"%1\"},"
                                           "\"quay.io/ns\": {\"auth\": \"%2\"},"
                                           "\"quay.io/ns/app\": {\"auth\": \"%3\"},"
                                           "\"https://quay.io/v1/\": {\"auth\": \"%4\"}}}")
                                .arg(auth(QStringLiteral("host"), QStringLiteral("a")),
                                     auth(QStringLiteral("namespace"), QStringLiteral("b")),
                                     auth(QStringLiteral("repository"), QStringLiteral("c")),
                                     auth(QStringLiteral("legacy"), QStringLiteral("d")))
                                .toUtf8());
        QString error;
        const CredentialStore store = CredentialStore::load(QString(), &error);
        QVERIFY2(error.isEmpty(), qUtf8Printable(error));
        auto user = [&](const QString &repository) {
            const std::optional<Credential> credential = store.find(QStringLiteral("quay.io"), repository);
            return credential ? credential->username() : QString();
        };
        QCOMPARE(user(QStringLiteral("ns/app")), QStringLiteral("repository"));
        QCOMPARE(user(QStringLiteral("ns/app/sub")), QStringLiteral("repository"));
        QCOMPARE(user(QStringLiteral("ns/other")), QStringLiteral("namespace"));
        QCOMPARE(user(QStringLiteral("nsx/app")), QStringLiteral("host"));
        QCOMPARE(user(QStringLiteral("ns/application")), QStringLiteral("namespace"));
        QCOMPARE(user(QString()), QStringLiteral("host"));
        QCOMPARE(store.find(QStringLiteral("quay.io"), QStringLiteral("ns/app"))->key(),
                 QStringLiteral("quay.io/ns/app"));
        // Host names are case-insensitive.
        QCOMPARE(store.find(QStringLiteral("QUAY.io"), QStringLiteral("ns/app"))->username(),
                 QStringLiteral("repository"));
    }

    void legacyKeys()
    {
        write(dockerFile(), QStringLiteral("{\"auths\": {"
                                           "\"https://index.docker.io/v1/\": {\"auth\": \"%1\"},"
                                           "\"http://registry.local:5000/v2/\": {\"auth\": \"%2\"},"
                                           "\"quay.io/ns:tag\": {\"auth\": \"%2\"},"
                                           "\"quay.io/ns@sha256:abc\": {\"auth\": \"%2\"}}}")
                                .arg(auth(QStringLiteral("hub"), QStringLiteral("a")),
                                     auth(QStringLiteral("local"), QStringLiteral("b")))
                                .toUtf8());
        QString error;
        const CredentialStore store = CredentialStore::load(QString(), &error);
        QVERIFY2(error.isEmpty(), qUtf8Printable(error));
        QCOMPARE(store.find(QStringLiteral("docker.io"), QStringLiteral("library/busybox"))->username(),
                 QStringLiteral("hub"));
        QCOMPARE(store.find(QStringLiteral("registry-1.docker.io"), QStringLiteral("x/y"))->username(),
                 QStringLiteral("hub"));
        QCOMPARE(store.find(QStringLiteral("registry.local:5000"), QStringLiteral("x/y"))->username(),
                 QStringLiteral("local"));
        QVERIFY(!store.find(QStringLiteral("registry.local"), QStringLiteral("x/y")));
        // Keys naming a tag or digest are never matched, and are reported.
        QVERIFY(!store.find(QStringLiteral("quay.io"), QStringLiteral("ns")));
        QCOMPARE(store.warnings().size(), 2);
    }

    void decodesAuthValues()
    {
        const QString withNul = QString::fromLatin1(QByteArray("user:pa:ss\0\0", 12).toBase64());
        write(configFile(), QStringLiteral("{\"auths\": {"
                                           "\"a.io\": {\"auth\": \"%1\"},"
                                           "\"b.io\": {\"auth\": \"%2\", \"identitytoken\": \"refresh-123\"},"
                                           "\"c.io\": {\"identitytoken\": \"refresh-456\"}}}")
                                .arg(withNul, auth(QStringLiteral("<token>"), QString()))
                                .toUtf8());
        QString error;
        const CredentialStore store = CredentialStore::load(QString(), &error);
        QVERIFY2(error.isEmpty(), qUtf8Printable(error));
        const Credential a = *store.find(QStringLiteral("a.io"), QString());
        QCOMPARE(a.username(), QStringLiteral("user"));
        QCOMPARE(a.password(), QStringLiteral("pa:ss"));
        QVERIFY(!a.hasIdentityToken());
        QCOMPARE(a.basicAuthorization(), QByteArray("Basic ") + QByteArray("user:pa:ss").toBase64());
        const Credential b = *store.find(QStringLiteral("b.io"), QString());
        QCOMPARE(b.username(), QStringLiteral("<token>"));
        QCOMPARE(b.identityToken(), QStringLiteral("refresh-123"));
        const Credential c = *store.find(QStringLiteral("c.io"), QString());
        QVERIFY(c.username().isEmpty());
        QCOMPARE(c.identityToken(), QStringLiteral("refresh-456"));
    }

    void credentialHelpersAreReported()
    {
        write(runtimeFile(), QStringLiteral("{\"auths\": {\"quay.io\": {\"auth\": \"%1\"}},"
                                            "\"credHelpers\": {\"registry.example.com\": \"secretservice\"}}")
                                 .arg(auth(QStringLiteral("u"), QStringLiteral("p")))
                                 .toUtf8());
        write(configFile(),
              authsFile(QStringLiteral("registry.example.com"), QStringLiteral("later"), QStringLiteral("p")));
        QString error;
        CredentialStore store = CredentialStore::load(QString(), &error);
        QVERIFY2(error.isEmpty(), qUtf8Printable(error));
        QString findError;
        QVERIFY(!store.find(QStringLiteral("registry.example.com"), QStringLiteral("ns/app"), &findError));
        QVERIFY2(findError.contains(QStringLiteral("docker-credential-secretservice")), qUtf8Printable(findError));
        QVERIFY(findError.contains(runtimeFile()));
        findError.clear();
        QCOMPARE(store.find(QStringLiteral("quay.io"), QStringLiteral("ns/app"), &findError)->username(),
                 QStringLiteral("u"));
        QVERIFY(findError.isEmpty());

        // credsStore: only reported when nothing else matched.
        write(dockerFile(), "{\"credsStore\": \"desktop\"}");
        store = CredentialStore::load(QString(), &error);
        QVERIFY(!store.find(QStringLiteral("unknown.io"), QStringLiteral("x"), &findError));
        QVERIFY2(findError.contains(QStringLiteral("credsStore")) && findError.contains(QStringLiteral("desktop")),
                 qUtf8Printable(findError));
        findError.clear();
        QVERIFY(store.find(QStringLiteral("quay.io"), QStringLiteral("x"), &findError));
        QVERIFY(findError.isEmpty());
    }

    void malformedFilesNameTheFileNotTheContent_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("broken JSON") << QByteArray(
                                            "{\n  \"auths\": {\n    \"quay.io\": {\"auth\": \"c2VjcmV0LXZhbHVl\"\n}")
                                     << QStringLiteral("line 4");
        QTest::newRow("not an object") << QByteArray("[\"c2VjcmV0LXZhbHVl\"]") << QStringLiteral("JSON object");
        QTest::newRow("auths not an object")
            << QByteArray("{\"auths\": [\"c2VjcmV0LXZhbHVl\"]}") << QStringLiteral("\"auths\"");
        QTest::newRow("entry not an object")
            << QByteArray("{\"auths\": {\"quay.io\": \"c2VjcmV0LXZhbHVl\"}}") << QStringLiteral("quay.io");
        QTest::newRow("auth not a string")
            << QByteArray("{\"auths\": {\"quay.io\": {\"auth\": 42}}}") << QStringLiteral("must be strings");
    }

    void malformedFilesNameTheFileNotTheContent()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        write(configFile(), content);
        QString error;
        const CredentialStore store = CredentialStore::load(QString(), &error);
        QVERIFY(store.isEmpty());
        QVERIFY2(error.contains(configFile()), qUtf8Printable(error));
        QVERIFY2(error.contains(expected), qUtf8Printable(error));
        QVERIFY2(!error.contains(QStringLiteral("c2VjcmV0")), qUtf8Printable(error));
        QVERIFY(!error.contains(QStringLiteral("secret-value")));
    }

    void undecodableEntriesNameTheKey()
    {
        write(configFile(), "{\"auths\": {\"bad.io\": {\"auth\": \"!!not base64 c2VjcmV0!!\"},"
                            "\"nocolon.io\": {\"auth\": \"c2VjcmV0LXZhbHVl\"},"
                            "\"good.io\": {\"auth\": \"dTpw\"}}}");
        QString error;
        const CredentialStore store = CredentialStore::load(QString(), &error);
        QVERIFY2(error.isEmpty(), qUtf8Printable(error));
        QString findError;
        QVERIFY(!store.find(QStringLiteral("bad.io"), QString(), &findError));
        QVERIFY(findError.contains(QStringLiteral("bad.io")) && findError.contains(QStringLiteral("base64")));
        QVERIFY(!findError.contains(QStringLiteral("c2VjcmV0")));
        QVERIFY(!store.find(QStringLiteral("nocolon.io"), QString(), &findError));
        QVERIFY(findError.contains(QStringLiteral("user:password")));
        QVERIFY(!findError.contains(QStringLiteral("secret-value")) && !findError.contains(QStringLiteral("c2VjcmV0")));
        QCOMPARE(store.find(QStringLiteral("good.io"), QString())->password(), QStringLiteral("p"));
    }

    void credentialDebugOutputIsMasked()
    {
        const Credential credential(QStringLiteral("alice"), QStringLiteral("hunter2"), QStringLiteral("tok-999"));
        QString text;
        QDebug(&text) << credential;
        QVERIFY(text.contains(QStringLiteral("alice")));
        QVERIFY(!text.contains(QStringLiteral("hunter2")));
        QVERIFY(!text.contains(QStringLiteral("tok-999")));
        QVERIFY(text.contains(QStringLiteral("redacted")));
    }
};

QTEST_GUILESS_MAIN(tst_CredentialStore)
#include "tst_credentialstore.moc"
