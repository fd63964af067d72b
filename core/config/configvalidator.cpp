#include "configvalidator.h"

#include "configparsecontext.h"
#include "registry/imagereference.h"
#include "semanticversion.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

// Collects errors with the positions of the fields they concern.
class ValidationReport
{
public:
    ValidationReport(const ConfigSourceMap &sourceMap, const QString &fileName)
        : m_sourceMap(sourceMap)
        , m_fileName(fileName)
    {
    }

    void add(const QString &path, const QString &message)
    {
        const ConfigMark mark = m_sourceMap.valueMark(path);
        m_errors.append({m_fileName, mark.line, mark.column, path, message});
    }
    QList<ConfigError> errors() const { return m_errors; }

private:
    const ConfigSourceMap &m_sourceMap;
    QString m_fileName;
    QList<ConfigError> m_errors;
};

static QString quote(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

static QString child(const QString &path, const char *key)
{
    return ConfigParseContext::childPath(path, QLatin1String(key));
}

static const QString &pathComponentHelp()
{
    static const QString help = QStringLiteral(
        "expected 1 or more path components separated by /, each made of [a-z0-9] runs joined by \".\", \"_\", "
        "\"__\" or dashes, without a tag or digest");
    return help;
}

static bool isValidTargetPath(const QString &path)
{
    // oc-mirror's IsValidPathComponent grammar (also what ImageReference accepts as a repository path).
    static const QRegularExpression pattern(
        QStringLiteral("^[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*)*$"));
    return pattern.match(path).hasMatch();
}

static std::optional<SemanticVersion> checkVersion(ValidationReport &report, const QString &path, const char *field,
                                                   const std::optional<QString> &value)
{
    if (!value)
        return std::nullopt;
    QString error;
    const auto version = SemanticVersion::parseTolerant(*value, &error);
    if (!version)
        report.add(path, quote(*value) + QStringLiteral(" is not a semantic version (") + QLatin1String(field) +
                             QLatin1Char(' ') + quote(*value) +
                             QStringLiteral(" must respect semantic versioning notation)"));
    return version;
}

static void checkRange(ValidationReport &report, const QString &path, const std::optional<QString> &minVersion,
                       const std::optional<QString> &maxVersion)
{
    const auto min = checkVersion(report, child(path, "minVersion"), "minVersion", minVersion);
    const auto max = checkVersion(report, child(path, "maxVersion"), "maxVersion", maxVersion);
    if (min && max && *max < *min)
        report.add(child(path, "maxVersion"), QStringLiteral("maxVersion ") + quote(*maxVersion) +
                                                  QStringLiteral(" is lower than minVersion ") + quote(*minVersion) +
                                                  QStringLiteral(": the range selects nothing"));
}

static void checkPlatformFilters(ValidationReport &report, const QString &path, const QList<PlatformFilter> &filters)
{
    for (qsizetype i = 0; i < filters.size(); ++i) {
        const QString itemPath = ConfigParseContext::itemPath(path, i);
        if (filters[i].os.isEmpty())
            report.add(child(itemPath, "os"), QStringLiteral("platform OS must not be empty (architecture: ") +
                                                  quote(filters[i].architecture) + QLatin1Char(')'));
        if (filters[i].architecture.isEmpty())
            report.add(child(itemPath, "architecture"),
                       QStringLiteral("platform architecture must not be empty (OS: ") + quote(filters[i].os) +
                           QLatin1Char(')'));
    }
}

// A reference to an image in a registry, or an `oci://` layout path; returns whether it is usable.
static std::optional<ImageReference> checkImage(ValidationReport &report, const QString &path, const QString &name,
                                                bool *isOci = nullptr)
{
    if (isOci)
        *isOci = false;
    if (name.startsWith(QLatin1String("oci://"))) {
        if (isOci)
            *isOci = true;
        if (name.size() == 6)
            report.add(path, QStringLiteral("the oci:// reference names no path"));
        return std::nullopt;
    }
    QString error;
    const auto reference = ImageReference::parse(name, &error);
    if (!reference)
        report.add(path, error.isEmpty() ? QStringLiteral("invalid image reference ") + quote(name) : error);
    return reference;
}

static void checkTargets(ValidationReport &report, const QString &path, const char *pathField,
                         const std::optional<QString> &targetPath, const std::optional<QString> &targetTag)
{
    if (targetPath && !isValidTargetPath(*targetPath))
        report.add(child(path, pathField), QStringLiteral("invalid target path component ") + quote(*targetPath) +
                                               QStringLiteral(": ") + pathComponentHelp());
    if (targetTag && !ImageReference::isValidTag(*targetTag))
        report.add(child(path, "targetTag"), QStringLiteral("invalid tag ") + quote(*targetTag) +
                                                 QStringLiteral(": expected up to 128 characters of [A-Za-z0-9_.-], "
                                                                "not starting with \".\" or \"-\""));
}

static void checkPackage(ValidationReport &report, const OperatorCatalog &catalog, const QString &path,
                         const OperatorPackage &package)
{
    const QString catalogText = QStringLiteral("catalog ") + quote(catalog.catalog);
    if (package.name.isEmpty())
        report.add(child(path, "name"), QStringLiteral("a package needs a name"));
    checkRange(report, path, package.minVersion, package.maxVersion);
    if (catalog.isFull() && package.hasVersionRange())
        report.add(child(path, package.minVersion ? "minVersion" : "maxVersion"),
                   QStringLiteral("Full: true cannot be mixed with versionRange (operator ") + quote(package.name) +
                       QStringLiteral(" has a version range in a catalog with full: true)"));

    QHash<QString, qsizetype> channels;
    for (qsizetype i = 0; i < package.channels.size(); ++i) {
        const OperatorChannel &channel = package.channels[i];
        const QString channelPath = ConfigParseContext::itemPath(child(path, "channels"), i);
        if (channel.name.isEmpty())
            report.add(child(channelPath, "name"), QStringLiteral("a channel needs a name"));
        else if (channels.contains(channel.name))
            report.add(child(channelPath, "name"), catalogText + QStringLiteral(": operator ") + quote(package.name) +
                                                       QStringLiteral(": duplicate channel entry ") +
                                                       quote(channel.name) + QStringLiteral(" (also channels[") +
                                                       QString::number(channels.value(channel.name)) +
                                                       QStringLiteral("])"));
        else
            channels.insert(channel.name, i);
        checkRange(report, channelPath, channel.minVersion, channel.maxVersion);
        if (channel.hasVersionRange() && package.hasVersionRange())
            report.add(child(channelPath, channel.minVersion ? "minVersion" : "maxVersion"),
                       catalogText + QStringLiteral(": operator ") + quote(package.name) +
                           QStringLiteral(": mixing both filtering by minVersion/maxVersion and filtering by "
                                          "channel minVersion/maxVersion is not allowed"));
        if (channel.hasVersionRange() && catalog.isFull())
            report.add(child(channelPath, channel.minVersion ? "minVersion" : "maxVersion"),
                       QStringLiteral("Full: true cannot be mixed with versionRange (channel ") + quote(channel.name) +
                           QStringLiteral(" of operator ") + quote(package.name) +
                           QStringLiteral(" has a version range in a catalog with full: true)"));
    }
    for (qsizetype i = 0; i < package.bundles.size(); ++i) {
        if (package.bundles[i].name.isEmpty())
            report.add(child(ConfigParseContext::itemPath(child(path, "bundles"), i), "name"),
                       QStringLiteral("a bundle needs a name"));
    }
}

// Layouts on disk are stored in the cache and mirrored under the directory's name (or targetCatalog) and targetTag
// (or latest): two layouts with the same name would overwrite each other there.
static void checkLayoutName(ValidationReport &report, const QString &catalogPath, const OperatorCatalog &catalog,
                            qsizetype index, QHash<QString, qsizetype> &layoutNames)
{
    QString repository = catalog.targetCatalog.value_or(QString());
    if (repository.isEmpty())
        repository = QFileInfo(QDir::cleanPath(catalog.catalog.mid(int(qstrlen("oci://"))))).fileName();
    QString tag = catalog.targetTag.value_or(QString());
    if (tag.isEmpty())
        tag = QStringLiteral("latest");
    if (repository.isEmpty())
        return;
    const QString name = repository + QLatin1Char(':') + tag;
    if (const auto earlier = layoutNames.constFind(name); earlier != layoutNames.cend())
        report.add(catalogPath, QStringLiteral("catalog ") + quote(catalog.catalog) +
                                    QStringLiteral(" would be mirrored as ") + quote(name) +
                                    QStringLiteral(", like operators[") + QString::number(*earlier) +
                                    QStringLiteral("]: set targetCatalog or targetTag to tell them apart"));
    else
        layoutNames.insert(name, index);
}

static void checkOperators(ValidationReport &report, const QString &root, const QList<OperatorCatalog> &operators)
{
    QHash<QString, qsizetype> uniqueNames;
    QHash<QString, qsizetype> layoutNames;
    for (qsizetype i = 0; i < operators.size(); ++i) {
        const OperatorCatalog &catalog = operators[i];
        const QString path = ConfigParseContext::itemPath(child(root, "operators"), i);
        const QString catalogPath = child(path, "catalog");
        if (catalog.catalog.isEmpty()) {
            report.add(catalogPath, QStringLiteral("a catalog needs a reference (catalog: registry/path:tag, "
                                                   "…@sha256:… or oci:///path)"));
        } else {
            checkImage(report, catalogPath, catalog.catalog);
            checkTargets(report, path, "targetCatalog", catalog.targetCatalog, catalog.targetTag);
            QString error;
            const QString unique = catalog.uniqueName(&error);
            if (!unique.isEmpty()) {
                if (uniqueNames.contains(unique))
                    report.add(catalogPath, QStringLiteral("catalog ") + quote(unique) +
                                                QStringLiteral(": duplicate found in configuration (also operators[") +
                                                QString::number(uniqueNames.value(unique)) + QStringLiteral("])"));
                else if (uniqueNames.insert(unique, i); catalog.isOciLayout())
                    checkLayoutName(report, catalogPath, catalog, i, layoutNames);
            }
        }
        if (catalog.targetCatalogSourceTemplate && catalog.targetCatalogSourceTemplate->isEmpty())
            report.add(child(path, "targetCatalogSourceTemplate"), QStringLiteral("the template path is empty"));
        checkPlatformFilters(report, child(path, "platforms"), catalog.platforms);

        QHash<QString, qsizetype> packages;
        for (qsizetype p = 0; p < catalog.packages.size(); ++p) {
            const OperatorPackage &package = catalog.packages[p];
            const QString packagePath = ConfigParseContext::itemPath(child(path, "packages"), p);
            if (!package.name.isEmpty() && packages.contains(package.name))
                report.add(child(packagePath, "name"), QStringLiteral("catalog ") + quote(catalog.catalog) +
                                                           QStringLiteral(": duplicate package entry ") +
                                                           quote(package.name) + QStringLiteral(" (also packages[") +
                                                           QString::number(packages.value(package.name)) +
                                                           QStringLiteral("])"));
            else
                packages.insert(package.name, p);
            checkPackage(report, catalog, packagePath, package);
        }
    }
}

static void checkPlatform(ValidationReport &report, const QString &root, const PlatformConfig &platform)
{
    const QString path = child(root, "platform");
    QHash<QString, qsizetype> names;
    for (qsizetype i = 0; i < platform.channels.size(); ++i) {
        const ReleaseChannel &channel = platform.channels[i];
        const QString channelPath = ConfigParseContext::itemPath(child(path, "channels"), i);
        if (channel.name.isEmpty())
            report.add(child(channelPath, "name"), QStringLiteral("a release channel needs a name"));
        else if (names.contains(channel.name))
            report.add(child(channelPath, "name"), QStringLiteral("release channel ") + quote(channel.name) +
                                                       QStringLiteral(": duplicate found in configuration (also "
                                                                      "channels[") +
                                                       QString::number(names.value(channel.name)) +
                                                       QStringLiteral("])"));
        else
            names.insert(channel.name, i);
        checkVersion(report, child(channelPath, "minVersion"), "minVersion", channel.minVersion);
        checkVersion(report, child(channelPath, "maxVersion"), "maxVersion", channel.maxVersion);
    }

    if (!platform.platforms.isEmpty() && !platform.architectures.isEmpty())
        report.add(child(path, "architectures"),
                   QStringLiteral("platform.platforms and platform.architectures cannot be used together; use "
                                  "platform.platforms for sparse manifest filtering (requires disabling manifest "
                                  "list blob checks on container registry side), or platform.architectures "
                                  "(deprecated) for OCP multi payload or single arch payloads"));
    for (qsizetype i = 0; i < platform.architectures.size(); ++i) {
        if (!ConfigValidator::knownArchitectures().contains(platform.architectures[i]))
            report.add(ConfigParseContext::itemPath(child(path, "architectures"), i),
                       QStringLiteral("unknown architecture ") + quote(platform.architectures[i]) +
                           QStringLiteral(": expected one of ") +
                           ConfigValidator::knownArchitectures().join(QLatin1String(", ")));
    }
    checkPlatformFilters(report, child(path, "platforms"), platform.platforms);
    if (platform.release) {
        if (platform.release->isEmpty())
            report.add(child(path, "release"), QStringLiteral("the release reference is empty"));
        else
            checkImage(report, child(path, "release"), *platform.release);
    }
}

static void checkAdditionalImages(ValidationReport &report, const QString &root, const QList<AdditionalImage> &images)
{
    for (qsizetype i = 0; i < images.size(); ++i) {
        const AdditionalImage &image = images[i];
        const QString path = ConfigParseContext::itemPath(child(root, "additionalImages"), i);
        if (image.name.isEmpty()) {
            report.add(child(path, "name"), QStringLiteral("an additional image needs a name"));
        } else {
            bool isOci = false;
            const auto reference = checkImage(report, child(path, "name"), image.name, &isOci);
            if (reference && !reference->hasTag() && !reference->hasDigest())
                report.add(child(path, "name"), QStringLiteral("image ") + quote(image.name) +
                                                    QStringLiteral(" has neither a tag nor a digest (oc-mirror v2 "
                                                                   "does not assume :latest)"));
        }
        checkTargets(report, path, "targetRepo", image.targetRepo, image.targetTag);
        checkPlatformFilters(report, child(path, "platforms"), image.platforms);
    }
}

static void checkBlockedImages(ValidationReport &report, const QString &root, const QList<BlockedImage> &images)
{
    for (qsizetype i = 0; i < images.size(); ++i) {
        const QString path = child(ConfigParseContext::itemPath(child(root, "blockedImages"), i), "name");
        if (images[i].name.isEmpty()) {
            report.add(path, QStringLiteral("a blocked image needs a name (a regular expression)"));
            continue;
        }
        const QRegularExpression expression(images[i].name);
        if (!expression.isValid())
            report.add(path, QStringLiteral("blocked image ") + quote(images[i].name) +
                                 QStringLiteral(": invalid regular expression: ") + expression.errorString() +
                                 QStringLiteral(" at offset ") + QString::number(expression.patternErrorOffset()));
    }
}

static void checkHelmChart(ValidationReport &report, const QString &path, const HelmChart &chart, bool local)
{
    if (chart.name.isEmpty())
        report.add(child(path, "name"), QStringLiteral("a chart needs a name"));
    if (local && chart.path.value_or(QString()).isEmpty())
        report.add(child(path, "path"), QStringLiteral("a local chart needs a path"));
    for (qsizetype i = 0; i < chart.imagePaths.size(); ++i) {
        if (chart.imagePaths[i].trimmed().isEmpty())
            report.add(ConfigParseContext::itemPath(child(path, "imagePaths"), i),
                       QStringLiteral("an image path must not be empty"));
    }
    checkPlatformFilters(report, child(path, "platforms"), chart.platforms);
}

static void checkHelm(ValidationReport &report, const QString &root, const HelmConfig &helm)
{
    const QString path = child(root, "helm");
    for (qsizetype i = 0; i < helm.repositories.size(); ++i) {
        const HelmRepository &repository = helm.repositories[i];
        const QString repositoryPath = ConfigParseContext::itemPath(child(path, "repositories"), i);
        if (repository.name.isEmpty())
            report.add(child(repositoryPath, "name"), QStringLiteral("a Helm repository needs a name"));
        const QUrl url(repository.url, QUrl::StrictMode);
        static const QStringList schemes = {QStringLiteral("http"), QStringLiteral("https"), QStringLiteral("oci")};
        if (repository.url.isEmpty())
            report.add(child(repositoryPath, "url"), QStringLiteral("a Helm repository needs a url"));
        else if (!url.isValid() || !schemes.contains(url.scheme()) || url.host().isEmpty())
            report.add(child(repositoryPath, "url"), QStringLiteral("invalid repository URL ") + quote(repository.url) +
                                                         QStringLiteral(": expected an http://, https:// or oci:// "
                                                                        "URL with a host"));
        for (qsizetype c = 0; c < repository.charts.size(); ++c)
            checkHelmChart(report, ConfigParseContext::itemPath(child(repositoryPath, "charts"), c),
                           repository.charts[c], false);
    }
    for (qsizetype i = 0; i < helm.local.size(); ++i)
        checkHelmChart(report, ConfigParseContext::itemPath(child(path, "local"), i), helm.local[i], true);
}

static void checkContent(ValidationReport &report, const QString &root, const ImageSetContent &content)
{
    if (content.platform)
        checkPlatform(report, root, *content.platform);
    checkOperators(report, root, content.operators);
    checkAdditionalImages(report, root, content.additionalImages);
    if (content.helm)
        checkHelm(report, root, *content.helm);
    checkBlockedImages(report, root, content.blockedImages);
}

const QStringList &ConfigValidator::knownArchitectures()
{
    static const QStringList architectures = {QStringLiteral("amd64"), QStringLiteral("arm64"),
                                              QStringLiteral("ppc64le"), QStringLiteral("s390x"),
                                              QStringLiteral("multi")};
    return architectures;
}

QList<ConfigError> ConfigValidator::validate(const ImageSetConfiguration &config, const ConfigSourceMap &sourceMap,
                                             const QString &fileName)
{
    ValidationReport report(sourceMap, fileName);
    if (config.archiveSize && *config.archiveSize < 0)
        report.add(QStringLiteral("archiveSize"), QStringLiteral("archiveSize must not be negative (GiB per archive "
                                                                 "file; 0 or unset means 500)"));
    checkContent(report, QStringLiteral("mirror"), config.mirror);
    return report.errors();
}

QList<ConfigError> ConfigValidator::validate(const DeleteImageSetConfiguration &config,
                                             const ConfigSourceMap &sourceMap, const QString &fileName)
{
    ValidationReport report(sourceMap, fileName);
    checkContent(report, QStringLiteral("delete"), config.deleteContent);
    return report.errors();
}

void ConfigValidator::applyDeleteDefaults(DeleteImageSetConfiguration &config)
{
    std::optional<PlatformConfig> &platform = config.deleteContent.platform;
    if (platform && !platform->channels.isEmpty() && platform->architectures.isEmpty() && platform->platforms.isEmpty())
        platform->architectures = {QStringLiteral("amd64")};
}
