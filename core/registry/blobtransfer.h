#pragma once

#include "descriptor.h"
#include "digesthasher.h"
#include "registryresult.h"
#include "registrytransport.h"

#include <QFile>
#include <QObject>
#include <QPointer>
#include <QSaveFile>

#include <functional>
#include <memory>

class BlobPipe;
class QNetworkReply;

// Moves one blob between a registry and a registry, a local file or memory, on the network thread. Small blobs are
// read whole and verified before one PUT ?digest= sends them; larger ones stream from the source through a BlobPipe
// into the destination (one streamed PUT, or a file) and are hashed on the way. A file is committed only when the
// bytes match the descriptor; a registry checks ?digest= itself before it links the blob, and a mismatch cancels
// the upload session, so nothing lands. Transient failures restart the transfer per the retry policy.
class BlobTransfer : public QObject
{
    Q_OBJECT

public:
    enum class Outcome { Copied, Mounted, AlreadyPresent };

    struct Endpoint
    {
        enum class Kind { Registry, File, Memory };
        Kind kind = Kind::Registry;
        QString registry;
        QString repository;
        QString filePath;
        QByteArray bytes;

        static Endpoint inRegistry(const QString &registry, const QString &repository)
        {
            return {Kind::Registry, registry, repository, QString(), QByteArray()};
        }
        static Endpoint file(const QString &path) { return {Kind::File, QString(), QString(), path, QByteArray()}; }
        static Endpoint memory(const QByteArray &bytes)
        {
            return {Kind::Memory, QString(), QString(), QString(), bytes};
        }
    };

    struct Options
    {
        bool skipExisting = true; // HEAD the destination first
        bool tryMount = true;     // same registry, other repository: cross-repository mount
        qint64 chunkSize = 0;     // > 0: upload local data in PATCH chunks of this size; 0: one streamed PUT
    };

    using Callback = std::function<void(RegistryResult<Outcome>)>;

    BlobTransfer(RegistryTransport *transport, Endpoint source, Endpoint destination, Descriptor blob, Options options,
                 Callback done);
    ~BlobTransfer() override;

    // Starts; the transfer deletes itself after calling done.
    void start();

private:
    void attempt();
    void checkExisting();
    void openUpload();
    void acquireSlots();
    void openSource();
    void sourceReady(QIODevice *device);
    // Blobs up to wholeBlobLimit travel as one GET and one PUT with the bytes in memory: no pipe between the two
    // connections, far fewer wake-ups per byte, and the digest is checked before the upload starts.
    bool travelsWhole() const;
    bool asksPresenceWithUpload() const;
    void fetchWhole();
    void uploadWhole(const QByteArray &bytes);
    void streamUpload(QIODevice *device);
    void sendNextChunk();
    void completeUpload(const QUrl &location);
    void writeFile(QIODevice *device);
    void drainToFile();
    void fail(const RegistryError &error);
    void succeed(Outcome outcome);
    void cleanup();
    QString context() const;
    QStringList destinationScopes() const;
    QStringList sourceScopes() const;
    RegistryRequest request(const Endpoint &endpoint, const QByteArray &method, const QStringList &scopes) const;

    // In flight at once: up to parallelImages x parallelLayers of them (20 by default), so 40 MiB at most.
    static constexpr qint64 wholeBlobLimit = 2 * 1024 * 1024;

    RegistryTransport *m_transport;
    Endpoint m_source;
    Endpoint m_destination;
    Descriptor m_blob;
    Options m_options;
    Callback m_done;
    int m_attempt = 0;
    bool m_finished = false;
    bool m_sourceSlot = false;
    bool m_destinationSlot = false;
    QUrl m_uploadLocation;
    QPointer<QNetworkReply> m_sourceReply;
    std::unique_ptr<QIODevice> m_sourceDevice; // a local file or buffer
    BlobPipe *m_pipe = nullptr;
    RegistryTransport::Handle m_upload;
    std::unique_ptr<QSaveFile> m_outputFile;
    std::unique_ptr<DigestHasher> m_hasher;
    qint64 m_chunkOffset = 0;
    QString m_sourceFailure;
};
