#pragma once

#include "fbcchannelentry.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>

// An olm.channel blob.
class FbcChannel
{
public:
    QString package;
    QString name;
    QList<FbcChannelEntry> entries;
    QByteArray json;
    QString sourceFile;

    const FbcChannelEntry *entry(const QString &bundleName) const;
    QStringList entryNames() const;
    QJsonObject object() const { return QJsonDocument::fromJson(json).object(); }
};
