#pragma once

#include "configmark.h"

#include <yaml-cpp/yaml.h>

#include <QString>

// One key/value pair of a YAML map being read: the canonical field name it matched, its field path and both
// nodes (for positions).
class YamlField
{
public:
    QString name;
    QString path;
    YAML::Node key;
    YAML::Node value;
    ConfigMark keyMark;
    ConfigMark valueMark;
};
