#include "releasesignaturefetcher.h"

#include <QRegularExpression>

ReleaseSignatureFetcher::ReleaseSignatureFetcher(const QProcessEnvironment &environment)
    : m_environment(environment)
    , m_fetcher(environment)
{
}

QUrl ReleaseSignatureFetcher::signatureUrl(const QString &digest, const QProcessEnvironment &environment)
{
    static const QRegularExpression pattern(QStringLiteral("^sha256:([0-9a-f]{64})$"));
    const QRegularExpressionMatch match = pattern.match(digest);
    if (!match.hasMatch())
        return QUrl();
    QString base = environment.value(QLatin1String(BaseUrlEnvironmentVariable)).trimmed();
    if (base.isEmpty())
        base = QString::fromLatin1(DefaultBaseUrl);
    // The store layout is <base>sha256=<hex>/signature-1; tolerate a base given without its final slash.
    if (!base.endsWith(QLatin1Char('/')))
        base += QLatin1Char('/');
    return QUrl(base + QStringLiteral("sha256=") + match.captured(1) + QStringLiteral("/signature-1"));
}

QFuture<ReleaseSignatureFetcher::Result> ReleaseSignatureFetcher::fetch(const QString &digest)
{
    Result result;
    result.digest = digest;
    result.url = signatureUrl(digest, m_environment);
    if (result.url.isEmpty()) {
        result.errorKind = ErrorKind::InvalidArgument;
        result.error =
            QStringLiteral("cannot fetch a release signature for \"%1\": expected sha256:<64 hex digits>").arg(digest);
        return QtFuture::makeReadyFuture(result);
    }
    QNetworkRequest request(result.url);
    request.setTransferTimeout(10 * 60 * 1000);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    return m_fetcher.get(request).then(
        QtFuture::Launch::Sync, [result](const ReleaseHttpFetcher::Response &response) mutable {
            const QString subject = QStringLiteral("release signature for %1 from %2")
                                        .arg(result.digest, result.url.adjusted(QUrl::RemoveUserInfo).toString());
            result.httpStatus = response.httpStatus;
            if (response.cancelled) {
                result.errorKind = ErrorKind::Cancelled;
                result.error = subject + QStringLiteral(": cancelled");
            } else if (response.httpStatus == 0) {
                result.errorKind = ErrorKind::Network;
                result.error = QStringLiteral("%1: %2").arg(subject, response.networkError);
            } else if (response.httpStatus == 404) {
                result.errorKind = ErrorKind::NotFound;
                result.error = subject + QStringLiteral(": no such signature (HTTP 404)");
            } else if (response.httpStatus != 200) {
                result.errorKind = ErrorKind::Http;
                result.error = QStringLiteral("%1: HTTP %2").arg(subject).arg(response.httpStatus);
            } else if (response.body.isEmpty()) {
                result.errorKind = ErrorKind::Http;
                result.error = subject + QStringLiteral(": empty answer");
            } else {
                result.signature = response.body;
            }
            return result;
        });
}
