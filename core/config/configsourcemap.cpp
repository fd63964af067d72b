#include "configsourcemap.h"

void ConfigSourceMap::insert(const QString &path, ConfigMark keyMark, ConfigMark valueMark)
{
    m_keys.insert(path, keyMark.isValid() ? keyMark : valueMark);
    m_values.insert(path, valueMark.isValid() ? valueMark : keyMark);
}

ConfigMark ConfigSourceMap::valueMark(const QString &path) const
{
    return lookup(m_values, path);
}

ConfigMark ConfigSourceMap::keyMark(const QString &path) const
{
    return lookup(m_keys, path);
}

QString ConfigSourceMap::parentPath(const QString &path)
{
    if (path.endsWith(QLatin1Char(']'))) {
        const qsizetype bracket = path.lastIndexOf(QLatin1Char('['));
        return bracket > 0 ? path.left(bracket) : QString();
    }
    const qsizetype dot = path.lastIndexOf(QLatin1Char('.'));
    return dot > 0 ? path.left(dot) : QString();
}

ConfigMark ConfigSourceMap::lookup(const QHash<QString, ConfigMark> &marks, const QString &path) const
{
    // A field that was never written (a default, a missing required name) is reported at its parent.
    for (QString current = path; !current.isEmpty(); current = parentPath(current)) {
        const auto it = marks.constFind(current);
        if (it != marks.constEnd())
            return *it;
    }
    return marks.value(QString());
}
