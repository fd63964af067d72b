#include "terminalconsole.h"

#include <QProcessEnvironment>

#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>

TerminalConsole::TerminalConsole(RunLog *log, QObject *parent)
    : QObject(parent)
    , m_log(log)
{
    m_clock.start();
    m_log->setConsoleEnabled(false);
    // Direct: the line is on the terminal before log() returns, in the order the threads logged.
    connect(m_log, &RunLog::lineWritten, this, &TerminalConsole::printLine, Qt::DirectConnection);
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &TerminalConsole::redraw);
}

TerminalConsole::~TerminalConsole()
{
    finish();
    disconnect(m_log, &RunLog::lineWritten, this, &TerminalConsole::printLine);
    m_log->setConsoleEnabled(true);
}

bool TerminalConsole::stdoutIsTerminal()
{
    const QString term = QProcessEnvironment::systemEnvironment().value(QStringLiteral("TERM"));
    return ::isatty(STDOUT_FILENO) == 1 && !term.isEmpty() && term != QLatin1String("dumb");
}

int TerminalConsole::terminalWidth()
{
    struct winsize size = {};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return size.ws_col;
    return 80;
}

void TerminalConsole::writeAll(int fd, const QByteArray &bytes)
{
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        written += n;
    }
}

void TerminalConsole::setPlan(const QList<MirrorPlanEntry> &entries)
{
    QMutexLocker locker(&m_mutex);
    m_view.setPlan(entries);
    m_active = true;
    m_dirty = true;
    m_timer.start();
    locker.unlock();
    redraw();
}

void TerminalConsole::update(const QList<ImageCopyProgress> &rows)
{
    QMutexLocker locker(&m_mutex);
    m_view.update(rows, m_clock.elapsed());
    m_dirty = true;
    if (m_active && m_view.total() > 0 && m_view.finished() == m_view.total()) {
        // Every image is done: the results summary follows as plain lines, without the display among them.
        locker.unlock();
        finish();
    }
}

void TerminalConsole::finish()
{
    m_timer.stop();
    QMutexLocker locker(&m_mutex);
    if (m_drawnLines > 0)
        writeAll(STDOUT_FILENO, erase());
    m_drawnLines = 0;
    m_active = false;
}

QByteArray TerminalConsole::erase() const
{
    if (m_drawnLines == 0)
        return {};
    // The cursor sits below the display: back to its first line, then clear to the end of the screen.
    return "\r\x1b[" + QByteArray::number(m_drawnLines) + "A\x1b[J";
}

QByteArray TerminalConsole::frame()
{
    // One column is left free so that no line ends in the last column, where terminals wrap differently.
    const QStringList lines = m_view.render(terminalWidth() - 1, m_clock.elapsed());
    QByteArray bytes;
    for (const QString &line : lines)
        bytes += line.toUtf8() + "\x1b[K\n";
    m_drawnLines = static_cast<int>(lines.size());
    m_lastDraw = m_clock.elapsed();
    m_dirty = false;
    return bytes;
}

void TerminalConsole::redraw()
{
    QMutexLocker locker(&m_mutex);
    if (!m_active)
        return;
    // Speed, time left and elapsed time move even when no image reports anything.
    if (!m_dirty && m_lastDraw >= 0 && m_clock.elapsed() - m_lastDraw < 1000)
        return;
    QByteArray bytes = erase();
    bytes += frame();
    writeAll(STDOUT_FILENO, bytes);
}

void TerminalConsole::printLine(RunLog::Level level, const QString &line)
{
    QMutexLocker locker(&m_mutex);
    const QByteArray text = line.toUtf8() + '\n';
    if (level == RunLog::Level::Error && ::isatty(STDERR_FILENO) != 1) {
        // stderr goes elsewhere: the display on the terminal stays as it is.
        writeAll(STDERR_FILENO, text);
        return;
    }
    const int fd = level == RunLog::Level::Error ? STDERR_FILENO : STDOUT_FILENO;
    writeAll(STDOUT_FILENO, erase());
    m_drawnLines = 0;
    writeAll(fd, text);
    // Within the ten-per-second budget the display comes back at once, otherwise at the next tick.
    m_dirty = true;
    if (m_active && m_clock.elapsed() - m_lastDraw >= 100)
        writeAll(STDOUT_FILENO, frame());
}
