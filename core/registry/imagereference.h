#pragma once

#include <QHashFunctions>
#include <QString>

#include <optional>

// A container image reference as the docker reference grammar defines it, already normalised
// (docker.io default domain, library/ prefix for official images) so two spellings of the same image compare equal.
class ImageReference
{
public:
    ImageReference() = default;

    // Accepts an optional docker:// prefix. On failure returns nullopt and, if given, sets *error to a sentence
    // naming the input and what is wrong with it.
    static std::optional<ImageReference> parse(const QString &text, QString *error = nullptr);

    QString domain() const { return m_domain; }
    QString path() const { return m_path; }
    QString tag() const { return m_tag; }
    QString digest() const { return m_digest; }
    bool hasTag() const { return !m_tag.isEmpty(); }
    bool hasDigest() const { return !m_digest.isEmpty(); }

    // domain/path
    QString repository() const;
    // domain/path[:tag][@digest]
    QString toString() const;

    // Copies with one part replaced; an empty tag or digest removes that part. Values are not validated here:
    // callers pass parts they obtained from a parsed reference or checked with the is* helpers.
    ImageReference withTag(const QString &tag) const;
    ImageReference withDigest(const QString &digest) const;
    ImageReference withDomain(const QString &domain) const;
    ImageReference withPath(const QString &path) const;

    static bool isValidDomain(const QString &domain);
    static bool isValidRepositoryPath(const QString &path);
    static bool isValidTag(const QString &tag);
    static bool isValidDigest(const QString &digest);

    bool operator==(const ImageReference &) const = default;

private:
    QString m_domain;
    QString m_path;
    QString m_tag;
    QString m_digest;
};

size_t qHash(const ImageReference &reference, size_t seed = 0);
