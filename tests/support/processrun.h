#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// Runs an external tool (skopeo, curl, gpg, ferry-world) to completion for a test and keeps what it printed.
class ProcessRun
{
public:
    struct Result
    {
        int exitCode = -1; // -1: did not start, crashed, or was killed after the timeout
        QByteArray out;
        QByteArray err;
    };

    static Result run(const QString &program, const QStringList &arguments, const QByteArray &input = {},
                      int timeoutMs = 180000);
};
