#include "configloader.h"

#include "configparsecontext.h"
#include "configvalidator.h"
#include "yamlscalar.h"

#include <yaml-cpp/yaml.h>

#include <QFile>
#include <QSet>

static PlatformFilter readPlatformFilter(ConfigParseContext &ctx, const YAML::Node &node, const QString &path,
                                         ConfigMark mark)
{
    PlatformFilter filter;
    static const QStringList known = {QStringLiteral("os"), QStringLiteral("architecture")};
    for (const YamlField &field : ctx.fields(node, path, mark, known)) {
        if (field.name == QLatin1String("os"))
            filter.os = ctx.string(field).value_or(QString());
        else
            filter.architecture = ctx.string(field).value_or(QString());
    }
    return filter;
}

static QList<PlatformFilter> readPlatformFilters(ConfigParseContext &ctx, const YamlField &field)
{
    QList<PlatformFilter> filters;
    ctx.forEachItem(field, [&](const YAML::Node &item, const QString &path, ConfigMark mark) {
        filters.append(readPlatformFilter(ctx, item, path, mark));
    });
    return filters;
}

static ReleaseChannel readReleaseChannel(ConfigParseContext &ctx, const YAML::Node &node, const QString &path,
                                         ConfigMark mark)
{
    ReleaseChannel channel;
    static const QStringList known = {QStringLiteral("name"),         QStringLiteral("type"),
                                      QStringLiteral("minVersion"),   QStringLiteral("maxVersion"),
                                      QStringLiteral("shortestPath"), QStringLiteral("full")};
    for (const YamlField &field : ctx.fields(node, path, mark, known)) {
        if (field.name == QLatin1String("name"))
            channel.name = ctx.string(field).value_or(QString());
        else if (field.name == QLatin1String("type"))
            channel.type = ctx.string(field);
        else if (field.name == QLatin1String("minVersion"))
            channel.minVersion = ctx.string(field);
        else if (field.name == QLatin1String("maxVersion"))
            channel.maxVersion = ctx.string(field);
        else if (field.name == QLatin1String("shortestPath"))
            channel.shortestPath = ctx.boolean(field);
        else
            channel.full = ctx.boolean(field);
    }
    return channel;
}

static PlatformConfig readPlatform(ConfigParseContext &ctx, const YamlField &platformField)
{
    PlatformConfig platform;
    static const QStringList known = {QStringLiteral("graph"),         QStringLiteral("channels"),
                                      QStringLiteral("architectures"), QStringLiteral("platforms"),
                                      QStringLiteral("release"),       QStringLiteral("kubeVirtContainer")};
    for (const YamlField &field : ctx.fields(platformField.value, platformField.path, platformField.valueMark, known)) {
        if (field.name == QLatin1String("graph")) {
            platform.graph = ctx.boolean(field);
        } else if (field.name == QLatin1String("channels")) {
            ctx.forEachItem(field, [&](const YAML::Node &item, const QString &path, ConfigMark mark) {
                platform.channels.append(readReleaseChannel(ctx, item, path, mark));
            });
        } else if (field.name == QLatin1String("architectures")) {
            platform.architectures = ctx.stringList(field);
        } else if (field.name == QLatin1String("platforms")) {
            platform.platforms = readPlatformFilters(ctx, field);
        } else if (field.name == QLatin1String("release")) {
            platform.release = ctx.string(field);
        } else {
            platform.kubeVirtContainer = ctx.boolean(field);
        }
    }
    return platform;
}

static OperatorChannel readOperatorChannel(ConfigParseContext &ctx, const YAML::Node &node, const QString &path,
                                           ConfigMark mark)
{
    OperatorChannel channel;
    static const QStringList known = {QStringLiteral("name"), QStringLiteral("minVersion"),
                                      QStringLiteral("maxVersion")};
    for (const YamlField &field : ctx.fields(node, path, mark, known)) {
        if (field.name == QLatin1String("name"))
            channel.name = ctx.string(field).value_or(QString());
        else if (field.name == QLatin1String("minVersion"))
            channel.minVersion = ctx.string(field);
        else
            channel.maxVersion = ctx.string(field);
    }
    return channel;
}

