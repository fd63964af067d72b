#include "configwriter.h"

#include "yamlblockwriter.h"

#include <QSaveFile>

static void writeOptional(YamlBlockWriter &out, const QString &key, const std::optional<QString> &value)
{
    if (value)
        out.string(key, *value);
}

static void writeOptional(YamlBlockWriter &out, const QString &key, const std::optional<bool> &value)
{
    if (value)
        out.boolean(key, *value);
}

static void writePlatformFilters(YamlBlockWriter &out, const QList<PlatformFilter> &filters)
{
    if (filters.isEmpty())
        return;
    out.beginList(QStringLiteral("platforms"));
    for (const PlatformFilter &filter : filters) {
        out.beginItem();
        out.string(QStringLiteral("architecture"), filter.architecture);
        out.string(QStringLiteral("os"), filter.os);
        out.endItem();
    }
    out.endList();
}

static void writeNames(YamlBlockWriter &out, const QString &key, const QStringList &names)
{
    if (names.isEmpty())
        return;
    out.beginList(key);
    for (const QString &name : names) {
        out.beginItem();
        out.string(QStringLiteral("name"), name);
        out.endItem();
    }
    out.endList();
}

static void writeStrings(YamlBlockWriter &out, const QString &key, const QStringList &values)
{
    if (values.isEmpty())
        return;
    out.beginList(key);
    for (const QString &value : values)
        out.stringItem(value);
    out.endList();
}

static void writeChart(YamlBlockWriter &out, const HelmChart &chart)
{
    out.beginItem();
    writeStrings(out, QStringLiteral("imagePaths"), chart.imagePaths);
    out.string(QStringLiteral("name"), chart.name);
    writeOptional(out, QStringLiteral("path"), chart.path);
    writePlatformFilters(out, chart.platforms);
    writeOptional(out, QStringLiteral("version"), chart.version);
    out.endItem();
}

static void writeHelm(YamlBlockWriter &out, const HelmConfig &helm)
{
    if (helm.isEmpty()) {
        out.emptyMap(QStringLiteral("helm"));
        return;
    }
    out.beginMap(QStringLiteral("helm"));
    if (!helm.local.isEmpty()) {
        out.beginList(QStringLiteral("local"));
        for (const HelmChart &chart : helm.local)
            writeChart(out, chart);
        out.endList();
    }
    if (!helm.repositories.isEmpty()) {
        out.beginList(QStringLiteral("repositories"));
        for (const HelmRepository &repository : helm.repositories) {
            out.beginItem();
            if (!repository.charts.isEmpty()) {
                out.beginList(QStringLiteral("charts"));
                for (const HelmChart &chart : repository.charts)
                    writeChart(out, chart);
                out.endList();
            }
            out.string(QStringLiteral("name"), repository.name);
            out.string(QStringLiteral("url"), repository.url);
            out.endItem();
        }
        out.endList();
    }
    out.endMap();
}

static void writePackage(YamlBlockWriter &out, const OperatorPackage &package)
{
    out.beginItem();
    QStringList bundleNames;
    for (const OperatorBundle &bundle : package.bundles)
        bundleNames.append(bundle.name);
    writeNames(out, QStringLiteral("bundles"), bundleNames);
    if (!package.channels.isEmpty()) {
        out.beginList(QStringLiteral("channels"));
        for (const OperatorChannel &channel : package.channels) {
            out.beginItem();
            writeOptional(out, QStringLiteral("maxVersion"), channel.maxVersion);
            writeOptional(out, QStringLiteral("minVersion"), channel.minVersion);
            out.string(QStringLiteral("name"), channel.name);
            out.endItem();
        }
        out.endList();
    }
    writeOptional(out, QStringLiteral("defaultChannel"), package.defaultChannel);
    writeOptional(out, QStringLiteral("maxVersion"), package.maxVersion);
    writeOptional(out, QStringLiteral("minVersion"), package.minVersion);
    out.string(QStringLiteral("name"), package.name);
    out.endItem();
}

