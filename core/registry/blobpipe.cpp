#include "blobpipe.h"

BlobPipe::BlobPipe(QIODevice *source, const Digest &expected, qint64 expectedSize, QObject *parent)
    : QIODevice(parent)
    , m_source(source)
    , m_expected(expected)
    , m_expectedSize(expectedSize)
    , m_hasher(expected.algorithm())
{
    connect(source, &QIODevice::readyRead, this, &QIODevice::readyRead);
    open(QIODevice::ReadOnly);
    if (!m_hasher.isValid())
        fail(QStringLiteral("cannot verify digest algorithm \"%1\"").arg(expected.algorithm()));
}

qint64 BlobPipe::bytesAvailable() const
{
    qint64 available = QIODevice::bytesAvailable();
    if (m_state != State::Failed && m_source)
        available += qMin(m_source->bytesAvailable(), m_expectedSize - m_read);
    return available;
}

bool BlobPipe::atEnd() const
{
    return QIODevice::bytesAvailable() == 0 && (m_state == State::Failed || m_read >= m_expectedSize);
}

void BlobPipe::fail(const QString &reason)
{
    if (m_state == State::Failed)
        return;
    m_state = State::Failed;
    m_failure = reason;
    emit failed(reason);
    emit readChannelFinished();
}

qint64 BlobPipe::readData(char *data, qint64 maxSize)
{
    if (m_state == State::Failed)
        return -1;
    const qint64 remaining = m_expectedSize - m_read;
    if (remaining <= 0)
        return -1;
    if (!m_source) {
        fail(QStringLiteral("the blob source went away"));
        return -1;
    }
    if (!m_source->isOpen())
        return 0; // the source's own finished signal reports why
    const qint64 count = m_source->read(data, qMin(maxSize, remaining));
    if (count < 0) {
        fail(QStringLiteral("reading the blob source failed: %1").arg(m_source->errorString()));
        return -1;
    }
    m_hasher.addData(data, count);
    m_read += count;
    if (m_read == m_expectedSize)
        check();
    return count;
}

void BlobPipe::check()
{
    const Digest actual = m_hasher.result();
    if (actual != m_expected) {
        m_digestMismatch = true;
        fail(QStringLiteral("blob content does not match its digest: expected %1, got %2")
                 .arg(m_expected.toString(), actual.toString()));
        return;
    }
    m_state = State::Verified;
    emit verified();
    emit readChannelFinished();
}
