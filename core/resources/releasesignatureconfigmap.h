#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>

// The ConfigMap that lets a disconnected cluster verify mirrored release payloads: one binaryData entry per
// signature, keyed "sha256-<hex>-<n>" with n counting the signatures of that digest from 1, which is the key
// form the cluster-version operator looks up.
class ReleaseSignatureConfigMap
{
public:
    struct Options
    {
        QString createdBy = QStringLiteral("Ferry");
        QString version;
        QDateTime createdAt;
    };

    explicit ReleaseSignatureConfigMap(Options options);

    // digest is "sha256:<hex>"; the same signature bytes added twice are kept once.
    void addSignature(const QString &digest, const QByteArray &signature);
    bool isEmpty() const { return m_signatures.isEmpty(); }
    QJsonObject toJsonObject() const;

private:
    Options m_options;
    QMap<QString, QList<QByteArray>> m_signatures; // hex → signatures in the order added
};
