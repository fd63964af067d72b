#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// The on-disk storage layout of the CNCF distribution registry (docker-registry 2.x "filesystem" driver), written and
// read directly. A registry started on the same root directory serves what was written here, so large sets of images
// can be prepared without pushing them through HTTP, and the same layout serves as a local content-addressed cache.
//
// Layout under the root:
//   docker/registry/v2/blobs/<alg>/<2 hex>/<hex>/data
//   docker/registry/v2/repositories/<name>/_layers/<alg>/<hex>/link                     ("<alg>:<hex>")
//   docker/registry/v2/repositories/<name>/_manifests/revisions/<alg>/<hex>/link
//   docker/registry/v2/repositories/<name>/_manifests/tags/<tag>/current/link
//   docker/registry/v2/repositories/<name>/_manifests/tags/<tag>/index/<alg>/<hex>/link
//
// Every file is written atomically (temporary file and rename), so a registry reading the storage never sees a
// partial file. Distinct digests and repositories may be written from several threads at once.
class DistributionStore
{
public:
    explicit DistributionStore(const QString &rootDirectory);

    QString rootDirectory() const { return m_root; }

    // Durable (the default): every file is synced to disk before it is renamed into place (QSaveFile). Off: still
    // atomic, not synced; for content that can be regenerated, where thousands of syncs would dominate the time.
    void setDurable(bool durable) { m_durable = durable; }
    bool isDurable() const { return m_durable; }

    // "sha256:<64 hex>" of the bytes.
    static QString digestOf(const QByteArray &bytes);
    // sha256 or sha512 digest with the right number of lowercase hex digits.
    static bool isValidDigest(const QString &digest);
    static bool isValidRepository(const QString &repository);
    static bool isValidTag(const QString &tag);

    // Stores the bytes as a blob; returns the digest, or an empty string with *error set.
    QString putBlob(const QByteArray &bytes, QString *error = nullptr);
    QString putBlobFromFile(const QString &path, QString *error = nullptr);
    // Copies a file in as the blob `expectedDigest` (sha256 or sha512), hashing it as it is read: nothing is stored
    // unless the bytes really have that digest. A blob already in the store is not read again.
    bool putBlobFromFileVerified(const QString &path, const QString &expectedDigest, QString *error = nullptr);
    bool hasBlob(const QString &digest) const;
    QString blobPath(const QString &digest) const;
    QByteArray readBlob(const QString &digest, QString *error = nullptr) const;

    // Makes an existing blob part of a repository (what a registry records after an upload or a mount).
    bool linkBlob(const QString &repository, const QString &digest, QString *error = nullptr);
    bool isBlobLinked(const QString &repository, const QString &digest) const;

    // Stores manifest bytes exactly as given, links it as a revision of the repository and, for an image manifest,
    // links its config and layers (which must already be stored as blobs); for an index or manifest list every
    // child manifest must already be a revision of the repository. With a tag, points the tag at it.
    // Returns the manifest digest, or an empty string with *error set.
    QString putManifest(const QString &repository, const QByteArray &bytes, const QString &tag = {},
                        QString *error = nullptr);
    bool tagManifest(const QString &repository, const QString &tag, const QString &digest, QString *error = nullptr);
    bool hasManifest(const QString &repository, const QString &digest) const;
    QString manifestDigestForTag(const QString &repository, const QString &tag) const;
    QByteArray readManifest(const QString &repository, const QString &digest, QString *error = nullptr) const;

    // Repository names (with slashes) that hold manifests or layers, sorted.
    QStringList repositories() const;
    QStringList tags(const QString &repository) const;
    // Digests of every manifest revision linked in the repository, sorted.
    QStringList manifestDigests(const QString &repository) const;

    // Removal (delete --force-cache-delete). One tag; the manifest revision it pointed at stays.
    bool removeTag(const QString &repository, const QString &tag, QString *error = nullptr);
    // A manifest revision and every tag on it, as a registry DELETE by digest does. Blobs stay until a sweep.
    bool removeManifestRevision(const QString &repository, const QString &digest, QString *error = nullptr);
    struct SweepResult
    {
        int blobs = 0;
        qint64 bytes = 0;
        QStringList errors;
    };
    // The registry's mark and sweep: every blob that no manifest revision of any repository references (the
    // manifest itself, its config and layers, an index's children) is removed, with the layer links to it. Nothing
    // else may write to the storage meanwhile: a blob uploaded before its manifest would look unreferenced.
    SweepResult sweepUnreferencedBlobs();

private:
    QString v2Path() const;
    QString repositoryPath(const QString &repository) const;
    static QString digestSubPath(const QString &digest); // "<alg>/<hex>"
    bool writeLink(const QString &path, const QString &digest, QString *error) const;
    static QString readLink(const QString &path);
    bool writeBlobFile(const QString &digest, const QByteArray &bytes, QString *error) const;

    QString m_root;
    bool m_durable = true;
};
