#include "../registry/testimages.h"

#include "delete/deleteexecutor.h"
#include "registry/registryclient.h"

#include "registryfixture.h"
#include "skopeo.h"

#include <QTest>

// Deletion against real registries: what goes, what stays, and every refusal.
class TestDeleteExecutor : public QObject
{
    Q_OBJECT

private:
    static ImageReference ref(const QString &text) { return *ImageReference::parse(text); }

    static void push(RegistryClient &client, const QString &reference, const TestImage &image)
    {
        const ImageReference target = ref(reference);
        for (const QByteArray &blob : image.blobs)
            QVERIFY(await(client.pushBlob(target, blob)).isOk());
        QVERIFY(await(client.putManifest(target, image.manifest)).isOk());
    }

    static DeleteImageItem item(const QString &reference)
    {
        DeleteImageItem result;
        result.imageName = QStringLiteral("quay.io/example/app:1");
        result.imageReference = QStringLiteral("docker://") + reference;
        result.type = QStringLiteral("generic");
        return result;
    }

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
