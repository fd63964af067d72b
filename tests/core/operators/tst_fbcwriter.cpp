#include "operators/catalogfilter.h"
#include "operators/fbcloader.h"
#include "operators/fbcwriter.h"

#include <QTemporaryDir>
#include <QtTest>

namespace {
// Test literals as QString (the build forbids implicit conversions from const char *).
[[maybe_unused]] QString S(const char *text)
{
    return QString::fromUtf8(text);
}
} // namespace

class tst_FbcWriter : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("dir");
        const QString fbc = QStringLiteral(FERRY_FIXTURES_DIR "/fbc/");
        QTest::newRow("community v4.18") << fbc + S("community-operators-prod/v4.18");
        QTest::newRow("redhat") << fbc + S("redhat-operator-index");
        QTest::newRow("opm latest") << fbc + S("operator-registry-diff-testdata/latest");
        QTest::newRow("deprecations and other schemas") << QStringLiteral(FERRY_TEST_DATA_DIR "/operators/continuity");
        QTest::newRow("json stream and yaml") << QStringLiteral(FERRY_TEST_DATA_DIR "/operators/stream");
    }

    void roundTrip()
    {
        QFETCH(QString, dir);
        QString error;
        const auto original = FbcLoader::load(dir, &error);
        QVERIFY2(original, qUtf8Printable(error));
        QTemporaryDir out;
        QVERIFY(FbcWriter::write(*original, out.path(), &error));
        const auto reread = FbcLoader::load(out.path(), &error);
        QVERIFY2(reread, qUtf8Printable(error));
        QString difference;
        QVERIFY2(reread->hasSameContent(*original, &difference), qUtf8Printable(difference));
        // Writing what was read back gives the same bytes.
        QCOMPARE(FbcWriter::render(*reread), FbcWriter::render(*original));
    }

    void layoutAndFormat()
    {
        const auto catalog = FbcLoader::load(QStringLiteral(FERRY_TEST_DATA_DIR "/operators/continuity"));
        QVERIFY(catalog);
        const QMap<QString, QByteArray> files = FbcWriter::render(*catalog);
        QCOMPARE(files.keys(), (QStringList{S("__global/catalog.json"), S("chain/catalog.json")}));
        const QByteArray chain = files.value(QStringLiteral("chain/catalog.json"));
        // opm's field order, four-space indentation, no HTML escaping.
        QVERIFY(
            chain.startsWith("{\n    \"schema\": \"olm.package\",\n    \"name\": \"chain\",\n    \"defaultChannel\": "
                             "\"stable\",\n    \"description\": \"Chain <test> & friends\"\n}\n{\n    \"schema\": "
                             "\"olm.channel\",\n    \"name\": \"fast\",\n"));
        // Order inside the file: package, channels by name, bundles by name, other schemas, deprecations.
        const qsizetype fast = chain.indexOf("\"name\": \"fast\"");
        const qsizetype stable = chain.indexOf("\"name\": \"stable\"");
        const qsizetype legacy = chain.indexOf("\"name\": \"chain.legacy\",\n    \"package\"");
        const qsizetype v010 = chain.indexOf("\"name\": \"chain.v0.1.0\",\n    \"package\"");
        const qsizetype custom = chain.indexOf("\"schema\": \"example.custom\"");
        const qsizetype deprecations = chain.indexOf("\"schema\": \"olm.deprecations\"");
        QVERIFY(fast > 0 && fast < stable && stable < legacy && legacy < v010 && v010 < custom &&
                custom < deprecations);
        QVERIFY(
            chain.contains("{\n            \"name\": \"chain.v1.0.0\",\n            \"replaces\": \"chain.v0.1.0\"\n"));
        QVERIFY(chain.endsWith("}\n"));
    }

    void filteredCatalogIsWritten()
    {
        const auto catalog =
            FbcLoader::load(QStringLiteral(FERRY_FIXTURES_DIR "/fbc/community-operators-prod/v4.18/infinispan"));
        QVERIFY(catalog);
        const CatalogFilterResult result = CatalogFilter::filter(*catalog, {});
        QVERIFY(result.isOk());
        QTemporaryDir out;
        QVERIFY(FbcWriter::write(result.catalog, out.path()));
        const auto reread = FbcLoader::load(out.path());
        QVERIFY(reread);
        QCOMPARE(reread->bundles().size(), 4);
        QVERIFY(reread->hasSameContent(result.catalog));
        QVERIFY(QFile::exists(out.filePath(QStringLiteral("infinispan/catalog.json"))));
    }
};

QTEST_GUILESS_MAIN(tst_FbcWriter)
#include "tst_fbcwriter.moc"
