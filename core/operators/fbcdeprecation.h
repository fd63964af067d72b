#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>

// An olm.deprecations blob: messages for the package, some of its channels or some of its bundles.
class FbcDeprecation
{
public:
    class Entry
    {
    public:
        QString schema; // olm.package, olm.channel or olm.bundle
        QString name;   // empty for olm.package
        QString message;

        bool operator==(const Entry &) const = default;
    };

    QString package;
    QList<Entry> entries;
    QByteArray json;
    QString sourceFile;

    QJsonObject object() const { return QJsonDocument::fromJson(json).object(); }
};
