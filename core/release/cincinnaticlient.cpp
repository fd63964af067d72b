#include "cincinnaticlient.h"

#include "workspace/atomicfilewriter.h"
#include "workspace/workingdirectory.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QUrlQuery>

namespace {

QString subject(const QString &channel, const QString &architecture)
{
    return QStringLiteral("update graph of channel %1 (%2)").arg(channel, architecture);
}

QFuture<CincinnatiClient::Result> finished(const CincinnatiClient::Result &result)
{
    return QtFuture::makeReadyFuture(result);
}

} // namespace

QStringList CincinnatiClient::supportedArchitectures()
{
    return {QStringLiteral("amd64"), QStringLiteral("arm64"), QStringLiteral("ppc64le"), QStringLiteral("s390x"),
            QStringLiteral("multi")};
}

CincinnatiClient::CincinnatiClient(const QProcessEnvironment &environment)
    : m_environment(environment)
    , m_fetcher(environment)
{
}

QUrl CincinnatiClient::graphUrl(ReleaseChannelFilter::Type type, const QString &channel, const QString &architecture,
                                const QUuid &id, const QProcessEnvironment &environment)
{
    QString base = QString::fromLatin1(OcpUpdateUrl);
    if (type == ReleaseChannelFilter::Type::Okd) {
        base = QString::fromLatin1(OkdUpdateUrl);
    } else {
        const QString override = environment.value(QStringLiteral("UPDATE_URL_OVERRIDE")).trimmed();
        if (!override.isEmpty())
            base = override;
    }
    QUrl url(base);
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("arch"), architecture);
    query.addQueryItem(QStringLiteral("channel"), channel);
    query.addQueryItem(QStringLiteral("id"), id.toString(QUuid::WithoutBraces));
    url.setQuery(query);
    return url;
}

QNetworkRequest CincinnatiClient::graphRequest(const QUrl &url)
{
    QNetworkRequest request(url);
    // The service compares the whole header value: one media type, never a list.
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(TransferTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
#if QT_CONFIG(ssl)
    // The system CA pool (Qt's default) and nothing older than TLS 1.2.
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    request.setSslConfiguration(tls);
#endif
    return request;
}

QFuture<CincinnatiClient::Result> CincinnatiClient::fetchGraph(ReleaseChannelFilter::Type type, const QString &channel,
                                                               const QString &architecture,
                                                               const QString &workingDirectory)
{
    Result result;
    result.channel = channel;
    result.architecture = architecture;
    if (channel.trimmed().isEmpty()) {
        result.errorKind = ErrorKind::InvalidArgument;
        result.error = QStringLiteral("cannot request an update graph without a channel name");
        return finished(result);
    }
    if (!supportedArchitectures().contains(architecture)) {
        result.errorKind = ErrorKind::InvalidArgument;
        result.error =
            QStringLiteral("%1: unknown architecture \"%2\"; expected one of %3")
                .arg(subject(channel, architecture), architecture, supportedArchitectures().join(QStringLiteral(", ")));
        return finished(result);
    }
    const QUrl url = graphUrl(type, channel, architecture, QUuid::createUuid(), m_environment);
    // Results and messages never carry credentials an override URL might hold.
    result.url = url.adjusted(QUrl::RemoveUserInfo);
    const QString storePath = workingDirectory.isEmpty()
                                  ? QString()
                                  : WorkingDirectory(workingDirectory).graphDataFile(architecture, channel);

    // The continuation runs on the fetcher's thread, so parsing and storing never block the caller.
    return m_fetcher.get(graphRequest(url))
        .then(QtFuture::Launch::Sync, [result, storePath](const ReleaseHttpFetcher::Response &response) mutable {
            const QString what = subject(result.channel, result.architecture);
            const QString url = result.url.toString();
            result.httpStatus = response.httpStatus;
            if (response.cancelled) {
                result.errorKind = ErrorKind::Cancelled;
                result.error = QStringLiteral("%1: request to %2 cancelled").arg(what, url);
                return result;
            }
            if (response.httpStatus == 0) {
                result.errorKind = ErrorKind::Network;
                result.error = QStringLiteral("%1: request to %2 failed: %3").arg(what, url, response.networkError);
                return result;
            }
            if (response.httpStatus != 200) {
                result.errorKind = ErrorKind::Http;
                const QJsonObject body = QJsonDocument::fromJson(response.body).object();
                result.serverKind = body.value(QLatin1String("kind")).toString();
                result.serverValue = body.value(QLatin1String("value")).toString();
                QString detail;
                if (!result.serverKind.isEmpty())
                    detail = QStringLiteral(": %1: %2").arg(result.serverKind, result.serverValue);
                result.error =
                    QStringLiteral("%1: %2 answered HTTP %3%4").arg(what, url).arg(response.httpStatus).arg(detail);
                return result;
            }
            QString parseError;
            const auto graph = UpdateGraph::parse(response.body, url, &parseError);
            if (!graph) {
                result.errorKind = ErrorKind::InvalidGraph;
                result.error = QStringLiteral("%1: the answer is not an update graph: %2").arg(what, parseError);
                return result;
            }
            result.graph = *graph;
            result.document = response.body;
            if (!storePath.isEmpty()) {
                QString storeError;
                if (!AtomicFileWriter::write(storePath, response.body, &storeError)) {
                    result.errorKind = ErrorKind::Storage;
                    result.error = QStringLiteral("%1: %2").arg(what, storeError);
                    return result;
                }
                result.storedPath = storePath;
            }
            return result;
        });
}

CincinnatiClient::Result CincinnatiClient::loadStored(const QString &workingDirectory, const QString &architecture,
                                                      const QString &channel)
{
    Result result;
    result.channel = channel;
    result.architecture = architecture;
    const QString path = WorkingDirectory(workingDirectory).graphDataFile(architecture, channel);
    result.url = QUrl::fromLocalFile(path);
    const QString what = subject(channel, architecture);
    QFile file(path);
    if (!file.exists()) {
        result.errorKind = ErrorKind::NoGraphData;
        result.error = QStringLiteral("%1: no stored graph data: \"%2\" does not exist; it is written when mirroring "
                                      "from the source (mirror to disk or mirror to mirror)")
                           .arg(what, path);
        return result;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        result.errorKind = ErrorKind::NoGraphData;
        result.error = QStringLiteral("%1: cannot read \"%2\": %3").arg(what, path, file.errorString());
        return result;
    }
    result.document = file.readAll();
    QString parseError;
    const auto graph = UpdateGraph::parse(result.document, path, &parseError);
    if (!graph) {
        result.errorKind = ErrorKind::InvalidGraph;
        result.error = QStringLiteral("%1: %2").arg(what, parseError);
        return result;
    }
    result.graph = *graph;
    result.storedPath = path;
    return result;
}
