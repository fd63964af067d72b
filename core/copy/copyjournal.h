#pragma once

#include <QFile>
#include <QHash>
#include <QMutex>
#include <QString>

// An append-only record of the images a run has finished, flushed line by line, so that a run killed at any point
// can be resumed: entries found here are only re-checked at the destination, not fetched from the source again.
class CopyJournal
{
public:
    explicit CopyJournal(const QString &path);

    bool open(QString *error = nullptr);
    // destination reference → manifest digest of the finished image
    QString finishedDigest(const QString &destination) const;
    void recordFinished(const QString &destination, const QString &digest);
    // Forgets everything (after a run that finished without failures).
    bool clear(QString *error = nullptr);
    QString path() const { return m_path; }

private:
    QString m_path;
    mutable QMutex m_mutex;
    QFile m_file;
    QHash<QString, QString> m_finished;
};
