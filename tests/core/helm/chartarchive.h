#pragma once

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QList>
#include <QPair>
#include <QString>

#include <archive.h>
#include <archive_entry.h>

// Builds chart archives for the helm tests the way `helm package` lays them out: a gzip tar, files under <chart>/.
namespace ChartArchive {

using Files = QList<QPair<QString, QByteArray>>;

inline la_ssize_t append(struct archive *, void *data, const void *buffer, size_t length)
{
    static_cast<QByteArray *>(data)->append(static_cast<const char *>(buffer), qsizetype(length));
    return la_ssize_t(length);
}

inline QByteArray tarGz(const Files &files)
{
    QByteArray out;
    struct archive *writer = archive_write_new();
    archive_write_add_filter_gzip(writer);
    archive_write_set_format_pax_restricted(writer);
    archive_write_set_bytes_in_last_block(writer, 1);
    archive_write_open(writer, &out, nullptr, &append, nullptr);
    for (const auto &[path, data] : files) {
        struct archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname(entry, path.toUtf8().constData());
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_perm(entry, 0644);
        archive_entry_set_size(entry, data.size());
        archive_write_header(writer, entry);
        archive_write_data(writer, data.constData(), size_t(data.size()));
        archive_entry_free(entry);
    }
    archive_write_close(writer);
    archive_write_free(writer);
    return out;
}

// Every file of `directory`, named "<prefix>/<relative path>", sorted.
inline Files directoryFiles(const QString &directory, const QString &prefix)
{
    Files files;
    QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            files.append({prefix + QLatin1Char('/') + QDir(directory).relativeFilePath(path), file.readAll()});
    }
    std::sort(files.begin(), files.end());
    return files;
}

inline QString webappDirectory()
{
    return QStringLiteral(FERRY_TEST_DATA_DIR "/helm/webapp");
}

// The images HelmImageFinder must find in tests/data/helm/webapp without imagePaths.
inline QStringList webappImages()
{
    return {
        QStringLiteral("docker.io/bitnami/redis:7.0.5"),
        QStringLiteral("docker.io/library/busybox:1.36"),
        QStringLiteral("ghcr.io/example/migrate@sha256:") + QString(64, QLatin1Char('a')),
        QStringLiteral("nginx:latest"),
        QStringLiteral("quay.io/example/backup:7"),
        QStringLiteral("quay.io/example/exporter:v0.9"),
        QStringLiteral("quay.io/example/pod:1"),
        QStringLiteral("quay.io/example/webapp:2.0.1"),
        QStringLiteral("registry.example.com:5000/tools/init:4.2"),
    };
}

} // namespace ChartArchive
