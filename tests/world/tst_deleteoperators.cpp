#include "workflowrun.h"
#include "worldfixture.h"

#include "registryfixture.h"
#include "skopeo.h"

#include "config/deleteimagelist.h"
#include "config/deleteimagelistloader.h"
#include "config/deleteimagelistloadresult.h"
#include "delete/v1imagenamer.h"
#include "registry/digest.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// An operator package is removed while another package that shares one of its related images stays: the shared
// image is protected (the workspace's ImageSetConfiguration still needs it) and stays pullable, the removed
// package's own images are gone. The medium world's catalog has two packages sharing ose-kube-rbac-proxy.
class TestDeleteOperators : public QObject
{
    Q_OBJECT

private:
    WorldFixture m_world{QStringLiteral("medium")};
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

    static bool copy(const QString &from, const QString &to)
    {
        QProcess skopeo;
        skopeo.start(QStringLiteral("skopeo"),
                     {QStringLiteral("copy"), QStringLiteral("--all"), QStringLiteral("--preserve-digests"),
                      QStringLiteral("--src-tls-verify=false"), QStringLiteral("--dest-tls-verify=false"), from, to});
        return skopeo.waitForFinished(60000) && skopeo.exitCode() == 0;
    }

    static QByteArray operators(const QByteArray &packages)
    {
        return "  operators:\n  - catalog: registry.redhat.io/redhat/redhat-operator-index:v4.16\n    packages:\n" +
               packages;
    }

