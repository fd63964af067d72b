#include "filterid.h"

#include "config/operatorcatalog.h"
#include "gojson.h"

#include <QCryptographicHash>

namespace {

void appendField(QByteArray &out, const char *name, const QByteArray &value)
{
    if (out.size() > 1)
        out += ',';
    out += '"';
    out += name;
    out += "\":";
    out += value;
}

QByteArray str(const QString &text)
{
    return GoJson::string(text, true);
}

QByteArray channelJson(const OperatorChannel &channel)
{
    QByteArray out = "{";
    appendField(out, "name", str(channel.name));
    if (!channel.minVersion.value_or(QString()).isEmpty())
        appendField(out, "minVersion", str(*channel.minVersion));
    if (!channel.maxVersion.value_or(QString()).isEmpty())
        appendField(out, "maxVersion", str(*channel.maxVersion));
    return out + '}';
}

QByteArray packageJson(const OperatorPackage &package)
{
    QByteArray out = "{";
    appendField(out, "name", str(package.name));
    if (!package.channels.isEmpty()) {
        QByteArray channels = "[";
        for (qsizetype i = 0; i < package.channels.size(); ++i) {
            if (i > 0)
                channels += ',';
            channels += channelJson(package.channels.at(i));
        }
        appendField(out, "channels", channels + ']');
    }
    if (!package.defaultChannel.value_or(QString()).isEmpty())
        appendField(out, "defaultChannel", str(*package.defaultChannel));
    if (!package.minVersion.value_or(QString()).isEmpty())
        appendField(out, "minVersion", str(*package.minVersion));
    if (!package.maxVersion.value_or(QString()).isEmpty())
        appendField(out, "maxVersion", str(*package.maxVersion));
    if (!package.bundles.isEmpty()) {
        QByteArray bundles = "[";
        for (qsizetype i = 0; i < package.bundles.size(); ++i) {
            if (i > 0)
                bundles += ',';
            QByteArray bundle = "{";
            appendField(bundle, "name", str(package.bundles.at(i).name));
            bundles += bundle + '}';
        }
        appendField(out, "bundles", bundles + ']');
    }
    return out + '}';
}

} // namespace

QString FilterId::pinnedCatalog(const QString &catalog, const QString &catalogDigest)
{
    if (catalog.startsWith(QLatin1String("oci://")))
        return catalog;
    QString name = catalog;
    if (name.startsWith(QLatin1String("docker://")))
        name.remove(0, int(qstrlen("docker://")));
    const qsizetype at = name.indexOf(QLatin1Char('@'));
    if (at >= 0)
        name.truncate(at);
    const qsizetype slash = name.lastIndexOf(QLatin1Char('/'));
    const qsizetype colon = name.lastIndexOf(QLatin1Char(':'));
    if (colon > slash)
        name.truncate(colon);
    const QString digest =
        catalogDigest.contains(QLatin1Char(':')) ? catalogDigest : QStringLiteral("sha256:") + catalogDigest;
    return name + QLatin1Char('@') + digest;
}

QByteArray FilterId::operatorJson(const OperatorCatalog &catalog, const QString &catalogDigest)
{
    QByteArray out = "{";
    if (!catalog.packages.isEmpty()) {
        QByteArray packages = "[";
        for (qsizetype i = 0; i < catalog.packages.size(); ++i) {
            if (i > 0)
                packages += ',';
            packages += packageJson(catalog.packages.at(i));
        }
        appendField(out, "packages", packages + ']');
    }
    appendField(out, "catalog", str(pinnedCatalog(catalog.catalog, catalogDigest)));
    if (catalog.full.value_or(false))
        appendField(out, "full", "true");
    if (catalog.skipDependencies.value_or(false))
        appendField(out, "skipDependencies", "true");
    if (!catalog.platforms.isEmpty()) {
        QByteArray platforms = "[";
        for (qsizetype i = 0; i < catalog.platforms.size(); ++i) {
            if (i > 0)
                platforms += ',';
            QByteArray platform = "{";
            appendField(platform, "os", str(catalog.platforms.at(i).os));
            appendField(platform, "architecture", str(catalog.platforms.at(i).architecture));
            platforms += platform + '}';
        }
        appendField(out, "platforms", platforms + ']');
    }
    return out + '}';
}

QString FilterId::compute(const OperatorCatalog &catalog, const QString &catalogDigest)
{
    const QByteArray hash = QCryptographicHash::hash(operatorJson(catalog, catalogDigest), QCryptographicHash::Md5);
    return QString::fromLatin1(hash.toHex().left(32));
}
