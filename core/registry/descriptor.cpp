#include "descriptor.h"

#include <QJsonArray>

QString Descriptor::Platform::toString() const
{
    QString text = os + QLatin1Char('/') + architecture;
    if (!variant.isEmpty())
        text += QLatin1Char('/') + variant;
    return text;
}

std::optional<Descriptor> Descriptor::fromJson(const QJsonObject &object, const QString &field, QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<Descriptor> {
        if (error)
            *error = QStringLiteral("%1: %2").arg(field, why);
        return std::nullopt;
    };
    Descriptor descriptor;
    const QJsonValue mediaType = object.value(QLatin1String("mediaType"));
    if (!mediaType.isString())
        return fail(QStringLiteral("\"mediaType\" must be a string"));
    descriptor.m_mediaType = mediaType.toString();

    QString digestError;
    const std::optional<Digest> digest = Digest::parse(object.value(QLatin1String("digest")).toString(), &digestError);
    if (!digest)
        return fail(QStringLiteral("\"digest\": ") + digestError);
    descriptor.m_digest = *digest;

    const QJsonValue size = object.value(QLatin1String("size"));
    if (!size.isDouble() || size.toDouble() < 0 || size.toDouble() != double(qint64(size.toDouble())))
        return fail(QStringLiteral("\"size\" must be a non-negative integer"));
    descriptor.m_size = qint64(size.toDouble());

    if (object.contains(QLatin1String("platform"))) {
        const QJsonObject platform = object.value(QLatin1String("platform")).toObject();
        Platform p;
        p.architecture = platform.value(QLatin1String("architecture")).toString();
        p.os = platform.value(QLatin1String("os")).toString();
        p.variant = platform.value(QLatin1String("variant")).toString();
        p.osVersion = platform.value(QLatin1String("os.version")).toString();
        for (const QJsonValue &feature : platform.value(QLatin1String("os.features")).toArray())
            p.osFeatures.append(feature.toString());
        if (p.architecture.isEmpty() || p.os.isEmpty())
            return fail(QStringLiteral("\"platform\" needs \"architecture\" and \"os\""));
        descriptor.m_platform = p;
    }
    const QJsonObject annotations = object.value(QLatin1String("annotations")).toObject();
    for (auto it = annotations.begin(); it != annotations.end(); ++it)
        descriptor.m_annotations.insert(it.key(), it.value().toString());
    for (const QJsonValue &url : object.value(QLatin1String("urls")).toArray())
        descriptor.m_urls.append(url.toString());
    descriptor.m_artifactType = object.value(QLatin1String("artifactType")).toString();
    return descriptor;
}
