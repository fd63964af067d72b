#pragma once

#include "configmark.h"

#include <QHash>
#include <QString>

// Where each field of a parsed configuration came from, keyed by its field path
// (`mirror.operators[1].packages[0].name`). Kept beside the configuration, not inside it, so that two
// configurations compare equal whatever their layout.
class ConfigSourceMap
{
public:
    void insert(const QString &path, ConfigMark keyMark, ConfigMark valueMark);

    // The value's position; falls back to the key, then to the nearest enclosing path that is known.
    ConfigMark valueMark(const QString &path) const;
    // The key's position (`minVersion:`), or the value's for list items, with the same fallback.
    ConfigMark keyMark(const QString &path) const;
    bool contains(const QString &path) const { return m_values.contains(path); }
    bool isEmpty() const { return m_values.isEmpty(); }

    static QString parentPath(const QString &path);

private:
    ConfigMark lookup(const QHash<QString, ConfigMark> &marks, const QString &path) const;

    QHash<QString, ConfigMark> m_keys;
    QHash<QString, ConfigMark> m_values;
};
