#include "workingdirectory.h"

#include "atomicfilewriter.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QString suffixed(const QString &base, const QString &id, const QString &extension)
{
    if (id.isEmpty())
        return base + extension;
    return base + QLatin1Char('-') + id + extension;
}

} // namespace

QString WorkingDirectory::directoryName()
{
    return QStringLiteral("working-dir");
}

WorkingDirectory::WorkingDirectory(const QString &root)
    : m_root(QDir::cleanPath(root))
{
}

WorkingDirectory WorkingDirectory::inParent(const QString &parent)
{
    return WorkingDirectory(QDir::cleanPath(parent) + QLatin1Char('/') + directoryName());
}

WorkingDirectory WorkingDirectory::forWorkspace(const QString &workspace)
{
    const QString clean = QDir::cleanPath(workspace);
    // Users often point --workspace at the working-dir of an earlier run; appending again would nest it.
    if (QFileInfo(clean).fileName() == directoryName())
        return WorkingDirectory(clean);
    return inParent(clean);
}

QStringList WorkingDirectory::standardSubdirectories()
{
    return {QStringLiteral(".history"),
            QStringLiteral("cluster-resources"),
            QStringLiteral("containers/registries.d"),
            QStringLiteral("delete"),
            QStringLiteral("dry-run"),
            QStringLiteral("graph-preparation"),
            QStringLiteral("helm/charts"),
            QStringLiteral("helm/indexes"),
            QStringLiteral("hold-release/cincinnati-graph-data"),
            QStringLiteral("internal"),
            QStringLiteral("logs"),
            QStringLiteral("operator-catalogs"),
            QStringLiteral("release-images"),
            QStringLiteral("signatures")};
}

bool WorkingDirectory::create(QString *error) const
{
    if (isNull()) {
        if (error)
            *error = QStringLiteral("no working directory set");
        return false;
    }
    const QFileInfo rootInfo(m_root);
    if (rootInfo.exists() && !rootInfo.isDir()) {
        if (error)
            *error = QStringLiteral("cannot create working directory \"%1\": a file has this name").arg(m_root);
        return false;
    }
    for (const QString &relative : standardSubdirectories()) {
        const QString dir = path(relative);
        if (!QDir().mkpath(dir)) {
            if (error)
                *error = QStringLiteral("cannot create directory \"%1\"").arg(dir);
            return false;
        }
    }
    return true;
}

bool WorkingDirectory::clearClusterResources(QString *error) const
{
    QDir dir(clusterResourcesDir());
    if (dir.exists() && !dir.removeRecursively()) {
        if (error)
            *error = QStringLiteral("cannot empty \"%1\"").arg(dir.path());
        return false;
    }
    if (!QDir().mkpath(dir.path())) {
        if (error)
            *error = QStringLiteral("cannot create directory \"%1\"").arg(dir.path());
        return false;
    }
    return true;
}

QString WorkingDirectory::path(const QString &relative) const
{
    return m_root + QLatin1Char('/') + relative;
}

QString WorkingDirectory::fileTimestamp(const QDateTime &time)
{
    return time.toString(QStringLiteral("yyyyMMdd_HHmmss"));
}

QString WorkingDirectory::historyDir() const
{
    return path(QStringLiteral(".history"));
}

QString WorkingDirectory::historyFile(const QDateTime &time) const
{
    return historyDir() + QStringLiteral("/.history-") +
           time.toOffsetFromUtc(time.offsetFromUtc()).toString(Qt::ISODate);
}

QString WorkingDirectory::clusterResourcesDir() const
{
    return path(QStringLiteral("cluster-resources"));
}

QString WorkingDirectory::registriesDDir() const
{
    return path(QStringLiteral("containers/registries.d"));
}

QString WorkingDirectory::deleteDir() const
{
    return path(QStringLiteral("delete"));
}

QString WorkingDirectory::deleteImagesFile(const QString &deleteId) const
{
    return deleteDir() + QLatin1Char('/') +
           suffixed(QStringLiteral("delete-images"), deleteId, QStringLiteral(".yaml"));
}

QString WorkingDirectory::deleteImageSetConfigFile(const QString &deleteId) const
{
    return deleteDir() + QLatin1Char('/') +
           suffixed(QStringLiteral("delete-imageset-config"), deleteId, QStringLiteral(".yaml"));
}

QString WorkingDirectory::dryRunDir() const
{
    return path(QStringLiteral("dry-run"));
}

QString WorkingDirectory::dryRunMappingFile() const
{
    return dryRunDir() + QStringLiteral("/mapping.txt");
}

QString WorkingDirectory::dryRunMissingFile() const
{
    return dryRunDir() + QStringLiteral("/missing.txt");
}

QString WorkingDirectory::graphPreparationDir() const
{
    return path(QStringLiteral("graph-preparation"));
}

QString WorkingDirectory::helmDir() const
{
    return path(QStringLiteral("helm"));
}

QString WorkingDirectory::helmChartsDir() const
{
    return path(QStringLiteral("helm/charts"));
}

