#pragma once

#include "copy/imagecopyprogress.h"
#include "plan/mirrorplanentry.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// The live display ferryctl draws on a terminal while images are copied: one line with the overall state (images
// done / total, bytes, speed, time left) and one line per image being copied, with its bytes. It only keeps state and
// renders text for a given width; drawing it on the terminal is TerminalConsole's job. Times are milliseconds since
// the start of the copy, given by the caller, so that the output is reproducible.
class TerminalProgressView
{
public:
    void setPlan(const QList<MirrorPlanEntry> &entries);
    void update(const QList<ImageCopyProgress> &rows, qint64 nowMs);
    // At most this many images being copied get a line of their own; the rest are counted on one line.
    void setMaxImageLines(int lines) { m_maxImageLines = lines; }

    // The display as lines, none wider than `width` terminal columns.
    QStringList render(int width, qint64 nowMs) const;

    int total() const { return static_cast<int>(m_rows.size()); }
    int finished() const;
    qint64 bytesDone() const;
    // Bytes per second over the last few seconds; -1 while unknown.
    double speed(qint64 nowMs) const;
    // Milliseconds left, from the bytes still to copy (estimated for images not started yet); -1 while unknown.
    qint64 remainingMs(qint64 nowMs) const;

    // Terminal columns a string takes: wide (CJK, emoji) characters count two, combining marks none.
    static int displayWidth(const QString &text);
    // Fits text into `width` columns: keeps the end (where an image's name and tag are) behind "…".
    static QString elideLeft(const QString &text, int width);
    // Keeps the beginning, followed by "…".
    static QString elideRight(const QString &text, int width);
    static QString formatBytes(qint64 bytes);
    static QString formatDuration(qint64 ms);

private:
    static int charWidth(char32_t codePoint);
    static QString printable(const QString &text);

    QList<MirrorPlanEntry> m_entries;
    QList<ImageCopyProgress> m_rows;
    QList<QPair<qint64, qint64>> m_samples; // (time, bytes done) of the last seconds, for the speed
    int m_maxImageLines = 8;
};
