#include "releasesignatureconfigmap.h"

#include "clusterresourcemetadata.h"

ReleaseSignatureConfigMap::ReleaseSignatureConfigMap(Options options)
    : m_options(std::move(options))
{
}

void ReleaseSignatureConfigMap::addSignature(const QString &digest, const QByteArray &signature)
{
    const QString hex = digest.section(QLatin1Char(':'), -1);
    QList<QByteArray> &signatures = m_signatures[hex];
    if (!signatures.contains(signature))
        signatures.append(signature);
}

QJsonObject ReleaseSignatureConfigMap::toJsonObject() const
{
    QJsonObject binaryData;
    for (auto it = m_signatures.constBegin(); it != m_signatures.constEnd(); ++it) {
        for (qsizetype i = 0; i < it->size(); ++i) {
            binaryData.insert(QStringLiteral("sha256-%1-%2").arg(it.key()).arg(i + 1),
                              QString::fromLatin1(it->at(i).toBase64()));
        }
    }
    QJsonObject metadata = ClusterResourceMetadata::metadata(
        QStringLiteral("mirrored-release-signatures"), QStringLiteral("openshift-config-managed"), m_options.createdBy,
        m_options.version, m_options.createdAt);
    metadata.insert(QStringLiteral("labels"),
                    QJsonObject{{QStringLiteral("release.openshift.io/verification-signatures"), QString()}});
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                       {QStringLiteral("metadata"), metadata},
                       {QStringLiteral("binaryData"), binaryData}};
}
