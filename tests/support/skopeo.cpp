#include "skopeo.h"

#include <QProcess>

QByteArray Skopeo::inspectRaw(const QString &reference, const QStringList &extraArguments)
{
    QProcess skopeo;
    skopeo.start(QStringLiteral("skopeo"),
                 QStringList{QStringLiteral("inspect"), QStringLiteral("--raw"), QStringLiteral("--tls-verify=false")} +
                     extraArguments + QStringList{QStringLiteral("docker://") + reference});
    if (!skopeo.waitForFinished(60000) || skopeo.exitStatus() != QProcess::NormalExit || skopeo.exitCode() != 0)
        return {};
    return skopeo.readAllStandardOutput();
}
