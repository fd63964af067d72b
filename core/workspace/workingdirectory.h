#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

// The oc-mirror v2 working-dir layout. Every file Ferry keeps between runs lives under root(); the helpers give
// each place one spelling so archives stay compatible with oc-mirror's.
class WorkingDirectory
{
public:
    static QString directoryName(); // "working-dir"

    WorkingDirectory() = default;
    // root is the working-dir itself.
    explicit WorkingDirectory(const QString &root);

    // m2d and d2m: <parent>/working-dir, always appended.
    static WorkingDirectory inParent(const QString &parent);
    // m2m and delete --generate: <workspace>/working-dir, unless the workspace already is a working-dir.
    static WorkingDirectory forWorkspace(const QString &workspace);

    QString root() const { return m_root; }
    bool isNull() const { return m_root.isEmpty(); }

    // Creates root and every standard sub-folder.
    bool create(QString *error = nullptr) const;
    // The relative paths create() makes, for listing and tests.
    static QStringList standardSubdirectories();
    // Empties cluster-resources/ (done at the start of every mirror run that is not a dry run).
    bool clearClusterResources(QString *error = nullptr) const;

    QString historyDir() const;
    QString historyFile(const QDateTime &time) const; // .history/.history-<RFC3339>
    QString clusterResourcesDir() const;
    QString registriesDDir() const; // containers/registries.d
    QString deleteDir() const;
    QString deleteImagesFile(const QString &deleteId = {}) const;         // delete-images[-ID].yaml
    QString deleteImageSetConfigFile(const QString &deleteId = {}) const; // delete-imageset-config[-ID].yaml
    QString dryRunDir() const;
    QString dryRunMappingFile() const; // dry-run/mapping.txt
    QString dryRunMissingFile() const; // dry-run/missing.txt
    QString graphPreparationDir() const;
    QString helmDir() const;
    QString helmChartsDir() const;
    QString helmIndexFile(const QString &repositoryName) const; // helm/indexes/<repo>/index.yaml
    QString holdReleaseDir() const;
    QString releaseManifestsDir(const QString &repository, const QString &tag) const;
    QString graphDataDir() const; // hold-release/cincinnati-graph-data
    QString graphDataFile(const QString &architecture, const QString &channel) const; // <arch>-<channel>.json
    QString internalDir() const;
    QString versionFile() const; // internal/oc-mirror-version.json
    QString logsDir() const;
    QString logFile(const QDateTime &start) const;             // logs/oc-mirror-<YYYYMMDD_HHMMSS>.log
    QString registryLogFile(const QDateTime &start) const;     // logs/registry-<ts>.log
    QString mirroringErrorsFile(const QDateTime &start) const; // logs/mirroring_errors_<ts>.txt
    QString operatorCatalogsDir() const;
    QString operatorCatalogDir(const QString &repository, const QString &digest) const;
    QString catalogImageDir(const QString &repository, const QString &digest) const;
    QString catalogConfigDir(const QString &repository, const QString &digest) const;
    QString filteredCatalogDir(const QString &repository, const QString &digest, const QString &filterId) const;
    QString filteredCatalogConfigDir(const QString &repository, const QString &digest, const QString &filterId) const;
    QString filteredCatalogDigestFile(const QString &repository, const QString &digest, const QString &filterId) const;
    QString filteredCatalogImageDir(const QString &repository, const QString &digest, const QString &filterId) const;
    QString releaseImagesDir() const;
    QString releaseImageDir(const QString &repository, const QString &tag) const; // release-images/<repo>/<tag>
    QString signaturesDir() const;
    QString signatureFile(const QString &tag, const QString &digest) const; // signatures/<tag>-sha256-<hex>
    QString pinnedImageSetConfigFile(const QDateTime &time) const;          // isc_pinned_<ts>.yaml
    QString pinnedDeleteImageSetConfigFile(const QDateTime &time) const;    // disc_pinned_<ts>.yaml

    // internal/oc-mirror-version.json: {"gitVersion": …, "gitCommit": …}
    bool writeVersionFile(const QString &gitVersion, const QString &gitCommit, QString *error = nullptr) const;

    // The timestamp spelling of log and error file names.
    static QString fileTimestamp(const QDateTime &time);

    bool operator==(const WorkingDirectory &) const = default;

private:
    QString path(const QString &relative) const;

    QString m_root;
};
