#include "worldfixture.h"

#include "skopeo.h"

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

    struct Run
    {
        int exitCode = -1;
        QString output;
    };

    Run ferryctl(const QStringList &arguments) const
    {
        QProcess process;
        QProcessEnvironment environment = m_world.environment();
        environment.insert(QStringLiteral("HOME"), m_dir.path());
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(qEnvironmentVariable("FERRYCTL"), arguments);
        Run run;
        if (!process.waitForFinished(300000))
            return run;
        run.exitCode = process.exitCode();
        run.output = QString::fromUtf8(process.readAll());
        return run;
    }

    QString writeFile(const QString &name, const QByteArray &contents) const
    {
        QFile file(m_dir.filePath(name));
        if (file.open(QIODevice::WriteOnly))
            file.write(contents);
        return file.fileName();
    }

    // Component tags of one release at the destination, read from its image-references as the mirror stored it.
    QStringList componentTags(const QString &releaseTag) const
    {
        QStringList tags;
        QFile references(
            m_dir.filePath(QStringLiteral("ws/working-dir/hold-release/openshift-release-dev/ocp-release/") +
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
};

QTEST_GUILESS_MAIN(TestDeleteWorkflow)
#include "tst_deleteworkflow.moc"
