#include "terminalprogressview.h"

#include <QRegularExpression>
#include <QTest>

// The live terminal display of ferryctl, rendered as text for given widths and times.
class TestTerminalProgressView : public QObject
{
    Q_OBJECT

private:
    static constexpr qint64 MiB = 1024 * 1024;

    static QList<MirrorPlanEntry> plan(int count, const QString &prefix = QStringLiteral("quay.io/team/app"))
    {
        QList<MirrorPlanEntry> entries;
        for (int i = 0; i < count; ++i) {
            entries.append(MirrorPlanEntry::of(QStringLiteral("%1-%2:v%2").arg(prefix).arg(i),
                                               QStringLiteral("mirror.example:5000/team/app-%1:v%1").arg(i),
                                               ImageKind::Generic));
        }
        return entries;
    }

    static ImageCopyProgress row(int index, ImageCopyProgress::State state, qint64 done = 0, qint64 total = 0)
    {
        ImageCopyProgress progress;
        progress.row = index;
        progress.state = state;
        progress.bytesDone = done;
        progress.bytesTotal = total;
        return progress;
    }

    static void verifyFits(const QStringList &lines, int width)
    {
        for (const QString &line : lines) {
            QVERIFY2(TerminalProgressView::displayWidth(line) <= width,
                     qPrintable(QStringLiteral("%1 columns > %2: %3")
                                    .arg(TerminalProgressView::displayWidth(line))
                                    .arg(width)
                                    .arg(line)));
            QVERIFY(line.isValidUtf16());
        }
    }

private slots:
    void widthsOfCharacters()
    {
        QCOMPARE(TerminalProgressView::displayWidth(QStringLiteral("quay.io/a:b")), 11);
        QCOMPARE(TerminalProgressView::displayWidth(QString::fromUtf8("日本")), 4);
        QCOMPARE(TerminalProgressView::displayWidth(QString::fromUtf8("🚀 go")), 5);
        QCOMPARE(TerminalProgressView::displayWidth(QString::fromUtf8("e\u0301")), 1);
        QCOMPARE(TerminalProgressView::displayWidth(QString::fromUtf8("…")), 1);
    }

    void elidingKeepsTheEndAndWholeCharacters()
    {
        const QString name = QStringLiteral("registry.example.com/very/long/namespace/path/operator-bundle:v4.16.5");
        const QString left = TerminalProgressView::elideLeft(name, 30);
        QCOMPARE(TerminalProgressView::displayWidth(left), 30);
        QVERIFY(left.startsWith(QString::fromUtf8("…")));
        QVERIFY(left.endsWith(QStringLiteral("operator-bundle:v4.16.5")));
        QCOMPARE(TerminalProgressView::elideLeft(name, 200), name);
        const QString right = TerminalProgressView::elideRight(name, 12);
        QCOMPARE(right, QString::fromUtf8("registry.ex…"));

        // Wide characters and surrogate pairs are never cut in half, even when a column is left over.
        const QString wide = QString::fromUtf8("🚀🚀🚀🚀🚀日本語のイメージ");
        for (int width = 0; width < 28; ++width) {
            const QString l = TerminalProgressView::elideLeft(wide, width);
            const QString r = TerminalProgressView::elideRight(wide, width);
            QVERIFY(l.isValidUtf16());
            QVERIFY(r.isValidUtf16());
            QVERIFY(TerminalProgressView::displayWidth(l) <= width);
            QVERIFY(TerminalProgressView::displayWidth(r) <= width);
        }
        QCOMPARE(TerminalProgressView::elideRight(wide, 6), QString::fromUtf8("🚀🚀…"));
        // A combining mark is not left without its base character.
        QCOMPARE(TerminalProgressView::elideLeft(QString::fromUtf8("abcde\u0301f"), 2), QString::fromUtf8("…f"));
        // Control characters never reach the terminal.
        QVERIFY(!TerminalProgressView::elideLeft(QStringLiteral("a\x1b[2Jb"), 20).contains(QChar(0x1b)));
    }

    void formats()
    {
        QCOMPARE(TerminalProgressView::formatBytes(512), QStringLiteral("512 B"));
        QCOMPARE(TerminalProgressView::formatBytes(1536), QStringLiteral("1.5 KiB"));
        QCOMPARE(TerminalProgressView::formatBytes(3 * MiB), QStringLiteral("3.0 MiB"));
        QCOMPARE(TerminalProgressView::formatBytes(5 * 1024 * MiB), QStringLiteral("5.0 GiB"));
        QCOMPARE(TerminalProgressView::formatDuration(65000), QStringLiteral("1:05"));
        QCOMPARE(TerminalProgressView::formatDuration(3 * 3600000 + 7 * 60000 + 9000), QStringLiteral("3:07:09"));
    }

