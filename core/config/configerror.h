#pragma once

#include <QList>
#include <QString>

// One problem found in a configuration file: where (file, 1-based line and column, field path) and what.
class ConfigError
{
public:
    QString file;
    int line = 0;
    int column = 0;
    QString path; // `mirror.operators[1].packages[0].channels[2].minVersion`; empty for YAML syntax errors
    QString message;

    // `FILE:LINE:COL: path: message`; parts that are unknown (no file, no position, no path) are left out.
    QString toString() const;
    bool operator==(const ConfigError &) const = default;

    // Orders errors by position so that a report reads top to bottom.
    static void sortByPosition(QList<ConfigError> &errors);
};
