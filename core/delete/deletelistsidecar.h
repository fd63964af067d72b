#pragma once

#include <QHash>
#include <QString>

// Files Ferry keeps beside a delete-images.yaml, which itself stays in oc-mirror's format:
// - `<list>.digests`: each imageReference with the digest it had at generation, so that execution skips an item whose
//   tag moved since (the list was reviewed for the old image, not the new one);
// - `<list>.kept`: the destination references the workspace's ImageSetConfiguration still mirrors, with their origin,
//   protected again right before deleting.
// And in the working-dir, the ImageSetConfiguration of the last successful mirror run, the source of `.kept`.
// Lines are "<reference> <value>"; written atomically.
class DeleteListSidecar
{
public:
    static QString digestsFile(const QString &listFile);
    static QString keptFile(const QString &listFile);
    // <working-dir>/last-mirror-imageset-config.yaml
    static QString lastMirrorConfigurationFile(const QString &workingDirectory);

    static bool write(const QString &path, const QHash<QString, QString> &entries, QString *error = nullptr);
    // Empty when the file does not exist; malformed lines are reported in *error.
    static QHash<QString, QString> read(const QString &path, QString *error = nullptr);
};
