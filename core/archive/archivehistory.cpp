#include "archivehistory.h"

#include "workspace/atomicfilewriter.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <algorithm>

namespace {
const QString prefix = QStringLiteral(".history-");

QDateTime timestampOf(const QString &fileName)
{
    return QDateTime::fromString(fileName.mid(prefix.size()), Qt::ISODate);
}
} // namespace

ArchiveHistory::ArchiveHistory(QString historyDirectory)
    : m_directory(std::move(historyDirectory))
{
}

QString ArchiveHistory::baselineFile(const QDate &since) const
{
    const QDir dir(m_directory);
    QString best;
    QDateTime bestTime;
    const QStringList names =
        dir.entryList({prefix + QLatin1Char('*')}, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &name : names) {
        const QDateTime when = timestampOf(name);
        if (!when.isValid())
            continue;
        if (since.isValid() && when.toUTC().date() >= since)
            continue;
        if (!bestTime.isValid() || when > bestTime) {
            best = dir.filePath(name);
            bestTime = when;
        }
    }
    return best;
}

QSet<QString> ArchiveHistory::load(const QDate &since, QString *error) const
{
    QSet<QString> digests;
    const QString path = baselineFile(since);
    if (path.isEmpty())
        return digests;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return digests;
    }
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (!line.isEmpty())
            digests.insert(line);
    }
    return digests;
}

QString ArchiveHistory::save(const QSet<QString> &digests, const QDateTime &when, QString *error) const
{
    if (!QDir().mkpath(m_directory)) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(m_directory);
        return {};
    }
    QStringList sorted(digests.cbegin(), digests.cend());
    std::sort(sorted.begin(), sorted.end());
    const QString path = QDir(m_directory).filePath(prefix + when.toUTC().toString(Qt::ISODate));
    QByteArray contents = sorted.join(QLatin1Char('\n')).toUtf8();
    if (!contents.isEmpty())
        contents.append('\n');
    if (!AtomicFileWriter::write(path, contents, error))
        return {};
    return path;
}
