#pragma once

#include "releasechannelfilter.h"
#include "releasehttpfetcher.h"
#include "updategraph.h"

#include <QFuture>
#include <QNetworkRequest>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>
#include <QUuid>

// Asks an OpenShift Update Service (Cincinnati) for the update graph of one channel and architecture, the way
// oc-mirror does, and keeps every answer in the working directory so diskToMirror and delete can work offline.
class CincinnatiClient
{
public:
    enum class ErrorKind {
        None,
        InvalidArgument, // unknown architecture, empty channel
        Network,         // no HTTP answer
        Http,            // an answer other than 200 (see httpStatus, serverKind, serverValue)
        InvalidGraph,    // 200 but not a Cincinnati document
        Storage,         // the answer could not be stored in the working directory
        NoGraphData,     // loadStored(): nothing stored for this channel
        Cancelled,
    };

    struct Result
    {
        ErrorKind errorKind = ErrorKind::None;
        QString error; // a full sentence naming channel, architecture and URL
        int httpStatus = 0;
        QString serverKind;  // "kind" of the server's error JSON (missing_params, does_not_exist, …)
        QString serverValue; // "value" of the server's error JSON
        QUrl url;            // without user info
        QString channel;
        QString architecture;
        UpdateGraph graph;
        QByteArray document; // the answer exactly as received or stored
        QString storedPath;

        bool isOk() const { return errorKind == ErrorKind::None; }
    };

    static constexpr auto OcpUpdateUrl = "https://api.openshift.com/api/upgrades_info/v1/graph";
    static constexpr auto OkdUpdateUrl = "https://origin-release.ci.openshift.org/graph";
    static constexpr int TransferTimeoutMs = 60 * 60 * 1000;

    // Cincinnati architecture names.
    static QStringList supportedArchitectures();

    explicit CincinnatiClient(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    // OCP: UPDATE_URL_OVERRIDE if set, else the public service; OKD: the OKD service. Query: arch, channel, id.
    static QUrl graphUrl(ReleaseChannelFilter::Type type, const QString &channel, const QString &architecture,
                         const QUuid &id, const QProcessEnvironment &environment);
    // The request sent: exactly one Accept: application/json, the 60-minute transfer timeout.
    static QNetworkRequest graphRequest(const QUrl &url);

    // Fetches and parses the graph; with a working directory the answer is stored atomically as
    // hold-release/cincinnati-graph-data/<arch>-<channel>.json before the future finishes.
    QFuture<Result> fetchGraph(ReleaseChannelFilter::Type type, const QString &channel, const QString &architecture,
                               const QString &workingDirectory = QString());

    // Reads a graph stored by fetchGraph(); ErrorKind::NoGraphData when there is none.
    static Result loadStored(const QString &workingDirectory, const QString &architecture, const QString &channel);

private:
    QProcessEnvironment m_environment;
    ReleaseHttpFetcher m_fetcher;
};