static OperatorPackage readOperatorPackage(ConfigParseContext &ctx, const YAML::Node &node, const QString &path,
                                           ConfigMark mark)
{
    OperatorPackage package;
    static const QStringList known = {QStringLiteral("name"),       QStringLiteral("defaultChannel"),
                                      QStringLiteral("minVersion"), QStringLiteral("maxVersion"),
                                      QStringLiteral("channels"),   QStringLiteral("bundles")};
    for (const YamlField &field : ctx.fields(node, path, mark, known)) {
        if (field.name == QLatin1String("name")) {
            package.name = ctx.string(field).value_or(QString());
        } else if (field.name == QLatin1String("defaultChannel")) {
            package.defaultChannel = ctx.string(field);
        } else if (field.name == QLatin1String("minVersion")) {
            package.minVersion = ctx.string(field);
        } else if (field.name == QLatin1String("maxVersion")) {
            package.maxVersion = ctx.string(field);
        } else if (field.name == QLatin1String("channels")) {
            ctx.forEachItem(field, [&](const YAML::Node &item, const QString &itemPath, ConfigMark itemMark) {
                package.channels.append(readOperatorChannel(ctx, item, itemPath, itemMark));
            });
        } else {
            ctx.forEachItem(field, [&](const YAML::Node &item, const QString &itemPath, ConfigMark itemMark) {
                OperatorBundle bundle;
                for (const YamlField &bundleField : ctx.fields(item, itemPath, itemMark, {QStringLiteral("name")}))
                    bundle.name = ctx.string(bundleField).value_or(QString());
                package.bundles.append(bundle);
            });
        }
    }
    return package;
}

static OperatorCatalog readOperatorCatalog(ConfigParseContext &ctx, const YAML::Node &node, const QString &path,
                                           ConfigMark mark)
{
    OperatorCatalog catalog;
    static const QStringList known = {QStringLiteral("catalog"),          QStringLiteral("targetCatalog"),
                                      QStringLiteral("targetTag"),        QStringLiteral("full"),
                                      QStringLiteral("skipDependencies"), QStringLiteral("targetCatalogSourceTemplate"),
                                      QStringLiteral("platforms"),        QStringLiteral("packages")};
    for (const YamlField &field : ctx.fields(node, path, mark, known)) {
        if (field.name == QLatin1String("catalog")) {
            catalog.catalog = ctx.string(field).value_or(QString());
        } else if (field.name == QLatin1String("targetCatalog")) {
            catalog.targetCatalog = ctx.string(field);
        } else if (field.name == QLatin1String("targetTag")) {
            catalog.targetTag = ctx.string(field);
        } else if (field.name == QLatin1String("full")) {
            catalog.full = ctx.boolean(field);
        } else if (field.name == QLatin1String("skipDependencies")) {
            catalog.skipDependencies = ctx.boolean(field);
        } else if (field.name == QLatin1String("targetCatalogSourceTemplate")) {
            catalog.targetCatalogSourceTemplate = ctx.string(field);
        } else if (field.name == QLatin1String("platforms")) {
            catalog.platforms = readPlatformFilters(ctx, field);
        } else {
            ctx.forEachItem(field, [&](const YAML::Node &item, const QString &itemPath, ConfigMark itemMark) {
                catalog.packages.append(readOperatorPackage(ctx, item, itemPath, itemMark));
            });
        }
    }
    return catalog;
}

static AdditionalImage readAdditionalImage(ConfigParseContext &ctx, const YAML::Node &node, const QString &path,
                                           ConfigMark mark)
{
    AdditionalImage image;
    static const QStringList known = {QStringLiteral("name"), QStringLiteral("targetRepo"), QStringLiteral("targetTag"),
                                      QStringLiteral("platforms")};
    for (const YamlField &field : ctx.fields(node, path, mark, known)) {
        if (field.name == QLatin1String("name"))
            image.name = ctx.string(field).value_or(QString());
        else if (field.name == QLatin1String("targetRepo"))
            image.targetRepo = ctx.string(field);
        else if (field.name == QLatin1String("targetTag"))
            image.targetTag = ctx.string(field);
        else
            image.platforms = readPlatformFilters(ctx, field);
    }
    return image;
}

static HelmChart readHelmChart(ConfigParseContext &ctx, const YAML::Node &node, const QString &path, ConfigMark mark)
{
    HelmChart chart;
    static const QStringList known = {QStringLiteral("name"), QStringLiteral("version"), QStringLiteral("path"),
                                      QStringLiteral("imagePaths"), QStringLiteral("platforms")};
    for (const YamlField &field : ctx.fields(node, path, mark, known)) {
        if (field.name == QLatin1String("name"))
            chart.name = ctx.string(field).value_or(QString());
        else if (field.name == QLatin1String("version"))
            chart.version = ctx.string(field);
        else if (field.name == QLatin1String("path"))
            chart.path = ctx.string(field);
        else if (field.name == QLatin1String("imagePaths"))
            chart.imagePaths = ctx.stringList(field);
        else
            chart.platforms = readPlatformFilters(ctx, field);
    }
    return chart;
}

