#pragma once

#include <QJsonValue>
#include <QString>

// How error messages name the JSON value they got instead of the expected one ("a string", "an array", …).
class JsonValueDescription
{
public:
    static QString of(const QJsonValue &value);
};
