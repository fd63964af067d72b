#pragma once

#include "filebasedcatalog.h"

#include <QByteArray>
#include <QMap>
#include <QString>

// Writes a catalog in opm's WriteFS layout: one `<package>/catalog.json` per package holding, in this order, the
// olm.package blob, its channels (by name), its bundles (by name), its other-schema blobs (by schema, name) and its
// olm.deprecations; blobs without a package go to `__global/catalog.json`. Each blob is JSON indented by four
// spaces with opm's field order and no HTML escaping, followed by a newline, so identical catalogs give identical
// bytes.
class FbcWriter
{
public:
    // Relative path → file content.
    static QMap<QString, QByteArray> render(const FileBasedCatalog &catalog);
    // Writes render()'s files below directory (created if needed), each atomically.
    static bool write(const FileBasedCatalog &catalog, const QString &directory, QString *error = nullptr);
    static QByteArray blobJson(const QJsonObject &blob);
};
