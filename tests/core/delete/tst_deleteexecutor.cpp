#include "../registry/testimages.h"
#include "genericdeleteitem.h"

#include "delete/deleteexecutor.h"
#include "registry/registryclient.h"

#include "registryfixture.h"
#include "skopeo.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Deletion against real registries: what goes, what stays, and every refusal.
class TestDeleteExecutor : public QObject
{
    Q_OBJECT

private:
    static ImageReference ref(const QString &text) { return *ImageReference::parse(text); }

    static void push(RegistryClient &client, const QString &reference, const TestImage &image)
    {
        const QString error = pushTestImage(client, ref(reference), image);
        QVERIFY2(error.isEmpty(), qUtf8Printable(error));
    }

    static DeleteImageItem item(const QString &reference) { return genericDeleteItem(reference); }

private slots:
    void deletesAndThenFindsItGone()
    {
        RegistryFixture registry;
        QVERIFY(registry.start());
        RegistryClient client;
        client.setInsecure(registry.address(), true);
        const QString reference = registry.address() + QStringLiteral("/mirror/app:1");
        push(client, reference, makeImage(true, QStringLiteral("amd64"), 1, 1024));
        DeleteExecutor executor(&client, {registry.address() + QStringLiteral("/mirror"), 2, false});
        auto result = executor.execute({item(reference)});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.count(DeleteExecutor::State::Deleted), 1);
        QVERIFY(Skopeo::inspectRaw(reference).isEmpty());
        result = executor.execute({item(reference)});
        QCOMPARE(result.count(DeleteExecutor::State::AlreadyGone), 1);
    }

    void keepsWhatAnotherTagNeeds()
    {
        RegistryFixture registry;
        QVERIFY(registry.start());
        RegistryClient client;
        client.setInsecure(registry.address(), true);
        const TestImage shared = makeImage(false, QStringLiteral("amd64"), 1, 512);
        const QString old = registry.address() + QStringLiteral("/mirror/openshift/release:4.16.4-x86_64-etcd");
        const QString kept = registry.address() + QStringLiteral("/mirror/openshift/release:4.16.5-x86_64-etcd");
        push(client, old, shared);
        push(client, kept, shared);
        // An index keeps its children too.
        const TestImage child = makeImage(true, QStringLiteral("arm64"), 1, 256);
        const QString childTag = registry.address() + QStringLiteral("/mirror/app:arm64");
        push(client, childTag, child);
        const QString index = registry.address() + QStringLiteral("/mirror/app:latest");
        QVERIFY(await(client.putManifest(ref(index), makeIndex(true, {child}, {QStringLiteral("arm64")}))).isOk());

        DeleteExecutor executor(&client, {registry.address() + QStringLiteral("/mirror"), 4, false});
        const auto result = executor.execute({item(old), item(childTag)});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.count(DeleteExecutor::State::Protected), 2);
        QCOMPARE(result.count(DeleteExecutor::State::Deleted), 0);
        QVERIFY(result.outcomes.at(0).detail.contains(QStringLiteral("release:4.16.5-x86_64-etcd")));
        QVERIFY(result.outcomes.at(1).detail.contains(QStringLiteral("app:latest")));
        QVERIFY(!Skopeo::inspectRaw(kept).isEmpty());
        QVERIFY(!Skopeo::inspectRaw(index).isEmpty());
        QVERIFY(DeleteExecutor::report(result).contains("# protected\n"));
    }

    void deletionDisabledIsSaidOnce()
    {
        RegistryFixture::Options options;
        options.deleteEnabled = false;
        RegistryFixture registry(options);
        QVERIFY(registry.start());
        RegistryClient client;
        client.setInsecure(registry.address(), true);
        const QString first = registry.address() + QStringLiteral("/mirror/a:1");
        const QString second = registry.address() + QStringLiteral("/mirror/b:1");
        push(client, first, makeImage(true, QStringLiteral("amd64"), 1, 128));
        push(client, second, makeImage(true, QStringLiteral("amd64"), 1, 129));
        DeleteExecutor executor(&client, {registry.address() + QStringLiteral("/mirror"), 1, false});
        const auto result = executor.execute({item(first), item(second)});
        QCOMPARE(result.count(DeleteExecutor::State::Failed), 2);
        QVERIFY2(result.deletionDisabledError.contains(QStringLiteral("deletion is disabled on ")),
                 qPrintable(result.deletionDisabledError));
        QVERIFY(!Skopeo::inspectRaw(first).isEmpty());
        QVERIFY(!Skopeo::inspectRaw(second).isEmpty());
    }

    void changedSinceGeneratedIsSkipped()
    {
        RegistryFixture registry;
        QVERIFY(registry.start());
        RegistryClient client;
        client.setInsecure(registry.address(), true);
        const QString moved = registry.address() + QStringLiteral("/mirror/app:1");
        const QString other = registry.address() + QStringLiteral("/mirror/app:2");
        const TestImage listed = makeImage(true, QStringLiteral("amd64"), 1, 300);
        push(client, moved, listed);
        push(client, other, makeImage(true, QStringLiteral("amd64"), 1, 301));
        DeleteExecutor::Options options{registry.address() + QStringLiteral("/mirror"), 2, false};
        options.expectedDigests.insert(QStringLiteral("docker://") + moved, listed.manifest.digest().toString());
        // After generation someone pushes another image to the tag.
        const TestImage replacement = makeImage(true, QStringLiteral("amd64"), 1, 302);
        push(client, moved, replacement);
        const auto result = DeleteExecutor(&client, options).execute({item(moved), item(other)});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.count(DeleteExecutor::State::Skipped), 1);
        QCOMPARE(result.count(DeleteExecutor::State::Deleted), 1);
        QVERIFY(result.outcomes.at(0).detail.contains(QStringLiteral("changed since the list was generated")));
        QCOMPARE(Skopeo::inspectRaw(moved), replacement.manifest.bytes());
        QVERIFY(Skopeo::inspectRaw(other).isEmpty());
        QVERIFY(DeleteExecutor::report(result).contains("# skipped\n"));

        // Without the digest file, a by-digest imageName says what was listed.
        DeleteImageItem byName = item(moved);
        byName.imageName = QStringLiteral("quay.io/example/app@") + listed.manifest.digest().toString();
        const auto again = DeleteExecutor(&client, {options.destinationRegistry, 1, false}).execute({byName});
        QCOMPARE(again.count(DeleteExecutor::State::Skipped), 1);
        QVERIFY(!Skopeo::inspectRaw(moved).isEmpty());
    }

    void keptByTheImageSetConfiguration()
    {
        RegistryFixture registry;
        QVERIFY(registry.start());
        RegistryClient client;
        client.setInsecure(registry.address(), true);
        const QString r = registry.address() + QStringLiteral("/mirror");
        const TestImage shared = makeImage(true, QStringLiteral("amd64"), 1, 400);
        push(client, r + QStringLiteral("/openshift/release:4.16.4-x86_64-etcd"), shared);
        push(client, r + QStringLiteral("/openshift/release:4.16.5-x86_64-etcd"), shared);
        push(client, r + QStringLiteral("/openshift/release:4.16.4-x86_64-own"),
             makeImage(true, QStringLiteral("amd64"), 1, 401));
        DeleteExecutor::Options options{r, 2, false};
        options.keptByConfiguration.insert(r + QStringLiteral("/openshift/release:4.16.5-x86_64-etcd"),
                                           QStringLiteral("quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:1"));
        // Not at the destination: nothing to protect, no error.
        options.keptByConfiguration.insert(r + QStringLiteral("/never:1"), QStringLiteral("quay.io/x/never:1"));
        const auto result = DeleteExecutor(&client, options)
                                .execute({item(r + QStringLiteral("/openshift/release:4.16.4-x86_64-etcd")),
                                          item(r + QStringLiteral("/openshift/release:4.16.4-x86_64-own"))});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.outcomes.at(0).state, DeleteExecutor::State::Protected);
        QCOMPARE(result.outcomes.at(0).detail,
                 QStringLiteral(
                     "kept by the ImageSetConfiguration: quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:1"));
        QCOMPARE(result.outcomes.at(1).state, DeleteExecutor::State::Deleted);
        QVERIFY(!Skopeo::inspectRaw(r + QStringLiteral("/openshift/release:4.16.5-x86_64-etcd")).isEmpty());
    }

    void signaturesOfDeletedImages()
    {
        RegistryFixture registry;
        QVERIFY(registry.start());
        RegistryClient client;
        client.setInsecure(registry.address(), true);
        const QString r = registry.address() + QStringLiteral("/mirror");
        const TestImage going = makeImage(true, QStringLiteral("amd64"), 1, 500);
        const TestImage staying = makeImage(true, QStringLiteral("amd64"), 1, 501);
        push(client, r + QStringLiteral("/app:old"), going);
        push(client, r + QStringLiteral("/app:shared-old"), staying);
        push(client, r + QStringLiteral("/app:new"), staying);
        auto signatureTag = [](const TestImage &image) -> QString {
            return QStringLiteral("sha256-") + image.manifest.digest().toString().mid(7) + QStringLiteral(".sig");
        };
        push(client, r + QStringLiteral("/app:") + signatureTag(going),
             makeImage(true, QStringLiteral("amd64"), 1, 50));
        push(client, r + QStringLiteral("/app:") + signatureTag(staying),
             makeImage(true, QStringLiteral("amd64"), 1, 51));

        DeleteExecutor executor(&client, {r, 2, false});
        const QList<DeleteImageItem> items{item(r + QStringLiteral("/app:old")),
                                           item(r + QStringLiteral("/app:shared-old"))};
        QString error;
        const auto outcomes = executor.protect(items, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QList<DeleteImageItem> signatures = executor.signatureItems(outcomes);
        QCOMPARE(signatures.size(), 1); // the kept image keeps its signature
        QCOMPARE(signatures.first().imageReference,
                 QStringLiteral("docker://") + r + QStringLiteral("/app:") + signatureTag(going));
        QCOMPARE(signatures.first().imageName, QStringLiteral("quay.io/example/app:") + signatureTag(going));

        const auto result = executor.execute(items + signatures);
        QCOMPARE(result.count(DeleteExecutor::State::Deleted), 2);
        QVERIFY(Skopeo::inspectRaw(r + QStringLiteral("/app:") + signatureTag(going)).isEmpty());
        QVERIFY(!Skopeo::inspectRaw(r + QStringLiteral("/app:") + signatureTag(staying)).isEmpty());
    }

    void malformedListDeletesNothing()
    {
        RegistryFixture registry;
        QVERIFY(registry.start());
        RegistryClient client;
        client.setInsecure(registry.address(), true);
        const QString r = registry.address() + QStringLiteral("/mirror");
        push(client, r + QStringLiteral("/app:1"), makeImage(true, QStringLiteral("amd64"), 1, 600));
        QTemporaryDir dir;
        const QString list = dir.filePath(QStringLiteral("delete-images.yaml"));
        QFile file(list);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: mirror.openshift.io/v2alpha1\nkind: DeleteImageList\nitems:\n"
                   "- imageName: quay.io/example/app:1\n  imageReference: docker://" +
                   r.toUtf8() + "/app:1\n   type: [generic\n");
        file.close();
        QProcess ferryctl;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), dir.path());
        ferryctl.setProcessEnvironment(environment);
        ferryctl.setProcessChannelMode(QProcess::MergedChannels);
        ferryctl.start(qEnvironmentVariable("FERRYCTL"),
                       {QStringLiteral("delete"), QStringLiteral("--delete-yaml-file"), list,
                        QStringLiteral("docker://") + r, QStringLiteral("--dest-tls-verify=false"),
                        QStringLiteral("--v2"),
                        // Tests run side by side: the default port may be someone else's check at this moment.
                        QStringLiteral("-p"), QString::number(RegistryFixture::freePort())});
        QVERIFY(ferryctl.waitForFinished(60000));
        const QString output = QString::fromUtf8(ferryctl.readAll());
        QCOMPARE(ferryctl.exitCode(), 1);
        QVERIFY2(output.contains(list + QStringLiteral(":6:")), qPrintable(output));
        QVERIFY(!Skopeo::inspectRaw(r + QStringLiteral("/app:1")).isEmpty());
    }

    void refusesAListForAnotherRegistry()
    {
        RegistryClient client;
        DeleteExecutor executor(&client, {QStringLiteral("127.0.0.1:5999/mirror"), 1, false});
        const auto result = executor.execute({item(QStringLiteral("registry.example:5000/mirror/a:1"))});
        QVERIFY(result.error.contains(QStringLiteral("does not match values found in the delete-images yaml file")));
        QVERIFY(result.outcomes.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDeleteExecutor)
#include "tst_deleteexecutor.moc"
