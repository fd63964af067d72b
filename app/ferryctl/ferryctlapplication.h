#pragma once

#include <QStringList>

class ImageSetConfiguration;
class MirrorOptions;
class RunLog;

// The ferryctl command line: sub-command dispatch, output and exit codes. The work itself lives in ferry_core.
// Exit codes: 0 success, 1 failure while running (as oc-mirror), 2 invalid command line.
class FerryCtlApplication
{
public:
    // arguments: everything after the program name.
    int run(const QStringList &arguments);

    static constexpr int ExitOk = 0;
    static constexpr int ExitFailure = 1;
    static constexpr int ExitUsage = 2;

private:
    int runHelp();
    int runVersion(const QStringList &arguments);
    int runValidate(const QStringList &arguments);
    int runMirrorOrDelete(const QStringList &arguments);
    int usageError(const QStringList &messages, const QString &helpHint);
    // Runs mirrorToDisk, diskToMirror or mirrorToMirror on this thread's event loop; returns oc-mirror's exit code.
    // delete --delete-yaml-file: deletes what the list names, keeping what other images still need.
    int runDelete(const MirrorOptions &options, RunLog &log);
    int runWorkflow(const MirrorOptions &options, const ImageSetConfiguration &configuration, RunLog &log);
};
