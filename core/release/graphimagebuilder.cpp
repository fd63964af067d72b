#include "graphimagebuilder.h"

#include "archive/tarbuilder.h"

#include <QJsonArray>
#include <QUrl>

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace {
struct ReadDeleter
{
    void operator()(struct archive *a) const { archive_read_free(a); }
};

// The graph data is a few MB today; the cap keeps a wrong URL (an ISO, a disk image) from filling the memory.
constexpr qint64 MaximumGraphDataSize = qint64(1) << 30;
} // namespace

GraphImageBuilder::Source GraphImageBuilder::graphDataSource(const QProcessEnvironment &environment)
{
    Source source;
    source.updateUrlOverride = environment.value(QStringLiteral("UPDATE_URL_OVERRIDE")).trimmed();
    if (source.updateUrlOverride.isEmpty()) {
        source.url = DefaultGraphDataUrl;
        return source;
    }
    QUrl url(source.updateUrlOverride);
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (path.endsWith(QLatin1String("/v1/graph")))
        path.chop(int(qstrlen("/v1/graph")));
    else if (path.endsWith(QLatin1String("/graph")))
        path.chop(int(qstrlen("/graph")));
    else
        return source;
    url.setPath(path + QStringLiteral("/graph-data"));
    url.setQuery(QString());
    url.setFragment(QString());
    source.url = url.toString();
    return source;
}

QStringList GraphImageBuilder::command()
{
    return {QStringLiteral("/bin/bash"), QStringLiteral("-c"),
            QStringLiteral("exec cp -rp /%1/* /var/lib/cincinnati/graph-data").arg(DataDirectory)};
}

bool GraphImageBuilder::setGraphData(const QByteArray &archive, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = QStringLiteral("graph data: ") + message;
        return false;
    };
    std::unique_ptr<struct archive, ReadDeleter> reader(archive_read_new());
    archive_read_support_filter_all(reader.get());
    archive_read_support_format_tar(reader.get());
    if (archive_read_open_memory(reader.get(), archive.constData(), size_t(archive.size())) != ARCHIVE_OK)
        return fail(QStringLiteral("not a tar archive: %1").arg(QString::fromUtf8(archive_error_string(reader.get()))));

    QMap<QString, QByteArray> files;
    QStringList directories;
    QStringList skipped;
    qint64 total = 0;
    struct archive_entry *entry = nullptr;
    int status = ARCHIVE_OK;
    while ((status = archive_read_next_header(reader.get(), &entry)) == ARCHIVE_OK) {
        const QString name = QString::fromUtf8(archive_entry_pathname(entry));
        if (name.startsWith(QLatin1Char('/')))
            return fail(QStringLiteral("entry \"%1\" has an absolute path").arg(name));
        QStringList parts;
        for (const QString &part : name.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
            if (part == QLatin1String(".."))
                return fail(QStringLiteral("entry \"%1\" leaves the archive's directory").arg(name));
            if (part != QLatin1String("."))
                parts.append(part);
        }
        if (parts.isEmpty())
            continue; // "./" itself
        const QString path = parts.join(QLatin1Char('/'));
        const auto type = archive_entry_filetype(entry);
        if (type == AE_IFDIR) {
            directories.append(path);
        } else if (type == AE_IFREG && !archive_entry_hardlink(entry)) {
            const la_int64_t size = archive_entry_size(entry);
            total += size;
            if (size < 0 || total > MaximumGraphDataSize)
                return fail(QStringLiteral("the archive is larger than %1 bytes").arg(MaximumGraphDataSize));
            QByteArray content(qsizetype(size), Qt::Uninitialized);
            if (size > 0 && archive_read_data(reader.get(), content.data(), size_t(size)) != size)
                return fail(QStringLiteral("cannot read \"%1\": %2")
                                .arg(path, QString::fromUtf8(archive_error_string(reader.get()))));
            files.insert(path, content);
        } else {
            skipped.append(path);
        }
    }
    if (status != ARCHIVE_EOF)
        return fail(
            QStringLiteral("the archive is damaged: %1").arg(QString::fromUtf8(archive_error_string(reader.get()))));
    if (files.isEmpty())
        return fail(QStringLiteral("the archive holds no file"));
    m_files = files;
    m_directories = directories;
    m_skipped = skipped;
    return true;
}

QByteArray GraphImageBuilder::layerTar(QString *error) const
{
    TarBuilder tar(m_mtime);
    tar.addTree(DataDirectory, m_files, m_directories);
    return tar.finish(error).value_or(QByteArray());
}

std::optional<ImageLayerAppender::Result>
GraphImageBuilder::build(const QByteArray &sourceIndex, const QList<ImageLayerAppender::SourceManifest> &manifests,
                         QString *error) const
{
    if (m_files.isEmpty()) {
        if (error)
            *error = QStringLiteral("no graph data was given");
        return std::nullopt;
    }
    const QByteArray tar = layerTar(error);
    if (tar.isEmpty())
        return std::nullopt;
    ImageLayerAppender appender;
    appender.setLayers(
        {{tar, QStringLiteral("add the OpenShift Update Service graph data at /%1").arg(DataDirectory)}});
    appender.setConfigEditor(
        [](QJsonObject &runtime) { runtime.insert(QStringLiteral("Cmd"), QJsonArray::fromStringList(command())); });
    return appender.build(sourceIndex, manifests, error);
}