static HelmConfig readHelm(ConfigParseContext &ctx, const YamlField &helmField)
{
    HelmConfig helm;
    static const QStringList known = {QStringLiteral("repositories"), QStringLiteral("local")};
    for (const YamlField &field : ctx.fields(helmField.value, helmField.path, helmField.valueMark, known)) {
        if (field.name == QLatin1String("repositories")) {
            ctx.forEachItem(field, [&](const YAML::Node &item, const QString &path, ConfigMark mark) {
                HelmRepository repository;
                static const QStringList repositoryFields = {QStringLiteral("url"), QStringLiteral("name"),
                                                             QStringLiteral("charts")};
                for (const YamlField &repoField : ctx.fields(item, path, mark, repositoryFields)) {
                    if (repoField.name == QLatin1String("url")) {
                        repository.url = ctx.string(repoField).value_or(QString());
                    } else if (repoField.name == QLatin1String("name")) {
                        repository.name = ctx.string(repoField).value_or(QString());
                    } else {
                        ctx.forEachItem(repoField,
                                        [&](const YAML::Node &chart, const QString &chartPath, ConfigMark chartMark) {
                                            repository.charts.append(readHelmChart(ctx, chart, chartPath, chartMark));
                                        });
                    }
                }
                helm.repositories.append(repository);
            });
        } else {
            ctx.forEachItem(field, [&](const YAML::Node &item, const QString &path, ConfigMark mark) {
                helm.local.append(readHelmChart(ctx, item, path, mark));
            });
        }
    }
    return helm;
}

static ImageSetContent readContent(ConfigParseContext &ctx, const YamlField &contentField)
{
    ImageSetContent content;
    static const QStringList known = {QStringLiteral("platform"),         QStringLiteral("operators"),
                                      QStringLiteral("additionalImages"), QStringLiteral("helm"),
                                      QStringLiteral("blockedImages"),    QStringLiteral("samples")};
    for (const YamlField &field : ctx.fields(contentField.value, contentField.path, contentField.valueMark, known)) {
        if (field.name == QLatin1String("platform")) {
            if (ctx.isMap(field))
                content.platform = readPlatform(ctx, field);
        } else if (field.name == QLatin1String("operators")) {
            ctx.forEachItem(field, [&](const YAML::Node &item, const QString &path, ConfigMark mark) {
                content.operators.append(readOperatorCatalog(ctx, item, path, mark));
            });
        } else if (field.name == QLatin1String("additionalImages")) {
            ctx.forEachItem(field, [&](const YAML::Node &item, const QString &path, ConfigMark mark) {
                content.additionalImages.append(readAdditionalImage(ctx, item, path, mark));
            });
        } else if (field.name == QLatin1String("helm")) {
            if (ctx.isMap(field))
                content.helm = readHelm(ctx, field);
        } else if (field.name == QLatin1String("blockedImages")) {
            ctx.forEachItem(field, [&](const YAML::Node &item, const QString &path, ConfigMark mark) {
                BlockedImage blocked;
                for (const YamlField &nameField : ctx.fields(item, path, mark, {QStringLiteral("name")}))
                    blocked.name = ctx.string(nameField).value_or(QString());
                content.blockedImages.append(blocked);
            });
        } else {
            ctx.forEachItem(field, [&](const YAML::Node &item, const QString &path, ConfigMark mark) {
                SampleImage sample;
                for (const YamlField &nameField : ctx.fields(item, path, mark, {QStringLiteral("name")}))
                    sample.name = ctx.string(nameField).value_or(QString());
                content.samples.append(sample);
            });
        }
    }
    return content;
}

// A field that could not be read is left unset; the validator would then also call it missing. Keep only the
// reading error for such a field.
static void appendValidationErrors(ConfigParseContext &ctx, const QList<ConfigError> &validationErrors)
{
    QSet<QString> unreadable;
    for (const ConfigError &error : std::as_const(ctx.errors()))
        unreadable.insert(error.path);
    for (const ConfigError &error : validationErrors) {
        if (!unreadable.contains(error.path))
            ctx.errors().append(error);
    }
}

ConfigLoadResult ConfigLoader::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ConfigLoadResult result;
        result.errors.append({path, 0, 0, QString(), QStringLiteral("cannot read the file: ") + file.errorString()});
        return result;
    }
    return loadData(file.readAll(), path);
}

