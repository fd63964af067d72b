#include "helmchartreader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <archive.h>
#include <archive_entry.h>

#include <yaml-cpp/yaml.h>

#include <memory>

QString HelmChartReader::sanitisePath(const QString &path)
{
    if (path.startsWith(QLatin1Char('/')) || path.contains(QLatin1Char('\\')))
        return {};
    QStringList parts;
    for (const QString &part : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (part == QLatin1String("."))
            continue;
        if (part == QLatin1String(".."))
            return {};
        parts.append(part);
    }
    return parts.join(QLatin1Char('/'));
}

bool HelmChartReader::extract(const QByteArray &tgz, const QString &label, FileMap *files, QString *error,
                              QStringList *warnings)
{
    std::unique_ptr<archive, decltype(&archive_read_free)> reader(archive_read_new(), &archive_read_free);
    archive_read_support_filter_gzip(reader.get());
    archive_read_support_filter_none(reader.get());
    archive_read_support_format_tar(reader.get());
    if (archive_read_open_memory(reader.get(), tgz.constData(), size_t(tgz.size())) != ARCHIVE_OK) {
        *error = label + QStringLiteral(": not a gzip tar archive: ") +
                 QString::fromUtf8(archive_error_string(reader.get()));
        return false;
    }
    qint64 total = 0;
    archive_entry *entry = nullptr;
    for (;;) {
        const int status = archive_read_next_header(reader.get(), &entry);
        if (status == ARCHIVE_EOF)
            break;
        if (status != ARCHIVE_OK && status != ARCHIVE_WARN) {
            *error =
                label + QStringLiteral(": corrupt archive: ") + QString::fromUtf8(archive_error_string(reader.get()));
            return false;
        }
        const QString rawPath = QString::fromUtf8(
            archive_entry_pathname_utf8(entry) ? archive_entry_pathname_utf8(entry) : archive_entry_pathname(entry));
        if (archive_entry_filetype(entry) != AE_IFREG)
            continue; // folders are implied by file paths; links and devices are never part of a chart
        const QString path = sanitisePath(rawPath);
        if (path.isEmpty()) {
            warnings->append(label + QStringLiteral(": unsafe path \"") + rawPath + QStringLiteral("\" skipped"));
            continue;
        }
        const qint64 size = archive_entry_size(entry);
        if (size > MaxFileSize || total + size > MaxTotalSize) {
            *error = label + QStringLiteral(": ") + path + QStringLiteral(" is too large for a chart file");
            return false;
        }
        QByteArray data;
        data.resize(size);
        const la_ssize_t got = archive_read_data(reader.get(), data.data(), size_t(size));
        if (got < 0 || got != size) {
            *error = label + QStringLiteral(": cannot read ") + path + QStringLiteral(": ") +
                     QString::fromUtf8(archive_error_string(reader.get()));
            return false;
        }
        total += size;
        files->insert(path, data);
    }
    return true;
}

