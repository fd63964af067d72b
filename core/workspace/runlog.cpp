#include "runlog.h"

#include "credentialscrubber.h"
#include "workingdirectory.h"

#include <QDir>
#include <QFileInfo>
#include <QMutexLocker>

#include <cstdio>

RunLog::RunLog(QObject *parent)
    : QObject(parent)
    , m_stdout(std::make_unique<QFile>())
    , m_stderr(std::make_unique<QFile>())
    , m_clock([] { return QDateTime::currentDateTime(); })
{
    // Unbuffered so that console lines interleave correctly with anything else the process prints.
    if (m_stdout->open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered))
        m_output = m_stdout.get();
    if (m_stderr->open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered))
        m_errorOutput = m_stderr.get();
}

RunLog::~RunLog() = default;

std::optional<RunLog::Level> RunLog::parseLevel(const QString &name)
{
    if (name == QLatin1String("error"))
        return Level::Error;
    if (name == QLatin1String("info"))
        return Level::Info;
    if (name == QLatin1String("debug"))
        return Level::Debug;
    if (name == QLatin1String("trace"))
        return Level::Trace;
    return std::nullopt;
}

QStringList RunLog::levelNames()
{
    return {QStringLiteral("info"), QStringLiteral("debug"), QStringLiteral("trace"), QStringLiteral("error")};
}

QString RunLog::levelName(Level level)
{
    switch (level) {
    case Level::Error:
        return QStringLiteral("error");
    case Level::Warn:
        return QStringLiteral("warn");
    case Level::Info:
        return QStringLiteral("info");
    case Level::Debug:
        return QStringLiteral("debug");
    case Level::Trace:
        return QStringLiteral("trace");
    }
    return {};
}

QString RunLog::formatLine(const QDateTime &time, Level level, const QString &message)
{
    // The level tag is padded to a fixed width so the colons line up.
    const QString tag = QLatin1Char('[') + levelName(level).toUpper() + QLatin1Char(']');
    return time.toString(QStringLiteral("yyyy/MM/dd HH:mm:ss")) + QStringLiteral("  ") + tag.leftJustified(9) +
           QStringLiteral(": ") + message;
}

QString RunLog::fileNameFor(const QDateTime &start)
{
    return QStringLiteral("oc-mirror-") + start.toString(QStringLiteral("yyyyMMdd_HHmmss")) + QStringLiteral(".log");
}

void RunLog::setLevel(Level level)
{
    QMutexLocker locker(&m_mutex);
    m_level = level;
}

RunLog::Level RunLog::level() const
{
    QMutexLocker locker(&m_mutex);
    return m_level;
}

bool RunLog::isEnabled(Level level) const
{
    QMutexLocker locker(&m_mutex);
    return level <= m_level;
}

void RunLog::setConsoleDevices(QIODevice *output, QIODevice *error)
{
    QMutexLocker locker(&m_mutex);
    m_output = output ? output : m_stdout.get();
    m_errorOutput = error ? error : m_stderr.get();
}

void RunLog::setConsoleEnabled(bool enabled)
{
    QMutexLocker locker(&m_mutex);
    m_consoleEnabled = enabled;
}

void RunLog::setClock(std::function<QDateTime()> clock)
{
    QMutexLocker locker(&m_mutex);
    m_clock = std::move(clock);
}

bool RunLog::openFile(const QString &path, QString *error)
{
    const QString parent = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(parent)) {
        if (error)
            *error = QStringLiteral("cannot create log directory \"%1\"").arg(parent);
        return false;
    }
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        if (error)
            *error = QStringLiteral("cannot open log file \"%1\": %2").arg(path, file->errorString());
        return false;
    }
    QMutexLocker locker(&m_mutex);
    m_file = std::move(file);
    return true;
}

bool RunLog::openInWorkingDirectory(const WorkingDirectory &directory, const QDateTime &start, QString *error)
{
    return openFile(directory.logFile(start), error);
}

QString RunLog::filePath() const
{
    QMutexLocker locker(&m_mutex);
    return m_file ? m_file->fileName() : QString();
}

void RunLog::closeFile()
{
    QMutexLocker locker(&m_mutex);
    m_file.reset();
}

void RunLog::log(Level level, const QString &message)
{
    QString line;
    {
        QMutexLocker locker(&m_mutex);
        if (level > m_level)
            return;
        line = formatLine(m_clock(), level, CredentialScrubber::scrub(message));
        const QByteArray bytes = line.toUtf8() + '\n';
        if (m_consoleEnabled) {
            QIODevice *device = level == Level::Error ? m_errorOutput : m_output;
            if (device)
                device->write(bytes);
        }
        if (m_file) {
            m_file->write(bytes);
            m_file->flush();
        }
    }
    emit lineWritten(level, line);
}
