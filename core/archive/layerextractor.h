#pragma once

#include <QString>
#include <QStringList>

// Unpacks the files below one directory of an image (e.g. a catalog's /configs) from its layers, applied in order
// as a container runtime would: later layers replace files, ".wh.<name>" deletes a path and ".wh..wh..opq" empties
// a directory. Layers may be plain, gzip or zstd tars. Only regular files are written; paths leaving the target
// are refused.
class LayerExtractor
{
public:
    // prefix: the image path to take, without leading slash ("configs"); target receives its content.
    LayerExtractor(QString prefix, QString targetDirectory);

    bool extractLayer(const QString &layerPath, QString *error);
    QStringList files() const; // relative to the target, sorted

private:
    bool removeTarget(const QString &relative) const;
    QString m_prefix;
    QString m_target;
};
