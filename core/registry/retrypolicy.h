#pragma once

#include <QByteArray>
#include <QDateTime>

#include <chrono>

// How often and how long to wait before retrying a failed registry request (oc-mirror's --retry-times and
// --retry-delay). A zero base delay means exponential backoff from 100 ms; Retry-After always wins.
class RetryPolicy
{
public:
    RetryPolicy() = default;
    RetryPolicy(int retryTimes, std::chrono::milliseconds retryDelay)
        : m_retryTimes(retryTimes)
        , m_retryDelay(retryDelay)
    {
    }

    int retryTimes() const { return m_retryTimes; }
    std::chrono::milliseconds retryDelay() const { return m_retryDelay; }
    bool shouldRetry(int attempt) const { return attempt < m_retryTimes; }
    static bool isRetryableStatus(int httpStatus);

    // Delay before retry number attempt (0-based), honouring a Retry-After header (seconds or HTTP date).
    std::chrono::milliseconds delayFor(int attempt, const QByteArray &retryAfter = QByteArray(),
                                       const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

private:
    int m_retryTimes = 5;
    std::chrono::milliseconds m_retryDelay{0};
    static constexpr std::chrono::milliseconds s_maximumDelay{30000};
};
