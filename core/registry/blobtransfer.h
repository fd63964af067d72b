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

// Moves one blob between a registry and a registry, a local file or memory, on the network thread. The bytes stream
// from the source through a BlobPipe into the destination (a streamed PATCH, or a file), are hashed on the way and
// the upload is completed (PUT ?digest=) or the file committed only when they match the descriptor; otherwise the
// upload session is cancelled and nothing lands. Transient failures restart the transfer per the retry policy.
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
        qint64 chunkSize = 0;     // > 0: upload local data in PATCH chunks of this size; 0: one streamed PATCH
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
