#include "semanticversion.h"

#include <limits>

namespace {

bool isDigits(QStringView text)
{
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

bool isIdentifierCharacters(QStringView text)
{
    for (const QChar c : text) {
        const bool ok = (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                        (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                        (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || c == QLatin1Char('-');
        if (!ok)
            return false;
    }
    return true;
}

// Parses one of the three version numbers; returns the reason on failure.
QString parseNumber(QStringView text, const QString &what, int *value)
{
    if (text.isEmpty())
        return QStringLiteral("%1 number is empty").arg(what);
    if (!isDigits(text))
        return QStringLiteral("%1 number \"%2\" must contain only digits").arg(what, text.toString());
    if (text.size() > 1 && text.front() == QLatin1Char('0'))
        return QStringLiteral("%1 number \"%2\" must not contain leading zeroes").arg(what, text.toString());
    bool ok = false;
    const qulonglong number = text.toULongLong(&ok);
    if (!ok || number > qulonglong(std::numeric_limits<int>::max()))
        return QStringLiteral("%1 number \"%2\" is too large").arg(what, text.toString());
    *value = int(number);
    return {};
}

// Numeric identifiers have no leading zeroes, so comparing length first then digits orders them numerically
// without any overflow limit.
int compareNumericIdentifiers(const QString &a, const QString &b)
{
    if (a.size() != b.size())
        return a.size() < b.size() ? -1 : 1;
    return a.compare(b);
}

int comparePrereleaseIdentifiers(const QString &a, const QString &b)
{
    const bool aNumeric = isDigits(a);
    const bool bNumeric = isDigits(b);
    if (aNumeric && bNumeric)
        return compareNumericIdentifiers(a, b);
    if (aNumeric != bNumeric)
        return aNumeric ? -1 : 1;
    // Plain UTF-16 code unit order equals ASCII order for the allowed characters.
    return a.compare(b, Qt::CaseSensitive);
}

std::strong_ordering toOrdering(int value)
{
    if (value < 0)
        return std::strong_ordering::less;
    if (value > 0)
        return std::strong_ordering::greater;
    return std::strong_ordering::equal;
}

} // namespace

std::optional<SemanticVersion> SemanticVersion::parse(QStringView text, QString *error)
{
    const auto fail = [&](const QString &reason) -> std::optional<SemanticVersion> {
        if (error)
            *error = QStringLiteral("invalid semantic version \"%1\": %2").arg(text.toString(), reason);
        return std::nullopt;
    };
    if (text.isEmpty())
        return fail(QStringLiteral("version string is empty"));

    // The prerelease and build may contain dots; only the first two dots separate the numbers.
    const qsizetype firstDot = text.indexOf(QLatin1Char('.'));
    const qsizetype secondDot = firstDot < 0 ? -1 : text.indexOf(QLatin1Char('.'), firstDot + 1);
    if (secondDot < 0)
        return fail(QStringLiteral("expected MAJOR.MINOR.PATCH"));
    const QStringView majorText = text.left(firstDot);
    const QStringView minorText = text.mid(firstDot + 1, secondDot - firstDot - 1);
    QStringView patchText = text.mid(secondDot + 1);

    SemanticVersion version;
    QStringView buildText;
    bool hasBuild = false;
    if (const qsizetype plus = patchText.indexOf(QLatin1Char('+')); plus >= 0) {
        buildText = patchText.mid(plus + 1);
        patchText = patchText.left(plus);
        hasBuild = true;
    }
    QStringView prereleaseText;
    bool hasPrerelease = false;
    if (const qsizetype minus = patchText.indexOf(QLatin1Char('-')); minus >= 0) {
        prereleaseText = patchText.mid(minus + 1);
        patchText = patchText.left(minus);
        hasPrerelease = true;
    }

    QString reason = parseNumber(majorText, QStringLiteral("major"), &version.m_major);
    if (reason.isEmpty())
        reason = parseNumber(minorText, QStringLiteral("minor"), &version.m_minor);
    if (reason.isEmpty())
        reason = parseNumber(patchText, QStringLiteral("patch"), &version.m_patch);
    if (!reason.isEmpty())
        return fail(reason);

    if (hasPrerelease) {
        for (const QStringView identifier : prereleaseText.split(QLatin1Char('.'))) {
            if (identifier.isEmpty())
                return fail(QStringLiteral("prerelease identifier is empty"));
            if (isDigits(identifier)) {
                if (identifier.size() > 1 && identifier.front() == QLatin1Char('0'))
                    return fail(QStringLiteral("numeric prerelease identifier \"%1\" must not contain leading zeroes")
                                    .arg(identifier.toString()));
            } else if (!isIdentifierCharacters(identifier)) {
                return fail(QStringLiteral("prerelease identifier \"%1\" may contain only [0-9A-Za-z-]")
                                .arg(identifier.toString()));
            }
            version.m_prerelease.append(identifier.toString());
        }
    }
    if (hasBuild) {
        for (const QStringView identifier : buildText.split(QLatin1Char('.'))) {
            if (identifier.isEmpty())
                return fail(QStringLiteral("build metadata identifier is empty"));
            if (!isIdentifierCharacters(identifier))
                return fail(QStringLiteral("build metadata identifier \"%1\" may contain only [0-9A-Za-z-]")
                                .arg(identifier.toString()));
        }
        version.m_build = buildText.toString();
    }
    return version;
}

std::optional<SemanticVersion> SemanticVersion::parseTolerant(QStringView text, QString *error)
{
    QStringView trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1Char('v')))
        trimmed = trimmed.mid(1);
    // Only the first two dots split; the third part keeps its prerelease and build.
    QStringList parts;
    QStringView rest = trimmed;
    while (parts.size() < 2) {
        const qsizetype dot = rest.indexOf(QLatin1Char('.'));
        if (dot < 0)
            break;
        parts.append(rest.left(dot).toString());
        rest = rest.mid(dot + 1);
    }
    parts.append(rest.toString());
    for (QString &part : parts) {
        if (part.size() <= 1)
            continue;
        qsizetype zeros = 0;
        while (zeros < part.size() && part.at(zeros) == QLatin1Char('0'))
            ++zeros;
        part.remove(0, zeros);
        if (part.isEmpty() || !part.front().isDigit() || part.front().unicode() > 127)
            part.prepend(QLatin1Char('0'));
    }
    if (parts.size() < 3) {
        if (parts.constLast().contains(QLatin1Char('+')) || parts.constLast().contains(QLatin1Char('-'))) {
            if (error)
                *error = QStringLiteral("invalid semantic version \"%1\": a shortened version cannot carry a "
                                        "prerelease or build metadata")
                             .arg(text.toString());
            return std::nullopt;
        }
        while (parts.size() < 3)
            parts.append(QStringLiteral("0"));
    }
    const QString normalised = parts.join(QLatin1Char('.'));
    QString innerError;
    auto version = parse(normalised, &innerError);
    if (!version && error)
        *error = innerError.replace(QLatin1Char('"') + normalised + QLatin1Char('"'),
                                    QLatin1Char('"') + text.toString() + QLatin1Char('"'));
    return version;
}

QString SemanticVersion::toString() const
{
    QString text = QString::number(m_major) + QLatin1Char('.') + QString::number(m_minor) + QLatin1Char('.') +
                   QString::number(m_patch);
    if (!m_prerelease.isEmpty())
        text += QLatin1Char('-') + m_prerelease.join(QLatin1Char('.'));
    if (!m_build.isEmpty())
        text += QLatin1Char('+') + m_build;
    return text;
}

std::strong_ordering SemanticVersion::operator<=>(const SemanticVersion &other) const
{
    if (auto c = m_major <=> other.m_major; c != 0)
        return c;
    if (auto c = m_minor <=> other.m_minor; c != 0)
        return c;
    if (auto c = m_patch <=> other.m_patch; c != 0)
        return c;
    // A release ranks above any of its prereleases.
    if (m_prerelease.isEmpty() || other.m_prerelease.isEmpty())
        return other.m_prerelease.size() == m_prerelease.size() ? std::strong_ordering::equal
               : m_prerelease.isEmpty()                         ? std::strong_ordering::greater
                                                                : std::strong_ordering::less;
    const qsizetype shared = std::min(m_prerelease.size(), other.m_prerelease.size());
    for (qsizetype i = 0; i < shared; ++i) {
        if (const int c = comparePrereleaseIdentifiers(m_prerelease.at(i), other.m_prerelease.at(i)); c != 0)
            return toOrdering(c);
    }
    return m_prerelease.size() <=> other.m_prerelease.size();
}

bool SemanticVersion::operator==(const SemanticVersion &other) const
{
    return (*this <=> other) == 0;
}

size_t qHash(const SemanticVersion &version, size_t seed)
{
    // Build metadata is left out so that equal versions hash equally.
    return qHashMulti(seed, version.major(), version.minor(), version.patch(), version.prerelease());
}
