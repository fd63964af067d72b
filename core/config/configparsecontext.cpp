#include "configparsecontext.h"

#include "yamlscalar.h"

#include <QHash>

ConfigParseContext::ConfigParseContext(const QString &fileName)
    : m_fileName(fileName)
{
}

ConfigMark ConfigParseContext::mark(const YAML::Node &node)
{
    const YAML::Mark m = node.Mark();
    if (m.line < 0)
        return {};
    return {m.line + 1, m.column + 1};
}

QString ConfigParseContext::childPath(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString ConfigParseContext::itemPath(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

void ConfigParseContext::addError(ConfigMark mark, const QString &path, const QString &message)
{
    m_errors.append({m_fileName, mark.line, mark.column, path, message});
}

QList<YamlField> ConfigParseContext::fields(const YAML::Node &map, const QString &path, ConfigMark mapMark,
                                            const QStringList &known, Qt::CaseSensitivity sensitivity)
{
    QList<YamlField> result;
    if (!map.IsDefined() || map.IsNull())
        return result;
    if (!map.IsMap()) {
        addError(mapMark, path, QStringLiteral("expected a map, found ") + YamlScalar::describe(map));
        return result;
    }
    QHash<QString, int> seenAt; // canonical name → line of its first occurrence
    for (auto it = map.begin(); it != map.end(); ++it) {
        const YAML::Node key = it->first;
        const YAML::Node value = it->second;
        const ConfigMark keyMark = mark(key);
        if (!key.IsScalar()) {
            addError(keyMark, path, QStringLiteral("expected a field name, found ") + YamlScalar::describe(key));
            continue;
        }
        const QString keyText = QString::fromStdString(key.Scalar());
        // Go's encoding/json prefers an exact match and falls back to a case-insensitive one.
        QString canonical;
        if (known.contains(keyText))
            canonical = keyText;
        else if (sensitivity == Qt::CaseInsensitive) {
            for (const QString &candidate : known) {
                if (candidate.compare(keyText, Qt::CaseInsensitive) == 0) {
                    canonical = candidate;
                    break;
                }
            }
        }
        if (canonical.isEmpty()) {
            addError(keyMark, childPath(path, keyText),
                     QStringLiteral("unknown field \"") + keyText + QLatin1Char('"'));
            continue;
        }
        const QString fieldPath = childPath(path, canonical);
        if (seenAt.contains(canonical)) {
            addError(keyMark, fieldPath,
                     QStringLiteral("key \"") + keyText + QStringLiteral("\" already set in map (first at line ") +
                         QString::number(seenAt.value(canonical)) + QLatin1Char(')'));
            continue;
        }
        seenAt.insert(canonical, keyMark.line);
        // An empty value's node points past the key (often the next line): report such a field at its key.
        const ConfigMark valueMark = value.IsNull() ? keyMark : mark(value);
        m_sourceMap.insert(fieldPath, keyMark, valueMark);
        result.append({canonical, fieldPath, key, value, keyMark, valueMark});
    }
    return result;
}

std::optional<QString> ConfigParseContext::string(const YamlField &field)
{
    if (field.value.IsNull())
        return std::nullopt;
    if (field.value.IsScalar()) {
        const YamlScalar::Type type = YamlScalar::resolve(field.value);
        if (type == YamlScalar::Type::String)
            return QString::fromStdString(field.value.Scalar());
        addError(field.valueMark, field.path,
                 QStringLiteral("expected a string, found ") + YamlScalar::describe(field.value) +
                     QStringLiteral(" (quote it to make it a string)"));
        return std::nullopt;
    }
    wrongType(field, QStringLiteral("a string"));
    return std::nullopt;
}

std::optional<bool> ConfigParseContext::boolean(const YamlField &field)
{
    if (field.value.IsNull())
        return std::nullopt;
    if (field.value.IsScalar() && YamlScalar::resolve(field.value) == YamlScalar::Type::Bool) {
        if (const auto value = YamlScalar::toBool(QString::fromStdString(field.value.Scalar())))
            return value;
    }
    wrongType(field, QStringLiteral("a boolean (true or false)"));
    return std::nullopt;
}

std::optional<qint64> ConfigParseContext::integer(const YamlField &field)
{
    if (field.value.IsNull())
        return std::nullopt;
    if (field.value.IsScalar() && YamlScalar::resolve(field.value) == YamlScalar::Type::Int) {
        if (const auto value = YamlScalar::toInt(QString::fromStdString(field.value.Scalar())))
            return value;
    }
    wrongType(field, QStringLiteral("an integer"));
    return std::nullopt;
}

QStringList ConfigParseContext::stringList(const YamlField &field)
{
    QStringList result;
    forEachItem(field, [&](const YAML::Node &item, const QString &path, ConfigMark itemMark) {
        const YamlField itemField{QString(), path, YAML::Node(), item, itemMark, itemMark};
        if (item.IsNull()) {
            addError(itemMark, path, QStringLiteral("expected a string, found null"));
            return;
        }
        if (const auto value = string(itemField))
            result.append(*value);
    });
    return result;
}

void ConfigParseContext::forEachItem(const YamlField &field,
                                     const std::function<void(const YAML::Node &, const QString &, ConfigMark)> &read)
{
    if (field.value.IsNull())
        return;
    if (!field.value.IsSequence()) {
        wrongType(field, QStringLiteral("a list"));
        return;
    }
    qsizetype index = 0;
    for (const YAML::Node &item : field.value) {
        const QString path = itemPath(field.path, index++);
        ConfigMark itemMark = mark(item);
        if (!itemMark.isValid())
            itemMark = field.valueMark;
        m_sourceMap.insert(path, itemMark, itemMark);
        read(item, path, itemMark);
    }
}

bool ConfigParseContext::isMap(const YamlField &field)
{
    if (field.value.IsNull() || field.value.IsMap())
        return true;
    wrongType(field, QStringLiteral("a map"));
    return false;
}

void ConfigParseContext::wrongType(const YamlField &field, const QString &expected)
{
    addError(field.valueMark, field.path,
             QStringLiteral("expected ") + expected + QStringLiteral(", found ") + YamlScalar::describe(field.value));
}
