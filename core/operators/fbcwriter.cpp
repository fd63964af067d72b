#include "fbcwriter.h"

#include "workspace/atomicfilewriter.h"

#include "gojson.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

namespace {

// opm's declcfg struct field order; keys not listed follow sorted.
QStringList keyOrder(const QString &parentKey, const QJsonObject &object)
{
    if (parentKey.isEmpty()) {
        const QString schema = object.value(QLatin1String("schema")).toString();
        if (schema == QLatin1String("olm.package"))
            return {QStringLiteral("schema"), QStringLiteral("name"),        QStringLiteral("defaultChannel"),
                    QStringLiteral("icon"),   QStringLiteral("description"), QStringLiteral("properties")};
        if (schema == QLatin1String("olm.channel"))
            return {QStringLiteral("schema"), QStringLiteral("name"), QStringLiteral("package"),
                    QStringLiteral("entries"), QStringLiteral("properties")};
        if (schema == QLatin1String("olm.bundle"))
            return {QStringLiteral("schema"), QStringLiteral("name"),       QStringLiteral("package"),
                    QStringLiteral("image"),  QStringLiteral("properties"), QStringLiteral("relatedImages")};
        if (schema == QLatin1String("olm.deprecations"))
            return {QStringLiteral("schema"), QStringLiteral("package"), QStringLiteral("entries")};
        return {QStringLiteral("schema"), QStringLiteral("package"), QStringLiteral("name")};
    }
    if (parentKey == QLatin1String("entries"))
        return {QStringLiteral("name"),      QStringLiteral("replaces"),  QStringLiteral("skips"),
                QStringLiteral("skipRange"), QStringLiteral("reference"), QStringLiteral("message")};
    if (parentKey == QLatin1String("reference"))
        return {QStringLiteral("schema"), QStringLiteral("name")};
    if (parentKey == QLatin1String("properties"))
        return {QStringLiteral("type"), QStringLiteral("value")};
    if (parentKey == QLatin1String("relatedImages"))
        return {QStringLiteral("name"), QStringLiteral("image")};
    if (parentKey == QLatin1String("icon"))
        return {QStringLiteral("base64data"), QStringLiteral("mediatype")};
    return {};
}

template<typename Blob>
QList<const Blob *> sortedByName(QList<const Blob *> blobs)
{
    std::stable_sort(blobs.begin(), blobs.end(), [](const Blob *a, const Blob *b) { return a->name < b->name; });
    return blobs;
}

} // namespace

QByteArray FbcWriter::blobJson(const QJsonObject &blob)
{
    return GoJson::serialize(blob, 4, false, keyOrder) + '\n';
}

QMap<QString, QByteArray> FbcWriter::render(const FileBasedCatalog &catalog)
{
    QMap<QString, QByteArray> files;
    QStringList packages = catalog.packageNames();
    // Blobs of packages that have no olm.package blob still get their directory.
    for (const FbcChannel &channel : catalog.channels())
        packages.append(channel.package);
    for (const FbcBundle &bundle : catalog.bundles())
        packages.append(bundle.package);
    for (const FbcDeprecation &deprecation : catalog.deprecations())
        packages.append(deprecation.package);
    for (const FbcMeta &meta : catalog.others())
        packages.append(meta.package);
    packages.removeDuplicates();
    packages.sort();

    for (const QString &name : std::as_const(packages)) {
        QByteArray content;
        if (!name.isEmpty()) {
            if (const FbcPackage *package = catalog.package(name))
                content += blobJson(package->object());
            for (const FbcChannel *channel : sortedByName(catalog.channelsOf(name)))
                content += blobJson(channel->object());
            for (const FbcBundle *bundle : sortedByName(catalog.bundlesOf(name)))
                content += blobJson(bundle->object());
        }
        QList<const FbcMeta *> others = catalog.othersOf(name);
        std::stable_sort(others.begin(), others.end(), [](const FbcMeta *a, const FbcMeta *b) {
            return a->schema != b->schema ? a->schema < b->schema : a->name < b->name;
        });
        for (const FbcMeta *meta : std::as_const(others))
            content += blobJson(meta->object());
        if (!name.isEmpty()) {
            if (const FbcDeprecation *deprecation = catalog.deprecationOf(name))
                content += blobJson(deprecation->object());
        }
        if (!content.isEmpty())
            files.insert((name.isEmpty() ? QStringLiteral("__global") : name) + QStringLiteral("/catalog.json"),
                         content);
    }
    return files;
}

bool FbcWriter::write(const FileBasedCatalog &catalog, const QString &directory, QString *error)
{
    const QMap<QString, QByteArray> files = render(catalog);
    QDir root(directory);
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (!AtomicFileWriter::write(root.filePath(it.key()), it.value(), error))
            return false;
    }
    return true;
}
