#include "helmindex.h"

#include "config/semanticversion.h"

#include <QFile>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

namespace {

class IndexError
{
public:
    QString message;
};

[[noreturn]] void fail(const QString &fileName, const YAML::Node &node, const QString &field, const QString &what)
{
    const int line = node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
    throw IndexError{fileName + QLatin1Char(':') + QString::number(line) + QStringLiteral(": ") + field +
                     QStringLiteral(": ") + what};
}

QString scalar(const QString &fileName, const YAML::Node &map, const char *key, const QString &field, bool required)
{
    const YAML::Node node = map[key];
    if (!node || node.IsNull()) {
        if (required)
            fail(fileName, map, field, QStringLiteral("missing, expected a string"));
        return {};
    }
    if (!node.IsScalar())
        fail(fileName, node, field, QStringLiteral("expected a string"));
    return QString::fromStdString(node.Scalar());
}

} // namespace

std::optional<HelmIndex> HelmIndex::parse(const QByteArray &yaml, const QString &fileName, QString *error)
{
    HelmIndex index;
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root.IsMap())
            fail(fileName, root, QStringLiteral("(document)"), QStringLiteral("expected a mapping with `entries`"));
        const YAML::Node entries = root["entries"];
        if (!entries || entries.IsNull())
            fail(fileName, root, QStringLiteral("entries"), QStringLiteral("missing, expected a mapping of charts"));
        if (!entries.IsMap())
            fail(fileName, entries, QStringLiteral("entries"), QStringLiteral("expected a mapping of charts"));
        for (const auto &chart : entries) {
            const QString name = QString::fromStdString(chart.first.as<std::string>());
            const YAML::Node list = chart.second;
            const QString prefix = QStringLiteral("entries.") + name;
            if (list.IsNull()) {
                index.m_entries.insert(name, {});
                continue;
            }
            if (!list.IsSequence())
                fail(fileName, list, prefix, QStringLiteral("expected a list of chart versions"));
            QList<ChartVersion> versions;
            for (std::size_t i = 0; i < list.size(); ++i) {
                const YAML::Node item = list[i];
                const QString field = prefix + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
                if (!item.IsMap())
                    fail(fileName, item, field, QStringLiteral("expected a mapping"));
                ChartVersion version;
                version.line = item.Mark().line + 1;
                version.name = scalar(fileName, item, "name", field + QStringLiteral(".name"), false);
                if (version.name.isEmpty())
                    version.name = name;
                version.version = scalar(fileName, item, "version", field + QStringLiteral(".version"), true);
                version.appVersion = scalar(fileName, item, "appVersion", field + QStringLiteral(".appVersion"), false);
                version.digest = scalar(fileName, item, "digest", field + QStringLiteral(".digest"), false);
                if (version.digest.startsWith(QLatin1String("sha256:")))
                    version.digest = version.digest.mid(7);
                static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
                if (!version.digest.isEmpty() && !hex.match(version.digest).hasMatch())
                    fail(fileName, item["digest"], field + QStringLiteral(".digest"),
                         QStringLiteral("expected 64 lower-case hex digits of a sha256"));
                const YAML::Node urls = item["urls"];
                if (!urls || !urls.IsSequence() || urls.size() == 0)
                    fail(fileName, urls ? urls : item, field + QStringLiteral(".urls"),
                         QStringLiteral("expected a non-empty list of chart URLs"));
                for (std::size_t u = 0; u < urls.size(); ++u) {
                    if (!urls[u].IsScalar() || urls[u].Scalar().empty())
                        fail(fileName, urls[u],
                             field + QStringLiteral(".urls[") + QString::number(u) + QLatin1Char(']'),
                             QStringLiteral("expected a URL string"));
                    version.urls.append(QString::fromStdString(urls[u].Scalar()));
                }
                versions.append(version);
            }
            index.m_entries.insert(name, versions);
        }
    } catch (const IndexError &e) {
        if (error)
            *error = e.message;
        return std::nullopt;
    } catch (const YAML::Exception &e) {
        if (error)
            *error = fileName + QLatin1Char(':') + QString::number(e.mark.line + 1) +
                     QStringLiteral(": not valid YAML: ") + QString::fromStdString(e.msg);
        return std::nullopt;
    }
    return index;
}

std::optional<HelmIndex> HelmIndex::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = path + QStringLiteral(": cannot read: ") + file.errorString();
        return std::nullopt;
    }
    return parse(file.readAll(), path, error);
}

std::optional<HelmIndex::ChartVersion> HelmIndex::latest(const QString &name) const
{
    std::optional<ChartVersion> best;
    std::optional<SemanticVersion> bestVersion;
    for (const ChartVersion &candidate : m_entries.value(name)) {
        const auto version = SemanticVersion::parseTolerant(candidate.version);
        if (!version)
            continue;
        // A stable version always beats a prerelease, whatever their precedence.
        const bool better = !bestVersion || (bestVersion->isPrerelease() && !version->isPrerelease()) ||
                            (bestVersion->isPrerelease() == version->isPrerelease() && *version > *bestVersion);
        if (better) {
            best = candidate;
            bestVersion = version;
        }
    }
    return best;
}

std::optional<HelmIndex::ChartVersion> HelmIndex::find(const QString &name, const QString &version) const
{
    const QList<ChartVersion> versions = m_entries.value(name);
    for (const ChartVersion &candidate : versions) {
        if (candidate.version == version)
            return candidate;
    }
    const auto wanted = SemanticVersion::parseTolerant(version);
    if (!wanted)
        return std::nullopt;
    for (const ChartVersion &candidate : versions) {
        const auto parsed = SemanticVersion::parseTolerant(candidate.version);
        if (parsed && *parsed == *wanted)
            return candidate;
    }
    return std::nullopt;
}

QUrl HelmIndex::resolveChartUrl(const QUrl &repositoryUrl, const QString &chartUrl)
{
    QUrl base = repositoryUrl;
    // Chart URLs are relative to the repository "directory", so the base must end with a slash.
    if (!base.path().endsWith(QLatin1Char('/')))
        base.setPath(base.path() + QLatin1Char('/'));
    return base.resolved(QUrl(chartUrl));
}
