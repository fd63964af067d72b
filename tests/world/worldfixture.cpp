#include "worldfixture.h"

#include "registryfixture.h"
#include "worldbuilder.h"
#include "worldhttpserver.h"
#include "worldprofile.h"

#include <QDir>
#include <QMetaObject>

WorldFixture::WorldFixture(const QString &scale)
    : m_scale(scale)
{
}

WorldFixture::~WorldFixture()
{
    down();
}

bool WorldFixture::up(QString *error, const QString &cacheDirectory)
{
    const std::optional<WorldProfile> profile = WorldProfile::forName(m_scale, error);
    if (!profile)
        return false;
    if (!cacheDirectory.isEmpty()) {
        m_directory = QDir(cacheDirectory).absolutePath();
    } else {
        if (!m_temporary.isValid()) {
            *error = QStringLiteral("cannot create a temporary directory");
            return false;
        }
        m_directory = m_temporary.path();
    }
    WorldBuilder builder(m_directory, *profile, QStringLiteral(FERRY_FIXTURES_DIR));
    if (!builder.build(error))
        return false;
    m_buildSeconds = builder.buildSeconds();
    m_manifest = builder.manifest();

    RegistryFixture::Options sourceOptions;
    sourceOptions.storageDirectory = WorldBuilder::storageDirectory(m_directory);
    sourceOptions.htpasswdFile = m_directory + QStringLiteral("/source/htpasswd");
    sourceOptions.deleteEnabled = false;
    m_source = std::make_unique<RegistryFixture>(sourceOptions);
    if (!m_source->start(error))
        return false;
    m_destination = std::make_unique<RegistryFixture>();
    if (!m_destination->start(error))
        return false;

    // The server needs an event loop while the test thread blocks on clients: give it its own thread.
    m_http = new WorldHttpServer(m_directory);
    m_http->moveToThread(&m_httpThread);
    QObject::connect(&m_httpThread, &QThread::finished, m_http, &QObject::deleteLater);
    m_httpThread.start();
    bool listening = false;
    QMetaObject::invokeMethod(
        m_http, [this, &listening] { listening = m_http->listen(0); }, Qt::BlockingQueuedConnection);
    if (!listening) {
        *error = QStringLiteral("the world's HTTP server cannot listen: %1").arg(m_http->errorString());
        return false;
    }

    m_addresses.source = m_source->address();
    m_addresses.destination = m_destination->address();
    m_addresses.http = QStringLiteral("http://127.0.0.1:%1").arg(m_http->port());
    return WorldInstance(m_directory).writeRuntimeFiles(m_addresses, error);
}

void WorldFixture::down()
{
    if (m_http) {
        WorldHttpServer *server = m_http;
        QMetaObject::invokeMethod(
            server, [server] { server->close(); }, Qt::BlockingQueuedConnection);
        m_httpThread.quit();
        m_httpThread.wait();
        m_http = nullptr;
    }
    if (m_source)
        m_source->stop();
    if (m_destination)
        m_destination->stop();
    m_source.reset();
    m_destination.reset();
}

QString WorldFixture::updateUrl() const
{
    return m_addresses.http + QStringLiteral("/api/upgrades_info/v1/graph");
}

QString WorldFixture::signatureUrl() const
{
    return m_addresses.http + QStringLiteral("/pub/openshift-v4/signatures/openshift/release/");
}

QString WorldFixture::helmUrl() const
{
    return m_addresses.http + QStringLiteral("/helm/service-binding-operator-helm-chart");
}

QString WorldFixture::registriesConf() const
{
    return m_directory + QStringLiteral("/registries.conf");
}

QString WorldFixture::authFile() const
{
    return m_directory + QStringLiteral("/auth.json");
}

QString WorldFixture::publicKeyFile() const
{
    return m_directory + QStringLiteral("/release-key.asc");
}

QProcessEnvironment WorldFixture::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QMap<QString, QString> variables = WorldInstance(m_directory).environment();
    for (auto it = variables.cbegin(); it != variables.cend(); ++it)
        env.insert(it.key(), it.value());
    return env;
}

QStringList WorldFixture::skopeoArguments() const
{
    return {QStringLiteral("--registries-conf"), registriesConf(), QStringLiteral("--authfile"), authFile()};
}
