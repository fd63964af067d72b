#include "../core/registry/testimages.h"

#include "config/configwriter.h"
#include "config/deleteimagelist.h"
#include "config/deleteimagelistwriter.h"
#include "models/deletereviewmodel.h"
#include "registry/registryclient.h"
#include "windows/deletereviewwindow.h"
#include "windows/mainwindow.h"

#include "registryfixture.h"
#include "skopeo.h"

#include <QAction>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using State = DeleteReviewModel::State;

// The review window against a real registry: the check shows what is protected and why, and the execution deletes
// exactly the checked, unprotected items.
class tst_DeleteReviewWindow : public QObject
{
    Q_OBJECT

private:
    static DeleteImageItem item(const QString &reference)
    {
        DeleteImageItem result;
        result.imageName = QStringLiteral("quay.io/example/") + reference.section(QLatin1Char('/'), -1);
        result.imageReference = QStringLiteral("docker://") + reference;
        result.type = QStringLiteral("generic");
        return result;
    }

    static void push(RegistryClient &client, const QString &reference, const TestImage &image)
    {
        const QString error = pushTestImage(client, *ImageReference::parse(reference), image);
        QVERIFY2(error.isEmpty(), qUtf8Printable(error));
    }

private Q_SLOTS:
    void checkThenDeleteTheCheckedItems()
    {
        RegistryFixture registry;
        QString error;
        QVERIFY2(registry.start(&error), qUtf8Printable(error));
        RegistryClient client;
        client.setInsecure(registry.address(), true);
        const QString r = registry.address() + QStringLiteral("/mirror");
        const QString gone = r + QStringLiteral("/example/app:1");
        const QString leftOut = r + QStringLiteral("/example/app:2");
        const QString kept = r + QStringLiteral("/example/app:3");
        const QString keeper = r + QStringLiteral("/example/app:keep");
        const QString other = r + QStringLiteral("/example/other:1");
        push(client, gone, makeImage(true, QStringLiteral("amd64"), 2, 4096));
        push(client, leftOut, makeImage(true, QStringLiteral("amd64"), 1, 2048));
        const TestImage shared = makeImage(false, QStringLiteral("amd64"), 1, 1024);
        push(client, kept, shared);
        push(client, keeper, shared);
        push(client, other, makeImage(true, QStringLiteral("arm64"), 1, 3000));

        QTemporaryDir dir;
        DeleteImageList list;
        list.items = {item(gone), item(leftOut), item(kept), item(other)};
        const QString listFile = dir.filePath(QStringLiteral("delete-images.yaml"));
        QVERIFY(ConfigWriter::writeFile(listFile, DeleteImageListWriter::write(list), &error));

        DeleteReviewWindow window;
        window.show();
        window.setListFile(listFile);
        QVERIFY2(window.loadList(&error), qUtf8Printable(error));
        DeleteReviewModel *model = window.model();
        QCOMPARE(model->rowCount(), 4);
        // The registry the list names is proposed.
        QCOMPARE(window.destination(), registry.address());
        window.setDestination(QStringLiteral("docker://") + r);
        window.setTlsVerify(false);
        QVERIFY(!window.executeButton()->isEnabled());

        QSignalSpy checked(&window, &DeleteReviewWindow::checkFinished);
        QTest::mouseClick(window.checkButton(), Qt::LeftButton);
        QVERIFY(checked.wait(30000));
        QVERIFY2(checked.constFirst().constFirst().toBool(), qUtf8Printable(window.statusText()));
        QCOMPARE(model->state(0), State::WillDelete);
        QCOMPARE(model->state(1), State::WillDelete);
        QCOMPARE(model->state(2), State::Protected);
        QCOMPARE(model->state(3), State::WillDelete);
        QVERIFY2(model->detail(2).contains(QStringLiteral("app:keep")), qUtf8Printable(model->detail(2)));
        QVERIFY(!(model->flags(model->index(2, DeleteReviewModel::ImageColumn)) & Qt::ItemIsUserCheckable));
        QCOMPARE(window.manifestsToDelete(), 3);
        QVERIFY2(window.summaryText().contains(QStringLiteral("garbage collection")),
                 qUtf8Printable(window.summaryText()));
        QVERIFY(window.executeButton()->isEnabled());

        // Leaving an item out needs a new check before anything can be deleted.
        QVERIFY(model->setData(model->index(1, DeleteReviewModel::ImageColumn), Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(!window.executeButton()->isEnabled());
        QTest::mouseClick(window.checkButton(), Qt::LeftButton);
        QVERIFY(checked.wait(30000));
        QVERIFY(checked.constLast().constFirst().toBool());
        QCOMPARE(model->state(1), State::LeftOut);
        QCOMPARE(model->state(2), State::Protected);
        QCOMPARE(window.manifestsToDelete(), 2);
        // "manifest(s)" until the English catalogue has the plural forms.
        QVERIFY2(window.executeButton()->text().contains(QRegularExpression(
                     QStringLiteral("^Delete 2 manifest(s|\\(s\\)) from ") + QRegularExpression::escape(r))),
                 qUtf8Printable(window.executeButton()->text()));
        QVERIFY(!window.executeButton()->isDefault());

        // Confirmation: Cancel is the default; cancelling deletes nothing.
        QTest::mouseClick(window.executeButton(), Qt::LeftButton);
        QTRY_VERIFY(window.confirmation() && window.confirmation()->isVisible());
        QCOMPARE(window.confirmation()->defaultButton(), window.confirmation()->button(QMessageBox::Cancel));
        window.confirmation()->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!window.confirmation());
        QVERIFY(!Skopeo::inspectRaw(gone).isEmpty());

        QSignalSpy executed(&window, &DeleteReviewWindow::executionFinished);
        window.requestExecution();
        QTRY_VERIFY(window.confirmation() && window.confirmation()->isVisible());
        QAbstractButton *confirm = nullptr;
        for (QAbstractButton *button : window.confirmation()->buttons()) {
            if (window.confirmation()->buttonRole(button) == QMessageBox::DestructiveRole)
                confirm = button;
        }
        QVERIFY(confirm);
        QVERIFY2(confirm->text().startsWith(QStringLiteral("Delete 2 manifest")), qUtf8Printable(confirm->text()));
        confirm->click();
        QVERIFY(executed.wait(30000));
        QCOMPARE(executed.constFirst().constFirst().toInt(), 0);
        QCOMPARE(model->state(0), State::Deleted);
        QCOMPARE(model->state(3), State::Deleted);
        QCOMPARE(model->state(1), State::LeftOut);
        QCOMPARE(model->state(2), State::Protected);

        // An independent client sees exactly the checked, unprotected items gone.
        QVERIFY(Skopeo::inspectRaw(gone).isEmpty());
        QVERIFY(Skopeo::inspectRaw(other).isEmpty());
        QVERIFY(!Skopeo::inspectRaw(leftOut).isEmpty());
        QCOMPARE(Skopeo::inspectRaw(kept), shared.manifest.bytes());
        QCOMPARE(Skopeo::inspectRaw(keeper), shared.manifest.bytes());

        QCOMPARE(window.reportFile(), dir.filePath(QStringLiteral("delete-report.txt")));
        QVERIFY(window.statusText().contains(window.reportFile()));
        QFile report(window.reportFile());
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QByteArray text = report.readAll();
        QVERIFY(text.contains(QByteArray(QByteArray("# deleted\n") + item(gone).imageReference.toUtf8())));
        QVERIFY(!text.contains(leftOut.toUtf8()));
        QVERIFY(window.logText().contains(QStringLiteral("Success deleting docker://") + other));
        QVERIFY(!window.executeButton()->isEnabled());
    }

    void foreignDestinationIsRefused()
    {
        RegistryFixture registry;
        QVERIFY(registry.start());
        QTemporaryDir dir;
        DeleteImageList list;
        list.items = {item(registry.address() + QStringLiteral("/mirror/example/app:1"))};
        const QString listFile = dir.filePath(QStringLiteral("delete-images.yaml"));
        QVERIFY(ConfigWriter::writeFile(listFile, DeleteImageListWriter::write(list)));
        DeleteReviewWindow window;
        window.setListFile(listFile);
        window.setDestination(registry.address() + QStringLiteral("/elsewhere"));
        window.setTlsVerify(false);
        QVERIFY(window.loadList());
        QSignalSpy checked(&window, &DeleteReviewWindow::checkFinished);
        window.check();
        QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 1, 30000);
        QVERIFY(!checked.constFirst().constFirst().toBool());
        QVERIFY2(window.statusText().contains(QStringLiteral("does not match")), qUtf8Printable(window.statusText()));
        QVERIFY(!window.executeButton()->isEnabled());
    }

