#include "config/deleteimagelistloader.h"
#include "config/deleteimagelistwriter.h"

#include <QtTest>

static QStringList errorStrings(const DeleteImageListLoadResult &result)
{
    QStringList lines;
    for (const ConfigError &error : result.errors)
        lines.append(error.toString());
    return lines;
}

static QString dataPath(const char *name)
{
    return QStringLiteral(FERRY_TEST_DATA_DIR "/config/deleteimagelist/") + QLatin1String(name);
}

class tst_DeleteImageList : public QObject
{
    Q_OBJECT

private slots:
    void readsRealFixture();
    void readsRelatedBlobsForm();
    void readsFormWithoutType();
    void reportsEveryError();
    void refusesOtherKinds();
    void writesSortedKeys();
    void roundTrip_data();
    void roundTrip();
};

void tst_DeleteImageList::readsRealFixture()
{
    const DeleteImageListLoadResult result = DeleteImageListLoader::loadFile(
        QStringLiteral(FERRY_FIXTURES_DIR "/oc-mirror-outputs/delete/delete-images.yaml"));
    QCOMPARE(errorStrings(result), QStringList());
    QVERIFY(result.isValid());
    QCOMPARE(result.list->apiVersion, QStringLiteral("mirror.openshift.io/v2alpha1"));
    QCOMPARE(result.list->items.size(), 1);
    const DeleteImageItem &item = result.list->items[0];
    QCOMPARE(item.imageName, QStringLiteral("quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:"
                                            "c32a883a6ca7b2e7a58b9dd99a5e8d056bdbbc9d79d8486b2e4c7e07c3dc4512"));
    QCOMPARE(item.imageReference,
             QStringLiteral(
                 "docker://localhost:5000/myregistry/openshift/release:4.15.12-x86_64-agent-installer-api-server"));
    QCOMPARE(item.type, QStringLiteral("ocpReleaseContent"));
    QVERIFY(item.relatedBlobs.isEmpty());
}

void tst_DeleteImageList::readsRelatedBlobsForm()
{
    const DeleteImageListLoadResult result = DeleteImageListLoader::loadFile(dataPath("delete-images-4.16.yaml"));
    QCOMPARE(errorStrings(result), QStringList());
    QCOMPARE(result.list->items.size(), 2);
    QCOMPARE(result.list->items[0].type, std::nullopt);
    QCOMPARE(result.list->items[0].relatedBlobs.size(), 2);
    QVERIFY(result.list->items[0].relatedBlobs[1].startsWith(QLatin1String("sha256:9c2d")));
    QVERIFY(result.list->items[1].relatedBlobs.isEmpty());
}

void tst_DeleteImageList::readsFormWithoutType()
{
    const DeleteImageListLoadResult result = DeleteImageListLoader::loadFile(dataPath("delete-images-4.17.yaml"));
    QCOMPARE(errorStrings(result), QStringList());
    QCOMPARE(result.list->items.size(), 1);
    QCOMPARE(result.list->items[0].type, std::nullopt);
}

void tst_DeleteImageList::reportsEveryError()
{
    const DeleteImageListLoadResult result = DeleteImageListLoader::loadFile(dataPath("invalid.yaml"));
    const QString file = dataPath("invalid.yaml");
    QCOMPARE(errorStrings(result),
             QStringList({
                 file + QStringLiteral(":6:9: items[0].type: unknown image type \"additionalImage\": expected one of "
                                       "ocpRelease, ocpReleaseContent, cincinnatiGraph, operatorCatalog, "
                                       "operatorBundle, operatorRelatedImage, generic, helmImage"),
                 file + QStringLiteral(":7:3: items[1].imageReference: an item needs an imageReference"),
                 file + QStringLiteral(":9:19: items[2].imageReference: invalid reference "
                                       "\"docker://mirror.example.com:5000/UBI9/ubi:latest\": repository name must "
                                       "be lowercase"),
                 file + QStringLiteral(":11:3: items[2].origin: unknown field \"origin\""),
                 file + QStringLiteral(":14:3: items[3].imageReference: key \"imageReference\" already set in map "
                                       "(first at line 13)"),
                 file + QStringLiteral(":15:17: items[3].relatedBlobs: expected a list, found the string "
                                       "\"sha256:abc\""),
             }));
    QVERIFY(!result.isValid());
    QCOMPARE(result.list->items.size(), 4); // still read, for a report
}

