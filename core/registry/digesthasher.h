#pragma once

#include "digest.h"

#include <QByteArray>
#include <QString>

#include <memory>

struct evp_md_ctx_st;

// Incremental hashing over OpenSSL EVP, so blobs are verified while they stream and never held whole.
class DigestHasher
{
public:
    explicit DigestHasher(const QString &algorithm = QStringLiteral("sha256"));
    ~DigestHasher();
    DigestHasher(const DigestHasher &) = delete;
    DigestHasher &operator=(const DigestHasher &) = delete;

    static bool supports(const QString &algorithm);

    bool isValid() const { return m_context != nullptr; }
    QString algorithm() const { return m_algorithm; }
    void addData(const char *data, qint64 length);
    void addData(const QByteArray &bytes) { addData(bytes.constData(), bytes.size()); }
    qint64 bytesHashed() const { return m_bytes; }
    // Finishes the hash; the hasher starts over afterwards.
    Digest result();
    void reset();

private:
    QString m_algorithm;
    evp_md_ctx_st *m_context = nullptr;
    qint64 m_bytes = 0;
};