    void overallLineAndImagesBeingCopied()
    {
        TerminalProgressView view;
        view.setPlan(plan(10));
        view.update({row(0, ImageCopyProgress::State::Done, 4 * MiB, 4 * MiB),
                     row(1, ImageCopyProgress::State::Skipped), row(2, ImageCopyProgress::State::Failed, 0, 0),
                     row(3, ImageCopyProgress::State::Copying, 1 * MiB, 4 * MiB),
                     row(4, ImageCopyProgress::State::Copying, 0, 0)},
                    2000);
        const QStringList lines = view.render(100, 2000);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(0).contains(QStringLiteral("3 / 10 images, 1 failed")), qPrintable(lines.at(0)));
        QVERIFY(lines.at(0).startsWith(QStringLiteral("[===")));
        QVERIFY(lines.at(0).contains(QStringLiteral("5.0 MiB")));
        QVERIFY2(lines.at(0).contains(QStringLiteral("2.5 MiB/s")), qPrintable(lines.at(0)));
        QVERIFY(lines.at(0).contains(QStringLiteral("(0:02)")));
        QVERIFY2(lines.at(1).contains(QStringLiteral("quay.io/team/app-3:v3 1.0 MiB / 4.0 MiB 25%")),
                 qPrintable(lines.at(1)));
        QVERIFY(lines.at(2).contains(QStringLiteral("quay.io/team/app-4:v4 starting")));
        verifyFits(lines, 100);

        // Time left: 3 MiB of image 3, plus the five images not started at the 4 MiB average, at 2.5 MiB/s.
        QCOMPARE(view.remainingMs(2000), qint64((3 + 4 * 6) * 1000 / 2.5));
        QVERIFY(lines.at(0).contains(QStringLiteral("ETA 0:10")));
    }

    void speedFollowsTheLastSeconds()
    {
        TerminalProgressView view;
        view.setPlan(plan(2));
        QCOMPARE(view.speed(100), -1.0);
        view.update({row(0, ImageCopyProgress::State::Copying, 10 * MiB, 100 * MiB)}, 1000);
        view.update({row(0, ImageCopyProgress::State::Copying, 50 * MiB, 100 * MiB)}, 6000);
        view.update({row(0, ImageCopyProgress::State::Copying, 60 * MiB, 100 * MiB)}, 11000);
        // Measured from the last sample at least five seconds old: 10 MiB in 5 s.
        QCOMPARE(view.speed(11000), double(2 * MiB));
        // A stalled transfer slows the speed down as time goes by.
        QVERIFY(view.speed(20000) < double(2 * MiB));
        // 40 MiB of image 0 and image 1 at the average of the images seen (100 MiB), at 2 MiB/s.
        QCOMPARE(view.remainingMs(11000), qint64(70000));
    }

    void everyWidthFits()
    {
        TerminalProgressView view;
        view.setPlan(plan(
            40, QString::fromUtf8("registry.example.com/一个很长的名字/🚀-rocket/with/a/deeply/nested/path/operator")));
        QList<ImageCopyProgress> rows;
        for (int i = 0; i < 12; ++i)
            rows.append(row(i, ImageCopyProgress::State::Copying, i * MiB, 20 * MiB));
        view.update(rows, 3000);
        for (int width : {1, 5, 10, 20, 39, 40, 60, 80, 120, 300}) {
            const QStringList lines = view.render(width, 3000);
            // Eight images at most, then one line for the others.
            QCOMPARE(lines.size(), 1 + 8 + 1);
            verifyFits(lines, width);
        }
        const QStringList lines = view.render(80, 3000);
        QVERIFY(lines.last().contains(QStringLiteral("and 4 more being copied")));
        // Long names keep their end: the tag tells images apart.
        QVERIFY2(lines.at(1).contains(QStringLiteral("operator-0:v0 0 B / 20.0 MiB 0%")), qPrintable(lines.at(1)));
        QVERIFY(lines.at(1).contains(QString::fromUtf8("…")));
    }

    void finishedRunHasNothingLeft()
    {
        TerminalProgressView view;
        view.setPlan(plan(2));
        view.update(
            {row(0, ImageCopyProgress::State::Done, MiB, MiB), row(1, ImageCopyProgress::State::Done, MiB, MiB)}, 1500);
        QCOMPARE(view.finished(), 2);
        QCOMPARE(view.remainingMs(1500), qint64(0));
        const QStringList lines = view.render(80, 1500);
        QCOMPARE(lines.size(), 1);
        // A full bar.
        QVERIFY2(QRegularExpression(QStringLiteral("^\\[=+\\] 2 / 2 images ")).match(lines.at(0)).hasMatch(),
                 qPrintable(lines.at(0)));
    }
};

QTEST_GUILESS_MAIN(TestTerminalProgressView)
#include "tst_terminalprogressview.moc"
