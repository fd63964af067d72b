#pragma once

#include "digest.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// An OCI content descriptor: what a manifest says about a blob or a child manifest.
class Descriptor
{
public:
    struct Platform
    {
        QString architecture;
        QString os;
        QString variant;
        QString osVersion;
        QStringList osFeatures;

        // "linux/amd64", "linux/arm64/v8"
        QString toString() const;
        friend bool operator==(const Platform &, const Platform &) = default;
    };

    Descriptor() = default;
    Descriptor(const QString &mediaType, const Digest &digest, qint64 size)
        : m_mediaType(mediaType)
        , m_digest(digest)
        , m_size(size)
    {
    }

    // Parses a descriptor object; field names the JSON path used in error messages ("layers[2]").
    static std::optional<Descriptor> fromJson(const QJsonObject &object, const QString &field, QString *error);

    QString mediaType() const { return m_mediaType; }
    Digest digest() const { return m_digest; }
    qint64 size() const { return m_size; }
    std::optional<Platform> platform() const { return m_platform; }
    QMap<QString, QString> annotations() const { return m_annotations; }
    QStringList urls() const { return m_urls; }
    QString artifactType() const { return m_artifactType; }

    void setMediaType(const QString &mediaType) { m_mediaType = mediaType; }
    void setDigest(const Digest &digest) { m_digest = digest; }
    void setSize(qint64 size) { m_size = size; }
    void setPlatform(const std::optional<Platform> &platform) { m_platform = platform; }

private:
    QString m_mediaType;
    Digest m_digest;
    qint64 m_size = -1;
    std::optional<Platform> m_platform;
    QMap<QString, QString> m_annotations;
    QStringList m_urls;
    QString m_artifactType;
};
