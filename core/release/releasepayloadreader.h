#pragma once

#include "releasecontents.h"

#include <QFuture>
#include <QIODevice>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <functional>
#include <optional>

// Reads a release payload image from its layer blobs: every entry under release-manifests/ is extracted to
// <working-dir>/hold-release/<repo>/<tag>/release-manifests/, then image-references, release-metadata and (on
// request) the KubeVirt container of the coreos bootimages ConfigMap are parsed.
//
// Layers are streamed through libarchive (tar, tar+gzip or tar+zstd, told apart by their content), one block at a
// time: a layer is never held in memory. Entry names are checked before anything is written: absolute paths, ".."
// components and links pointing outside release-manifests/ are refused.
class ReleasePayloadReader
{
public:
    struct Options
    {
        bool kubeVirtContainer = false;
        // Bootimages architecture keys (x86_64, aarch64, ppc64le, s390x) whose KubeVirt image is wanted; empty
        // means every architecture the ConfigMap lists.
        QStringList kubeVirtArchitectures;
    };

    struct ReadResult
    {
        std::optional<ReleaseContents> contents;
        QString error;
    };

    static constexpr auto ImageReferencesFile = "image-references";
    static constexpr auto ReleaseMetadataFile = "release-metadata";
    static constexpr auto BootImagesFile = "0000_50_installer_coreos-bootimages.yaml";

    explicit ReleasePayloadReader(const QString &manifestsDirectory);
    // <working-dir>/hold-release/<repository>/<tag>/release-manifests, where oc-mirror keeps a payload's manifests.
    static QString manifestsDirectoryFor(const QString &workingDirectory, const QString &repository,
                                         const QString &tag);

    QString manifestsDirectory() const { return m_manifestsDirectory; }

    // Layers must be given in manifest order, so later layers (and their whiteouts) win.
    bool extractLayer(const QString &path, QString *error = nullptr);
    bool extractLayer(QIODevice *device, const QString &name, QString *error = nullptr);
    // Polled between entries and blocks; a true answer stops extraction with an error.
    void setCancelCheck(std::function<bool()> isCancelled) { m_isCancelled = std::move(isCancelled); }

    // Relative paths (below release-manifests/) written so far.
    QStringList extractedFiles() const { return m_extracted; }

    // Parses what was extracted.
    std::optional<ReleaseContents> contents(const Options &options, QString *error = nullptr) const;

    // Extracts every layer and parses the result on `pool`; cancelling the future stops between blocks.
    static QFuture<ReadResult> readAsync(const QStringList &layerPaths, const QString &manifestsDirectory,
                                         const Options &options, QThreadPool *pool = QThreadPool::globalInstance());

    // The architecture key the bootimages ConfigMap uses for a Cincinnati architecture (amd64 → x86_64, …); empty
    // for multi, meaning all.
    static QString bootImageArchitecture(const QString &cincinnatiArchitecture);

    // The parsers on their own; `file` names the input in errors.
    static bool parseImageReferences(const QByteArray &json, const QString &file, ReleaseContents &contents,
                                     QString *error);
    static bool parseReleaseMetadata(const QByteArray &json, const QString &file, ReleaseContents &contents,
                                     QString *error);
    static bool parseKubeVirt(const QByteArray &yaml, const QString &file, const QStringList &architectures,
                              ReleaseContents &contents, QString *error);

private:
    bool extract(struct archive *archive, const QString &name, QString *error);
    bool cancelled() const { return m_isCancelled && m_isCancelled(); }
    bool removePath(const QString &relative);

    QString m_manifestsDirectory;
    QStringList m_extracted;
    std::function<bool()> m_isCancelled;
};
