#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

// A blob of a schema Ferry does not interpret; kept verbatim.
class FbcMeta
{
public:
    QString schema;
    QString package;
    QString name;
    QByteArray json;
    QString sourceFile;

    QJsonObject object() const { return QJsonDocument::fromJson(json).object(); }
};
