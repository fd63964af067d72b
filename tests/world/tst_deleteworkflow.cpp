#include "workflowrun.h"
#include "worldfixture.h"

#include "registryfixture.h"
#include "skopeo.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The seed walkthrough with ferryctl against the world: mirror 4.16.4 and 4.16.5, delete 4.16.4, and 4.16.5 must
// stay whole although the two releases share most of their component images.
class TestDeleteWorkflow : public QObject
{
    Q_OBJECT

private:
    WorldFixture m_world{QStringLiteral("small")};
    QTemporaryDir m_dir;

    using Run = WorkflowRun::Process;

    Run ferryctl(const QStringList &arguments) const
    {
        return WorkflowRun::ferryctl(arguments, m_world.environment(), m_dir.path());
    }

    QString writeFile(const QString &name, const QByteArray &contents) const
    {
        return WorkflowRun::writeFile(m_dir.path(), name, contents);
    }

    // Component tags of one release at the destination, read from its image-references as the mirror stored it.
    QStringList componentTags(const QString &releaseTag) const
    {
        return componentTags(QStringLiteral("ws"), releaseTag);
    }
    QStringList componentTags(const QString &workspace, const QString &releaseTag) const
    {
        QStringList tags;
        QFile references(m_dir.filePath(workspace +
                                        QStringLiteral("/working-dir/hold-release/openshift-release-dev/ocp-release/") +
                                        releaseTag + QStringLiteral("/release-manifests/image-references")));
        if (!references.open(QIODevice::ReadOnly))
            return tags;
        const QJsonArray entries = QJsonDocument::fromJson(references.readAll())
                                       .object()[QStringLiteral("spec")][QStringLiteral("tags")]
                                       .toArray();
        for (const QJsonValue &entry : entries)
            tags << releaseTag + QLatin1Char('-') + entry[QStringLiteral("name")].toString();
        return tags;
    }

private slots:
    void deletingAReleaseKeepsTheNextOneWhole()
    {
        QString error;
        QVERIFY2(m_world.up(&error), qPrintable(error));
        const QString destination = m_world.destinationAddress() + QStringLiteral("/seed");
        const QString workspace = QStringLiteral("file://") + m_dir.filePath(QStringLiteral("ws"));
        const QString isc = writeFile(QStringLiteral("isc.yaml"),
                                      "kind: ImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\nmirror:\n"
                                      "  platform:\n    channels:\n    - name: stable-4.16\n      minVersion: 4.16.4\n"
                                      "      maxVersion: 4.16.5\n");
        Run run = ferryctl({QStringLiteral("-c"), isc, QStringLiteral("--workspace"), workspace,
                            QStringLiteral("docker://") + destination, QStringLiteral("--dest-tls-verify=false"),
                            QStringLiteral("--v2")});
        QVERIFY2(run.exitCode == 0, qUtf8Printable(run.output.right(3000)));

        const QString disc = writeFile(QStringLiteral("disc.yaml"),
                                       "kind: DeleteImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\n"
                                       "delete:\n  platform:\n    channels:\n    - name: stable-4.16\n"
                                       "      minVersion: 4.16.4\n      maxVersion: 4.16.4\n");
        run = ferryctl({QStringLiteral("delete"), QStringLiteral("-c"), disc, QStringLiteral("--generate"),
                        QStringLiteral("--workspace"), workspace, QStringLiteral("docker://") + destination,
                        QStringLiteral("--dest-tls-verify=false"), QStringLiteral("--v2")});
        QVERIFY2(run.exitCode == 0, qUtf8Printable(run.output.right(3000)));
        const QString list = m_dir.filePath(QStringLiteral("ws/working-dir/delete/delete-images.yaml"));
        QVERIFY(QFile::exists(list));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("ws/working-dir/delete/delete-imageset-config.yaml"))));
        QFile listFile(list);
        QVERIFY(listFile.open(QIODevice::ReadOnly));
        const QByteArray listed = listFile.readAll();
        QVERIFY(listed.contains("kind: DeleteImageList"));
        QVERIFY(listed.contains("openshift/release-images:4.16.4-x86_64"));
        QVERIFY(!listed.contains("4.16.5"));
        // The releases share components: those are kept out of the list, with the reason.
        QVERIFY2(run.output.contains(QStringLiteral("kept because other images still need them")),
                 qUtf8Printable(run.output.right(3000)));
        QVERIFY(!run.output.contains(QStringLiteral(" 0 kept because")));

        run = ferryctl({QStringLiteral("delete"), QStringLiteral("--delete-yaml-file"), list,
                        QStringLiteral("docker://") + destination, QStringLiteral("--dest-tls-verify=false"),
                        QStringLiteral("--v2")});
        QVERIFY2(run.exitCode == 0, qUtf8Printable(run.output.right(3000)));
        QVERIFY(run.output.contains(QStringLiteral("All images deleted successfully")));
        QVERIFY(run.output.contains(QStringLiteral("Remember to execute a garbage collect")));

        // 4.16.4 is gone; 4.16.5 and every one of its components are still there.
        QVERIFY(Skopeo::inspectRaw(destination + QStringLiteral("/openshift/release-images:4.16.4-x86_64")).isEmpty());
        QVERIFY(!Skopeo::inspectRaw(destination + QStringLiteral("/openshift/release-images:4.16.5-x86_64")).isEmpty());
        const QStringList kept = componentTags(QStringLiteral("4.16.5-x86_64"));
        QVERIFY(kept.size() > 5);
        for (const QString &tag : kept)
            QVERIFY2(!Skopeo::inspectRaw(destination + QStringLiteral("/openshift/release:") + tag).isEmpty(),
                     qPrintable(tag));
        // At least one component unique to 4.16.4 really went away.
        int removed = 0;
        for (const QString &tag : componentTags(QStringLiteral("4.16.4-x86_64")))
            removed += Skopeo::inspectRaw(destination + QStringLiteral("/openshift/release:") + tag).isEmpty() ? 1 : 0;
        QVERIFY(removed > 0);
    }

    // What the workspace's ImageSetConfiguration still mirrors is protected with its own reason, at generation and
    // again at execution; a configuration changed after generation stops the execution.
    void theWorkspaceConfigurationKeepsItsImages()
    {
        QString error;
        QVERIFY2(m_world.up(&error), qPrintable(error));
        const QString destination = m_world.destinationAddress() + QStringLiteral("/kept");
        const QString workspace = QStringLiteral("file://") + m_dir.filePath(QStringLiteral("ws-kept"));
        const QStringList common{QStringLiteral("--workspace"), workspace, QStringLiteral("docker://") + destination,
                                 QStringLiteral("--dest-tls-verify=false"), QStringLiteral("--v2")};
        const QString isc = writeFile(QStringLiteral("isc-kept.yaml"),
                                      "kind: ImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\nmirror:\n"
                                      "  platform:\n    channels:\n    - name: stable-4.16\n      minVersion: 4.16.4\n"
                                      "      maxVersion: 4.16.5\n"
                                      "  additionalImages:\n  - name: registry.redhat.io/ubi9/ubi:latest\n");
        Run run = ferryctl(QStringList{QStringLiteral("-c"), isc} + common);
        QVERIFY2(run.exitCode == 0, qUtf8Printable(run.output.right(3000)));
        const QString recorded = m_dir.filePath(QStringLiteral("ws-kept/working-dir/last-mirror-imageset-config.yaml"));
        QVERIFY(QFile::exists(recorded));
        // The admin updates the configuration to keep only 4.16.5 and mirrors again: that is what stays.
        const QString updated = writeFile(QStringLiteral("isc-kept-updated.yaml"),
                                          "kind: ImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\n"
                                          "mirror:\n  platform:\n    channels:\n    - name: stable-4.16\n"
                                          "      minVersion: 4.16.5\n      maxVersion: 4.16.5\n");
        run = ferryctl(QStringList{QStringLiteral("-c"), updated} + common);
        QVERIFY2(run.exitCode == 0, qUtf8Printable(run.output.right(3000)));
        QFile recordedFile(recorded);
        QVERIFY(recordedFile.open(QIODevice::ReadOnly));
        QVERIFY(!recordedFile.readAll().contains("4.16.4"));

        const QString disc = writeFile(QStringLiteral("disc-kept.yaml"),
                                       "kind: DeleteImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\n"
                                       "delete:\n  platform:\n    channels:\n    - name: stable-4.16\n"
                                       "      minVersion: 4.16.4\n      maxVersion: 4.16.4\n"
                                       "  additionalImages:\n  - name: registry.redhat.io/ubi9/ubi:latest\n");
        run = ferryctl(QStringList{QStringLiteral("delete"), QStringLiteral("-c"), disc, QStringLiteral("--generate")} +
                       common);
        QVERIFY2(run.exitCode == 0, qUtf8Printable(run.output.right(3000)));
        QVERIFY2(run.output.contains(QStringLiteral("kept by the ImageSetConfiguration: quay.io/")),
                 qUtf8Printable(run.output.right(3000)));
        const QString list = m_dir.filePath(QStringLiteral("ws-kept/working-dir/delete/delete-images.yaml"));
        QFile listFile(list);
        QVERIFY(listFile.open(QIODevice::ReadOnly));
        const QByteArray listed = listFile.readAll();
        listFile.close();
        QVERIFY(listed.contains("/ubi9/ubi:latest"));
        QVERIFY(listed.contains("openshift/release-images:4.16.4-x86_64"));
        QFile planReport(m_dir.filePath(QStringLiteral("ws-kept/working-dir/delete/delete-plan-report.txt")));
        QVERIFY(planReport.open(QIODevice::ReadOnly));
        QVERIFY(planReport.readAll().contains("(kept by the ImageSetConfiguration: quay.io/openshift-release-dev/"));

        // A mirror run after generation changes what stays: the list is refused until it is generated again.
        const QString keptFile = m_dir.filePath(QStringLiteral("ws-kept/working-dir/delete/delete-images.kept"));
        QVERIFY(QFile::exists(keptFile));
        {
            QFile touch(recorded);
            QVERIFY(touch.open(QIODevice::ReadWrite));
            QVERIFY(touch.setFileTime(QDateTime::currentDateTime().addSecs(60), QFileDevice::FileModificationTime));
        }
        const QStringList execute{QStringLiteral("delete"),
                                  QStringLiteral("--delete-yaml-file"),
                                  list,
                                  QStringLiteral("--force-cache-delete"),
                                  QStringLiteral("docker://") + destination,
                                  QStringLiteral("--dest-tls-verify=false"),
                                  QStringLiteral("--v2")};
        run = ferryctl(execute);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output.contains(QStringLiteral("changed after")), qUtf8Printable(run.output.right(3000)));
        QVERIFY(!Skopeo::inspectRaw(destination + QStringLiteral("/ubi9/ubi:latest")).isEmpty());
        {
            QFile touch(keptFile);
            QVERIFY(touch.open(QIODevice::ReadWrite));
            QVERIFY(touch.setFileTime(QDateTime::currentDateTime().addSecs(120), QFileDevice::FileModificationTime));
        }

        run = ferryctl(execute);
        QVERIFY2(run.exitCode == 0, qUtf8Printable(run.output.right(3000)));
        QVERIFY(run.output.contains(QStringLiteral("All images deleted successfully")));
        QVERIFY2(run.output.contains(QStringLiteral("would free about")), qUtf8Printable(run.output.right(3000)));
        QVERIFY(run.output.contains(QStringLiteral("from the local cache")));
        QVERIFY(Skopeo::inspectRaw(destination + QStringLiteral("/ubi9/ubi:latest")).isEmpty());
        QVERIFY(Skopeo::inspectRaw(destination + QStringLiteral("/openshift/release-images:4.16.4-x86_64")).isEmpty());
        for (const QString &tag : componentTags(QStringLiteral("ws-kept"), QStringLiteral("4.16.5-x86_64")))
            QVERIFY2(!Skopeo::inspectRaw(destination + QStringLiteral("/openshift/release:") + tag).isEmpty(),
                     qPrintable(tag));
        QFile report(m_dir.filePath(QStringLiteral("ws-kept/working-dir/delete/delete-report.txt")));
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QByteArray reported = report.readAll();
        QVERIFY(reported.contains("# garbage collection\n"));
        QVERIFY(reported.contains("# local cache\n"));
    }
};

QTEST_GUILESS_MAIN(TestDeleteWorkflow)
#include "tst_deleteworkflow.moc"
