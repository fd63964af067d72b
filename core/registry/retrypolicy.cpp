#include "retrypolicy.h"

#include <QLocale>

#include <algorithm>

bool RetryPolicy::isRetryableStatus(int httpStatus)
{
    return httpStatus == 408 || httpStatus == 429 || (httpStatus >= 500 && httpStatus <= 599 && httpStatus != 501);
}

std::chrono::milliseconds RetryPolicy::delayFor(int attempt, const QByteArray &retryAfter, const QDateTime &now) const
{
    using std::chrono::milliseconds;
    const QByteArray trimmed = retryAfter.trimmed();
    if (!trimmed.isEmpty()) {
        bool isNumber = false;
        const int seconds = trimmed.toInt(&isNumber);
        if (isNumber && seconds >= 0)
            return std::min(milliseconds(qint64(seconds) * 1000), s_maximumDelay);
        // HTTP-date, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
        const QDateTime when =
            QLocale::c().toDateTime(QString::fromLatin1(trimmed).replace(QLatin1String(" GMT"), QString()),
                                    QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
        if (when.isValid()) {
            QDateTime utc = when;
            utc.setTimeSpec(Qt::UTC);
            return std::clamp(milliseconds(now.msecsTo(utc)), milliseconds(0), s_maximumDelay);
        }
    }
    if (m_retryDelay.count() > 0)
        return m_retryDelay;
    const qint64 exponential = qint64(100) << std::min(attempt, 8);
    return std::min(milliseconds(exponential), s_maximumDelay);
}
