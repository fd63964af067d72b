#pragma once

#include <QByteArray>
#include <QString>

// Writes workspace files so that readers (and a crash) only ever see the old or the new content, never a torn one.
class AtomicFileWriter
{
public:
    // Creates missing parent directories, writes to a temporary file beside the target and renames it into place.
    // On failure the target is left untouched and *error names the path and the reason.
    static bool write(const QString &path, const QByteArray &data, QString *error = nullptr);
};
