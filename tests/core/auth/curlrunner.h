#pragma once

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

// curl as the independent HTTP client of the auth tests. Credentials go through a curl config on stdin (-K -),
// never the command line.
struct CurlResult
{
    int exitCode = -1;
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers; // of the last response
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return header.second;
        }
        return {};
    }
};

inline CurlResult runCurl(const QStringList &arguments, const QByteArray &config = QByteArray())
{
    QProcess process;
    process.start(QStringLiteral("curl"),
                  QStringList{QStringLiteral("-sS"), QStringLiteral("-i"), QStringLiteral("--max-time"),
                              QStringLiteral("20"), QStringLiteral("-K"), QStringLiteral("-")} +
                      arguments);
    process.write(config);
    process.closeWriteChannel();
    CurlResult result;
    if (!process.waitForFinished(30000))
        return result;
    result.exitCode = process.exitCode();
    QByteArray output = process.readAllStandardOutput();
    // With -i each response (also a 100 Continue) starts with its status line; keep the last one.
    while (output.startsWith("HTTP/")) {
        const qsizetype end = output.indexOf("\r\n\r\n");
        const QByteArray head = end < 0 ? output : output.left(end);
        output = end < 0 ? QByteArray() : output.mid(end + 4);
        const QList<QByteArray> lines = head.split('\n');
        result.status = lines.value(0).split(' ').value(1).toInt();
        result.headers.clear();
        for (const QByteArray &line : lines.mid(1)) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                result.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
    }
    result.body = output;
    return result;
}

inline QByteArray curlUserConfig(const QString &user, const QString &password)
{
    QByteArray escaped = (user + QLatin1Char(':') + password).toUtf8();
    escaped.replace('\\', "\\\\").replace('"', "\\\"");
    return QByteArrayLiteral("user = \"") + escaped + QByteArrayLiteral("\"\n");
}