    void openedFromTheMainWindowWithItsDeleteConfiguration()
    {
        QTemporaryDir dir;
        const QString configuration = dir.filePath(QStringLiteral("delete-imageset-config.yaml"));
        QFile file(configuration);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("kind: DeleteImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\ndelete:\n"
                   "  additionalImages:\n  - name: registry.redhat.io/ubi8/ubi:latest\n");
        file.close();
        MainWindow main;
        QVERIFY(main.openFile(configuration));
        auto *action = main.findChild<QAction *>(QStringLiteral("deleteImages"));
        QVERIFY(action);
        QVERIFY(action->isEnabled());
        action->trigger();
        auto *window = main.findChild<DeleteReviewWindow *>();
        QVERIFY(window);
        QVERIFY(window->isVisible());
        QVERIFY(window->isWindow());
        const auto edits = window->findChildren<QLineEdit *>();
        QVERIFY(std::any_of(edits.cbegin(), edits.cend(),
                            [&](const QLineEdit *edit) { return edit->text() == configuration; }));
        window->close();
    }

    void badListIsReportedWithItsLocation()
    {
        QTemporaryDir dir;
        const QString listFile = dir.filePath(QStringLiteral("delete-images.yaml"));
        QFile file(listFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "kind: DeleteImageList\napiVersion: mirror.openshift.io/v2alpha1\nitems:\n- imageName: a\n  bogus: 1\n");
        file.close();
        DeleteReviewWindow window;
        window.setListFile(listFile);
        QString error;
        QVERIFY(!window.loadList(&error));
        QVERIFY2(error.contains(QStringLiteral("delete-images.yaml:5")), qUtf8Printable(error));
        QCOMPARE(window.model()->rowCount(), 0);
    }
};

QTEST_MAIN(tst_DeleteReviewWindow)
#include "tst_deletereviewwindow.moc"
