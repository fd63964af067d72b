#include "htpasswdfile.h"

#include <QFile>
#include <QProcess>

HtpasswdFile::HtpasswdFile(const QString &path)
    : m_path(path)
{
}

bool HtpasswdFile::addUser(const QString &user, const QString &password, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    QProcess process;
    process.start(QStringLiteral("htpasswd"), {QStringLiteral("-n"), QStringLiteral("-B"), QStringLiteral("-i"),
                                               QStringLiteral("-C"), QStringLiteral("4"), user});
    if (!process.waitForStarted(10000))
        return fail(QStringLiteral("htpasswd did not start: %1").arg(process.errorString()));
    process.write(password.toUtf8());
    process.closeWriteChannel();
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return fail(QStringLiteral("htpasswd failed for user %1: %2")
                        .arg(user, QString::fromUtf8(process.readAllStandardError())));
    const QByteArray line = process.readAllStandardOutput().trimmed();
    if (!line.startsWith(QByteArray(user.toUtf8() + ":$2")))
        return fail(QStringLiteral("htpasswd gave no bcrypt entry for user %1").arg(user));
    QFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write(line + '\n') < 0)
        return fail(QStringLiteral("cannot write %1: %2").arg(m_path, file.errorString()));
    return true;
}
