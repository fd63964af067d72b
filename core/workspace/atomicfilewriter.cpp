#include "atomicfilewriter.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

bool AtomicFileWriter::write(const QString &path, const QByteArray &data, QString *error)
{
    const auto fail = [&](const QString &reason) {
        if (error)
            *error = QStringLiteral("cannot write \"%1\": %2").arg(path, reason);
        return false;
    };
    if (path.isEmpty())
        return fail(QStringLiteral("empty file name"));
    const QFileInfo info(path);
    if (info.isDir())
        return fail(QStringLiteral("a directory has this name"));
    const QString parent = info.absolutePath();
    if (!QDir().mkpath(parent))
        return fail(QStringLiteral("cannot create directory \"%1\"").arg(parent));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    if (file.write(data) != data.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return fail(reason);
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}
