#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace YAML {
class Node;
}

// The subset of Kubernetes JSONPath that image paths use: `{.spec.template.spec.containers[*].image}`, with
// optional braces and leading `$`, dotted field names, `['quoted.name']`, `[*]` (every item of a list or value of
// a mapping) and `[N]` list indexes. Filters, slices and recursive descent are refused at parse time.
class HelmJsonPath
{
public:
    static std::optional<HelmJsonPath> parse(const QString &expression, QString *error = nullptr);

    // The scalar values the path reaches in `document`; mappings and lists reached are ignored.
    QStringList evaluate(const YAML::Node &document) const;
    QString expression() const { return m_expression; }

private:
    struct Step
    {
        enum class Kind { Field, Wildcard, Index } kind = Kind::Field;
        QString field;
        int index = 0;
    };
    QString m_expression;
    QList<Step> m_steps;
};
