#pragma once

#include "registry/imagelayerappender.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

// Rebuilds a catalog image around a filtered catalog, without network access: for every platform manifest of the
// original image it appends a whiteout layer (`.wh.configs`, hiding the original catalog) and a layer holding the
// filtered catalog under `configs/`, points CMD at it (`serve /configs`, the entrypoint stays), sets the author and
// the configs label, adds history entries and the layers' diff_ids. The result is always an index (OCI) or
// manifest list (Docker), whatever the source was, with the media type family of the source.
// Everything is deterministic: tar entries owned by 0:0 with a fixed mtime, gzip without a timestamp, so the same
// catalog gives the same digests. The image itself is put together by ImageLayerAppender, the tars by TarBuilder.
class CatalogImageBuilder
{
public:
    using SourceManifest = ImageLayerAppender::SourceManifest;
    using Blob = ImageLayerAppender::Blob;

    class Result
    {
    public:
        QList<Blob> layers;    // the two new layers (shared by all platforms): whiteout, then configs
        QList<Blob> configs;   // one per platform, in index order
        QList<Blob> manifests; // one per platform, in index order
        Blob index;
        QByteArray whiteoutTar; // uncompressed layer content, their sha256 are the diff_ids
        QByteArray configsTar;
    };

    // The filtered catalog: path relative to the configs directory → content (FbcWriter::render's output).
    void setCatalogFiles(const QMap<QString, QByteArray> &files) { m_files = files; }
    // Reads the files of a catalog directory written earlier.
    bool setCatalogDirectory(const QString &directory, QString *error = nullptr);
    void setAuthor(const QString &author) { m_author = author; }
    // Seconds since the epoch put on every tar entry.
    void setModificationTime(qint64 seconds) { m_mtime = seconds; }

    // sourceIndex: the original index / manifest list bytes, or empty when the catalog is a single manifest (then
    // `manifests` holds exactly that one). Every platform manifest the index lists must be given; attestation
    // entries (platform unknown/unknown) are dropped.
    std::optional<Result> build(const QByteArray &sourceIndex, const QList<SourceManifest> &manifests,
                                QString *error = nullptr) const;

    static constexpr QLatin1String ConfigsLabel{"operators.operatorframework.io.index.configs.v1"};
    static QByteArray gzip(const QByteArray &data, QString *error = nullptr);

private:
    QByteArray configsTar(QString *error) const;
    QByteArray whiteoutTar(QString *error) const;

    QMap<QString, QByteArray> m_files;
    QString m_author = QStringLiteral("oc-mirror");
    qint64 m_mtime = 0;
};
