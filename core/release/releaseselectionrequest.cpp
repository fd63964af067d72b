#include "releaseselectionrequest.h"

#include "config/platformconfig.h"

QStringList ReleaseSelectionRequest::effectiveArchitectures() const
{
    return architectures.isEmpty() ? QStringList{QStringLiteral("amd64")} : architectures;
}

std::optional<ReleaseSelectionRequest> ReleaseSelectionRequest::fromPlatform(const PlatformConfig &platform,
                                                                             QString *error)
{
    ReleaseSelectionRequest request;
    request.release = platform.release.value_or(QString());
    request.architectures =
        platform.platforms.isEmpty() ? platform.architectures : QStringList{QStringLiteral("multi")};
    for (qsizetype i = 0; i < platform.channels.size(); ++i) {
        const ReleaseChannel &channel = platform.channels.at(i);
        ReleaseChannelFilter filter;
        filter.name = channel.name;
        filter.type = channel.isOkd() ? ReleaseChannelFilter::Type::Okd : ReleaseChannelFilter::Type::Ocp;
        filter.shortestPath = channel.isShortestPath();
        filter.full = channel.isFull();
        const auto read = [&](const std::optional<QString> &text, const char *field,
                              std::optional<SemanticVersion> &out) {
            if (!text)
                return true;
            QString reason;
            out = SemanticVersion::parseTolerant(*text, &reason);
            if (!out && error)
                *error = QStringLiteral("platform.channels[%1].%2: \"%3\" must respect semantic versioning notation "
                                        "(%4)")
                             .arg(i)
                             .arg(QLatin1String(field), *text, reason);
            return out.has_value();
        };
        if (!read(channel.minVersion, "minVersion", filter.minVersion) ||
            !read(channel.maxVersion, "maxVersion", filter.maxVersion))
            return std::nullopt;
        request.channels.append(filter);
    }
    return request;
}
