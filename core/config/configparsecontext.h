#pragma once

#include "configerror.h"
#include "configmark.h"
#include "configsourcemap.h"
#include "yamlfield.h"

#include <yaml-cpp/yaml.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// The strict reading rules shared by Ferry's YAML loaders, modelled on oc-mirror (YAML → strict map →
// JSON decode with unknown fields refused): duplicate keys, unknown fields and values of the wrong type are
// errors; field names match exactly or, like Go's encoding/json, ignoring case. A wrong field is reported
// and left unset, and reading goes on so that every error is collected.
class ConfigParseContext
{
public:
    explicit ConfigParseContext(const QString &fileName);

    static ConfigMark mark(const YAML::Node &node);
    static QString childPath(const QString &path, const QString &key);
    static QString itemPath(const QString &path, qsizetype index);

    void addError(ConfigMark mark, const QString &path, const QString &message);

    // The fields of `map` (which must be a map: reports an error and returns nothing otherwise; null is an
    // empty map). Unknown and duplicate keys are reported; the rest come back in document order.
    QList<YamlField> fields(const YAML::Node &map, const QString &path, ConfigMark mark, const QStringList &known,
                            Qt::CaseSensitivity sensitivity = Qt::CaseInsensitive);

    // Null reads as unset, like Go leaves a field it decodes null into.
    std::optional<QString> string(const YamlField &field);
    std::optional<bool> boolean(const YamlField &field);
    std::optional<qint64> integer(const YamlField &field);
    QStringList stringList(const YamlField &field);
    // Calls `read` for each item of a list field with the item's node, path and position.
    void forEachItem(const YamlField &field,
                     const std::function<void(const YAML::Node &, const QString &, ConfigMark)> &read);
    // True when the field is a map (or null); reports the error otherwise.
    bool isMap(const YamlField &field);

    QString fileName() const { return m_fileName; }
    QList<ConfigError> &errors() { return m_errors; }
    ConfigSourceMap &sourceMap() { return m_sourceMap; }

private:
    void wrongType(const YamlField &field, const QString &expected);

    QString m_fileName;
    QList<ConfigError> m_errors;
    ConfigSourceMap m_sourceMap;
};
