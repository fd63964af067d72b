#include "digesthasher.h"

#include <openssl/evp.h>

namespace {
const EVP_MD *messageDigest(const QString &algorithm)
{
    if (algorithm == QLatin1String("sha256"))
        return EVP_sha256();
    if (algorithm == QLatin1String("sha512"))
        return EVP_sha512();
    return nullptr;
}
} // namespace

DigestHasher::DigestHasher(const QString &algorithm)
    : m_algorithm(algorithm)
{
    if (messageDigest(algorithm)) {
        m_context = EVP_MD_CTX_new();
        reset();
    }
}

DigestHasher::~DigestHasher()
{
    EVP_MD_CTX_free(m_context);
}

bool DigestHasher::supports(const QString &algorithm)
{
    return messageDigest(algorithm) != nullptr;
}

void DigestHasher::reset()
{
    m_bytes = 0;
    if (m_context)
        EVP_DigestInit_ex(m_context, messageDigest(m_algorithm), nullptr);
}

void DigestHasher::addData(const char *data, qint64 length)
{
    if (!m_context || length <= 0)
        return;
    EVP_DigestUpdate(m_context, data, static_cast<size_t>(length));
    m_bytes += length;
}

Digest DigestHasher::result()
{
    if (!m_context)
        return {};
    unsigned char hash[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_context, hash, &length);
    const Digest digest =
        Digest::fromHash(m_algorithm, QByteArray(reinterpret_cast<const char *>(hash), static_cast<int>(length)));
    reset();
    return digest;
}
