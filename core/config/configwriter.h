#pragma once

#include "deleteimagesetconfiguration.h"
#include "imagesetconfiguration.h"

#include <QByteArray>
#include <QString>

// Writes a configuration as oc-mirror writes these objects (its YAML library sorts keys alphabetically, lists
// sit at their key's indentation): field names as in the v2alpha1 types, optional fields only when set, empty
// lists left out. Reading the result back gives an equal object, and writing that again gives the same bytes.
class ConfigWriter
{
public:
    static QByteArray write(const ImageSetConfiguration &config);
    static QByteArray write(const DeleteImageSetConfiguration &config);

    // Replaces `path` atomically (QSaveFile). False with *error set on failure.
    static bool writeFile(const QString &path, const QByteArray &data, QString *error = nullptr);
};
