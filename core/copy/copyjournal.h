#pragma once

#include <QFile>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QString>
#include <QStringList>

// An append-only record of what a run has achieved, one line per fact, written straight to the file (no user-space
// buffer) so that a run killed at any point can be resumed:
//   done <destination> <digest>          an image finished: only re-checked at the destination next time
//   sending <registry> <repository> <digest> a blob is about to be sent (it may have arrived when the run died)
//   blob <registry> <repository> <digest> a blob arrived: later runs mount it instead of sending it again
//   failed <destination>                 an image failed: --retry-failed copies only these
// A later line about the same destination overrides an earlier one. A last line cut short by a kill is dropped.
class CopyJournal
{
public:
    explicit CopyJournal(const QString &path);

    // Reads the records and opens the file for appending.
    bool open(QString *error = nullptr);
    // Reads the records only (nothing is written afterwards).
    bool load(QString *error = nullptr);

    // destination reference → manifest digest of the finished image
    QString finishedDigest(const QString &destination) const;
    void recordFinished(const QString &destination, const QString &digest);

    // Repositories of `registry` that hold the blob, or may (it was being sent there): those known to hold it first.
    QStringList blobRepositories(const QString &registry, const QString &digest) const;
    void recordBlobSending(const QString &registry, const QString &repository, const QString &digest);
    void recordBlob(const QString &registry, const QString &repository, const QString &digest);

    void recordFailed(const QString &destination);
    // Destinations whose last record is a failure.
    QSet<QString> failedDestinations() const;

    // Forgets everything (after a run that finished without failures).
    bool clear(QString *error = nullptr);
    QString path() const { return m_path; }
    // Lines that could not be read (a torn last line included).
    int damagedLines() const;

private:
    bool readRecords(bool repairTail, QString *error);
    void append(const QByteArray &line);

    QString m_path;
    mutable QMutex m_mutex;
    QFile m_file;
    QHash<QString, QString> m_finished;
    QHash<QString, QStringList> m_blobHolders;    // registry|digest → repositories
    QHash<QString, QStringList> m_blobCandidates; // registry|digest → repositories it was being sent to
    QSet<QString> m_failed;
    int m_damagedLines = 0;
};
