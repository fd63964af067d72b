#pragma once

#include "releasehttpfetcher.h"

#include <QByteArray>
#include <QFuture>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

// Downloads the signature of a release payload from the signature store: <base>sha256=<hex>/signature-1, base
// being OCP_SIGNATURE_URL or Red Hat's public store. Asynchronous, callable from any thread (see ReleaseHttpFetcher).
class ReleaseSignatureFetcher
{
public:
    enum class ErrorKind {
        None,
        InvalidArgument, // not a sha256 digest
        Network,
        NotFound, // 404: the store has no signature for this payload
        Http,
        Cancelled,
    };

    struct Result
    {
        ErrorKind errorKind = ErrorKind::None;
        QString error;
        int httpStatus = 0;
        QUrl url;
        QString digest;
        QByteArray signature;

        bool isOk() const { return errorKind == ErrorKind::None; }
    };

    static constexpr auto DefaultBaseUrl =
        "https://mirror.openshift.com/pub/openshift-v4/signatures/openshift/release/";
    static constexpr auto BaseUrlEnvironmentVariable = "OCP_SIGNATURE_URL";

    explicit ReleaseSignatureFetcher(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    // Empty URL when `digest` is not "sha256:<64 hex>".
    static QUrl signatureUrl(const QString &digest, const QProcessEnvironment &environment);

    QFuture<Result> fetch(const QString &digest);

private:
    QProcessEnvironment m_environment;
    ReleaseHttpFetcher m_fetcher;
};
