#include "models/mirrorplanfiltermodel.h"
#include "models/mirrorplanmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

class tst_MirrorPlanModel : public QObject
{
    Q_OBJECT

private:
    // A plan of `count` images cycling through the four categories.
    static QList<MirrorPlanEntry> plan(int count)
    {
        const QList<ImageKind> kinds{ImageKind::OcpReleaseContent, ImageKind::OperatorRelatedImage, ImageKind::Generic,
                                     ImageKind::HelmImage};
        QList<MirrorPlanEntry> entries;
        for (int i = 0; i < count; ++i) {
            entries.append(MirrorPlanEntry::of(QStringLiteral("quay.io/source/image-%1:v1").arg(i),
                                               QStringLiteral("mirror.example:5000/ns/image-%1:v1").arg(i),
                                               kinds.at(i % kinds.size())));
        }
        return entries;
    }

    static ImageCopyProgress progress(int row, ImageCopyProgress::State state, qint64 done = 0, qint64 total = 0)
    {
        ImageCopyProgress p;
        p.row = row;
        p.state = state;
        p.bytesDone = done;
        p.bytesTotal = total;
        p.blobsDone = done > 0 ? 1 : 0;
        p.blobsTotal = total > 0 ? 3 : 0;
        return p;
    }

    // Every row a dataChanged spy reported, each signal's range expanded.
    static QList<int> changedRows(const QSignalSpy &spy)
    {
        QList<int> rows;
        for (const QList<QVariant> &signal : spy) {
            const auto topLeft = signal.at(0).value<QModelIndex>();
            const auto bottomRight = signal.at(1).value<QModelIndex>();
            for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                rows.append(row);
        }
        return rows;
    }

private Q_SLOTS:
    void passesTheModelTester()
    {
        MirrorPlanModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPlan(plan(40));
        QCOMPARE(model.rowCount(), 40);
        QCOMPARE(model.columnCount(), int(MirrorPlanModel::ColumnCount));
        model.applyProgress({progress(3, ImageCopyProgress::State::Copying, 10, 100)});
        model.applyProgress({progress(3, ImageCopyProgress::State::Done, 100, 100)});
        model.resetProgress();
        model.setPlan(plan(5));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void showsTheEntryAndItsProgress()
    {
        MirrorPlanModel model;
        model.setPlan(plan(4));
        QCOMPARE(model.index(2, MirrorPlanModel::OriginColumn).data().toString(),
                 QStringLiteral("quay.io/source/image-2:v1"));
        QCOMPARE(model.index(2, MirrorPlanModel::DestinationColumn).data().toString(),
                 QStringLiteral("mirror.example:5000/ns/image-2:v1"));
        QCOMPARE(model.index(2, MirrorPlanModel::KindColumn).data().toString(), QStringLiteral("generic"));
        QCOMPARE(model.index(2, MirrorPlanModel::CategoryColumn).data().toString(), QStringLiteral("Additional"));
        QCOMPARE(model.index(1, MirrorPlanModel::CategoryColumn).data().toString(), QStringLiteral("Operator"));
        QCOMPARE(model.index(2, MirrorPlanModel::StateColumn).data().toString(), QStringLiteral("Pending"));
        QVERIFY(model.index(2, MirrorPlanModel::ProgressColumn).data().toString().isEmpty());

        model.applyProgress({progress(2, ImageCopyProgress::State::Copying, 1024, 4096)});
        QCOMPARE(model.index(2, MirrorPlanModel::StateColumn).data().toString(), QStringLiteral("Copying"));
        const QString text = model.index(2, MirrorPlanModel::ProgressColumn).data().toString();
        QVERIFY2(text.contains(QStringLiteral("1/3 blobs")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("KiB")), qPrintable(text));
        QCOMPARE(model.index(2, 0).data(MirrorPlanModel::FractionRole).toDouble(), 0.25);

        ImageCopyProgress failed = progress(1, ImageCopyProgress::State::Failed);
        failed.error = QStringLiteral("manifest unknown");
        model.applyProgress({failed});
        QCOMPARE(model.index(1, MirrorPlanModel::StateColumn).data().toString(), QStringLiteral("Failed"));
        QCOMPARE(model.index(1, MirrorPlanModel::ErrorColumn).data().toString(), QStringLiteral("manifest unknown"));
        QCOMPARE(model.index(1, 0).data(MirrorPlanModel::StateRole).toInt(), int(ImageCopyProgress::State::Failed));
        QCOMPARE(model.bytesDone(), 1024);
        QCOMPARE(model.bytesTotal(), 4096);

        const auto counts = model.categoryCounts();
        QCOMPARE(counts.value(ImageCategory::Operator).failed, 1);
        QCOMPARE(counts.value(ImageCategory::Additional).copying, 1);
        QCOMPARE(counts.value(ImageCategory::Release).pending, 1);
        QCOMPARE(counts.value(ImageCategory::Helm).total, 1);
    }

    // Thousands of rows: an update names a handful of them, and only those are announced, without a reset.
    void progressChangesOnlyItsRows()
    {
        MirrorPlanModel model;
        model.setPlan(plan(5000));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);

        model.applyProgress({progress(4000, ImageCopyProgress::State::Copying, 1, 10),
                             progress(7, ImageCopyProgress::State::Copying, 1, 10),
                             progress(8, ImageCopyProgress::State::Done, 10, 10),
                             progress(9, ImageCopyProgress::State::Copying, 2, 10)});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(layout.count(), 0);
        QList<int> rows = changedRows(changed);
        std::sort(rows.begin(), rows.end());
        QCOMPARE(rows, (QList<int>{7, 8, 9, 4000}));
        // Adjacent rows come as one range: two signals, not four.
        QCOMPARE(changed.count(), 2);
        for (const QList<QVariant> &signal : std::as_const(changed)) {
            QCOMPARE(signal.at(0).value<QModelIndex>().column(), 0);
            QCOMPARE(signal.at(1).value<QModelIndex>().column(), MirrorPlanModel::ColumnCount - 1);
        }

        // The same state again changes nothing; rows outside the plan are ignored.
        changed.clear();
        model.applyProgress({progress(8, ImageCopyProgress::State::Done, 10, 10),
                             progress(5000, ImageCopyProgress::State::Done),
                             progress(-1, ImageCopyProgress::State::Done)});
        QCOMPARE(changed.count(), 0);
        QCOMPARE(model.finishedCount(), 1);
    }

