#include "config/operatorcatalog.h"
#include "operators/filterid.h"

#include <QtTest>

namespace {
const QString Digest = QStringLiteral("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

OperatorCatalog sample()
{
    OperatorCatalog catalog;
    catalog.catalog = QStringLiteral("registry.redhat.io/redhat/redhat-operator-index:v4.18");
    OperatorPackage aws;
    aws.name = QStringLiteral("aws-load-balancer-operator");
    aws.defaultChannel = QStringLiteral("stable-v1");
    OperatorChannel channel;
    channel.name = QStringLiteral("stable-v1");
    channel.minVersion = QStringLiteral("1.0.0");
    aws.channels.append(channel);
    OperatorPackage odd;
    odd.name = QStringLiteral("a<b>&c");
    odd.minVersion = QStringLiteral("0.1.0");
    odd.maxVersion = QStringLiteral("0.2.0");
    catalog.packages = {aws, odd};
    return catalog;
}
} // namespace

class tst_FilterId : public QObject
{
    Q_OBJECT

private slots:
    void goJsonAndHash()
    {
        // Expected text and MD5 written out by hand from the Go struct layout (and checked with md5sum).
        const QByteArray expected =
            "{\"packages\":[{\"name\":\"aws-load-balancer-operator\",\"channels\":[{\"name\":\"stable-v1\","
            "\"minVersion\":\"1.0.0\"}],"
            "\"defaultChannel\":\"stable-v1\"},{\"name\":\"a\\u003cb\\u003e\\u0026c\",\"minVersion\":\"0.1.0\","
            "\"maxVersion\":\"0.2.0\"}],"
            "\"catalog\":\"registry.redhat.io/redhat/redhat-operator-index@sha256:0123456789abcdef0123456789abcdef"
            "0123456789abcdef0123456789abcdef\"}";
        QCOMPARE(FilterId::operatorJson(sample(), Digest), expected);
        QCOMPARE(FilterId::compute(sample(), Digest), QStringLiteral("98b902502570a71ea5335a925b7596d9"));
    }

    void fullCatalog()
    {
        OperatorCatalog catalog;
        catalog.catalog = QStringLiteral("docker://registry.redhat.io/redhat/redhat-operator-index@sha256:"
                                         "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");
        catalog.full = true;
        QCOMPARE(FilterId::compute(catalog, Digest), QStringLiteral("84863106a5c4b366521a018b1c7abc8b"));
    }

    void targetFieldsDoNotMatter()
    {
        OperatorCatalog other = sample();
        other.targetCatalog = QStringLiteral("mirror/index");
        other.targetTag = QStringLiteral("filtered");
        other.targetCatalogSourceTemplate = QStringLiteral("/tmp/template.yaml");
        other.catalog = QStringLiteral("registry.redhat.io/redhat/redhat-operator-index@") + Digest;
        QCOMPARE(FilterId::compute(other, Digest), FilterId::compute(sample(), Digest));
        // Bare hex digests are accepted too.
        QCOMPARE(FilterId::compute(other, Digest.mid(7)), FilterId::compute(sample(), Digest));
    }

    void filterChangesTheId()
    {
        const QString base = FilterId::compute(sample(), Digest);
        QCOMPARE(base.size(), 32);
        OperatorCatalog changed = sample();
        changed.packages[0].channels[0].minVersion = QStringLiteral("1.0.1");
        QVERIFY(FilterId::compute(changed, Digest) != base);
        OperatorCatalog full = sample();
        full.full = true;
        QVERIFY(FilterId::compute(full, Digest) != base);
        const QString otherDigest = QStringLiteral("sha256:") + QString(64, QLatin1Char('e'));
        QVERIFY(FilterId::compute(sample(), otherDigest) != base);
    }

    void pinning()
    {
        QCOMPARE(FilterId::pinnedCatalog(QStringLiteral("localhost:5000/ns/index:v1"), Digest),
                 QStringLiteral("localhost:5000/ns/index@") + Digest);
        QCOMPARE(FilterId::pinnedCatalog(QStringLiteral("oci:///srv/catalogs/index"), Digest),
                 QStringLiteral("oci:///srv/catalogs/index"));
    }
};

QTEST_GUILESS_MAIN(tst_FilterId)
#include "tst_filterid.moc"
