#include "copy/copyjournal.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// The copy journal: what survives a kill, what is read back, and what a damaged file does.
class TestCopyJournal : public QObject
{
    Q_OBJECT

private:
    const QString a = QStringLiteral("sha256:") + QString(64, QLatin1Char('a'));
    const QString b = QStringLiteral("sha256:") + QString(64, QLatin1Char('b'));

    static QByteArray contents(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static void write(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
    }

private slots:
    void recordsAreOnDiskAtOnce()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("internal/copy-journal"));
        CopyJournal journal(path);
        QVERIFY(journal.open());
        journal.recordBlobSending(QStringLiteral("r:5000"), QStringLiteral("r:5000/ns/one"), a);
        journal.recordBlob(QStringLiteral("r:5000"), QStringLiteral("r:5000/ns/one"), a);
        journal.recordFinished(QStringLiteral("r:5000/ns/one:1"), b);
        journal.recordFailed(QStringLiteral("r:5000/ns/two:1"));
        // No close, no flush by the caller: another reader sees every line, as it would after a kill.
        QCOMPARE(contents(path),
                 QByteArray("sending r:5000 r:5000/ns/one " + a.toUtf8() + "\nblob r:5000 r:5000/ns/one " + a.toUtf8() +
                            "\ndone r:5000/ns/one:1 " + b.toUtf8() + "\nfailed r:5000/ns/two:1\n"));

        CopyJournal reread(path);
        QVERIFY(reread.load());
        QCOMPARE(reread.finishedDigest(QStringLiteral("r:5000/ns/one:1")), b);
        QCOMPARE(reread.blobRepositories(QStringLiteral("r:5000"), a), QStringList{QStringLiteral("r:5000/ns/one")});
        QVERIFY(reread.blobRepositories(QStringLiteral("other:5000"), a).isEmpty());
        QCOMPARE(reread.failedDestinations(), QSet<QString>{QStringLiteral("r:5000/ns/two:1")});
        QCOMPARE(reread.damagedLines(), 0);
    }

    void laterRecordsWin()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal"));
        {
            CopyJournal journal(path);
            QVERIFY(journal.open());
            journal.recordFailed(QStringLiteral("r/x:1"));
            journal.recordFinished(QStringLiteral("r/y:1"), a);
            journal.recordFailed(QStringLiteral("r/y:1"));
            journal.recordFinished(QStringLiteral("r/x:1"), b);
            // Blobs known to be there come before those that were only being sent.
            journal.recordBlobSending(QStringLiteral("r"), QStringLiteral("r/sent"), a);
            journal.recordBlob(QStringLiteral("r"), QStringLiteral("r/held"), a);
        }
        CopyJournal reread(path);
        QVERIFY(reread.load());
        QCOMPARE(reread.failedDestinations(), QSet<QString>{QStringLiteral("r/y:1")});
        QCOMPARE(reread.finishedDigest(QStringLiteral("r/x:1")), b);
        QVERIFY(reread.finishedDigest(QStringLiteral("r/y:1")).isEmpty());
        QCOMPARE(reread.blobRepositories(QStringLiteral("r"), a),
                 (QStringList{QStringLiteral("r/held"), QStringLiteral("r/sent")}));
    }

    void aTornLastLineIsDroppedAndRepaired()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal"));
        write(path, "done r/x:1 " + a.toUtf8() + "\nblob r r/x " + b.left(30).toUtf8());
        CopyJournal journal(path);
        QVERIFY(journal.open());
        QCOMPARE(journal.damagedLines(), 1);
        QCOMPARE(journal.finishedDigest(QStringLiteral("r/x:1")), a);
        QVERIFY(journal.blobRepositories(QStringLiteral("r"), b).isEmpty());
        // The next record starts on a line of its own.
        journal.recordFinished(QStringLiteral("r/y:1"), b);
        QCOMPARE(contents(path), QByteArray("done r/x:1 " + a.toUtf8() + "\ndone r/y:1 " + b.toUtf8() + '\n'));
        CopyJournal reread(path);
        QVERIFY(reread.load());
        QCOMPARE(reread.damagedLines(), 0);
        QCOMPARE(reread.finishedDigest(QStringLiteral("r/y:1")), b);
    }

    void damagedLinesAreSkipped()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal"));
        write(path, "done r/x:1 sha256:nothex\ngarbage\n\ndone r/z:1 " + a.toUtf8() + " extra\nfailed\ndone r/y:1 " +
                        b.toUtf8() + '\n');
        CopyJournal journal(path);
        QVERIFY(journal.load());
        QCOMPARE(journal.damagedLines(), 4);
        QVERIFY(journal.finishedDigest(QStringLiteral("r/x:1")).isEmpty());
        QVERIFY(journal.finishedDigest(QStringLiteral("r/z:1")).isEmpty());
        QCOMPARE(journal.finishedDigest(QStringLiteral("r/y:1")), b);
        QVERIFY(journal.failedDestinations().isEmpty());
    }

    void clearForgetsEverything()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal"));
        CopyJournal journal(path);
        QVERIFY(journal.open());
        journal.recordFailed(QStringLiteral("r/x:1"));
        journal.recordBlob(QStringLiteral("r"), QStringLiteral("r/x"), a);
        QVERIFY(journal.clear());
        QVERIFY(journal.failedDestinations().isEmpty());
        QVERIFY(journal.blobRepositories(QStringLiteral("r"), a).isEmpty());
        QCOMPARE(QFileInfo(path).size(), 0);
        // A reference with white space would break the line format: it is not recorded.
        journal.recordFailed(QStringLiteral("r/x y:1"));
        QCOMPARE(QFileInfo(path).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCopyJournal)
#include "tst_copyjournal.moc"
