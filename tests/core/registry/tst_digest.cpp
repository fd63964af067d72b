#include "registry/digest.h"
#include "registry/digesthasher.h"

#include <QCryptographicHash>
#include <QTest>

// Digest grammar and the streaming EVP hasher, checked against QCryptographicHash.
class TestDigest : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("sha256") << QStringLiteral("sha256:") + QString(64, QLatin1Char('a')) << true;
        QTest::newRow("sha512") << QStringLiteral("sha512:") + QString(128, QLatin1Char('0')) << true;
        QTest::newRow("other algorithm") << QStringLiteral(
                                                "multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8")
                                         << true;
        QTest::newRow("upper hex") << QStringLiteral("sha256:") + QString(64, QLatin1Char('A')) << false;
        QTest::newRow("short") << QStringLiteral("sha256:abc") << false;
        QTest::newRow("no colon") << QString(64, QLatin1Char('a')) << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("bad algorithm") << QStringLiteral("SHA256:") + QString(64, QLatin1Char('a')) << false;
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QString error;
        const auto digest = Digest::parse(text, &error);
        QCOMPARE(digest.has_value(), valid);
        if (valid)
            QCOMPARE(digest->toString(), text);
        else
            QVERIFY(error.contains(QLatin1String("invalid digest")));
    }

    void streamingMatchesOneShot()
    {
        QByteArray data;
        for (int i = 0; i < 100000; ++i)
            data.append(char(i * 7));
        DigestHasher hasher;
        for (qsizetype offset = 0; offset < data.size(); offset += 4093)
            hasher.addData(data.mid(offset, 4093));
        QCOMPARE(hasher.bytesHashed(), data.size());
        const Digest digest = hasher.result();
        QCOMPARE(digest.encoded(),
                 QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(digest, Digest::sha256(data));
        QVERIFY(digest.matches(data));
        data[5] = 'x';
        QVERIFY(!digest.matches(data));

        DigestHasher sha512(QStringLiteral("sha512"));
        sha512.addData(data);
        QCOMPARE(sha512.result().encoded(),
                 QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha512).toHex()));
        QVERIFY(!DigestHasher(QStringLiteral("md5")).isValid());
    }

    void emptyBlob()
    {
        // The well-known digest of zero bytes.
        QCOMPARE(Digest::sha256(QByteArray()).toString(),
                 QStringLiteral("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        // And of the OCI empty descriptor "{}".
        QCOMPARE(Digest::sha256("{}").encoded().left(8), QStringLiteral("44136fa3"));
    }
};

QTEST_GUILESS_MAIN(TestDigest)
#include "tst_digest.moc"
