#pragma once

#include <QDateTime>
#include <QFile>
#include <QMutex>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class WorkingDirectory;
class QIODevice;

// The run log in oc-mirror's line format ("2025/01/31 12:00:00  [INFO]   : message"), written to the console and to
// working-dir/logs/oc-mirror-<YYYYMMDD_HHMMSS>.log. Every message is scrubbed of credentials first. Safe to call
// from any thread; lineWritten lets a window show the same lines.
class RunLog : public QObject
{
    Q_OBJECT

public:
    // Ordered by verbosity: a threshold shows its own level and every level before it.
    enum class Level { Error, Warn, Info, Debug, Trace };
    Q_ENUM(Level)

    explicit RunLog(QObject *parent = nullptr);
    ~RunLog() override;

    // The --log-level spellings: error, info, debug, trace.
    static std::optional<Level> parseLevel(const QString &name);
    static QStringList levelNames();
    static QString levelName(Level level);
    static QString formatLine(const QDateTime &time, Level level, const QString &message);
    // oc-mirror-<YYYYMMDD_HHMMSS>.log
    static QString fileNameFor(const QDateTime &start);

    void setLevel(Level level);
    Level level() const;
    bool isEnabled(Level level) const;

    // Errors go to the error device, everything else to the output device; nullptr means stdout / stderr.
    void setConsoleDevices(QIODevice *output, QIODevice *error);
    void setConsoleEnabled(bool enabled);
    // Tests pin the time.
    void setClock(std::function<QDateTime()> clock);

    // Appends to the file (a log is streamed, so it is the one workspace file not written atomically).
    bool openFile(const QString &path, QString *error = nullptr);
    bool openInWorkingDirectory(const WorkingDirectory &directory, const QDateTime &start, QString *error = nullptr);
    QString filePath() const;
    void closeFile();

    void log(Level level, const QString &message);
    void error(const QString &message) { log(Level::Error, message); }
    void warn(const QString &message) { log(Level::Warn, message); }
    void info(const QString &message) { log(Level::Info, message); }
    void debug(const QString &message) { log(Level::Debug, message); }
    void trace(const QString &message) { log(Level::Trace, message); }

signals:
    void lineWritten(RunLog::Level level, const QString &line);

private:
    mutable QMutex m_mutex;
    Level m_level = Level::Info;
    bool m_consoleEnabled = true;
    QIODevice *m_output = nullptr;
    QIODevice *m_errorOutput = nullptr;
    std::unique_ptr<QFile> m_stdout;
    std::unique_ptr<QFile> m_stderr;
    std::unique_ptr<QFile> m_file;
    std::function<QDateTime()> m_clock;
};
