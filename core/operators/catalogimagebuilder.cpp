#include "catalogimagebuilder.h"

#include "archive/tarbuilder.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>

namespace {
const QString ConfigsDir = QStringLiteral("configs");
} // namespace

QByteArray CatalogImageBuilder::gzip(const QByteArray &data, QString *error)
{
    return TarBuilder::gzip(data, error);
}

bool CatalogImageBuilder::setCatalogDirectory(const QString &directory, QString *error)
{
    QDir root(directory);
    if (!root.exists()) {
        if (error)
            *error = QStringLiteral("%1: no such catalog directory").arg(directory);
        return false;
    }
    QMap<QString, QByteArray> files;
    QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
            return false;
        }
        files.insert(root.relativeFilePath(path), file.readAll());
    }
    m_files = files;
    return true;
}

QByteArray CatalogImageBuilder::configsTar(QString *error) const
{
    TarBuilder tar(m_mtime);
    tar.addTree(ConfigsDir, m_files);
    return tar.finish(error).value_or(QByteArray());
}

QByteArray CatalogImageBuilder::whiteoutTar(QString *error) const
{
    TarBuilder tar(m_mtime);
    tar.addFile(QStringLiteral(".wh.") + ConfigsDir, QByteArray());
    return tar.finish(error).value_or(QByteArray());
}

std::optional<CatalogImageBuilder::Result>
CatalogImageBuilder::build(const QByteArray &sourceIndex, const QList<SourceManifest> &manifests, QString *error) const
{
    const auto fail = [error](const QString &message) -> std::optional<Result> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (manifests.isEmpty())
        return fail(QStringLiteral("no source manifest given"));
    if (m_files.isEmpty())
        return fail(QStringLiteral("the filtered catalog has no files"));

    Result result;
    QString tarError;
    result.whiteoutTar = whiteoutTar(&tarError);
    if (result.whiteoutTar.isEmpty())
        return fail(tarError);
    result.configsTar = configsTar(&tarError);
    if (result.configsTar.isEmpty())
        return fail(tarError);

    ImageLayerAppender appender;
    appender.setAuthor(m_author);
    appender.setLayers({{result.whiteoutTar, QStringLiteral("remove the original /configs")},
                        {result.configsTar, QStringLiteral("add the filtered catalog at /configs")}});
    appender.setConfigEditor([](QJsonObject &runtime) {
        runtime.insert(QStringLiteral("Cmd"), QJsonArray{QStringLiteral("serve"), QStringLiteral("/configs")});
        QJsonObject labels = runtime.value(QLatin1String("Labels")).toObject();
        labels.insert(ConfigsLabel, QStringLiteral("/configs"));
        runtime.insert(QStringLiteral("Labels"), labels);
    });
    const auto built = appender.build(sourceIndex, manifests, error);
    if (!built)
        return std::nullopt;
    result.layers = built->layers;
    result.configs = built->configs;
    result.manifests = built->manifests;
    result.index = built->index;
    return result;
}
