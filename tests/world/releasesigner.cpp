#include "releasesigner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

ReleaseSigner::ReleaseSigner()
    // Short path: gpg-agent's socket path must fit in a Unix socket address.
    : m_home(QStringLiteral("/tmp/ferry-world-gpg-XXXXXX"))
{
}

ReleaseSigner::~ReleaseSigner()
{
    if (!m_home.isValid())
        return;
    // The agent gpg started for this home would outlive us otherwise.
    QProcess::execute(QStringLiteral("gpgconf"),
                      {QStringLiteral("--homedir"), m_home.path(), QStringLiteral("--kill"), QStringLiteral("all")});
}

bool ReleaseSigner::runGpg(const QStringList &arguments, QByteArray *output, QString *error,
                           const QByteArray &input) const
{
    QProcess gpg;
    gpg.start(QStringLiteral("gpg"), QStringList{QStringLiteral("--homedir"), m_home.path(), QStringLiteral("--batch"),
                                                 QStringLiteral("--no-tty"), QStringLiteral("--quiet")} +
                                         arguments);
    if (!gpg.waitForStarted(10000)) {
        *error = QStringLiteral("cannot run gpg: %1").arg(gpg.errorString());
        return false;
    }
    if (!input.isEmpty())
        gpg.write(input);
    gpg.closeWriteChannel();
    if (!gpg.waitForFinished(60000) || gpg.exitStatus() != QProcess::NormalExit || gpg.exitCode() != 0) {
        *error = QStringLiteral("gpg %1 failed: %2")
                     .arg(arguments.value(0), QString::fromUtf8(gpg.readAllStandardError()).trimmed());
        return false;
    }
    if (output)
        *output = gpg.readAllStandardOutput();
    return true;
}

bool ReleaseSigner::createKey(QString *error)
{
    if (!m_home.isValid()) {
        *error = QStringLiteral("cannot create a temporary GNUPGHOME");
        return false;
    }
    QFile::setPermissions(m_home.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString uid = QStringLiteral("Ferry World Release Signing (test key) <release-signing@ferry-world.invalid>");
    if (!runGpg({QStringLiteral("--passphrase"), QString(), QStringLiteral("--pinentry-mode"),
                 QStringLiteral("loopback"), QStringLiteral("--quick-gen-key"), uid, QStringLiteral("rsa2048"),
                 QStringLiteral("sign"), QStringLiteral("never")},
                nullptr, error))
        return false;
    QByteArray listing;
    if (!runGpg({QStringLiteral("--with-colons"), QStringLiteral("--list-secret-keys")}, &listing, error))
        return false;
    for (const QByteArray &line : listing.split('\n')) {
        if (line.startsWith("fpr:")) {
            m_fingerprint = QString::fromLatin1(line.split(':').value(9));
            break;
        }
    }
    return runGpg({QStringLiteral("--armor"), QStringLiteral("--export"), m_fingerprint}, &m_publicKey, error);
}

QByteArray ReleaseSigner::signatureJson(const QString &dockerReference, const QString &digest, qint64 timestamp)
{
    const QJsonObject critical{
        {QStringLiteral("identity"), QJsonObject{{QStringLiteral("docker-reference"), dockerReference}}},
        {QStringLiteral("image"), QJsonObject{{QStringLiteral("docker-manifest-digest"), digest}}},
        {QStringLiteral("type"), QStringLiteral("atomic container signature")}};
    const QJsonObject optional{{QStringLiteral("creator"), QStringLiteral("Ferry World Signing Authority 0.0.1")},
                               {QStringLiteral("timestamp"), timestamp}};
    return QJsonDocument(QJsonObject{{QStringLiteral("critical"), critical}, {QStringLiteral("optional"), optional}})
        .toJson(QJsonDocument::Compact);
}

bool ReleaseSigner::sign(const QByteArray &content, const QString &outputPath, QString *error) const
{
    QDir().mkpath(QFileInfo(outputPath).absolutePath());
    // gpg writes the output file itself; a temporary name and a rename keep readers from seeing half a file.
    const QString temporary = outputPath + QStringLiteral(".tmp");
    QFile::remove(temporary);
    if (!runGpg({QStringLiteral("--yes"), QStringLiteral("--local-user"), m_fingerprint, QStringLiteral("--output"),
                 temporary, QStringLiteral("--sign")},
                nullptr, error, content))
        return false;
    QFile::remove(outputPath);
    if (!QFile::rename(temporary, outputPath)) {
        *error = QStringLiteral("cannot move %1 into place").arg(outputPath);
        return false;
    }
    return true;
}
