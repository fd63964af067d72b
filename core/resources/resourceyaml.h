#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>

#include <optional>

// Writes Kubernetes objects as block-style YAML with keys in alphabetical order (QJsonObject keeps them sorted),
// quoting every string a YAML 1.1 reader could take for something else (timestamps, numbers, booleans, null).
class ResourceYaml
{
public:
    static QByteArray toYaml(const QJsonObject &object);
    // Each object preceded by "---", as oc-mirror concatenates its mirror sets.
    static QByteArray toMultiDocument(const QList<QJsonObject> &objects);
    // Reads a single YAML mapping (a template written by an admin) as JSON; scalars stay strings except
    // plain true/false and integers, which Kubernetes would read the same way.
    static std::optional<QJsonObject> fromYaml(const QByteArray &yaml, QString *error);
};