static void writeOperators(YamlBlockWriter &out, const QList<OperatorCatalog> &operators)
{
    if (operators.isEmpty())
        return;
    out.beginList(QStringLiteral("operators"));
    for (const OperatorCatalog &catalog : operators) {
        out.beginItem();
        out.string(QStringLiteral("catalog"), catalog.catalog);
        writeOptional(out, QStringLiteral("full"), catalog.full);
        if (!catalog.packages.isEmpty()) {
            out.beginList(QStringLiteral("packages"));
            for (const OperatorPackage &package : catalog.packages)
                writePackage(out, package);
            out.endList();
        }
        writePlatformFilters(out, catalog.platforms);
        writeOptional(out, QStringLiteral("skipDependencies"), catalog.skipDependencies);
        writeOptional(out, QStringLiteral("targetCatalog"), catalog.targetCatalog);
        writeOptional(out, QStringLiteral("targetCatalogSourceTemplate"), catalog.targetCatalogSourceTemplate);
        writeOptional(out, QStringLiteral("targetTag"), catalog.targetTag);
        out.endItem();
    }
    out.endList();
}

static void writePlatform(YamlBlockWriter &out, const PlatformConfig &platform)
{
    if (platform.isEmpty()) {
        out.emptyMap(QStringLiteral("platform"));
        return;
    }
    out.beginMap(QStringLiteral("platform"));
    writeStrings(out, QStringLiteral("architectures"), platform.architectures);
    if (!platform.channels.isEmpty()) {
        out.beginList(QStringLiteral("channels"));
        for (const ReleaseChannel &channel : platform.channels) {
            out.beginItem();
            writeOptional(out, QStringLiteral("full"), channel.full);
            writeOptional(out, QStringLiteral("maxVersion"), channel.maxVersion);
            writeOptional(out, QStringLiteral("minVersion"), channel.minVersion);
            out.string(QStringLiteral("name"), channel.name);
            writeOptional(out, QStringLiteral("shortestPath"), channel.shortestPath);
            writeOptional(out, QStringLiteral("type"), channel.type);
            out.endItem();
        }
        out.endList();
    }
    writeOptional(out, QStringLiteral("graph"), platform.graph);
    writeOptional(out, QStringLiteral("kubeVirtContainer"), platform.kubeVirtContainer);
    writePlatformFilters(out, platform.platforms);
    writeOptional(out, QStringLiteral("release"), platform.release);
    out.endMap();
}

static void writeContent(YamlBlockWriter &out, const QString &key, const ImageSetContent &content)
{
    if (content == ImageSetContent()) {
        out.emptyMap(key);
        return;
    }
    out.beginMap(key);
    if (!content.additionalImages.isEmpty()) {
        out.beginList(QStringLiteral("additionalImages"));
        for (const AdditionalImage &image : content.additionalImages) {
            out.beginItem();
            out.string(QStringLiteral("name"), image.name);
            writePlatformFilters(out, image.platforms);
            writeOptional(out, QStringLiteral("targetRepo"), image.targetRepo);
            writeOptional(out, QStringLiteral("targetTag"), image.targetTag);
            out.endItem();
        }
        out.endList();
    }
    QStringList blocked;
    for (const BlockedImage &image : content.blockedImages)
        blocked.append(image.name);
    writeNames(out, QStringLiteral("blockedImages"), blocked);
    if (content.helm)
        writeHelm(out, *content.helm);
    writeOperators(out, content.operators);
    if (content.platform)
        writePlatform(out, *content.platform);
    QStringList samples;
    for (const SampleImage &sample : content.samples)
        samples.append(sample.name);
    writeNames(out, QStringLiteral("samples"), samples);
    out.endMap();
}

QByteArray ConfigWriter::write(const ImageSetConfiguration &config)
{
    YamlBlockWriter out;
    writeOptional(out, QStringLiteral("apiVersion"), config.apiVersion);
    if (config.archiveSize)
        out.integer(QStringLiteral("archiveSize"), *config.archiveSize);
    out.string(QStringLiteral("kind"), ImageSetConfiguration::kindName());
    writeContent(out, QStringLiteral("mirror"), config.mirror);
    return out.data();
}

QByteArray ConfigWriter::write(const DeleteImageSetConfiguration &config)
{
    YamlBlockWriter out;
    writeOptional(out, QStringLiteral("apiVersion"), config.apiVersion);
    writeContent(out, QStringLiteral("delete"), config.deleteContent);
    out.string(QStringLiteral("kind"), DeleteImageSetConfiguration::kindName());
    return out.data();
}

bool ConfigWriter::writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write ") + path + QStringLiteral(": ") + file.errorString();
        return false;
    }
    return true;
}
