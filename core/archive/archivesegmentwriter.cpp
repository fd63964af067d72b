#include "archivesegmentwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <memory>

namespace {
constexpr qint64 chunkSize = 1024 * 1024;
// A tar member costs its data rounded up to 512 bytes plus a 512-byte header (more for long names).
constexpr qint64 memberOverhead = 1536;

struct ArchiveDeleter
{
    void operator()(archive *a) const { archive_write_free(a); }
};
using ArchivePointer = std::unique_ptr<archive, ArchiveDeleter>;

QString formatGiB(qint64 bytes)
{
    const qint64 gib = 1024LL * 1024 * 1024;
    return QString::number((bytes + gib - 1) / gib);
}
} // namespace

ArchiveSegmentWriter::ArchiveSegmentWriter(Options options)
    : m_options(std::move(options))
{
}

QString ArchiveSegmentWriter::segmentName(int index)
{
    return QStringLiteral("mirror_%1.tar").arg(index, 6, 10, QLatin1Char('0'));
}

bool ArchiveSegmentWriter::removeOldSegments(const QString &directory, QString *error)
{
    static const QRegularExpression segmentPattern(QStringLiteral("^mirror_\\d{6}\\.tar$"));
    const QDir dir(directory);
    const QStringList names = dir.entryList({QStringLiteral("mirror_*.tar")}, QDir::Files);
    for (const QString &name : names) {
        if (!segmentPattern.match(name).hasMatch())
            continue;
        if (!QFile::remove(dir.filePath(name))) {
            if (error)
                *error = QStringLiteral("cannot remove the old archive %1").arg(dir.filePath(name));
            return false;
        }
    }
    return true;
}

ArchiveSegmentWriter::Result ArchiveSegmentWriter::write(const QList<Member> &members, const Progress &progress,
                                                         const std::atomic_bool *cancel) const
{
    Result result;
    if (!QDir().mkpath(m_options.directory)) {
        result.error = QStringLiteral("cannot create the archive directory %1").arg(m_options.directory);
        return result;
    }
    if (!removeOldSegments(m_options.directory, &result.error))
        return result;

    qint64 total = 0;
    QList<qint64> sizes;
    for (const Member &member : members) {
        const QFileInfo info(member.sourcePath);
        if (!info.isFile()) {
            result.error = QStringLiteral("cannot archive %1: not a regular file").arg(member.sourcePath);
            return result;
        }
        if (member.archivePath.isEmpty() || member.archivePath.startsWith(QLatin1Char('/')) ||
            member.archivePath.split(QLatin1Char('/')).contains(QStringLiteral(".."))) {
            result.error =
                QStringLiteral("refusing archive path \"%1\": it must be relative and stay inside the archive")
                    .arg(member.archivePath);
            return result;
        }
        if (info.size() + memberOverhead > m_options.segmentLimitBytes) {
            const QString advice = QStringLiteral("%1 (%2 bytes) is larger than archiveSize; "
                                                  "Please consider updating archiveSize to at least %3")
                                       .arg(member.sourcePath)
                                       .arg(info.size())
                                       .arg(formatGiB(info.size() + memberOverhead));
            if (m_options.strict) {
                result.error = advice;
                return result;
            }
            result.warnings << advice;
        }
        sizes << info.size();
        total += info.size();
    }

    ArchivePointer writer;
    qint64 segmentBytes = 0;
    int segmentIndex = 0;
    auto closeSegment = [&]() -> bool {
        if (!writer)
            return true;
        const bool closed = archive_write_close(writer.get()) == ARCHIVE_OK;
        if (!closed)
            result.error = QString::fromUtf8(archive_error_string(writer.get()));
        writer.reset();
        return closed;
    };
    auto openSegment = [&]() -> bool {
        if (!closeSegment())
            return false;
        ++segmentIndex;
        const QString path = QDir(m_options.directory).filePath(segmentName(segmentIndex));
        writer.reset(archive_write_new());
        archive_write_set_format_pax_restricted(writer.get());
        archive_write_set_bytes_in_last_block(writer.get(), 1);
        if (archive_write_open_filename(writer.get(), QFile::encodeName(path).constData()) != ARCHIVE_OK) {
            result.error =
                QStringLiteral("cannot create %1: %2").arg(path, QString::fromUtf8(archive_error_string(writer.get())));
            return false;
        }
        result.segments << path;
        segmentBytes = 0;
        return true;
    };

    QByteArray buffer(chunkSize, Qt::Uninitialized);
    qint64 done = 0;
    for (qsizetype i = 0; i < members.size(); ++i) {
        const Member &member = members.at(i);
        const qint64 cost = sizes.at(i) + memberOverhead;
        if (!writer || (segmentBytes > 0 && segmentBytes + cost > m_options.segmentLimitBytes)) {
            if (!openSegment())
                return result;
        }
        QFile file(member.sourcePath);
        if (!file.open(QIODevice::ReadOnly)) {
            result.error = QStringLiteral("cannot read %1: %2").arg(member.sourcePath, file.errorString());
            closeSegment();
            return result;
        }
        archive_entry *entry = archive_entry_new();
        const QByteArray name = member.archivePath.toUtf8();
        archive_entry_set_pathname_utf8(entry, name.constData());
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_perm(entry, 0644);
        archive_entry_set_size(entry, sizes.at(i));
        archive_entry_set_mtime(entry, QFileInfo(file).lastModified().toSecsSinceEpoch(), 0);
        const int headerStatus = archive_write_header(writer.get(), entry);
        archive_entry_free(entry);
        if (headerStatus != ARCHIVE_OK) {
            result.error = QStringLiteral("cannot add %1 to the archive: %2")
                               .arg(member.archivePath, QString::fromUtf8(archive_error_string(writer.get())));
            closeSegment();
            return result;
        }
        qint64 remaining = sizes.at(i);
        while (remaining > 0) {
            if (cancel && cancel->load()) {
                result.error = QStringLiteral("archive creation cancelled");
                closeSegment();
                return result;
            }
            const qint64 read = file.read(buffer.data(), std::min(remaining, chunkSize));
            if (read <= 0) {
                result.error = QStringLiteral("%1 changed while it was being archived").arg(member.sourcePath);
                closeSegment();
                return result;
            }
            if (archive_write_data(writer.get(), buffer.constData(), static_cast<size_t>(read)) != read) {
                result.error = QStringLiteral("cannot write the archive: %1")
                                   .arg(QString::fromUtf8(archive_error_string(writer.get())));
                closeSegment();
                return result;
            }
            remaining -= read;
            done += read;
            if (progress)
                progress(done, total, member.archivePath);
        }
        segmentBytes += cost;
        result.bytesWritten += sizes.at(i);
    }
    if (!writer && !openSegment()) // an empty member list still yields one (empty) archive
        return result;
    result.ok = closeSegment();
    return result;
}
