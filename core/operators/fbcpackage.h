#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

// An olm.package blob. `json` holds the object as it was read, so that writing it back loses nothing.
class FbcPackage
{
public:
    QString name;
    QString defaultChannel;
    QString description;
    QJsonObject icon; // {base64data, mediatype}; empty when absent
    QByteArray json;
    QString sourceFile;

    QJsonObject object() const { return QJsonDocument::fromJson(json).object(); }
};
