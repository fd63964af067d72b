#pragma once

#include "plan/mirrorplanentry.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QStringList>

// Builds the ImageDigestMirrorSet and ImageTagMirrorSet objects a cluster needs to pull mirrored images,
// one object per category (release, operator, generic), from the images that were really copied.
// Unlike oc-mirror, sources and mirrors are sorted so the files diff cleanly between runs.
class ImageMirrorSetBuilder
{
public:
    struct Rule
    {
        QString source;
        QStringList mirrors;
    };

    struct Options
    {
        bool forceRepositoryScope = false; // --max-nested-paths rewrites paths, so namespaces no longer line up
        QString createdBy = QStringLiteral("Ferry");
        QString version;
        QDateTime createdAt;
    };

    explicit ImageMirrorSetBuilder(Options options);

    // Returns false (and leaves the builder unchanged) for an entry whose references do not parse.
    bool add(const MirrorPlanEntry &copied, QString *error = nullptr);

    // category name ("release", "operator", "generic") → rules sorted by source
    QMap<QString, QList<Rule>> digestRules() const { return sorted(m_digest); }
    QMap<QString, QList<Rule>> tagRules() const { return sorted(m_tag); }

    QList<QJsonObject> digestMirrorSets() const;
    QList<QJsonObject> tagMirrorSets() const;

    // The source → mirror pair for one origin and destination: namespace scope when the destination path ends
    // with the source path, otherwise whole repositories.
    static Rule scopedRule(const QString &originRepository, const QString &destinationRepository,
                           bool forceRepositoryScope);

private:
    using RuleMap = QMap<QString, QMap<QString, QStringList>>; // category → source → mirrors (insertion order)
    static QMap<QString, QList<Rule>> sorted(const RuleMap &map);
    QList<QJsonObject> objects(const RuleMap &map, const QString &kind, const QString &prefix,
                               const QString &listKey) const;
    static void insert(RuleMap &map, const QString &category, const Rule &rule);

    Options m_options;
    RuleMap m_digest;
    RuleMap m_tag;
};
