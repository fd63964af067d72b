#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

// Writes mirror_000001.tar, mirror_000002.tar, … into a directory, starting a new segment whenever the next file
// would push the current one past the size limit, streaming every file through libarchive in fixed-size chunks.
class ArchiveSegmentWriter
{
public:
    struct Member
    {
        QString sourcePath;  // file on disk
        QString archivePath; // relative path inside the tar
    };

    struct Options
    {
        QString directory;
        qint64 segmentLimitBytes = 500LL * 1024 * 1024 * 1024; // archiveSize GiB; oc-mirror's default is 500
        bool strict = false; // --strict-archive: a single file larger than the limit is an error
    };

    struct Result
    {
        bool ok = false;
        QString error;
        QStringList segments; // written tar files, in order
        QStringList warnings; // e.g. the oversized-file advice
        qint64 bytesWritten = 0;
    };

    using Progress = std::function<void(qint64 bytesDone, qint64 bytesTotal, const QString &currentMember)>;

    explicit ArchiveSegmentWriter(Options options);

    static QString segmentName(int index); // "mirror_000001.tar"
    // Removes the mirror_*.tar files a previous run left in the directory (oc-mirror starts each archive afresh).
    static bool removeOldSegments(const QString &directory, QString *error);

    // Runs on the calling thread; meant for a worker. Stops between chunks when *cancel becomes true.
    Result write(const QList<Member> &members, const Progress &progress = {},
                 const std::atomic_bool *cancel = nullptr) const;

private:
    Options m_options;
};
