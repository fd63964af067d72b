#include "tarwriter.h"

#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>

namespace {
la_ssize_t appendToByteArray(struct archive *, void *clientData, const void *buffer, size_t length)
{
    static_cast<QByteArray *>(clientData)->append(static_cast<const char *>(buffer), qsizetype(length));
    return la_ssize_t(length);
}
} // namespace

TarWriter::TarWriter()
    : m_archive(archive_write_new())
{
    archive_write_set_format_pax_restricted(m_archive);
    archive_write_set_bytes_per_block(m_archive, 512);
    archive_write_open2(m_archive, &m_tar, nullptr, appendToByteArray, nullptr, nullptr);
}

TarWriter::~TarWriter()
{
    finish();
}

void TarWriter::addDirectory(const QString &path)
{
    if (!m_archive)
        return;
    struct archive_entry *entry = archive_entry_new();
    archive_entry_set_pathname_utf8(entry, path.toUtf8().constData());
    archive_entry_set_filetype(entry, AE_IFDIR);
    archive_entry_set_perm(entry, 0755);
    archive_entry_set_mtime(entry, 0, 0);
    archive_entry_set_uid(entry, 0);
    archive_entry_set_gid(entry, 0);
    archive_write_header(m_archive, entry);
    archive_entry_free(entry);
}

void TarWriter::addFile(const QString &path, const QByteArray &content, int mode)
{
    if (!m_archive)
        return;
    struct archive_entry *entry = archive_entry_new();
    archive_entry_set_pathname_utf8(entry, path.toUtf8().constData());
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, mode);
    archive_entry_set_size(entry, content.size());
    archive_entry_set_mtime(entry, 0, 0);
    archive_entry_set_uid(entry, 0);
    archive_entry_set_gid(entry, 0);
    archive_write_header(m_archive, entry);
    archive_write_data(m_archive, content.constData(), size_t(content.size()));
    archive_entry_free(entry);
}

void TarWriter::finish()
{
    if (!m_archive)
        return;
    archive_write_close(m_archive);
    archive_write_free(m_archive);
    m_archive = nullptr;
}

QByteArray TarWriter::gzip() const
{
    return gzipBytes(m_tar);
}

QByteArray TarWriter::gzipBytes(const QByteArray &bytes)
{
    z_stream stream{};
    // windowBits 16 + 15 selects the gzip wrapper; zlib writes a zero mtime and no name.
    if (deflateInit2(&stream, 6, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&stream, uLong(bytes.size()))) + 32, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.constData()));
    stream.avail_in = uInt(bytes.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int status = deflate(&stream, Z_FINISH);
    const qsizetype written = qsizetype(stream.total_out);
    deflateEnd(&stream);
    if (status != Z_STREAM_END)
        return {};
    out.truncate(written);
    return out;
}
