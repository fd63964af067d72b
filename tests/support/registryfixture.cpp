#include "registryfixture.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace {
const char *const registryBinary = "docker-registry";

QProcessEnvironment registryEnvironment()
{
    // distribution reads every REGISTRY_* variable as configuration; an exported REGISTRY_AUTH_FILE would break it.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1String("REGISTRY_")))
            env.remove(key);
    }
    return env;
}
} // namespace

RegistryFixture::RegistryFixture()
    : RegistryFixture(Options{})
{
}

RegistryFixture::RegistryFixture(Options options)
    : m_options(std::move(options))
{
}

RegistryFixture::~RegistryFixture()
{
    stop();
}

bool RegistryFixture::isAvailable()
{
    return !QStandardPaths::findExecutable(QString::fromLatin1(registryBinary)).isEmpty();
}

quint16 RegistryFixture::freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

QString RegistryFixture::address() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}

QString RegistryFixture::storageDirectory() const
{
    return m_options.storageDirectory.isEmpty() ? m_dir.filePath(QStringLiteral("storage"))
                                                : m_options.storageDirectory;
}

QString RegistryFixture::configFile() const
{
    return m_dir.filePath(QStringLiteral("config.yml"));
}

QString RegistryFixture::logFile() const
{
    return m_dir.filePath(QStringLiteral("registry.log"));
}

void RegistryFixture::writeConfig() const
{
    QString yaml;
    yaml += QStringLiteral("version: 0.1\n");
    yaml += QStringLiteral("log:\n  level: warn\n  accesslog:\n    disabled: %1\n")
                .arg(m_options.accessLog ? QStringLiteral("false") : QStringLiteral("true"));
    yaml += QStringLiteral("storage:\n  filesystem:\n    rootdirectory: %1\n").arg(storageDirectory());
    yaml += QStringLiteral("  delete:\n    enabled: %1\n")
                .arg(m_options.deleteEnabled ? QStringLiteral("true") : QStringLiteral("false"));
    yaml += QStringLiteral("  maintenance:\n    uploadpurging:\n      enabled: false\n");
    yaml += QStringLiteral("http:\n  addr: 127.0.0.1:%1\n  secret: ferry-test-secret\n").arg(m_port);
    if (!m_options.tlsCertificate.isEmpty()) {
        yaml += QStringLiteral("  tls:\n    certificate: %1\n    key: %2\n")
                    .arg(m_options.tlsCertificate, m_options.tlsKey);
    }
    if (!m_options.htpasswdFile.isEmpty()) {
        yaml += QStringLiteral("auth:\n  htpasswd:\n    realm: ferry-test\n    path: %1\n").arg(m_options.htpasswdFile);
    } else if (m_options.token) {
        yaml += QStringLiteral("auth:\n  token:\n    realm: %1\n    service: %2\n    issuer: %3\n"
                               "    rootcertbundle: %4\n")
                    .arg(m_options.token->realm, m_options.token->service, m_options.token->issuer,
                         m_options.token->rootCertBundle);
    }
    QFile file(configFile());
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(yaml.toUtf8());
}

bool RegistryFixture::start(QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!m_dir.isValid())
        return fail(QStringLiteral("cannot create a temporary directory"));
    if (!isAvailable())
        return fail(QStringLiteral("docker-registry is not installed"));
    QDir().mkpath(storageDirectory());

    // A port found free can be taken by someone else before the registry binds it: try a few.
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = m_options.port ? m_options.port : freePort();
        writeConfig();
        m_process = std::make_unique<QProcess>();
        m_process->setProcessEnvironment(registryEnvironment());
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->setStandardOutputFile(logFile(), QIODevice::Append);
        m_process->start(QString::fromLatin1(registryBinary), {QStringLiteral("serve"), configFile()});
        if (!m_process->waitForStarted(5000))
            return fail(QStringLiteral("docker-registry did not start: %1").arg(m_process->errorString()));

        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 10000 && m_process->state() == QProcess::Running) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            if (socket.waitForConnected(200))
                return true;
            QThread::msleep(25);
        }
        m_process->kill();
        m_process->waitForFinished(2000);
        m_process.reset();
        if (m_options.port)
            break;
    }
    QFile log(logFile());
    log.open(QIODevice::ReadOnly);
    return fail(QStringLiteral("docker-registry did not answer on 127.0.0.1:%1: %2")
                    .arg(m_port)
                    .arg(QString::fromUtf8(log.readAll().right(2000))));
}

void RegistryFixture::stop()
{
    if (!m_process)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(5000)) {
        m_process->kill();
        m_process->waitForFinished(2000);
    }
    m_process.reset();
}

bool RegistryFixture::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

int RegistryFixture::garbageCollect(bool deleteUntagged, QString *output) const
{
    QProcess gc;
    gc.setProcessEnvironment(registryEnvironment());
    gc.setProcessChannelMode(QProcess::MergedChannels);
    QStringList args{QStringLiteral("garbage-collect")};
    if (deleteUntagged)
        args << QStringLiteral("--delete-untagged");
    args << configFile();
    gc.start(QString::fromLatin1(registryBinary), args);
    gc.waitForFinished(120000);
    if (output)
        *output = QString::fromUtf8(gc.readAll());
    return gc.exitStatus() == QProcess::NormalExit ? gc.exitCode() : -1;
}

qint64 RegistryFixture::blobBytesOnDisk() const
{
    qint64 total = 0;
    QDirIterator it(storageDirectory() + QStringLiteral("/docker/registry/v2/blobs"), {QStringLiteral("data")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        total += QFileInfo(it.next()).size();
    return total;
}
