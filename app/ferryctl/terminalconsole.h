#pragma once

#include "terminalprogressview.h"

#include "workspace/runlog.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QTimer>

// Draws a TerminalProgressView at the bottom of the terminal, at most ten times a second, while the run log keeps
// printing its lines above it: each line erases the display, is written, and the display is drawn again. While it
// exists it owns the log's console output; the log file is untouched. Log lines may come from any thread.
class TerminalConsole : public QObject
{
    Q_OBJECT

public:
    explicit TerminalConsole(RunLog *log, QObject *parent = nullptr);
    ~TerminalConsole() override;

    // stdout is a terminal that understands cursor movement (not TERM=dumb).
    static bool stdoutIsTerminal();

    void setPlan(const QList<MirrorPlanEntry> &entries);
    void update(const QList<ImageCopyProgress> &rows);
    // Removes the display for good; later log lines print as plain lines.
    void finish();

private:
    void printLine(RunLog::Level level, const QString &line);
    void redraw();
    QByteArray frame();
    QByteArray erase() const;
    static int terminalWidth();
    static void writeAll(int fd, const QByteArray &bytes);

    RunLog *m_log;
    QMutex m_mutex;
    TerminalProgressView m_view;
    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_drawnLines = 0;
    bool m_active = false;
    bool m_dirty = false;
    qint64 m_lastDraw = -1;
};