ConfigLoadResult ConfigLoader::loadData(const QByteArray &yaml, const QString &fileName)
{
    ConfigLoadResult result;
    ConfigParseContext ctx(fileName);
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::ParserException &e) {
        ctx.addError({e.mark.line + 1, e.mark.column + 1}, QString(),
                     QStringLiteral("invalid YAML: ") + QString::fromStdString(e.msg));
        result.errors = ctx.errors();
        return result;
    } catch (const YAML::Exception &e) {
        ctx.addError({qMax(1, e.mark.line + 1), qMax(1, e.mark.column + 1)}, QString(),
                     QStringLiteral("invalid YAML: ") + QString::fromStdString(e.msg));
        result.errors = ctx.errors();
        return result;
    }

    ConfigMark rootMark = ConfigParseContext::mark(root);
    if (!rootMark.isValid())
        rootMark = {1, 1};
    ctx.sourceMap().insert(QString(), rootMark, rootMark);
    if (root.IsDefined() && !root.IsNull() && !root.IsMap()) {
        ctx.addError(rootMark, QString(),
                     QStringLiteral("expected a map at the top level, found ") + YamlScalar::describe(root));
        result.errors = ctx.errors();
        return result;
    }

    // oc-mirror looks up kind, mirror and delete by their exact names before decoding anything else.
    static const QStringList known = {QStringLiteral("kind"), QStringLiteral("apiVersion"),
                                      QStringLiteral("archiveSize"), QStringLiteral("mirror"),
                                      QStringLiteral("delete")};
    const QList<YamlField> fields = ctx.fields(root, QString(), rootMark, known, Qt::CaseSensitive);
    const auto find = [&fields](QLatin1String name) -> const YamlField * {
        for (const YamlField &field : fields) {
            if (field.name == name)
                return &field;
        }
        return nullptr;
    };

    const YamlField *kindField = find(QLatin1String("kind"));
    if (!kindField) {
        ctx.addError(rootMark, QString(), QStringLiteral("configuration missing 'kind'"));
    } else if (const auto kind = ctx.string(*kindField)) {
        if (*kind == ImageSetConfiguration::kindName())
            result.kind = ConfigKind::ImageSetConfiguration;
        else if (*kind == DeleteImageSetConfiguration::kindName())
            result.kind = ConfigKind::DeleteImageSetConfiguration;
        else
            ctx.addError(kindField->valueMark, kindField->path,
                         QStringLiteral("unsupported kind \"") + *kind +
                             QStringLiteral("\": expected ImageSetConfiguration or DeleteImageSetConfiguration"));
    } else if (kindField->value.IsNull()) {
        ctx.addError(kindField->keyMark, kindField->path, QStringLiteral("configuration missing 'kind'"));
    }
    if (result.kind == ConfigKind::Unknown) {
        // Without a kind the other fields mean nothing: report only why the kind is unusable.
        ctx.errors().removeIf(
            [](const ConfigError &error) { return !error.path.isEmpty() && error.path != QLatin1String("kind"); });
        ConfigError::sortByPosition(ctx.errors());
        result.errors = ctx.errors();
        result.sourceMap = ctx.sourceMap();
        return result;
    }

    const bool isMirror = result.kind == ConfigKind::ImageSetConfiguration;
    const QLatin1String kindName =
        isMirror ? ImageSetConfiguration::kindName() : DeleteImageSetConfiguration::kindName();
    const QLatin1String wanted = isMirror ? QLatin1String("mirror") : QLatin1String("delete");
    const QLatin1String unwanted = isMirror ? QLatin1String("delete") : QLatin1String("mirror");
    const YamlField *contentField = find(wanted);
    if (!contentField)
        ctx.addError(rootMark, QString(),
                     QStringLiteral("configuration missing the '") + wanted + QStringLiteral("' stanza"));
    if (const YamlField *other = find(unwanted))
        ctx.addError(other->keyMark, other->path, QStringLiteral("is not allowed in ") + kindName);

    std::optional<QString> apiVersion;
    std::optional<qint64> archiveSize;
    ImageSetContent content;
    for (const YamlField &field : fields) {
        if (field.name == QLatin1String("apiVersion")) {
            apiVersion = ctx.string(field);
        } else if (field.name == QLatin1String("archiveSize")) {
            if (isMirror)
                archiveSize = ctx.integer(field);
            else // oc-mirror's delete type has no archiveSize: its strict decoder refuses the field
                ctx.addError(field.keyMark, field.path, QStringLiteral("unknown field \"archiveSize\""));
        } else if (field.name == wanted) {
            if (ctx.isMap(field))
                content = readContent(ctx, field);
        }
    }

    if (isMirror) {
        ImageSetConfiguration config;
        config.apiVersion = apiVersion;
        config.archiveSize = archiveSize;
        config.mirror = content;
        appendValidationErrors(ctx, ConfigValidator::validate(config, ctx.sourceMap(), fileName));
        result.imageSetConfiguration = config;
    } else {
        DeleteImageSetConfiguration config;
        config.apiVersion = apiVersion;
        config.deleteContent = content;
        ConfigValidator::applyDeleteDefaults(config);
        appendValidationErrors(ctx, ConfigValidator::validate(config, ctx.sourceMap(), fileName));
        result.deleteImageSetConfiguration = config;
    }
    ConfigError::sortByPosition(ctx.errors());
    result.errors = ctx.errors();
    result.sourceMap = ctx.sourceMap();
    return result;
}
