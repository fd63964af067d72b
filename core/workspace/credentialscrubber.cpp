#include "credentialscrubber.h"

#include <QList>
#include <QRegularExpression>

namespace {

struct Rule
{
    QRegularExpression pattern;
    // Replacement with \1 for the part that stays; the secret becomes the mask.
    QString replacement;
};

const QList<Rule> &rules()
{
    const auto ci = QRegularExpression::CaseInsensitiveOption;
    const auto ciLines = ci | QRegularExpression::MultilineOption;
    static const QList<Rule> list{
        // user:password@ (or a lone token@) in a URL authority. Image transports are left out: in
        // docker://name:tag@sha256:… the part before @ is an image, not a user.
        {QRegularExpression(QStringLiteral("\\b(?!(?:docker|oci|oci-archive|file|dir)://)([a-z][a-z0-9+.-]*://)"
                                           "[^/\\s@?#]+@"),
                            ci),
         QStringLiteral("\\1***@")},
        // HTTP headers: everything after the header name to the end of the line
        {QRegularExpression(
             QStringLiteral("\\b((?:proxy-authorization|authorization|x-registry-auth|cookie|set-cookie)\\s*:\\s*)"
                            "[^\\r\\n]+"),
             ci),
         QStringLiteral("\\1***")},
        // Authorization schemes without the header name. A token has a digit or punctuation, or is long; this
        // keeps prose ("basic authentication") and challenge parameters (Bearer realm=…) readable.
        {QRegularExpression(QStringLiteral("\\b(bearer|basic)\\s+(?!(?:realm|service|scope|error)=)"
                                           "(?=[A-Za-z0-9._~+/=-]*[0-9._~+/=-]|[A-Za-z0-9._~+/=-]{20})"
                                           "[A-Za-z0-9._~+/=-]+"),
                            ci),
         QStringLiteral("\\1 ***")},
        // JSON members of auth files and token responses: "auth": "…", "password":"…"
        {QRegularExpression(QStringLiteral("(\"(?:auth|password|identitytoken|registrytoken|token|access_token|"
                                           "refresh_token|client_secret|secret)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*\""),
                            ci),
         QStringLiteral("\\1***\"")},
        // YAML keys at the start of a line (mid-line "token: expired" in prose stays)
        {QRegularExpression(QStringLiteral("^(\\s*(?:-\\s+)?(?:auth|password|identitytoken|registrytoken|token|"
                                           "access_token|refresh_token|client_secret)\\s*:[ \\t]*)(?!\\*\\*\\*$)"
                                           "\\S[^\\r\\n]*"),
                            ciLines),
         QStringLiteral("\\1***")},
        // Query strings, form bodies and command lines: password=…, token=…
        {QRegularExpression(QStringLiteral("\\b((?:password|passwd|pass|token|access_token|refresh_token|"
                                           "registry_token|client_secret|secret)=)[^&\\s\"']+"),
                            ci),
         QStringLiteral("\\1***")},
        // Command-line flags that carry credentials: --dest-password x, --src-creds=u:p
        {QRegularExpression(QStringLiteral("(--(?:src-|dest-)?(?:password|creds|registry-token)(?:\\s+|=))\\S+"), ci),
         QStringLiteral("\\1***")},
    };
    return list;
}

} // namespace

QString CredentialScrubber::mask()
{
    return QStringLiteral("***");
}

QString CredentialScrubber::scrub(const QString &text)
{
    QString result = text;
    for (const Rule &rule : rules())
        result.replace(rule.pattern, rule.replacement);
    return result;
}
