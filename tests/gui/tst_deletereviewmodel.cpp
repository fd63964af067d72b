#include "models/deletereviewmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using State = DeleteReviewModel::State;

class tst_DeleteReviewModel : public QObject
{
    Q_OBJECT

private:
    static DeleteImageItem item(const QString &tag, const QString &type = QStringLiteral("generic"))
    {
        DeleteImageItem result;
        result.imageName = QStringLiteral("quay.io/example/app:") + tag;
        result.imageReference = QStringLiteral("docker://registry.example:5000/mirror/example/app:") + tag;
        result.type = type;
        return result;
    }

    static DeleteExecutor::Outcome outcome(const DeleteImageItem &item, DeleteExecutor::State state,
                                           const QString &digest, const QString &detail = {})
    {
        DeleteExecutor::Outcome result;
        result.item = item;
        result.state = state;
        result.digest = digest;
        result.detail = detail;
        return result;
    }

    static QList<DeleteImageItem> fourItems()
    {
        return {item(QStringLiteral("1")), item(QStringLiteral("2")),
                item(QStringLiteral("3"), QStringLiteral("release")), item(QStringLiteral("4"))};
    }

private Q_SLOTS:
    void showsTheItems()
    {
        DeleteReviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setItems(fourItems());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(DeleteReviewModel::ColumnCount));
        QCOMPARE(model.index(2, DeleteReviewModel::ImageColumn).data().toString(),
                 QStringLiteral("quay.io/example/app:3"));
        QCOMPARE(model.index(2, DeleteReviewModel::DestinationColumn).data().toString(),
                 QStringLiteral("registry.example:5000/mirror/example/app:3"));
        QCOMPARE(model.index(2, DeleteReviewModel::KindColumn).data().toString(), QStringLiteral("release"));
        QCOMPARE(model.index(0, DeleteReviewModel::StateColumn).data().toString(), QStringLiteral("not checked yet"));
        QCOMPARE(model.index(0, DeleteReviewModel::ImageColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(model.checkedItems(), fourItems());
        QCOMPARE(model.headerData(DeleteReviewModel::ReasonColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Reason"));
    }

    void protectedRowsAreNeverCheckable()
    {
        DeleteReviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<DeleteImageItem> items = fourItems();
        model.setItems(items);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy checkedChanged(&model, &DeleteReviewModel::checkedRowsChanged);
        const QString digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('a'));
        model.applyCheck({0, 1, 2, 3},
                         {outcome(items.at(0), DeleteExecutor::State::Deleted, digest),
                          outcome(items.at(1), DeleteExecutor::State::Protected, digest,
                                  QStringLiteral("still needed by registry.example:5000/mirror/example/app:9")),
                          outcome(items.at(2), DeleteExecutor::State::Skipped, digest, QStringLiteral("changed")),
                          outcome(items.at(3), DeleteExecutor::State::AlreadyGone, QString(), QStringLiteral("404"))});
        QVERIFY(changed.count() >= 1);
        QCOMPARE(checkedChanged.count(), 1);
        QCOMPARE(model.state(0), State::WillDelete);
        QCOMPARE(model.state(1), State::Protected);
        QCOMPARE(model.state(2), State::Skipped);
        QCOMPARE(model.state(3), State::AlreadyGone);
        QCOMPARE(model.index(1, DeleteReviewModel::ReasonColumn).data().toString(),
                 QStringLiteral("still needed by registry.example:5000/mirror/example/app:9"));
        QCOMPARE(model.index(0, DeleteReviewModel::DigestColumn).data(DeleteReviewModel::DigestRole).toString(),
                 digest);
        QCOMPARE(model.index(0, DeleteReviewModel::DigestColumn).data().toString(),
                 QStringLiteral("sha256:aaaaaaaaaaaa"));

        const QModelIndex protectedIndex = model.index(1, DeleteReviewModel::ImageColumn);
        QVERIFY(!(model.flags(protectedIndex) & Qt::ItemIsUserCheckable));
        QCOMPARE(protectedIndex.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QVERIFY(!model.setData(protectedIndex, Qt::Checked, Qt::CheckStateRole));
        QVERIFY(!model.setChecked(1, true));
        QVERIFY(!model.isChecked(1));
        // The skipped row was unchecked but may be checked again (its execution would skip it once more).
        QVERIFY(model.flags(model.index(2, DeleteReviewModel::ImageColumn)) & Qt::ItemIsUserCheckable);
        QCOMPARE(model.checkedRows(), (QList<int>{0, 3}));
    }

    void executedSubsetIsTheCheckedRows()
    {
        DeleteReviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<DeleteImageItem> items = fourItems();
        model.setItems(items);
        QSignalSpy checkedChanged(&model, &DeleteReviewModel::checkedRowsChanged);
        QVERIFY(model.setData(model.index(2, DeleteReviewModel::ImageColumn), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(checkedChanged.count(), 1);
        // Only the first column carries the check box.
        QVERIFY(!model.setData(model.index(0, DeleteReviewModel::StateColumn), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(model.checkedRows(), (QList<int>{0, 1, 3}));
        QCOMPARE(model.checkedItems(), (QList<DeleteImageItem>{items.at(0), items.at(1), items.at(3)}));

        const QString digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('b'));
        model.applyCheck(model.checkedRows(), {outcome(items.at(0), DeleteExecutor::State::Deleted, digest),
                                               outcome(items.at(1), DeleteExecutor::State::Deleted, digest),
                                               outcome(items.at(3), DeleteExecutor::State::Deleted, digest)});
        QCOMPARE(model.state(2), State::LeftOut);
        QCOMPARE(model.count(State::WillDelete), 3);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setDeleting(0);
        QCOMPARE(model.state(0), State::Deleting);
        QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsUserCheckable));
        model.applyOutcome(0, outcome(items.at(0), DeleteExecutor::State::Deleted, digest));
        model.applyOutcome(1, outcome(items.at(1), DeleteExecutor::State::Failed, digest, QStringLiteral("boom")));
        QCOMPARE(changed.count(), 3);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.at(2).at(0).toModelIndex().row(), 1);
        QCOMPARE(model.state(0), State::Deleted);
        QCOMPARE(model.state(1), State::Failed);
        QCOMPARE(model.index(1, DeleteReviewModel::ReasonColumn).data().toString(), QStringLiteral("boom"));
        QCOMPARE(model.count(State::Deleted), 1);

        // A new list starts over.
        model.setItems({items.at(0)});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.state(0), State::NotChecked);
    }
};

QTEST_MAIN(tst_DeleteReviewModel)
#include "tst_deletereviewmodel.moc"
