#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

// Builds a new image from an existing one without network access: for every platform manifest of the original it
// appends the same new layers (gzip-compressed, their diff_ids and history entries added to the config), lets the
// caller change the container configuration (Cmd, Labels, …), and keeps everything else of the config. The result
// is always an index (OCI) or manifest list (Docker), whatever the source was, in the media type family of the
// source. Attestation entries (platform unknown/unknown) are dropped: they describe the original image.
// Deterministic: the same input gives the same bytes.
class ImageLayerAppender
{
public:
    class SourceManifest
    {
    public:
        QByteArray manifest;
        QByteArray config;
    };

    class Blob
    {
    public:
        QString digest; // sha256:<hex>
        QString mediaType;
        QByteArray data;
    };

    class Layer
    {
    public:
        QByteArray tar;    // uncompressed; its sha256 is the diff_id
        QString createdBy; // history entry
    };

    class Result
    {
    public:
        QList<Blob> layers;    // the new layers (shared by all platforms), in the order given
        QList<Blob> configs;   // one per platform, in index order
        QList<Blob> manifests; // one per platform, in index order
        Blob index;
    };

    // Changes the "config" object of an image config (the container configuration).
    using ConfigEditor = std::function<void(QJsonObject &containerConfig)>;

    void setLayers(const QList<Layer> &layers) { m_layers = layers; }
    void setAuthor(const QString &author) { m_author = author; }
    void setConfigEditor(ConfigEditor editor) { m_editor = std::move(editor); }

    // sourceIndex: the original index / manifest list bytes, or empty when the image is a single manifest (then
    // `manifests` holds exactly that one). Every platform manifest the index lists must be given.
    std::optional<Result> build(const QByteArray &sourceIndex, const QList<SourceManifest> &manifests,
                                QString *error = nullptr) const;

private:
    QList<Layer> m_layers;
    QString m_author;
    ConfigEditor m_editor;
};
