#pragma once

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

// Unpacks the mirror_NNNNNN.tar segments of a mirrorToDisk archive for diskToMirror: members under working-dir go
// below the workspace root, members under docker/registry/v2 into the local cache, everything else is ignored.
// Only regular files are written; absolute paths, "..", and links are refused; every cache blob is checked against
// the digest in its path while it streams, so a tampered member never lands.
class ArchiveExtractor
{
public:
    struct Options
    {
        QString archiveDirectory; // --from
        QString workspaceRoot;    // the folder that holds working-dir
        QString cacheRoot;        // the folder that holds docker/registry/v2
    };

    struct Result
    {
        bool ok = false;
        QString error;
        QStringList segments;
        int filesWritten = 0;
        int membersIgnored = 0;
        qint64 bytesWritten = 0;
    };

    using Progress = std::function<void(int segmentIndex, int segmentCount, const QString &segmentPath)>;

    explicit ArchiveExtractor(Options options);

    // mirror_\d{6}.tar files of a directory, sorted.
    static QStringList segmentsIn(const QString &directory);

    // Runs on the calling thread; meant for a worker.
    Result extract(const Progress &progress = {}, const std::atomic_bool *cancel = nullptr) const;

private:
    bool extractSegment(const QString &segment, Result &result, const std::atomic_bool *cancel) const;
    Options m_options;
};