    // Destination references of a mirror, from a dry run in its own workspace.
    QStringList destinations(const QString &config, const QString &workspace, const QString &destination) const
    {
        const Run run =
            ferryctl({QStringLiteral("-c"), config, QStringLiteral("--workspace"),
                      QStringLiteral("file://") + m_dir.filePath(workspace), QStringLiteral("docker://") + destination,
                      QStringLiteral("--dest-tls-verify=false"), QStringLiteral("--dry-run"), QStringLiteral("--v2")});
        QStringList result;
        QFile mapping(m_dir.filePath(workspace + QStringLiteral("/working-dir/dry-run/mapping.txt")));
        if (run.exitCode != 0 || !mapping.open(QIODevice::ReadOnly))
            return result;
        for (const QByteArray &line : mapping.readAll().split('\n')) {
            const qsizetype at = line.indexOf("=docker://");
            if (at > 0)
                result << QString::fromUtf8(line.mid(at + 10));
        }
        return result;
    }

private slots:
    void removingAPackageKeepsWhatAnotherPackageShares()
    {
        QString error;
        QVERIFY2(m_world.up(&error), qPrintable(error));
        const QString destination = m_world.destinationAddress() + QStringLiteral("/ops");
        // The jaeger-product bundle that uses the same ose-kube-rbac-proxy digest as aws-load-balancer-operator.
        const QByteArray jaegerRange = "      minVersion: 1.34.1-5\n      maxVersion: 1.34.1-5\n";
        const QByteArray header = "kind: ImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\nmirror:\n";
        const QString isc =
            writeFile(QStringLiteral("isc.yaml"), header + operators("    - name: aws-load-balancer-operator\n"
                                                                     "    - name: jaeger-product\n" +
                                                                     jaegerRange));
        const QString workspace = QStringLiteral("file://") + m_dir.filePath(QStringLiteral("ws"));
        Run run = ferryctl({QStringLiteral("-c"), isc, QStringLiteral("--workspace"), workspace,
                            QStringLiteral("docker://") + destination, QStringLiteral("--dest-tls-verify=false"),
                            QStringLiteral("--v2")});
        QVERIFY2(run.exitCode == 0, qUtf8Printable(run.output.right(3000)));

        const QStringList jaeger = destinations(
            writeFile(QStringLiteral("jaeger.yaml"), header + operators("    - name: jaeger-product\n" + jaegerRange)),
            QStringLiteral("jaeger"), destination);
        const QStringList aws = destinations(
            writeFile(QStringLiteral("aws.yaml"), header + operators("    - name: aws-load-balancer-operator\n")),
            QStringLiteral("aws"), destination);
        QVERIFY(jaeger.size() > 2);
        QVERIFY(aws.size() > 2);
        QStringList shared;
        for (const QString &reference : aws) {
            if (jaeger.contains(reference) && !reference.contains(QStringLiteral("operator-index")))
                shared << reference;
        }
        QVERIFY2(!shared.isEmpty() && shared.first().contains(QStringLiteral("ose-kube-rbac-proxy")),
                 qUtf8Printable(shared.join(QLatin1Char(' '))));

        const QString disc = writeFile(QStringLiteral("disc.yaml"),
                                       "kind: DeleteImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\n"
                                       "delete:\n" +
                                           operators("    - name: aws-load-balancer-operator\n"));
        run = ferryctl({QStringLiteral("delete"), QStringLiteral("-c"), disc, QStringLiteral("--generate"),
                        QStringLiteral("--workspace"), workspace, QStringLiteral("docker://") + destination,
                        QStringLiteral("--dest-tls-verify=false"), QStringLiteral("--v2")});
        QVERIFY2(run.exitCode == 0, qUtf8Printable(run.output.right(3000)));
        QVERIFY2(run.output.contains(QStringLiteral("kept by the ImageSetConfiguration: "
                                                    "registry.redhat.io/openshift4/ose-kube-rbac-proxy@sha256:")),
                 qUtf8Printable(run.output.right(3000)));
        const QString list = m_dir.filePath(QStringLiteral("ws/working-dir/delete/delete-images.yaml"));
        QFile listFile(list);
        QVERIFY(listFile.open(QIODevice::ReadOnly));
        const QByteArray listed = listFile.readAll();
        QVERIFY(!listed.contains("ose-kube-rbac-proxy"));
        QVERIFY(!listed.contains("operator-index"));
        QVERIFY(listed.contains("type: operatorRelatedImage"));
        QVERIFY(listed.contains("type: operatorBundle"));

        run = ferryctl({QStringLiteral("delete"), QStringLiteral("--delete-yaml-file"), list,
                        QStringLiteral("docker://") + destination, QStringLiteral("--dest-tls-verify=false"),
                        QStringLiteral("--v2")});
        QVERIFY2(run.exitCode == 0, qUtf8Printable(run.output.right(3000)));
        QVERIFY(run.output.contains(QStringLiteral("All images deleted successfully")));

        // jaeger-product is whole, shared image included; what only aws-load-balancer-operator used is gone.
        for (const QString &reference : jaeger)
            QVERIFY2(!Skopeo::inspectRaw(reference).isEmpty(), qPrintable(reference));
        int gone = 0;
        for (const QString &reference : aws) {
            if (jaeger.contains(reference))
                continue;
            QVERIFY2(Skopeo::inspectRaw(reference).isEmpty(), qPrintable(reference));
            ++gone;
        }
        QVERIFY(gone >= 3);
    }

