#pragma once

#include <QHashFunctions>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <compare>
#include <optional>

// A SemVer 2.0 version with the exact rules OLM applies to bundle versions (blang/semver v4): strict syntax,
// precedence ignoring build metadata, and no special treatment of prereleases beyond precedence.
class SemanticVersion
{
public:
    SemanticVersion() = default;

    // Strict MAJOR.MINOR.PATCH[-prerelease][+build]. Numbers above INT_MAX are refused (the API exposes int).
    static std::optional<SemanticVersion> parse(QStringView text, QString *error = nullptr);
    // blang's ParseTolerant: trims spaces, drops a leading "v", strips leading zeros of the three numbers and
    // fills a missing minor or patch with 0 (a shortened version may not carry a prerelease or build).
    static std::optional<SemanticVersion> parseTolerant(QStringView text, QString *error = nullptr);

    int major() const { return m_major; }
    int minor() const { return m_minor; }
    int patch() const { return m_patch; }
    QStringList prerelease() const { return m_prerelease; }
    // The build metadata without the leading '+', identifiers joined by '.'; empty when absent.
    QString build() const { return m_build; }
    bool isPrerelease() const { return !m_prerelease.isEmpty(); }

    QString toString() const;

    std::strong_ordering operator<=>(const SemanticVersion &other) const;
    // Precedence equality: build metadata is ignored, as it is for ordering.
    bool operator==(const SemanticVersion &other) const;

private:
    int m_major = 0;
    int m_minor = 0;
    int m_patch = 0;
    QStringList m_prerelease;
    QString m_build;
};

size_t qHash(const SemanticVersion &version, size_t seed = 0);
