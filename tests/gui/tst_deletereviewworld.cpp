#include "models/deletereviewmodel.h"
#include "windows/deletereviewwindow.h"

#include "workflowrun.h"
#include "worldfixture.h"

#include "skopeo.h"

#include <QAbstractButton>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using State = DeleteReviewModel::State;

// The review window's whole path against the offline world: mirror two releases, generate the list for the older
// one from the workspace, check it, delete it; the newer release, which shares most components, stays whole.
class tst_DeleteReviewWorld : public QObject
{
    Q_OBJECT

private:
    WorldFixture m_world{QStringLiteral("small")};
    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &contents) const
    {
        return WorkflowRun::writeFile(m_dir.path(), name, contents);
    }

private Q_SLOTS:
    void generateCheckAndDeleteARelease()
    {
        QString error;
        QVERIFY2(m_world.up(&error), qUtf8Printable(error));
        const QString destination = m_world.destinationAddress() + QStringLiteral("/seed");
        const QString workspace = m_dir.filePath(QStringLiteral("ws"));
        const QString isc = writeFile(QStringLiteral("isc.yaml"),
                                      "kind: ImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\nmirror:\n"
                                      "  platform:\n    channels:\n    - name: stable-4.16\n      minVersion: 4.16.4\n"
                                      "      maxVersion: 4.16.5\n");
        const auto mirrored =
            WorkflowRun::ferryctl({QStringLiteral("-c"), isc, QStringLiteral("--workspace"),
                                   QStringLiteral("file://") + workspace, QStringLiteral("docker://") + destination,
                                   QStringLiteral("--dest-tls-verify=false"), QStringLiteral("--v2")},
                                  m_world.environment(), m_dir.path());
        QVERIFY2(mirrored.exitCode == 0, qUtf8Printable(mirrored.output.right(3000)));
        const QString disc = writeFile(QStringLiteral("disc.yaml"),
                                       "kind: DeleteImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\n"
                                       "delete:\n  platform:\n    channels:\n    - name: stable-4.16\n"
                                       "      minVersion: 4.16.4\n      maxVersion: 4.16.4\n");

        DeleteReviewWindow window;
        QProcessEnvironment environment = m_world.environment();
        environment.insert(QStringLiteral("HOME"), m_dir.path()); // the cache the mirror run used
        window.setEnvironment(environment);
        window.setWorkspace(QStringLiteral("file://") + workspace);
        window.setDeleteConfigurationFile(disc);
        window.setDestination(QStringLiteral("docker://") + destination);
        window.setTlsVerify(false);
        QSignalSpy generated(&window, &DeleteReviewWindow::generationFinished);
        window.generateList();
        QTRY_COMPARE_WITH_TIMEOUT(generated.count(), 1, 60000);
        QVERIFY2(generated.constFirst().constFirst().toInt() == 0, qUtf8Printable(window.logText().right(3000)));
        QCOMPARE(window.listFile(), workspace + QStringLiteral("/working-dir/delete/delete-images.yaml"));
        DeleteReviewModel *model = window.model();
        QVERIFY(model->rowCount() > 1);
        QVERIFY(window.logText().contains(QStringLiteral("kept because other images still need them")));

        QSignalSpy checked(&window, &DeleteReviewWindow::checkFinished);
        window.check();
        QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 1, 60000);
        QVERIFY2(checked.constFirst().constFirst().toBool(), qUtf8Printable(window.statusText()));
        // Generation already left out what 4.16.5 needs: everything listed may go.
        QCOMPARE(model->count(State::WillDelete), model->rowCount());
        QVERIFY(window.manifestsToDelete() > 0);

        QSignalSpy executed(&window, &DeleteReviewWindow::executionFinished);
        window.requestExecution();
        QTRY_VERIFY(window.confirmation() && window.confirmation()->isVisible());
        for (QAbstractButton *button : window.confirmation()->buttons()) {
            if (window.confirmation()->buttonRole(button) == QMessageBox::DestructiveRole)
                button->click();
        }
        QTRY_COMPARE_WITH_TIMEOUT(executed.count(), 1, 60000);
        QVERIFY2(executed.constFirst().constFirst().toInt() == 0, qUtf8Printable(window.logText().right(3000)));
        QCOMPARE(model->count(State::Deleted) + model->count(State::AlreadyGone), model->rowCount());
        QVERIFY(QFile::exists(workspace + QStringLiteral("/working-dir/delete/delete-report.txt")));
        // The deletion is in the working-dir's logs, as ferryctl's would be.
        bool logged = false;
        const QDir logs(workspace + QStringLiteral("/working-dir/logs"));
        for (const QString &name : logs.entryList({QStringLiteral("*.log")}, QDir::Files)) {
            QFile log(logs.filePath(name));
            logged = logged || (log.open(QIODevice::ReadOnly) && log.readAll().contains("Success deleting docker://"));
        }
        QVERIFY(logged);

        QVERIFY(Skopeo::inspectRaw(destination + QStringLiteral("/openshift/release-images:4.16.4-x86_64")).isEmpty());
        QVERIFY(!Skopeo::inspectRaw(destination + QStringLiteral("/openshift/release-images:4.16.5-x86_64")).isEmpty());
    }
};

QTEST_MAIN(tst_DeleteReviewWorld)
#include "tst_deletereviewworld.moc"
