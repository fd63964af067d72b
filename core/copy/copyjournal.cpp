#include "copyjournal.h"

#include <QDir>
#include <QFileInfo>

CopyJournal::CopyJournal(const QString &path)
    : m_path(path)
{
}

bool CopyJournal::open(QString *error)
{
    QMutexLocker locker(&m_mutex);
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QFile existing(m_path);
    if (existing.open(QIODevice::ReadOnly)) {
        // A line cut short by a kill has no trailing newline and is ignored.
        const QList<QByteArray> lines = existing.readAll().split('\n');
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            const QList<QByteArray> fields = lines.at(i).split(' ');
            if (fields.size() == 3 && fields.at(0) == "done")
                m_finished.insert(QString::fromUtf8(fields.at(1)), QString::fromUtf8(fields.at(2)));
        }
    }
    m_file.setFileName(m_path);
    if (!m_file.open(QIODevice::Append | QIODevice::Unbuffered)) {
        if (error)
            *error = QStringLiteral("cannot open the copy journal %1: %2").arg(m_path, m_file.errorString());
        return false;
    }
    return true;
}

QString CopyJournal::finishedDigest(const QString &destination) const
{
    QMutexLocker locker(&m_mutex);
    return m_finished.value(destination);
}

void CopyJournal::recordFinished(const QString &destination, const QString &digest)
{
    QMutexLocker locker(&m_mutex);
    m_finished.insert(destination, digest);
    if (m_file.isOpen())
        m_file.write("done " + destination.toUtf8() + ' ' + digest.toUtf8() + '\n');
}

bool CopyJournal::clear(QString *error)
{
    QMutexLocker locker(&m_mutex);
    m_finished.clear();
    if (m_file.isOpen() && !m_file.resize(0)) {
        if (error)
            *error = QStringLiteral("cannot reset the copy journal %1: %2").arg(m_path, m_file.errorString());
        return false;
    }
    return true;
}