void tst_DeleteImageList::refusesOtherKinds()
{
    const DeleteImageListLoadResult wrong = DeleteImageListLoader::loadFile(dataPath("wrong-kind.yaml"));
    QCOMPARE(errorStrings(wrong),
             QStringList({dataPath("wrong-kind.yaml") + QStringLiteral(":2:7: kind: unsupported kind "
                                                                       "\"DeleteImageSetConfiguration\": expected "
                                                                       "DeleteImageList")}));
    QVERIFY(!wrong.list);
    const DeleteImageListLoadResult missing = DeleteImageListLoader::loadData("items: []\n", QStringLiteral("d.yaml"));
    QCOMPARE(errorStrings(missing),
             QStringList({QStringLiteral("d.yaml:1:1: missing 'kind' (expected DeleteImageList)")}));
    const DeleteImageListLoadResult broken = DeleteImageListLoader::loadData("items: [\n", QStringLiteral("d.yaml"));
    QCOMPARE(broken.errors.size(), 1);
    QVERIFY(broken.errors[0].toString().startsWith(QLatin1String("d.yaml:2:1: invalid YAML: ")));
}

void tst_DeleteImageList::writesSortedKeys()
{
    DeleteImageList list;
    DeleteImageItem first;
    first.imageName = QStringLiteral("registry.redhat.io/ubi8/ubi:latest");
    first.imageReference = QStringLiteral("docker://mirror.example.com:5000/ubi8/ubi:latest");
    first.type = QStringLiteral("generic");
    DeleteImageItem second;
    second.imageName = QStringLiteral("quay.io/a/b:v1");
    second.imageReference = QStringLiteral("docker://mirror.example.com:5000/a/b:v1");
    second.relatedBlobs = {QStringLiteral("sha256:aa")};
    list.items = {first, second};
    QCOMPARE(QString::fromUtf8(DeleteImageListWriter::write(list)),
             QStringLiteral("apiVersion: mirror.openshift.io/v2alpha1\n"
                            "items:\n"
                            "- imageName: registry.redhat.io/ubi8/ubi:latest\n"
                            "  imageReference: docker://mirror.example.com:5000/ubi8/ubi:latest\n"
                            "  type: generic\n"
                            "- imageName: quay.io/a/b:v1\n"
                            "  imageReference: docker://mirror.example.com:5000/a/b:v1\n"
                            "  relatedBlobs:\n"
                            "  - sha256:aa\n"
                            "kind: DeleteImageList\n"));
    QCOMPARE(QString::fromUtf8(DeleteImageListWriter::write(DeleteImageList())),
             QStringLiteral("apiVersion: mirror.openshift.io/v2alpha1\nitems: []\nkind: DeleteImageList\n"));
}

void tst_DeleteImageList::roundTrip_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("real fixture") << QStringLiteral(FERRY_FIXTURES_DIR "/oc-mirror-outputs/delete/delete-images.yaml");
    QTest::newRow("4.16") << dataPath("delete-images-4.16.yaml");
    QTest::newRow("4.17") << dataPath("delete-images-4.17.yaml");
}

void tst_DeleteImageList::roundTrip()
{
    QFETCH(QString, path);
    const DeleteImageListLoadResult first = DeleteImageListLoader::loadFile(path);
    QVERIFY(first.isValid());
    const QByteArray written = DeleteImageListWriter::write(*first.list);
    const DeleteImageListLoadResult second = DeleteImageListLoader::loadData(written, QStringLiteral("w.yaml"));
    QCOMPARE(errorStrings(second), QStringList());
    QCOMPARE(*second.list, *first.list);
    QCOMPARE(DeleteImageListWriter::write(*second.list), written);
}

QTEST_GUILESS_MAIN(tst_DeleteImageList)
#include "tst_deleteimagelist.moc"