    // --delete-v1-images lists the tags oc-mirror v1 gave images mirrored by digest, and --delete-signatures adds
    // the sigstore signature tags present at the destination; both are then deleted like any other item.
    void v1ImagesAndSignatures()
    {
        QString error;
        QVERIFY2(m_world.up(&error), qPrintable(error));
        const QString v2 = m_world.destinationAddress() + QStringLiteral("/v2src");
        const QString v1 = m_world.destinationAddress() + QStringLiteral("/v1");
        const QString workspace = QStringLiteral("file://") + m_dir.filePath(QStringLiteral("ws-v1"));
        const QString isc =
            writeFile(QStringLiteral("isc-v1.yaml"),
                      "kind: ImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\nmirror:\n" +
                          operators("    - name: aws-load-balancer-operator\n"));
        const QString disc =
            writeFile(QStringLiteral("disc-v1.yaml"),
                      "kind: DeleteImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\ndelete:\n" +
                          operators("    - name: aws-load-balancer-operator\n"));
        const QStringList tlsOff{QStringLiteral("--dest-tls-verify=false"), QStringLiteral("--v2")};
        Run run = ferryctl(QStringList{QStringLiteral("-c"), isc, QStringLiteral("--workspace"), workspace,
                                       QStringLiteral("docker://") + v2} +
                           tlsOff);
        QVERIFY2(run.exitCode == 0, qUtf8Printable(run.output.right(3000)));
        run = ferryctl(QStringList{QStringLiteral("delete"), QStringLiteral("-c"), disc, QStringLiteral("--generate"),
                                   QStringLiteral("--workspace"), workspace, QStringLiteral("--delete-id"),
                                   QStringLiteral("v2"), QStringLiteral("docker://") + v2} +
                       tlsOff);
        QVERIFY2(run.exitCode == 0, qUtf8Printable(run.output.right(3000)));
        const auto v2List = DeleteImageListLoader::loadFile(
            m_dir.filePath(QStringLiteral("ws-v1/working-dir/delete/delete-images-v2.yaml")));
        QVERIFY(v2List.list && v2List.list->items.size() >= 3);

        // A registry that oc-mirror v1 filled: the same images under v1's tags, one of them signed.
        QStringList v1References;
        for (const DeleteImageItem &item : v2List.list->items) {
            const QString reference = V1ImageNamer::v1Reference(
                v1, item.imageName, ImageKinds::fromString(item.type.value_or(QString())).value_or(ImageKind::Generic));
            QVERIFY2(!reference.isEmpty(), qPrintable(item.imageName));
            QVERIFY(copy(item.imageReference, QStringLiteral("docker://") + reference));
            v1References << reference;
        }
        const QByteArray signedManifest = Skopeo::inspectRaw(v1References.first());
        const QString signatureTag = QStringLiteral("sha256-") +
                                     QString::fromLatin1(Digest::sha256(signedManifest).toString().mid(7).toLatin1()) +
                                     QStringLiteral(".sig");
        const QString signature =
            v1References.first().section(QLatin1Char(':'), 0, -2) + QLatin1Char(':') + signatureTag;
        QVERIFY(copy(v2List.list->items.last().imageReference, QStringLiteral("docker://") + signature));

        run = ferryctl(QStringList{QStringLiteral("delete"), QStringLiteral("-c"), disc, QStringLiteral("--generate"),
                                   QStringLiteral("--workspace"), workspace, QStringLiteral("--delete-id"),
                                   QStringLiteral("v1"), QStringLiteral("--delete-v1-images"),
                                   QStringLiteral("--delete-signatures"), QStringLiteral("docker://") + v1} +
                       tlsOff);
        QVERIFY2(run.exitCode == 0, qUtf8Printable(run.output.right(3000)));
        const QString listFile = m_dir.filePath(QStringLiteral("ws-v1/working-dir/delete/delete-images-v1.yaml"));
        const auto v1List = DeleteImageListLoader::loadFile(listFile);
        QVERIFY(v1List.list);
        QStringList listed;
        for (const DeleteImageItem &item : v1List.list->items)
            listed << item.imageReference.mid(9);
        for (const QString &reference : std::as_const(v1References))
            QVERIFY2(listed.contains(reference), qPrintable(reference + QLatin1Char('\n') + run.output.right(4000)));
        QVERIFY2(listed.contains(signature), qUtf8Printable(listed.join(QLatin1Char(' '))));

        run = ferryctl(QStringList{QStringLiteral("delete"), QStringLiteral("--delete-yaml-file"), listFile,
                                   QStringLiteral("docker://") + v1} +
                       tlsOff);
        QVERIFY2(run.exitCode == 0, qUtf8Printable(run.output.right(3000)));
        for (const QString &reference : std::as_const(v1References))
            QVERIFY2(Skopeo::inspectRaw(reference).isEmpty(), qPrintable(reference));
        QVERIFY(Skopeo::inspectRaw(signature).isEmpty());
        // The v2 mirror was another namespace: untouched.
        for (const DeleteImageItem &item : v2List.list->items)
            QVERIFY(!Skopeo::inspectRaw(item.imageReference.mid(9)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDeleteOperators)
#include "tst_deleteoperators.moc"
