#include "registry/bearertokencache.h"

#include <QTest>

#include <QtConcurrent>
#include <atomic>

class tst_BearerTokenCache : public QObject
{
    Q_OBJECT

private:
    const QDateTime m_now = QDateTime(QDate(2026, 3, 1), QTime(12, 0, 0), Qt::UTC);
    BearerToken token(const QString &value, int lifetime = 300) const { return BearerToken(value, m_now, lifetime); }

private slots:
    void keyIgnoresScopeOrderAndDuplicates()
    {
        const QString a = BearerTokenCache::key(
            QStringLiteral("Quay.io"), {QStringLiteral("repository:b:pull"), QStringLiteral("repository:a:pull,push")});
        const QString b = BearerTokenCache::key(QStringLiteral("quay.io"), {QStringLiteral("repository:a:pull,push"),
                                                                            QStringLiteral("repository:b:pull"),
                                                                            QStringLiteral("repository:b:pull")});
        QCOMPARE(a, b);
        QVERIFY(a != BearerTokenCache::key(QStringLiteral("quay.io"), {QStringLiteral("repository:a:pull,push")}));
        QVERIFY(a != BearerTokenCache::key(QStringLiteral("other.io"), {QStringLiteral("repository:a:pull,push"),
                                                                        QStringLiteral("repository:b:pull")}));
    }

    void getInsertInvalidate()
    {
        BearerTokenCache cache;
        const QStringList pull{QStringLiteral("repository:ns/app:pull")};
        const QStringList push{QStringLiteral("repository:ns/app:pull,push")};
        QVERIFY(!cache.get(QStringLiteral("r1"), pull, m_now));
        cache.insert(QStringLiteral("r1"), pull, token(QStringLiteral("pull-token")));
        cache.insert(QStringLiteral("r1"), push, token(QStringLiteral("push-token")));
        cache.insert(QStringLiteral("r2"), pull, token(QStringLiteral("other-registry")));
        QCOMPARE(cache.get(QStringLiteral("r1"), pull, m_now)->token(), QStringLiteral("pull-token"));
        QCOMPARE(cache.get(QStringLiteral("r1"), push, m_now)->token(), QStringLiteral("push-token"));
        QCOMPARE(cache.get(QStringLiteral("r2"), pull, m_now)->token(), QStringLiteral("other-registry"));
        QCOMPARE(cache.size(), 3);

        // Replacing a token.
        cache.insert(QStringLiteral("r1"), pull, token(QStringLiteral("pull-token-2")));
        QCOMPARE(cache.get(QStringLiteral("r1"), pull, m_now)->token(), QStringLiteral("pull-token-2"));

        cache.invalidate(QStringLiteral("r1"), pull);
        QVERIFY(!cache.get(QStringLiteral("r1"), pull, m_now));
        QVERIFY(cache.get(QStringLiteral("r1"), push, m_now));

        cache.invalidateRegistry(QStringLiteral("R1"));
        QVERIFY(!cache.get(QStringLiteral("r1"), push, m_now));
        QVERIFY(cache.get(QStringLiteral("r2"), pull, m_now));
        cache.clear();
        QCOMPARE(cache.size(), 0);
    }

    void expiryHonoursTheMargin()
    {
        BearerTokenCache cache(10);
        const QStringList scopes{QStringLiteral("repository:a:pull")};
        cache.insert(QStringLiteral("r"), scopes, token(QStringLiteral("t"), 60));
        QVERIFY(cache.get(QStringLiteral("r"), scopes, m_now.addSecs(49)));
        QVERIFY(!cache.get(QStringLiteral("r"), scopes, m_now.addSecs(50)));
        QVERIFY(!cache.get(QStringLiteral("r"), scopes, m_now.addSecs(3600)));
        // Still stored until pruned.
        QCOMPARE(cache.size(), 1);
        cache.insert(QStringLiteral("r"), {QStringLiteral("repository:b:pull")}, token(QStringLiteral("u"), 600));
        QCOMPARE(cache.prune(m_now.addSecs(55)), 1);
        QVERIFY(cache.get(QStringLiteral("r"), {QStringLiteral("repository:b:pull")}, m_now.addSecs(55)));

        // With the real clock: a fresh token is usable, one issued long ago is not.
        BearerTokenCache live;
        live.insert(QStringLiteral("r"), scopes, BearerToken(QStringLiteral("t"), QDateTime::currentDateTimeUtc(), 60));
        QVERIFY(live.get(QStringLiteral("r"), scopes));
        live.insert(QStringLiteral("r"), scopes,
                    BearerToken(QStringLiteral("t"), QDateTime::currentDateTimeUtc().addSecs(-55), 60));
        QVERIFY(!live.get(QStringLiteral("r"), scopes));
    }

    void concurrentUse()
    {
        BearerTokenCache cache;
        QThreadPool pool;
        pool.setMaxThreadCount(8);
        const QDateTime now = m_now;
        QList<int> work(2000);
        std::iota(work.begin(), work.end(), 0);
        std::atomic_int found{0};
        QtConcurrent::blockingMap(&pool, work, [&cache, now, &found](int i) {
            const QString registry = QStringLiteral("r%1").arg(i % 7);
            const QStringList scopes{QStringLiteral("repository:app%1:pull").arg(i % 13)};
            cache.insert(registry, scopes, BearerToken(QStringLiteral("t%1").arg(i % 13), now, 300));
            // Another thread may invalidate the registry between insert and get, so a miss is allowed; a token
            // of another scope never is.
            const std::optional<BearerToken> got = cache.get(registry, scopes, now);
            if (got && got->token() != QStringLiteral("t%1").arg(i % 13))
                qFatal("token mixed up under concurrency");
            if (got)
                found.fetch_add(1);
            if (i % 97 == 0)
                cache.invalidateRegistry(registry);
        });
        QVERIFY(cache.size() <= 7 * 13);
        QVERIFY(found.load() > 1000); // invalidations are rare: most lookups right after an insert hit
    }
};

QTEST_GUILESS_MAIN(tst_BearerTokenCache)
#include "tst_bearertokencache.moc"
