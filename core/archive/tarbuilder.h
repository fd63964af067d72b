#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

// A tar archive built in memory whose bytes depend on its content only: every entry is owned by 0:0, carries the
// same modification time, directories are 0755 and files 0644, pax restricted format. Image layers Ferry builds
// itself (rebuilt catalogs, the graph-data image) use it, so that the same content always gives the same digests.
class TarBuilder
{
public:
    explicit TarBuilder(qint64 modificationTime = 0);
    ~TarBuilder();
    TarBuilder(const TarBuilder &) = delete;
    TarBuilder &operator=(const TarBuilder &) = delete;

    // Entries are written in the order they are added. A directory path is written with a trailing slash.
    bool addDirectory(const QString &path);
    bool addFile(const QString &path, const QByteArray &content);
    // A whole tree under `root` ("var/lib/x"): root and its parents first, then every file (path relative to root →
    // content) and every extra, possibly empty, directory in sorted path order, each preceded by those of its parent
    // directories not written yet.
    bool addTree(const QString &root, const QMap<QString, QByteArray> &files, const QStringList &directories = {});

    // Closes the archive; nullopt with *error on any failure since construction.
    std::optional<QByteArray> finish(QString *error = nullptr);

    // gzip without a timestamp or file name, so the output depends on the input only.
    static QByteArray gzip(const QByteArray &data, QString *error = nullptr);

private:
    class Writer;
    std::unique_ptr<Writer> m_writer;
};
