#include "configerror.h"

#include <algorithm>
#include <tuple>

QString ConfigError::toString() const
{
    QString text = file;
    if (line > 0)
        text += QLatin1Char(':') + QString::number(line) + QLatin1Char(':') + QString::number(column);
    if (!text.isEmpty())
        text += QLatin1String(": ");
    if (!path.isEmpty())
        text += path + QLatin1String(": ");
    return text + message;
}

void ConfigError::sortByPosition(QList<ConfigError> &errors)
{
    std::stable_sort(errors.begin(), errors.end(), [](const ConfigError &a, const ConfigError &b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
}
