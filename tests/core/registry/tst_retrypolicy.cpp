#include "registry/retrypolicy.h"

#include <QTest>

using namespace std::chrono_literals;

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private slots:
    void exponentialByDefault()
    {
        const RetryPolicy policy;
        QCOMPARE(policy.retryTimes(), 5);
        QCOMPARE(policy.delayFor(0), 100ms);
        QCOMPARE(policy.delayFor(1), 200ms);
        QCOMPARE(policy.delayFor(3), 800ms);
        QVERIFY(policy.delayFor(20) <= 30000ms);
        QVERIFY(policy.shouldRetry(4));
        QVERIFY(!policy.shouldRetry(5));
    }

    void fixedDelay()
    {
        const RetryPolicy policy(2, 1500ms);
        QCOMPARE(policy.delayFor(0), 1500ms);
        QCOMPARE(policy.delayFor(1), 1500ms);
        QVERIFY(!policy.shouldRetry(2));
    }

    void retryAfterWins()
    {
        const RetryPolicy policy(3, 10ms);
        QCOMPARE(policy.delayFor(0, "2"), 2000ms);
        const QDateTime now = QDateTime(QDate(2015, 10, 21), QTime(7, 28, 0), Qt::UTC);
        QCOMPARE(policy.delayFor(0, "Wed, 21 Oct 2015 07:28:05 GMT", now), 5000ms);
        // Past dates mean "now"; nonsense falls back to the policy.
        QCOMPARE(policy.delayFor(0, "Wed, 21 Oct 2015 07:27:00 GMT", now), 0ms);
        QCOMPARE(policy.delayFor(0, "soon"), 10ms);
    }

    void retryableStatuses()
    {
        for (int status : {408, 429, 500, 502, 503, 504})
            QVERIFY(RetryPolicy::isRetryableStatus(status));
        for (int status : {200, 201, 400, 401, 403, 404, 405, 416, 501})
            QVERIFY(!RetryPolicy::isRetryableStatus(status));
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
