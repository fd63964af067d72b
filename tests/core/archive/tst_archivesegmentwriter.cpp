#include "archive/archiveextractor.h"
#include "archive/archivehistory.h"
#include "archive/archivesegmentwriter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>

// Segmenting, round trips through the extractor, and every way a hostile archive is refused.
class TestArchiveSegmentWriter : public QObject
{
    Q_OBJECT

private:
    static QByteArray randomBytes(qsizetype size)
    {
        QByteArray bytes(size, Qt::Uninitialized);
        QRandomGenerator generator(static_cast<quint32>(size));
        for (qsizetype i = 0; i < size; ++i)
            bytes[i] = static_cast<char>(generator.bounded(256));
        return bytes;
    }

    static QString writeFile(const QString &path, const QByteArray &bytes)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(bytes);
        return path;
    }

    static QString blobPath(const QByteArray &bytes)
    {
        const QString hex = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        return QStringLiteral("docker/registry/v2/blobs/sha256/%1/%2/data").arg(hex.left(2), hex);
    }

    // A tar written member by member, so tests can build archives Ferry would never write.
    struct RawMember
    {
        QByteArray name;
        QByteArray data;
        unsigned type = AE_IFREG;
        QByteArray linkTarget;
    };

    static void writeRawTar(const QString &path, const QList<RawMember> &members)
    {
        archive *writer = archive_write_new();
        archive_write_set_format_pax_restricted(writer);
        archive_write_open_filename(writer, QFile::encodeName(path).constData());
        for (const RawMember &member : members) {
            archive_entry *entry = archive_entry_new();
            archive_entry_set_pathname(entry, member.name.constData());
            archive_entry_set_filetype(entry, member.type);
            archive_entry_set_perm(entry, 0644);
            if (member.type == AE_IFLNK)
                archive_entry_set_symlink(entry, member.linkTarget.constData());
            archive_entry_set_size(entry, member.type == AE_IFREG ? member.data.size() : 0);
            archive_write_header(writer, entry);
            if (member.type == AE_IFREG)
                archive_write_data(writer, member.data.constData(), static_cast<size_t>(member.data.size()));
            archive_entry_free(entry);
        }
        archive_write_close(writer);
        archive_write_free(writer);
    }

