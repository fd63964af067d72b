#pragma once

// A position in a configuration file, 1-based; 0 means unknown (e.g. a configuration built in memory).
class ConfigMark
{
public:
    int line = 0;
    int column = 0;

    bool isValid() const { return line > 0; }
    bool operator==(const ConfigMark &) const = default;
};
