#pragma once

#include <QString>

#include <optional>

namespace YAML {
class Node;
}

// How a YAML scalar resolves, following the YAML 1.1 rules of go-yaml v2 that oc-mirror parses with (so
// `yes` is a boolean and `4.18` a float, but `4.18.1` a string), and how a string must be written so that
// it reads back as the same string.
class YamlScalar
{
public:
    enum class Type { Null, Bool, Int, Float, String };

    static Type resolve(const YAML::Node &node);
    static Type resolvePlain(const QString &text);
    static std::optional<bool> toBool(const QString &text);
    static std::optional<qint64> toInt(const QString &text);

    // "a map", "a list", "the float 4.18", "the string \"x\"", "null": for "expected …, found …" messages.
    static QString describe(const YAML::Node &node);

    // `text` as a YAML scalar: plain when that reads back as the same string, otherwise quoted.
    static QString quoted(const QString &text);
};
