#include "tarbuilder.h"

#include <QSet>

#include <archive.h>
#include <archive_entry.h>

#include <optional>

namespace {
la_ssize_t appendToByteArray(struct archive *, void *clientData, const void *buffer, size_t length)
{
    static_cast<QByteArray *>(clientData)->append(static_cast<const char *>(buffer), qsizetype(length));
    return la_ssize_t(length);
}

struct ArchiveDeleter
{
    void operator()(struct archive *a) const { archive_write_free(a); }
};
using ArchivePtr = std::unique_ptr<struct archive, ArchiveDeleter>;

struct EntryDeleter
{
    void operator()(struct archive_entry *e) const { archive_entry_free(e); }
};
using EntryPtr = std::unique_ptr<struct archive_entry, EntryDeleter>;

QString archiveError(struct archive *a)
{
    const char *message = archive_error_string(a);
    return message ? QString::fromUtf8(message) : QStringLiteral("unknown libarchive error");
}
} // namespace

class TarBuilder::Writer
{
public:
    explicit Writer(qint64 mtime)
        : m_archive(archive_write_new())
        , m_mtime(mtime)
    {
        archive_write_set_format_pax_restricted(m_archive.get());
        archive_write_set_bytes_in_last_block(m_archive.get(), 1);
        m_ok =
            archive_write_open2(m_archive.get(), &m_data, nullptr, appendToByteArray, nullptr, nullptr) == ARCHIVE_OK;
        if (!m_ok)
            m_error = archiveError(m_archive.get());
    }

    bool add(const QString &path, unsigned int type, int mode, const QByteArray &content)
    {
        if (!m_ok)
            return false;
        EntryPtr entry(archive_entry_new());
        const QByteArray name = path.toUtf8();
        archive_entry_set_pathname(entry.get(), name.constData());
        archive_entry_set_filetype(entry.get(), type);
        archive_entry_set_perm(entry.get(), mode_t(mode));
        archive_entry_set_uid(entry.get(), 0);
        archive_entry_set_gid(entry.get(), 0);
        archive_entry_set_mtime(entry.get(), time_t(m_mtime), 0);
        archive_entry_set_size(entry.get(), type == AE_IFREG ? content.size() : 0);
        if (archive_write_header(m_archive.get(), entry.get()) != ARCHIVE_OK ||
            (type == AE_IFREG && !content.isEmpty() &&
             archive_write_data(m_archive.get(), content.constData(), size_t(content.size())) != content.size())) {
            m_ok = false;
            m_error = archiveError(m_archive.get());
        }
        return m_ok;
    }

    std::optional<QByteArray> finish(QString *error)
    {
        if (m_ok && !m_closed) {
            m_closed = true;
            if (archive_write_close(m_archive.get()) != ARCHIVE_OK) {
                m_ok = false;
                m_error = archiveError(m_archive.get());
            }
        }
        if (!m_ok) {
            if (error)
                *error = QStringLiteral("cannot write the layer tar: ") + m_error;
            return std::nullopt;
        }
        return m_data;
    }

    bool m_ok = false;
    QString m_error;

private:
    ArchivePtr m_archive;
    QByteArray m_data;
    qint64 m_mtime;
    bool m_closed = false;
};

TarBuilder::TarBuilder(qint64 modificationTime)
    : m_writer(std::make_unique<Writer>(modificationTime))
{
}

TarBuilder::~TarBuilder() = default;

bool TarBuilder::addDirectory(const QString &path)
{
    return m_writer->add(path.endsWith(QLatin1Char('/')) ? path : path + QLatin1Char('/'), AE_IFDIR, 0755,
                         QByteArray());
}

bool TarBuilder::addFile(const QString &path, const QByteArray &content)
{
    return m_writer->add(path, AE_IFREG, 0644, content);
}

bool TarBuilder::addTree(const QString &root, const QMap<QString, QByteArray> &files, const QStringList &directories)
{
    const QStringList rootParts = root.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QString rootPath;
    for (const QString &part : rootParts) {
        rootPath += (rootPath.isEmpty() ? QString() : QStringLiteral("/")) + part;
        addDirectory(rootPath);
    }
    // One sorted walk over files and extra directories (nullopt), so their order does not depend on the caller.
    QMap<QString, std::optional<QByteArray>> entries;
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        entries.insert(it.key(), it.value());
    for (const QString &directory : directories) {
        const QString cleaned = directory.split(QLatin1Char('/'), Qt::SkipEmptyParts).join(QLatin1Char('/'));
        if (!cleaned.isEmpty() && !entries.contains(cleaned))
            entries.insert(cleaned, std::nullopt);
    }
    const QString prefix = rootPath.isEmpty() ? QString() : rootPath + QLatin1Char('/');
    QSet<QString> written;
    for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('/'), Qt::SkipEmptyParts);
        QString path = rootPath;
        const qsizetype parents = it.value() ? parts.size() - 1 : parts.size();
        for (qsizetype i = 0; i < parents; ++i) {
            path += (path.isEmpty() ? QString() : QStringLiteral("/")) + parts.at(i);
            if (!written.contains(path)) {
                written.insert(path);
                addDirectory(path);
            }
        }
        if (it.value())
            addFile(prefix + parts.join(QLatin1Char('/')), *it.value());
    }
    return m_writer->m_ok;
}

std::optional<QByteArray> TarBuilder::finish(QString *error)
{
    return m_writer->finish(error);
}

QByteArray TarBuilder::gzip(const QByteArray &data, QString *error)
{
    ArchivePtr a(archive_write_new());
    QByteArray out;
    // The raw format writes one entry's data as is; the gzip filter without timestamp makes the output depend on
    // the input only.
    if (archive_write_set_format_raw(a.get()) != ARCHIVE_OK || archive_write_add_filter_gzip(a.get()) != ARCHIVE_OK ||
        archive_write_set_filter_option(a.get(), "gzip", "timestamp", nullptr) != ARCHIVE_OK ||
        archive_write_set_bytes_in_last_block(a.get(), 1) != ARCHIVE_OK ||
        archive_write_open2(a.get(), &out, nullptr, appendToByteArray, nullptr, nullptr) != ARCHIVE_OK) {
        if (error)
            *error = QStringLiteral("cannot set up gzip compression: ") + archiveError(a.get());
        return {};
    }
    EntryPtr entry(archive_entry_new());
    archive_entry_set_pathname(entry.get(), "layer.tar");
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_size(entry.get(), data.size());
    if (archive_write_header(a.get(), entry.get()) != ARCHIVE_OK ||
        (!data.isEmpty() && archive_write_data(a.get(), data.constData(), size_t(data.size())) != data.size()) ||
        archive_write_close(a.get()) != ARCHIVE_OK) {
        if (error)
            *error = QStringLiteral("gzip compression failed: ") + archiveError(a.get());
        return {};
    }
    return out;
}
