#include "manifest.h"

#include "mediatypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

std::optional<Manifest> Manifest::parse(const QByteArray &bytes, const QString &mediaType, QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<Manifest> {
        if (error)
            *error = QStringLiteral("invalid manifest: ") + why;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("JSON error at offset %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    if (!document.isObject())
        return fail(QStringLiteral("expected a JSON object"));
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("schemaVersion")).toInt() != 2)
        return fail(QStringLiteral("\"schemaVersion\" must be 2 (schema 1 manifests are not supported)"));

    // Content-Type parameters ("; charset=utf-8") are not part of the media type.
    QString type = mediaType.section(QLatin1Char(';'), 0, 0).trimmed();
    const QString declared = root.value(QLatin1String("mediaType")).toString();
    if (type.isEmpty() || type == QLatin1String("application/json") ||
        type == QLatin1String("application/octet-stream"))
        type = declared;
    if (!declared.isEmpty() && declared != type)
        return fail(QStringLiteral("\"mediaType\" is \"%1\" but the content type is \"%2\"").arg(declared, type));
    if (type.isEmpty()) {
        // OCI allows omitting mediaType; the shape tells the kind.
        type = root.contains(QLatin1String("manifests")) ? QString(MediaTypes::OciIndex)
                                                         : QString(MediaTypes::OciManifest);
    }
    if (!MediaTypes::isManifest(type))
        return fail(QStringLiteral("unsupported media type \"%1\"").arg(type));

    Manifest manifest;
    manifest.m_bytes = bytes;
    manifest.m_mediaType = type;
    manifest.m_digest = Digest::sha256(bytes);
    manifest.m_isIndex = MediaTypes::isIndex(type);
    manifest.m_artifactType = root.value(QLatin1String("artifactType")).toString();

    QString descriptorError;
    auto readList = [&](const QString &field, QList<Descriptor> *out) -> bool {
        const QJsonValue value = root.value(field);
        if (!value.isArray()) {
            descriptorError = QStringLiteral("\"%1\" must be an array").arg(field);
            return false;
        }
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const auto descriptor = Descriptor::fromJson(array.at(i).toObject(),
                                                         QStringLiteral("%1[%2]").arg(field).arg(i), &descriptorError);
            if (!descriptor)
                return false;
            out->append(*descriptor);
        }
        return true;
    };

    if (manifest.m_isIndex) {
        if (!readList(QStringLiteral("manifests"), &manifest.m_manifests))
            return fail(descriptorError);
    } else {
        const auto config = Descriptor::fromJson(root.value(QLatin1String("config")).toObject(),
                                                 QStringLiteral("config"), &descriptorError);
        if (!config)
            return fail(descriptorError);
        manifest.m_config = *config;
        if (!readList(QStringLiteral("layers"), &manifest.m_layers))
            return fail(descriptorError);
    }
    if (root.contains(QLatin1String("subject"))) {
        const auto subject = Descriptor::fromJson(root.value(QLatin1String("subject")).toObject(),
                                                  QStringLiteral("subject"), &descriptorError);
        if (!subject)
            return fail(descriptorError);
        manifest.m_subject = subject;
    }
    return manifest;
}

QList<Descriptor> Manifest::blobs() const
{
    if (m_isIndex)
        return {};
    QList<Descriptor> all{m_config};
    all.append(m_layers);
    return all;
}
