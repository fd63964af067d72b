#include "archiveextractor.h"

#include <QCryptographicHash>
#include <QDir>
#include <QRegularExpression>
#include <QSaveFile>

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace {
struct ReaderDeleter
{
    void operator()(archive *a) const { archive_read_free(a); }
};
using ReaderPointer = std::unique_ptr<archive, ReaderDeleter>;

const QString workingDirName = QStringLiteral("working-dir");
const QString cacheMarker = QStringLiteral("docker/registry/v2");

// The expected sha256 of a cache blob member, from its path: docker/registry/v2/blobs/sha256/ab/<hex>/data.
QString expectedBlobDigest(const QString &cachePath)
{
    static const QRegularExpression blobPath(
        QStringLiteral("^docker/registry/v2/blobs/sha256/([0-9a-f]{2})/([0-9a-f]{64})/data$"));
    const auto match = blobPath.match(cachePath);
    if (!match.hasMatch() || !match.captured(2).startsWith(match.captured(1)))
        return {};
    return match.captured(2);
}
} // namespace

ArchiveExtractor::ArchiveExtractor(Options options)
    : m_options(std::move(options))
{
}

QStringList ArchiveExtractor::segmentsIn(const QString &directory)
{
    static const QRegularExpression segmentPattern(QStringLiteral("^mirror_\\d{6}\\.tar$"));
    QStringList segments;
    const QDir dir(directory);
    const QStringList names = dir.entryList({QStringLiteral("mirror_*.tar")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        if (segmentPattern.match(name).hasMatch())
            segments << dir.filePath(name);
    }
    return segments;
}

ArchiveExtractor::Result ArchiveExtractor::extract(const Progress &progress, const std::atomic_bool *cancel) const
{
    Result result;
    result.segments = segmentsIn(m_options.archiveDirectory);
    if (result.segments.isEmpty()) {
        result.error = QStringLiteral("no mirror_NNNNNN.tar archive found in %1").arg(m_options.archiveDirectory);
        return result;
    }
    for (int i = 0; i < result.segments.size(); ++i) {
        if (progress)
            progress(i + 1, static_cast<int>(result.segments.size()), result.segments.at(i));
        if (!extractSegment(result.segments.at(i), result, cancel))
            return result;
    }
    result.ok = true;
    return result;
}

bool ArchiveExtractor::extractSegment(const QString &segment, Result &result, const std::atomic_bool *cancel) const
{
    ReaderPointer reader(archive_read_new());
    archive_read_support_format_tar(reader.get());
    archive_read_support_format_gnutar(reader.get());
    if (archive_read_open_filename(reader.get(), QFile::encodeName(segment).constData(), 1024 * 1024) != ARCHIVE_OK) {
        result.error =
            QStringLiteral("cannot open %1: %2").arg(segment, QString::fromUtf8(archive_error_string(reader.get())));
        return false;
    }
    auto fail = [&](const QString &member, const QString &why) {
        result.error = QStringLiteral("%1: member \"%2\" refused: %3").arg(segment, member, why);
        return false;
    };

    archive_entry *entry = nullptr;
    QByteArray buffer(1024 * 1024, Qt::Uninitialized);
    while (true) {
        const int status = archive_read_next_header(reader.get(), &entry);
        if (status == ARCHIVE_EOF)
            break;
        if (status != ARCHIVE_OK && status != ARCHIVE_WARN) {
            result.error = QStringLiteral("%1 is not a readable archive: %2")
                               .arg(segment, QString::fromUtf8(archive_error_string(reader.get())));
            return false;
        }
        const char *rawName = archive_entry_pathname_utf8(entry);
        QString name = rawName ? QString::fromUtf8(rawName) : QString::fromLocal8Bit(archive_entry_pathname(entry));
        while (name.startsWith(QStringLiteral("./")))
            name = name.mid(2);
        if (name.startsWith(QLatin1Char('/')))
            return fail(name, QStringLiteral("absolute paths are not allowed"));
        const QStringList parts = name.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (parts.contains(QStringLiteral("..")))
            return fail(name, QStringLiteral("\"..\" would leave the target directory"));

        QString target;
        QString blobHex;
        const qsizetype workingDirIndex = parts.indexOf(workingDirName);
        const qsizetype cacheIndex = name.indexOf(cacheMarker);
        if (cacheIndex >= 0 && (cacheIndex == 0 || name.at(cacheIndex - 1) == QLatin1Char('/'))) {
            const QString cachePath = name.mid(cacheIndex);
            target = QDir(m_options.cacheRoot).filePath(cachePath);
            blobHex = expectedBlobDigest(cachePath);
            if (cachePath.startsWith(cacheMarker + QStringLiteral("/blobs/")) && blobHex.isEmpty())
                return fail(name, QStringLiteral("a cache blob must be stored as blobs/sha256/<2 hex>/<hex>/data"));
        } else if (workingDirIndex >= 0) {
            target = QDir(m_options.workspaceRoot).filePath(parts.mid(workingDirIndex).join(QLatin1Char('/')));
        } else {
            ++result.membersIgnored;
            continue;
        }
        const auto type = archive_entry_filetype(entry);
        if (type == AE_IFDIR)
            continue;
        if (type != AE_IFREG || archive_entry_hardlink(entry) != nullptr)
            return fail(name, QStringLiteral("only regular files are accepted (links and devices are not)"));

        if (!QDir().mkpath(QFileInfo(target).absolutePath())) {
            result.error = QStringLiteral("cannot create the directory for %1").arg(target);
            return false;
        }
        QSaveFile file(target);
        if (!file.open(QIODevice::WriteOnly)) {
            result.error = QStringLiteral("cannot write %1: %2").arg(target, file.errorString());
            return false;
        }
        QCryptographicHash hash(QCryptographicHash::Sha256);
        qint64 written = 0;
        while (true) {
            if (cancel && cancel->load()) {
                file.cancelWriting();
                result.error = QStringLiteral("extraction cancelled");
                return false;
            }
            const la_ssize_t read = archive_read_data(reader.get(), buffer.data(), static_cast<size_t>(buffer.size()));
            if (read < 0) {
                file.cancelWriting();
                return fail(name, QStringLiteral("truncated or damaged: %1")
                                      .arg(QString::fromUtf8(archive_error_string(reader.get()))));
            }
            if (read == 0)
                break;
            if (!blobHex.isEmpty())
                hash.addData(QByteArrayView(buffer.constData(), read));
            if (file.write(buffer.constData(), read) != read) {
                result.error = QStringLiteral("cannot write %1: %2").arg(target, file.errorString());
                file.cancelWriting();
                return false;
            }
            written += read;
        }
        if (!blobHex.isEmpty() && QString::fromLatin1(hash.result().toHex()) != blobHex) {
            file.cancelWriting();
            return fail(name, QStringLiteral("its content does not match digest sha256:%1").arg(blobHex));
        }
        if (!file.commit()) {
            result.error = QStringLiteral("cannot write %1: %2").arg(target, file.errorString());
            return false;
        }
        ++result.filesWritten;
        result.bytesWritten += written;
    }
    return true;
}
