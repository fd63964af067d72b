#pragma once

#include "fbcrelatedimage.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>

// An olm.bundle blob. Only what filtering and collection need is extracted; the properties (olm.gvk,
// olm.bundle.object, olm.csv.metadata, …) stay in `json`, which can be large.
class FbcBundle
{
public:
    QString package;
    QString name;
    QString image;
    QString version; // from the olm.package property; bundle names cannot be parsed into versions
    QList<FbcRelatedImage> relatedImages;
    QByteArray json;
    QString sourceFile;

    QJsonObject object() const { return QJsonDocument::fromJson(json).object(); }
    QJsonArray properties() const { return object().value(QLatin1String("properties")).toArray(); }
};
