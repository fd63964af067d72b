#pragma once

#include "plan/mirrorplanentry.h"

#include <QByteArray>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// Runs Ferry against the world the two ways the tests need: a MirrorWorkflow in this process (fast, with the log
// captured) and the ferryctl executable (the real command line, exit code and output).
class WorkflowRun
{
public:
    struct Process
    {
        int exitCode = -1; // -1: did not finish in time
        QString output;
    };

    // `arguments` are ferryctl's mirror arguments, `-c CONFIG` included. Returns the workflow's exit code; the log
    // goes to `logText`, and its tail to the test output when the run fails; the plan it ran to `plan` if given.
    static int inProcess(const QStringList &arguments, const QProcessEnvironment &environment, QByteArray *logText,
                         QList<MirrorPlanEntry> *plan = nullptr);

    // Runs $FERRYCTL with HOME set to `home` and its own free port for the local cache registry, because other runs
    // on the machine may hold the default one.
    static Process ferryctl(const QStringList &arguments, QProcessEnvironment environment, const QString &home);

    // Writes a configuration (or any file) the runs read into `directory`; returns its path.
    static QString writeFile(const QString &directory, const QString &name, const QByteArray &contents);
};