QString WorkingDirectory::helmIndexFile(const QString &repositoryName) const
{
    return path(QStringLiteral("helm/indexes/")) + repositoryName + QStringLiteral("/index.yaml");
}

QString WorkingDirectory::holdReleaseDir() const
{
    return path(QStringLiteral("hold-release"));
}

QString WorkingDirectory::releaseManifestsDir(const QString &repository, const QString &tag) const
{
    return holdReleaseDir() + QLatin1Char('/') + repository + QLatin1Char('/') + tag +
           QStringLiteral("/release-manifests");
}

QString WorkingDirectory::graphDataDir() const
{
    return path(QStringLiteral("hold-release/cincinnati-graph-data"));
}

QString WorkingDirectory::graphDataFile(const QString &architecture, const QString &channel) const
{
    return graphDataDir() + QLatin1Char('/') + architecture + QLatin1Char('-') + channel + QStringLiteral(".json");
}

QString WorkingDirectory::internalDir() const
{
    return path(QStringLiteral("internal"));
}

QString WorkingDirectory::versionFile() const
{
    return internalDir() + QStringLiteral("/oc-mirror-version.json");
}

QString WorkingDirectory::logsDir() const
{
    return path(QStringLiteral("logs"));
}

QString WorkingDirectory::logFile(const QDateTime &start) const
{
    return logsDir() + QStringLiteral("/oc-mirror-") + fileTimestamp(start) + QStringLiteral(".log");
}

QString WorkingDirectory::registryLogFile(const QDateTime &start) const
{
    return logsDir() + QStringLiteral("/registry-") + fileTimestamp(start) + QStringLiteral(".log");
}

QString WorkingDirectory::mirroringErrorsFile(const QDateTime &start) const
{
    return logsDir() + QStringLiteral("/mirroring_errors_") + fileTimestamp(start) + QStringLiteral(".txt");
}

QString WorkingDirectory::operatorCatalogsDir() const
{
    return path(QStringLiteral("operator-catalogs"));
}

QString WorkingDirectory::operatorCatalogDir(const QString &repository, const QString &digest) const
{
    return operatorCatalogsDir() + QLatin1Char('/') + repository + QLatin1Char('/') + digest;
}

QString WorkingDirectory::catalogImageDir(const QString &repository, const QString &digest) const
{
    return operatorCatalogDir(repository, digest) + QStringLiteral("/catalog-image");
}

QString WorkingDirectory::catalogConfigDir(const QString &repository, const QString &digest) const
{
    return operatorCatalogDir(repository, digest) + QStringLiteral("/catalog-config");
}

QString WorkingDirectory::filteredCatalogDir(const QString &repository, const QString &digest,
                                             const QString &filterId) const
{
    return operatorCatalogDir(repository, digest) + QStringLiteral("/filtered-catalogs/") + filterId;
}

QString WorkingDirectory::filteredCatalogConfigDir(const QString &repository, const QString &digest,
                                                   const QString &filterId) const
{
    return filteredCatalogDir(repository, digest, filterId) + QStringLiteral("/catalog-config");
}

QString WorkingDirectory::filteredCatalogDigestFile(const QString &repository, const QString &digest,
                                                    const QString &filterId) const
{
    return filteredCatalogDir(repository, digest, filterId) + QStringLiteral("/digest");
}

QString WorkingDirectory::filteredCatalogImageDir(const QString &repository, const QString &digest,
                                                  const QString &filterId) const
{
    return filteredCatalogDir(repository, digest, filterId) + QStringLiteral("/filtered-catalog-image");
}

QString WorkingDirectory::releaseImagesDir() const
{
    return path(QStringLiteral("release-images"));
}

QString WorkingDirectory::releaseImageDir(const QString &repository, const QString &tag) const
{
    return releaseImagesDir() + QLatin1Char('/') + repository + QLatin1Char('/') + tag;
}

QString WorkingDirectory::signaturesDir() const
{
    return path(QStringLiteral("signatures"));
}

QString WorkingDirectory::signatureFile(const QString &tag, const QString &digest) const
{
    // "sha256:<hex>" becomes "sha256-<hex>": a colon is not portable in file names.
    QString digestPart = digest;
    digestPart.replace(QLatin1Char(':'), QLatin1Char('-'));
    return signaturesDir() + QLatin1Char('/') + tag + QLatin1Char('-') + digestPart;
}

QString WorkingDirectory::pinnedImageSetConfigFile(const QDateTime &time) const
{
    return path(QStringLiteral("isc_pinned_")) + fileTimestamp(time) + QStringLiteral(".yaml");
}

QString WorkingDirectory::pinnedDeleteImageSetConfigFile(const QDateTime &time) const
{
    return path(QStringLiteral("disc_pinned_")) + fileTimestamp(time) + QStringLiteral(".yaml");
}

bool WorkingDirectory::writeVersionFile(const QString &gitVersion, const QString &gitCommit, QString *error) const
{
    const QJsonObject object{{QStringLiteral("gitVersion"), gitVersion}, {QStringLiteral("gitCommit"), gitCommit}};
    return AtomicFileWriter::write(versionFile(), QJsonDocument(object).toJson(QJsonDocument::Compact), error);
}
