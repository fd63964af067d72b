#include "registryerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

RegistryError::RegistryError(Kind kind, const QString &message, const QUrl &url, int httpStatus, const QString &code)
    : m_kind(kind)
    , m_message(message)
    , m_url(redacted(url))
    , m_httpStatus(httpStatus)
    , m_code(code)
{
    if (!code.isEmpty())
        m_codes.append(code);
}

bool RegistryError::isTransient() const
{
    if (m_kind == Kind::Network)
        return true;
    return m_httpStatus == 408 || m_httpStatus == 429 || (m_httpStatus >= 500 && m_httpStatus <= 599);
}

QString RegistryError::toString() const
{
    if (!isError())
        return QString();
    QStringList details;
    if (m_httpStatus > 0)
        details.append(QStringLiteral("HTTP %1").arg(m_httpStatus));
    if (!m_codes.isEmpty())
        details.append(m_codes.join(QLatin1Char(',')));
    QString text = m_message;
    if (!details.isEmpty())
        text += QStringLiteral(" (") + details.join(QLatin1Char(' ')) + QLatin1Char(')');
    if (m_url.isValid())
        text += QStringLiteral(": ") + m_url.toString();
    return text;
}

QUrl RegistryError::redacted(const QUrl &url)
{
    QUrl copy = url;
    copy.setUserInfo(QString());
    copy.setFragment(QString());
    return copy;
}

RegistryError RegistryError::fromHttp(int status, const QByteArray &body, const QUrl &url, const QString &context)
{
    Kind kind = Kind::Http;
    if (status == 401)
        kind = Kind::Unauthorized;
    else if (status == 404)
        kind = Kind::NotFound;

    QStringList codes;
    QString registryMessage;
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonArray errors = document.object().value(QLatin1String("errors")).toArray();
    for (const QJsonValue &entry : errors) {
        const QJsonObject object = entry.toObject();
        const QString code = object.value(QLatin1String("code")).toString();
        if (!code.isEmpty())
            codes.append(code);
        if (registryMessage.isEmpty())
            registryMessage = object.value(QLatin1String("message")).toString();
    }
    QString message = context;
    // The registry's own message is short and safe to show; it helps more than the status alone.
    if (!registryMessage.isEmpty())
        message += QStringLiteral(": ") + registryMessage.left(200);
    RegistryError error(kind, message, url, status, codes.value(0));
    error.m_codes = codes;
    return error;
}