private slots:
    void segmentsAtTheLimitAndRoundTrips()
    {
        QTemporaryDir source;
        QTemporaryDir out;
        QList<ArchiveSegmentWriter::Member> members;
        QList<QByteArray> blobs;
        for (int i = 0; i < 5; ++i) {
            const QByteArray bytes = randomBytes(300 * 1024 + i);
            blobs << bytes;
            members.append({writeFile(source.filePath(QStringLiteral("b%1").arg(i)), bytes), blobPath(bytes)});
        }
        members.append({writeFile(source.filePath(QStringLiteral("isc")), "kind: ImageSetConfiguration\n"),
                        QStringLiteral("working-dir/internal/isc.yaml")});
        // Leftovers of an earlier run are removed first.
        writeFile(out.filePath(QStringLiteral("mirror_000009.tar")), "stale");

        ArchiveSegmentWriter writer({out.path(), 700 * 1024, false});
        const auto result = writer.write(members);
        QVERIFY2(result.ok, qPrintable(result.error));
        // Two 300 KiB blobs fit in 700 KiB, a third does not: 3 segments (2 + 2 + 1 blob and the small file).
        QCOMPARE(result.segments.size(), 3);
        QVERIFY(!QFile::exists(out.filePath(QStringLiteral("mirror_000009.tar"))));
        QCOMPARE(QFileInfo(result.segments.first()).fileName(), QStringLiteral("mirror_000001.tar"));
        for (const QString &segment : result.segments)
            QVERIFY(QFileInfo(segment).size() <= 700 * 1024);

        QTemporaryDir workspace;
        QTemporaryDir cache;
        ArchiveExtractor extractor({out.path(), workspace.path(), cache.path()});
        QStringList seen;
        const auto extracted = extractor.extract([&](int index, int count, const QString &path) {
            seen << QStringLiteral("%1/%2 %3").arg(index).arg(count).arg(QFileInfo(path).fileName());
        });
        QVERIFY2(extracted.ok, qPrintable(extracted.error));
        QCOMPARE(extracted.filesWritten, 6);
        QCOMPARE(seen.first(), QStringLiteral("1/3 mirror_000001.tar"));
        for (const QByteArray &bytes : blobs) {
            QFile blob(QDir(cache.path()).filePath(blobPath(bytes)));
            QVERIFY(blob.open(QIODevice::ReadOnly));
            QCOMPARE(blob.readAll(), bytes);
        }
        QVERIFY(QFile::exists(workspace.filePath(QStringLiteral("working-dir/internal/isc.yaml"))));
    }

    void oversizedFileWarnsOrFailsWhenStrict()
    {
        QTemporaryDir source;
        QTemporaryDir out;
        const QByteArray big = randomBytes(200 * 1024);
        const QList<ArchiveSegmentWriter::Member> members{
            {writeFile(source.filePath(QStringLiteral("big")), big), blobPath(big)}};
        const auto permissive = ArchiveSegmentWriter({out.path(), 100 * 1024, false}).write(members);
        QVERIFY(permissive.ok);
        QCOMPARE(permissive.warnings.size(), 1);
        QVERIFY(
            permissive.warnings.first().contains(QStringLiteral("Please consider updating archiveSize to at least 1")));
        const auto strict = ArchiveSegmentWriter({out.path(), 100 * 1024, true}).write(members);
        QVERIFY(!strict.ok);
        QVERIFY(strict.error.contains(QStringLiteral("larger than archiveSize")));
    }

    void refusesPathsLeavingTheArchive()
    {
        QTemporaryDir source;
        QTemporaryDir out;
        const auto result = ArchiveSegmentWriter({out.path(), 1 << 20, false})
                                .write({{writeFile(source.filePath(QStringLiteral("f")), "x"),
                                         QStringLiteral("working-dir/../../etc/passwd")}});
        QVERIFY(!result.ok);
        QVERIFY(result.error.contains(QStringLiteral("must be relative")));
    }

    void hostileArchivesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("message");
        const QByteArray payload("payload");
        QTest::newRow("tampered blob") << blobPath(payload).toUtf8() << QByteArray("payloaD") << int(AE_IFREG)
                                       << QStringLiteral("does not match digest");
        QTest::newRow("parent directory") << QByteArray("working-dir/../../../tmp/evil") << payload << int(AE_IFREG)
                                          << QStringLiteral("would leave the target directory");
        QTest::newRow("absolute path") << QByteArray("/working-dir/evil") << payload << int(AE_IFREG)
                                       << QStringLiteral("absolute paths are not allowed");
        QTest::newRow("symlink") << QByteArray("working-dir/link") << QByteArray() << int(AE_IFLNK)
                                 << QStringLiteral("only regular files");
        QTest::newRow("misplaced blob") << QByteArray("docker/registry/v2/blobs/sha256/zz/data") << payload
                                        << int(AE_IFREG) << QStringLiteral("must be stored as");
    }

    void hostileArchivesAreRefused()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, data);
        QFETCH(int, type);
        QFETCH(QString, message);
        QTemporaryDir out;
        writeRawTar(out.filePath(QStringLiteral("mirror_000001.tar")),
                    {{"working-dir/fine.txt", "fine"}, {name, data, static_cast<unsigned>(type), "/etc/passwd"}});
        QTemporaryDir workspace;
        QTemporaryDir cache;
        const auto result = ArchiveExtractor({out.path(), workspace.path(), cache.path()}).extract();
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(message), qPrintable(result.error));
        QVERIFY(result.error.contains(QString::fromUtf8(name)));
        // Nothing of the refused member exists anywhere below the targets.
        QVERIFY(!QFile::exists(QDir(cache.path()).filePath(blobPath("payload"))));
        QVERIFY(!QFile::exists(workspace.filePath(QStringLiteral("working-dir/link"))));
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/evil")));
    }

    void unrelatedMembersAreIgnored()
    {
        QTemporaryDir out;
        writeRawTar(out.filePath(QStringLiteral("mirror_000001.tar")),
                    {{"isc_2026-11-25T10:00:00Z", "kind: ImageSetConfiguration"}, {"working-dir/a", "a"}});
        QTemporaryDir workspace;
        QTemporaryDir cache;
        const auto result = ArchiveExtractor({out.path(), workspace.path(), cache.path()}).extract();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.filesWritten, 1);
        QCOMPARE(result.membersIgnored, 1);
    }

    void noArchiveIsAClearError()
    {
        QTemporaryDir out;
        const auto result = ArchiveExtractor({out.path(), out.path(), out.path()}).extract();
        QVERIFY(!result.ok);
        QVERIFY(result.error.startsWith(QStringLiteral("no mirror_NNNNNN.tar archive found in")));
    }

    void historyKeepsTheUnionAndHonoursSince()
    {
        QTemporaryDir dir;
        ArchiveHistory history(dir.path());
        QVERIFY(history.load().isEmpty());
        const QDateTime first(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
        const QDateTime second(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC);
        QVERIFY(!history.save({QStringLiteral("sha256:aa")}, first).isEmpty());
        QVERIFY(!history.save({QStringLiteral("sha256:aa"), QStringLiteral("sha256:bb")}, second).isEmpty());
        QCOMPARE(history.load().size(), 2);
        QCOMPARE(history.load(QDate(2026, 11, 10)), QSet<QString>{QStringLiteral("sha256:aa")});
        QVERIFY(history.load(QDate(2026, 10, 1)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestArchiveSegmentWriter)
#include "tst_archivesegmentwriter.moc"
