#include "imagereference.h"

#include <QRegularExpression>

namespace {

const QString kDockerPrefix = QStringLiteral("docker://");
const QString kDefaultDomain = QStringLiteral("docker.io");
const QString kLegacyDefaultDomain = QStringLiteral("index.docker.io");
const QString kOfficialRepositoryPrefix = QStringLiteral("library/");
constexpr qsizetype kNameTotalLengthMax = 255;

// The grammar's \w is ASCII only; QRegularExpression's \w would accept any Unicode letter.
const QRegularExpression &tagPattern()
{
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")));
    return re;
}

const QRegularExpression &pathComponentPattern()
{
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*")));
    return re;
}

const QRegularExpression &domainPattern()
{
    // host (DNS name, IPv4 as a special case of it, or bracketed IPv6) with an optional numeric port
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QStringLiteral("(?:(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])"
                                                           "(?:\\.(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]))*"
                                                           "|\\[[A-Fa-f0-9:]+\\])(?::[0-9]+)?")));
    return re;
}

const QRegularExpression &digestShapePattern()
{
    static const QRegularExpression re(QRegularExpression::anchoredPattern(
        QStringLiteral("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}")));
    return re;
}

// Returns an empty string when the digest is acceptable, otherwise why not.
QString digestProblem(const QString &digest)
{
    if (!digestShapePattern().match(digest).hasMatch())
        return QStringLiteral("invalid digest \"%1\" (expected algorithm:hex)").arg(digest);
    const qsizetype colon = digest.indexOf(QLatin1Char(':'));
    const QString algorithm = digest.left(colon);
    const QString hex = digest.mid(colon + 1);
    qsizetype expectedLength = 0;
    if (algorithm == QLatin1String("sha256"))
        expectedLength = 64;
    else if (algorithm == QLatin1String("sha512"))
        expectedLength = 128;
    else
        return QStringLiteral("unsupported digest algorithm \"%1\" (expected sha256 or sha512)").arg(algorithm);
    if (hex.size() != expectedLength)
        return QStringLiteral("%1 digest must have %2 hex characters, not %3")
            .arg(algorithm)
            .arg(expectedLength)
            .arg(hex.size());
    // Registries and go-digest accept only the canonical lowercase spelling of registered algorithms.
    for (const QChar c : hex) {
        if (c.isUpper())
            return QStringLiteral("%1 digest must be lowercase hex").arg(algorithm);
    }
    return {};
}

QString pathProblem(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral("repository name must have at least one component");
    const QStringList components = path.split(QLatin1Char('/'));
    for (const QString &component : components) {
        if (component.isEmpty())
            return QStringLiteral("repository name has an empty path component");
        if (pathComponentPattern().match(component).hasMatch())
            continue;
        if (pathComponentPattern().match(component.toLower()).hasMatch())
            return QStringLiteral("repository name must be lowercase");
        return QStringLiteral("invalid path component \"%1\" (expected [a-z0-9] separated by '.', '_', '__' or '-')")
            .arg(component);
    }
    return {};
}

// The first component names a registry only when it cannot be a repository name: it has a dot or a port,
// or it is localhost.
bool looksLikeDomain(const QString &component)
{
    return component.contains(QLatin1Char('.')) || component.contains(QLatin1Char(':')) ||
           component == QLatin1String("localhost");
}

} // namespace

std::optional<ImageReference> ImageReference::parse(const QString &text, QString *error)
{
    const auto fail = [&](const QString &reason) -> std::optional<ImageReference> {
        if (error)
            *error = QStringLiteral("invalid reference \"%1\": %2").arg(text, reason);
        return std::nullopt;
    };

    QString rest = text;
    if (rest.startsWith(kDockerPrefix))
        rest = rest.mid(kDockerPrefix.size());
    if (rest.isEmpty())
        return fail(QStringLiteral("repository name must have at least one component"));

    ImageReference result;
    const qsizetype at = rest.indexOf(QLatin1Char('@'));
    if (at >= 0) {
        result.m_digest = rest.mid(at + 1);
        rest.truncate(at);
        const QString problem = digestProblem(result.m_digest);
        if (!problem.isEmpty())
            return fail(problem);
    }

    // A colon after the last slash separates the tag; one before it belongs to a registry port.
    const qsizetype colon = rest.lastIndexOf(QLatin1Char(':'));
    if (colon >= 0 && colon > rest.lastIndexOf(QLatin1Char('/'))) {
        result.m_tag = rest.mid(colon + 1);
        rest.truncate(colon);
        if (!isValidTag(result.m_tag))
            return fail(
                QStringLiteral("invalid tag \"%1\" (expected [A-Za-z0-9_][A-Za-z0-9_.-]{0,127})").arg(result.m_tag));
    }

    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    if (slash >= 0 && looksLikeDomain(rest.left(slash))) {
        result.m_domain = rest.left(slash);
        result.m_path = rest.mid(slash + 1);
        if (!isValidDomain(result.m_domain))
            return fail(QStringLiteral("invalid registry domain \"%1\"").arg(result.m_domain));
    } else {
        result.m_domain = kDefaultDomain;
        result.m_path = rest;
    }
    if (result.m_domain == kLegacyDefaultDomain)
        result.m_domain = kDefaultDomain;

    const QString problem = pathProblem(result.m_path);
    if (!problem.isEmpty())
        return fail(problem);
    if (result.m_domain == kDefaultDomain && !result.m_path.contains(QLatin1Char('/')))
        result.m_path.prepend(kOfficialRepositoryPrefix);

    if (result.repository().size() > kNameTotalLengthMax)
        return fail(QStringLiteral("repository name must not be more than %1 characters").arg(kNameTotalLengthMax));
    return result;
}

QString ImageReference::repository() const
{
    return m_domain + QLatin1Char('/') + m_path;
}

QString ImageReference::toString() const
{
    QString text = repository();
    if (hasTag())
        text += QLatin1Char(':') + m_tag;
    if (hasDigest())
        text += QLatin1Char('@') + m_digest;
    return text;
}

ImageReference ImageReference::withTag(const QString &tag) const
{
    ImageReference copy = *this;
    copy.m_tag = tag;
    return copy;
}

ImageReference ImageReference::withDigest(const QString &digest) const
{
    ImageReference copy = *this;
    copy.m_digest = digest;
    return copy;
}

ImageReference ImageReference::withDomain(const QString &domain) const
{
    ImageReference copy = *this;
    copy.m_domain = domain;
    return copy;
}

ImageReference ImageReference::withPath(const QString &path) const
{
    ImageReference copy = *this;
    copy.m_path = path;
    return copy;
}

bool ImageReference::isValidDomain(const QString &domain)
{
    return domainPattern().match(domain).hasMatch();
}

bool ImageReference::isValidRepositoryPath(const QString &path)
{
    return pathProblem(path).isEmpty() && path.size() <= kNameTotalLengthMax;
}

bool ImageReference::isValidTag(const QString &tag)
{
    return tagPattern().match(tag).hasMatch();
}

bool ImageReference::isValidDigest(const QString &digest)
{
    return digestProblem(digest).isEmpty();
}

size_t qHash(const ImageReference &reference, size_t seed)
{
    return qHashMulti(seed, reference.domain(), reference.path(), reference.tag(), reference.digest());
}
