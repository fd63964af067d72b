#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// A Helm repository's index.yaml: `entries` maps each chart name to the versions the repository serves.
class HelmIndex
{
public:
    struct ChartVersion
    {
        QString name;
        QString version;
        QString appVersion;
        QStringList urls; // as written: relative to the repository URL or absolute
        QString digest;   // hex sha256 of the .tgz without prefix; empty when the index gives none
        int line = 0;     // 1-based line of the entry in index.yaml, for messages
    };

    // fileName only labels error messages ("<fileName>:<line>: <field>: <what was expected>").
    static std::optional<HelmIndex> parse(const QByteArray &yaml, const QString &fileName, QString *error = nullptr);
    static std::optional<HelmIndex> load(const QString &path, QString *error = nullptr);

    QStringList chartNames() const { return m_entries.keys(); }
    // Versions of one chart in index order; empty when the chart is unknown.
    QList<ChartVersion> versions(const QString &name) const { return m_entries.value(name); }
    // The highest version by SemVer precedence. Helm skips prereleases unless asked for one, so a prerelease is
    // only chosen when the chart has nothing else; versions that are not SemVer are never chosen.
    std::optional<ChartVersion> latest(const QString &name) const;
    // Exact match on the version string, else on SemVer equality ("v1.2" finds "1.2.0").
    std::optional<ChartVersion> find(const QString &name, const QString &version) const;

    // Where a chart URL of the index points, given the repository URL the index came from.
    static QUrl resolveChartUrl(const QUrl &repositoryUrl, const QString &chartUrl);

private:
    QMap<QString, QList<ChartVersion>> m_entries;
};
