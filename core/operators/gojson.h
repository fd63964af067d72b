#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <functional>

// JSON text the way Go's encoding/json writes it, so that Ferry's files and hashes match the ones made by Go tools
// (opm, oc-mirror): object keys in a given order (Go struct field order) instead of Qt's sorted order, Go's string
// escaping, integers without a fraction.
class GoJson
{
public:
    // Gives the key order of an object: the preferred keys first (those present), the rest sorted. `parentKey` is
    // the key under which the object sits ("" at the top, the array's key for array items).
    using KeyOrder = std::function<QStringList(const QString &parentKey, const QJsonObject &object)>;

    // indent < 0: compact (json.Marshal); otherwise that many spaces per level (json.Encoder.SetIndent).
    // escapeHtml: Go's default escaping of <, > and & as \u003c, \u003e, \u0026.
    static QByteArray serialize(const QJsonValue &value, int indent, bool escapeHtml, const KeyOrder &order = {});
    static QByteArray string(const QString &text, bool escapeHtml);
};
