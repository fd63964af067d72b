#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <optional>

// A content digest "algorithm:encoded" (OCI image-spec descriptor grammar). sha256 and sha512 are validated
// strictly (lowercase hex of the right length); other registered-looking algorithms are kept but cannot be
// computed.
class Digest
{
public:
    Digest() = default;

    static std::optional<Digest> parse(const QString &text, QString *error = nullptr);
    static Digest sha256(const QByteArray &bytes);
    static Digest fromHash(const QString &algorithm, const QByteArray &rawHash);

    bool isValid() const { return !m_algorithm.isEmpty(); }
    QString algorithm() const { return m_algorithm; }
    QString encoded() const { return m_encoded; }
    QString toString() const { return isValid() ? m_algorithm + QLatin1Char(':') + m_encoded : QString(); }
    // Whether Ferry can compute this algorithm (sha256, sha512).
    bool isComputable() const;
    // Hashes bytes with this digest's algorithm and compares.
    bool matches(const QByteArray &bytes) const;

    friend bool operator==(const Digest &a, const Digest &b) = default;

private:
    QString m_algorithm;
    QString m_encoded;
};

Q_DECLARE_METATYPE(Digest)
