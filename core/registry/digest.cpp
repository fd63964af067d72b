#include "digest.h"

#include "digesthasher.h"

#include <QRegularExpression>

std::optional<Digest> Digest::parse(const QString &text, QString *error)
{
    static const QRegularExpression grammar(QStringLiteral("^([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$"));
    static const QRegularExpression lowerHex(QStringLiteral("^[a-f0-9]+$"));
    auto fail = [&](const QString &why) -> std::optional<Digest> {
        if (error)
            *error = QStringLiteral("invalid digest \"%1\": %2").arg(text, why);
        return std::nullopt;
    };
    const QRegularExpressionMatch match = grammar.match(text);
    if (!match.hasMatch())
        return fail(QStringLiteral("expected algorithm:encoded, for example sha256:<64 hex digits>"));
    Digest digest;
    digest.m_algorithm = match.captured(1);
    digest.m_encoded = match.captured(2);
    const qsizetype expectedLength = digest.m_algorithm == QLatin1String("sha256")   ? 64
                                     : digest.m_algorithm == QLatin1String("sha512") ? 128
                                                                                     : -1;
    if (expectedLength > 0) {
        if (digest.m_encoded.size() != expectedLength || !lowerHex.match(digest.m_encoded).hasMatch())
            return fail(QStringLiteral("%1 needs %2 lowercase hex digits").arg(digest.m_algorithm).arg(expectedLength));
    }
    return digest;
}

Digest Digest::sha256(const QByteArray &bytes)
{
    DigestHasher hasher(QStringLiteral("sha256"));
    hasher.addData(bytes);
    return hasher.result();
}

Digest Digest::fromHash(const QString &algorithm, const QByteArray &rawHash)
{
    Digest digest;
    digest.m_algorithm = algorithm;
    digest.m_encoded = QString::fromLatin1(rawHash.toHex());
    return digest;
}

bool Digest::isComputable() const
{
    return DigestHasher::supports(m_algorithm);
}

bool Digest::matches(const QByteArray &bytes) const
{
    if (!isComputable())
        return false;
    DigestHasher hasher(m_algorithm);
    hasher.addData(bytes);
    return hasher.result() == *this;
}