    void filtersByStateAndText()
    {
        MirrorPlanModel model;
        model.setPlan(plan(12));
        MirrorPlanFilterModel filter;
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&model);
        QCOMPARE(filter.rowCount(), 12);

        model.applyProgress(
            {progress(0, ImageCopyProgress::State::Done), progress(1, ImageCopyProgress::State::Skipped),
             progress(2, ImageCopyProgress::State::Failed), progress(3, ImageCopyProgress::State::Copying)});
        filter.setStateFilter(MirrorPlanFilterModel::StateFilter::Done);
        QCOMPARE(filter.rowCount(), 2); // copied and already present
        filter.setStateFilter(MirrorPlanFilterModel::StateFilter::Failed);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, MirrorPlanModel::OriginColumn).data().toString(),
                 QStringLiteral("quay.io/source/image-2:v1"));
        filter.setStateFilter(MirrorPlanFilterModel::StateFilter::Copying);
        QCOMPARE(filter.rowCount(), 1);
        filter.setStateFilter(MirrorPlanFilterModel::StateFilter::Pending);
        QCOMPARE(filter.rowCount(), 8);

        // A row leaves the state filter as soon as its progress moves on.
        model.applyProgress({progress(4, ImageCopyProgress::State::Copying)});
        QCOMPARE(filter.rowCount(), 7);

        filter.setStateFilter(MirrorPlanFilterModel::StateFilter::All);
        filter.setText(QStringLiteral("IMAGE-1"));
        QCOMPARE(filter.rowCount(), 3); // image-1, image-10, image-11 (case-insensitive)
        filter.setText(QStringLiteral("mirror.example:5000/ns/image-11"));
        QCOMPARE(filter.rowCount(), 1); // the destination matches too
        filter.setText(QStringLiteral("image-1"));
        filter.setStateFilter(MirrorPlanFilterModel::StateFilter::Done);
        QCOMPARE(filter.rowCount(), 1);
        filter.setText(QString());
        filter.setStateFilter(MirrorPlanFilterModel::StateFilter::All);
        QCOMPARE(filter.rowCount(), 12);

        // Sorting uses raw values: the state column sorts by state, not by its translated text.
        filter.sort(MirrorPlanModel::StateColumn, Qt::DescendingOrder);
        QCOMPARE(filter.index(0, 0).data(MirrorPlanModel::StateRole).toInt(), int(ImageCopyProgress::State::Failed));
    }
};

QTEST_MAIN(tst_MirrorPlanModel)
#include "tst_mirrorplanmodel.moc"
