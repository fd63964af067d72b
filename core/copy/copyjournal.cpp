#include "copyjournal.h"

#include "workspace/distributionstore.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace {
QString blobKey(const QString &registry, const QString &digest)
{
    return registry + QLatin1Char('|') + digest;
}

// References and digests never contain white space; anything else would break the line format.
bool isField(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (c.isSpace())
            return false;
    }
    return true;
}
} // namespace

CopyJournal::CopyJournal(const QString &path)
    : m_path(path)
{
}

bool CopyJournal::readRecords(bool repairTail, QString *error)
{
    m_finished.clear();
    m_blobHolders.clear();
    m_blobCandidates.clear();
    m_failed.clear();
    m_damagedLines = 0;
    QFile existing(m_path);
    if (!existing.exists())
        return true;
    if (!existing.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read the copy journal %1: %2").arg(m_path, existing.errorString());
        return false;
    }
    const QByteArray text = existing.readAll();
    existing.close();
    const qsizetype complete = text.lastIndexOf('\n') + 1;
    if (complete < text.size()) {
        // A record cut short by a kill: drop it, and cut it from the file so the next record starts a fresh line.
        ++m_damagedLines;
        if (repairTail && !QFile::resize(m_path, complete)) {
            if (error)
                *error = QStringLiteral("cannot repair the copy journal %1: %2").arg(m_path, existing.errorString());
            return false;
        }
    }
    const QList<QByteArray> lines = text.left(complete).split('\n');
    for (const QByteArray &line : lines) {
        if (line.isEmpty())
            continue;
        const QStringList fields = QString::fromUtf8(line).split(QLatin1Char(' '));
        const QString kind = fields.value(0);
        bool valid = std::all_of(fields.cbegin(), fields.cend(), isField);
        if (valid && kind == QLatin1String("done") && fields.size() == 3 &&
            DistributionStore::isValidDigest(fields.at(2))) {
            m_finished.insert(fields.at(1), fields.at(2));
            m_failed.remove(fields.at(1));
        } else if (valid && (kind == QLatin1String("blob") || kind == QLatin1String("sending")) && fields.size() == 4 &&
                   DistributionStore::isValidDigest(fields.at(3))) {
            QStringList &repositories =
                (kind == QLatin1String("blob") ? m_blobHolders : m_blobCandidates)[blobKey(fields.at(1), fields.at(3))];
            if (!repositories.contains(fields.at(2)))
                repositories.append(fields.at(2));
        } else if (valid && kind == QLatin1String("failed") && fields.size() == 2) {
            m_failed.insert(fields.at(1));
            m_finished.remove(fields.at(1));
        } else {
            valid = false;
        }
        if (!valid)
            ++m_damagedLines;
    }
    return true;
}

bool CopyJournal::load(QString *error)
{
    QMutexLocker locker(&m_mutex);
    return readRecords(false, error);
}

bool CopyJournal::open(QString *error)
{
    QMutexLocker locker(&m_mutex);
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    if (!readRecords(true, error))
        return false;
    m_file.setFileName(m_path);
    // Unbuffered: each record is one write() to the kernel, so it survives the process being killed.
    if (!m_file.open(QIODevice::Append | QIODevice::Unbuffered)) {
        if (error)
            *error = QStringLiteral("cannot open the copy journal %1: %2").arg(m_path, m_file.errorString());
        return false;
    }
    return true;
}

void CopyJournal::append(const QByteArray &line)
{
    if (m_file.isOpen()) {
        m_file.write(line + '\n');
        m_file.flush();
    }
}

QString CopyJournal::finishedDigest(const QString &destination) const
{
    QMutexLocker locker(&m_mutex);
    return m_finished.value(destination);
}

void CopyJournal::recordFinished(const QString &destination, const QString &digest)
{
    if (!isField(destination) || !isField(digest))
        return;
    QMutexLocker locker(&m_mutex);
    m_finished.insert(destination, digest);
    m_failed.remove(destination);
    append("done " + destination.toUtf8() + ' ' + digest.toUtf8());
}

QStringList CopyJournal::blobRepositories(const QString &registry, const QString &digest) const
{
    QMutexLocker locker(&m_mutex);
    const QString key = blobKey(registry, digest);
    QStringList repositories = m_blobHolders.value(key);
    for (const QString &candidate : m_blobCandidates.value(key)) {
        if (!repositories.contains(candidate))
            repositories.append(candidate);
    }
    return repositories;
}

void CopyJournal::recordBlobSending(const QString &registry, const QString &repository, const QString &digest)
{
    if (!isField(registry) || !isField(repository) || !isField(digest))
        return;
    QMutexLocker locker(&m_mutex);
    QStringList &candidates = m_blobCandidates[blobKey(registry, digest)];
    if (candidates.contains(repository))
        return;
    candidates.append(repository);
    append("sending " + registry.toUtf8() + ' ' + repository.toUtf8() + ' ' + digest.toUtf8());
}

void CopyJournal::recordBlob(const QString &registry, const QString &repository, const QString &digest)
{
    if (!isField(registry) || !isField(repository) || !isField(digest))
        return;
    QMutexLocker locker(&m_mutex);
    QStringList &holders = m_blobHolders[blobKey(registry, digest)];
    if (holders.contains(repository))
        return;
    holders.append(repository);
    append("blob " + registry.toUtf8() + ' ' + repository.toUtf8() + ' ' + digest.toUtf8());
}

void CopyJournal::recordFailed(const QString &destination)
{
    if (!isField(destination))
        return;
    QMutexLocker locker(&m_mutex);
    m_failed.insert(destination);
    m_finished.remove(destination);
    append("failed " + destination.toUtf8());
}

QSet<QString> CopyJournal::failedDestinations() const
{
    QMutexLocker locker(&m_mutex);
    return m_failed;
}

int CopyJournal::damagedLines() const
{
    QMutexLocker locker(&m_mutex);
    return m_damagedLines;
}

bool CopyJournal::clear(QString *error)
{
    QMutexLocker locker(&m_mutex);
    m_finished.clear();
    m_blobHolders.clear();
    m_blobCandidates.clear();
    m_failed.clear();
    if (m_file.isOpen() && !m_file.resize(0)) {
        if (error)
            *error = QStringLiteral("cannot reset the copy journal %1: %2").arg(m_path, m_file.errorString());
        return false;
    }
    return true;
}
