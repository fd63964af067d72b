#include "deletelistsidecar.h"

#include "workspace/atomicfilewriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

namespace {
QString withoutYamlSuffix(const QString &listFile)
{
    return listFile.endsWith(QLatin1String(".yaml")) ? listFile.chopped(5) : listFile;
}
} // namespace

QString DeleteListSidecar::digestsFile(const QString &listFile)
{
    return withoutYamlSuffix(listFile) + QStringLiteral(".digests");
}

QString DeleteListSidecar::keptFile(const QString &listFile)
{
    return withoutYamlSuffix(listFile) + QStringLiteral(".kept");
}

QString DeleteListSidecar::lastMirrorConfigurationFile(const QString &workingDirectory)
{
    return QDir(workingDirectory).filePath(QStringLiteral("last-mirror-imageset-config.yaml"));
}

bool DeleteListSidecar::write(const QString &path, const QHash<QString, QString> &entries, QString *error)
{
    QStringList keys = entries.keys();
    keys.sort();
    QByteArray text;
    for (const QString &key : std::as_const(keys))
        text += key.toUtf8() + ' ' + entries.value(key).toUtf8() + '\n';
    QDir().mkpath(QFileInfo(path).absolutePath());
    return AtomicFileWriter::write(path, text, error);
}

QHash<QString, QString> DeleteListSidecar::read(const QString &path, QString *error)
{
    QHash<QString, QString> entries;
    QFile file(path);
    if (!file.exists())
        return entries;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return entries;
    }
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype space = line.indexOf(QLatin1Char(' '));
        if (space <= 0) {
            if (error)
                *error = QStringLiteral("%1:%2: expected \"<reference> <value>\"").arg(path).arg(lineNumber);
            continue;
        }
        entries.insert(line.left(space), line.mid(space + 1));
    }
    return entries;
}
