#pragma once

#include "digest.h"
#include "digesthasher.h"

#include <QIODevice>
#include <QPointer>

// A sequential read-only device that passes the bytes of a source device (a streaming QNetworkReply, a file)
// through to a consumer (an upload), hashing them on the way and checking them against the expected digest and
// size. It holds no buffer of its own beyond QIODevice's small read buffer: the consumer pulls, the pipe reads from
// the source only then, and a bounded reply read buffer turns that into TCP back-pressure on the sender.
class BlobPipe : public QIODevice
{
    Q_OBJECT

public:
    enum class State { Streaming, Verified, Failed };

    BlobPipe(QIODevice *source, const Digest &expected, qint64 expectedSize, QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    bool atEnd() const override;

    State state() const { return m_state; }
    qint64 bytesRead() const { return m_read; }
    // The reason the pipe failed (digest or size mismatch, source error).
    QString failure() const { return m_failure; }
    bool digestMismatch() const { return m_digestMismatch; }
    // Marks the pipe failed from outside (the source reply ended early, was cancelled).
    void fail(const QString &reason);

signals:
    void verified();
    void failed(const QString &reason);

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    void check();

    QPointer<QIODevice> m_source;
    Digest m_expected;
    qint64 m_expectedSize;
    DigestHasher m_hasher;
    qint64 m_read = 0;
    State m_state = State::Streaming;
    QString m_failure;
    bool m_digestMismatch = false;
};
