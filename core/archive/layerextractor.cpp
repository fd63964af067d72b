#include "layerextractor.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSaveFile>

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace {
struct ReaderDeleter
{
    void operator()(archive *a) const { archive_read_free(a); }
};

QString normalised(QString path)
{
    while (path.startsWith(QStringLiteral("./")))
        path = path.mid(2);
    while (path.startsWith(QLatin1Char('/')))
        path = path.mid(1);
    return path;
}
} // namespace

LayerExtractor::LayerExtractor(QString prefix, QString targetDirectory)
    : m_prefix(normalised(std::move(prefix)))
    , m_target(std::move(targetDirectory))
{
    while (m_prefix.endsWith(QLatin1Char('/')))
        m_prefix.chop(1);
}

bool LayerExtractor::removeTarget(const QString &relative) const
{
    const QString path = QDir(m_target).filePath(relative);
    const QFileInfo info(path);
    if (info.isDir())
        return QDir(path).removeRecursively();
    return !info.exists() || QFile::remove(path);
}

bool LayerExtractor::extractLayer(const QString &layerPath, QString *error)
{
    std::unique_ptr<archive, ReaderDeleter> reader(archive_read_new());
    archive_read_support_filter_all(reader.get());
    archive_read_support_format_tar(reader.get());
    archive_read_support_format_gnutar(reader.get());
    if (archive_read_open_filename(reader.get(), QFile::encodeName(layerPath).constData(), 1024 * 1024) != ARCHIVE_OK) {
        if (error)
            *error = QStringLiteral("cannot read layer %1: %2")
                         .arg(layerPath, QString::fromUtf8(archive_error_string(reader.get())));
        return false;
    }
    QDir().mkpath(m_target);
    const QString prefixSlash = m_prefix + QLatin1Char('/');
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    archive_entry *entry = nullptr;
    while (true) {
        const int status = archive_read_next_header(reader.get(), &entry);
        if (status == ARCHIVE_EOF)
            break;
        if (status != ARCHIVE_OK && status != ARCHIVE_WARN) {
            if (error)
                *error = QStringLiteral("layer %1 is damaged: %2")
                             .arg(layerPath, QString::fromUtf8(archive_error_string(reader.get())));
            return false;
        }
        const QString path = normalised(QString::fromUtf8(archive_entry_pathname(entry)));
        const QString fileName = path.section(QLatin1Char('/'), -1);
        const QString directory = path.contains(QLatin1Char('/')) ? path.section(QLatin1Char('/'), 0, -2) : QString();

        // Whiteouts may stand for the prefix itself (".wh.configs") or anything below it.
        if (fileName.startsWith(QStringLiteral(".wh."))) {
            const QString hidden =
                directory.isEmpty() ? fileName.mid(4) : directory + QLatin1Char('/') + fileName.mid(4);
            if (fileName == QStringLiteral(".wh..wh..opq")) {
                if (directory == m_prefix) {
                    QDir(m_target).removeRecursively();
                    QDir().mkpath(m_target);
                } else if (directory.startsWith(prefixSlash)) {
                    removeTarget(directory.mid(prefixSlash.size()));
                }
            } else if (hidden == m_prefix) {
                QDir(m_target).removeRecursively();
                QDir().mkpath(m_target);
            } else if (hidden.startsWith(prefixSlash)) {
                removeTarget(hidden.mid(prefixSlash.size()));
            }
            continue;
        }
        if (!path.startsWith(prefixSlash))
            continue;
        QString relative = path.mid(prefixSlash.size());
        while (relative.endsWith(QLatin1Char('/')))
            relative.chop(1);
        if (relative.isEmpty())
            continue; // the directory itself
        if (relative.split(QLatin1Char('/')).contains(QStringLiteral(".."))) {
            if (error)
                *error = QStringLiteral("layer %1: refusing \"%2\", it would leave %3").arg(layerPath, path, m_target);
            return false;
        }
        if (archive_entry_filetype(entry) != AE_IFREG)
            continue; // directories are made as needed; links are not followed
        const QString target = QDir(m_target).filePath(relative);
        QDir().mkpath(QFileInfo(target).absolutePath());
        QSaveFile file(target);
        if (!file.open(QIODevice::WriteOnly)) {
            if (error)
                *error = QStringLiteral("cannot write %1: %2").arg(target, file.errorString());
            return false;
        }
        while (true) {
            const la_ssize_t read = archive_read_data(reader.get(), buffer.data(), static_cast<size_t>(buffer.size()));
            if (read < 0) {
                file.cancelWriting();
                if (error)
                    *error = QStringLiteral("layer %1 is damaged at %2").arg(layerPath, path);
                return false;
            }
            if (read == 0)
                break;
            file.write(buffer.constData(), read);
        }
        if (!file.commit()) {
            if (error)
                *error = QStringLiteral("cannot write %1: %2").arg(target, file.errorString());
            return false;
        }
    }
    return true;
}

QStringList LayerExtractor::files() const
{
    QStringList result;
    QDirIterator it(m_target, QDir::Files, QDirIterator::Subdirectories);
    const QDir root(m_target);
    while (it.hasNext())
        result << root.relativeFilePath(it.next());
    result.sort();
    return result;
}
