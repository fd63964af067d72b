#pragma once

#include "fbcloadresult.h"
#include "filebasedcatalog.h"

#include <QByteArray>
#include <QFuture>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QThreadPool;

// Reads a file-based catalog directory as opm does: every *.json (a stream of concatenated objects) and
// *.yaml/*.yml (multi-document) file below it, recursively, skipping what .indexignore files exclude.
// Errors name the file, the line and what was expected.
class FbcLoader
{
public:
    static std::optional<FileBasedCatalog> load(const QString &directory, QString *error = nullptr);
    // Loads on a worker thread; progress is counted in files and the load stops early when the future is
    // cancelled (the result then carries the error "cancelled").
    static QFuture<FbcLoadResult> loadAsync(const QString &directory, QThreadPool *pool = nullptr);

    // The catalog files below directory in the order they are read (sorted paths, .indexignore applied).
    static QStringList catalogFiles(const QString &directory, QString *error = nullptr);
    // Parses one file's content into catalog. `fileName` is used in errors only; yaml selects the YAML reader.
    static bool loadData(const QByteArray &data, bool yaml, const QString &fileName, FileBasedCatalog &catalog,
                         QString *error);
    static bool loadFile(const QString &path, FileBasedCatalog &catalog, QString *error);

    // Splits a JSON stream into the byte ranges of its top-level objects. On malformed input returns false with
    // *error naming the line. Exposed for the loader's benchmark baseline.
    static bool splitJsonStream(const QByteArray &data, const std::function<bool(qsizetype, qsizetype, int)> &onObject,
                                QString *error);

private:
    static FbcLoadResult loadInto(const QString &directory, const std::function<bool(int, int)> &progress);
};