void HelmChartReader::collect(const FileMap &files, const QString &prefix, const QString &displayPath, int depth,
                              const QString &label, Result *result)
{
    const QString chartFile = prefix + QStringLiteral("/Chart.yaml");
    if (!files.contains(chartFile)) {
        result->error = label + QStringLiteral(": ") + displayPath + QStringLiteral(" has no Chart.yaml");
        return;
    }
    Chart chart;
    chart.path = displayPath;
    try {
        const YAML::Node root = YAML::Load(files.value(chartFile).toStdString());
        if (!root.IsMap()) {
            result->error =
                label + QStringLiteral(": ") + displayPath + QStringLiteral("/Chart.yaml: expected a mapping");
            return;
        }
        const auto text = [&root](const char *key) {
            const YAML::Node node = root[key];
            return node && node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
        };
        chart.name = text("name");
        chart.version = text("version");
        chart.appVersion = text("appVersion");
    } catch (const YAML::Exception &e) {
        result->error = label + QStringLiteral(": ") + displayPath + QStringLiteral("/Chart.yaml:") +
                        QString::number(e.mark.line + 1) + QStringLiteral(": not valid YAML: ") +
                        QString::fromStdString(e.msg);
        return;
    }
    if (chart.name.isEmpty()) {
        result->error = label + QStringLiteral(": ") + displayPath +
                        QStringLiteral("/Chart.yaml: name: missing, expected the chart name");
        return;
    }
    chart.valuesYaml = files.value(prefix + QStringLiteral("/values.yaml"));
    const QString templates = prefix + QStringLiteral("/templates/");
    const QString charts = prefix + QStringLiteral("/charts/");
    QStringList subFolders;
    QStringList subArchives;
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString &path = it.key();
        if (path.startsWith(templates) &&
            (path.endsWith(QLatin1String(".yaml")) || path.endsWith(QLatin1String(".yml")))) {
            chart.templates.insert(path.mid(prefix.size() + 1), it.value());
        } else if (path.startsWith(charts)) {
            const QString rest = path.mid(charts.size());
            const qsizetype slash = rest.indexOf(QLatin1Char('/'));
            if (slash < 0 && rest.endsWith(QLatin1String(".tgz")))
                subArchives.append(rest);
            else if (slash > 0 && rest.mid(slash + 1) == QLatin1String("Chart.yaml"))
                subFolders.append(rest.left(slash));
        }
    }
    result->charts.append(chart);
    if (depth >= MaxNesting) {
        if (!subFolders.isEmpty() || !subArchives.isEmpty())
            result->warnings.append(label + QStringLiteral(": ") + displayPath +
                                    QStringLiteral(": sub-charts nested too deeply, not read"));
        return;
    }
    for (const QString &folder : std::as_const(subFolders)) {
        collect(files, charts + folder, displayPath + QStringLiteral("/charts/") + folder, depth + 1, label, result);
        if (!result->isOk())
            return;
    }
    for (const QString &archiveName : std::as_const(subArchives)) {
        const QString nestedLabel =
            label + QStringLiteral(": ") + displayPath + QStringLiteral("/charts/") + archiveName;
        FileMap nested;
        QString error;
        if (!extract(files.value(charts + archiveName), nestedLabel, &nested, &error, &result->warnings)) {
            result->error = error;
            return;
        }
        QSet<QString> tops;
        for (auto it = nested.cbegin(); it != nested.cend(); ++it)
            tops.insert(it.key().section(QLatin1Char('/'), 0, 0));
        if (tops.size() != 1 || nested.isEmpty()) {
            result->error = nestedLabel + QStringLiteral(": expected every file under one top folder <chart>/");
            return;
        }
        // Keys of the nested archive are re-rooted under a prefix no archive path can produce (sanitised paths
        // never start with '/'), so they cannot collide with the outer chart's files.
        FileMap rooted;
        const QString root = QStringLiteral("/nested");
        for (auto it = nested.cbegin(); it != nested.cend(); ++it)
            rooted.insert(root + QLatin1Char('/') + it.key(), it.value());
        const QString top = *tops.cbegin();
        collect(rooted, root + QLatin1Char('/') + top, displayPath + QStringLiteral("/charts/") + top, depth + 1,
                nestedLabel, result);
        if (!result->isOk())
            return;
    }
}

HelmChartReader::Result HelmChartReader::readArchive(const QByteArray &tgz, const QString &label)
{
    Result result;
    FileMap files;
    if (!extract(tgz, label, &files, &result.error, &result.warnings))
        return result;
    QSet<QString> tops;
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        tops.insert(it.key().section(QLatin1Char('/'), 0, 0));
    if (files.isEmpty() || tops.size() != 1 || !files.contains(*tops.cbegin() + QStringLiteral("/Chart.yaml"))) {
        result.error = label + QStringLiteral(": expected a chart archive with every file under one top folder "
                                              "<chart>/ holding Chart.yaml");
        return result;
    }
    const QString top = *tops.cbegin();
    collect(files, top, top, 0, label, &result);
    if (!result.isOk())
        result.charts.clear();
    return result;
}

HelmChartReader::Result HelmChartReader::readFile(const QString &tgzPath)
{
    QFile file(tgzPath);
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        result.error = tgzPath + QStringLiteral(": cannot read: ") + file.errorString();
        return result;
    }
    return readArchive(file.readAll(), tgzPath);
}

HelmChartReader::Result HelmChartReader::readDirectory(const QString &directory)
{
    Result result;
    const QDir dir(directory);
    if (!dir.exists()) {
        result.error = directory + QStringLiteral(": no such chart directory");
        return result;
    }
    const QString top = QFileInfo(dir.absolutePath()).fileName();
    FileMap files;
    qint64 total = 0;
    // Symbolic links are not followed: a chart folder must not pull in files from elsewhere.
    QDirIterator it(dir.absolutePath(), QDir::Files | QDir::NoSymLinks | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = dir.relativeFilePath(path);
        const QFileInfo info(path);
        if (info.size() > MaxFileSize || total + info.size() > MaxTotalSize) {
            result.error = path + QStringLiteral(": too large for a chart file");
            return result;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            result.error = path + QStringLiteral(": cannot read: ") + file.errorString();
            return result;
        }
        total += info.size();
        files.insert(top + QLatin1Char('/') + relative, file.readAll());
    }
    collect(files, top, top, 0, directory, &result);
    if (!result.isOk())
        result.charts.clear();
    return result;
}

HelmChartReader::Result HelmChartReader::read(const QString &path)
{
    return QFileInfo(path).isDir() ? readDirectory(path) : readFile(path);
}
