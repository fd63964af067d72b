#pragma once

#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>

class DistributionStore;

// Writes synthetic but well-formed images into a DistributionStore: gzip'ed tar layers with correct diff IDs,
// configs, Docker schema 2 or OCI manifests and manifest lists / indexes. Content is derived from seed strings, so
// the same world always gets the same digests. Safe to use from several threads at once.
class ImageFactory
{
public:
    struct Layer
    {
        QString digest; // of the compressed blob
        qint64 size = 0;
        QString diffId; // sha256 of the uncompressed tar
    };

    struct Image
    {
        QString repository;
        QString digest;
        QString mediaType;
        qint64 size = 0;
        QString architecture; // empty for an index
        QString variant;
    };

    struct ImageSpec
    {
        QString architecture = QStringLiteral("amd64");
        QString variant;
        QList<Layer> layers;
        QJsonObject containerConfig; // the "config" member: Labels, Cmd, Entrypoint, Env, …
        bool oci = false;
    };

    explicit ImageFactory(DistributionStore *store);

    DistributionStore *store() const { return m_store; }

    static quint64 seedOf(const QString &text);
    static QByteArray randomBytes(const QString &seed, int size);
    // A whole number in [low, high] derived from the seed.
    static int randomInt(const QString &seed, int low, int high);

    // Stores gzip(tar) as a layer blob.
    Layer putTarLayer(const QByteArray &tar);
    // A layer holding one file of seeded random content.
    Layer putRandomLayer(const QString &seed, int size, const QString &fileName);

    Image putImage(const QString &repository, const ImageSpec &spec, const QString &tag = {});
    Image putIndex(const QString &repository, const QList<Image> &children, const QString &tag = {}, bool oci = false);
    // Puts an image already stored elsewhere into another repository (its blobs linked, same manifest bytes).
    Image copyImage(const Image &image, const QString &repository, const QString &tag = {});
    bool tag(const QString &repository, const QString &tag, const QString &digest);

    // The first error met, if any; generation goes on so that all problems do not have to be found one by one.
    QString error() const;

private:
    void fail(const QString &message);

    DistributionStore *m_store;
    mutable QMutex m_mutex;
    QString m_error;
};
