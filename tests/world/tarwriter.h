#pragma once

#include <QByteArray>
#include <QString>

// Builds a tar archive in memory, with fixed ownership and timestamps so the same content always gives the same
// bytes (and so the same layer digest), and compresses it with gzip the way image layers are.
class TarWriter
{
public:
    TarWriter();
    ~TarWriter();
    TarWriter(const TarWriter &) = delete;
    TarWriter &operator=(const TarWriter &) = delete;

    void addDirectory(const QString &path);
    void addFile(const QString &path, const QByteArray &content, int mode = 0644);
    // Ends the archive; afterwards tar() and gzip() give the result.
    void finish();

    QByteArray tar() const { return m_tar; }
    // gzip with a zero timestamp and no file name: deterministic.
    QByteArray gzip() const;
    static QByteArray gzipBytes(const QByteArray &bytes);

private:
    struct archive *m_archive = nullptr;
    QByteArray m_tar;
};
