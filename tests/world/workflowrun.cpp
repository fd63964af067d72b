#include "workflowrun.h"

#include "registryfixture.h"

#include "config/configloader.h"
#include "config/mirroroptions.h"
#include "config/mirroroptionsresult.h"
#include "copy/mirrorworkflow.h"
#include "workspace/runlog.h"

#include <QBuffer>
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>

int WorkflowRun::inProcess(const QStringList &arguments, const QProcessEnvironment &environment, QByteArray *logText,
                           QList<MirrorPlanEntry> *plan)
{
    const auto parsed = MirrorOptions::parse(arguments, environment);
    if (!parsed.isValid())
        qFatal("invalid arguments: %s", qPrintable(parsed.errors.join(QLatin1Char('\n'))));
    const auto loaded = ConfigLoader::loadFile(parsed.options->configPath);
    if (!loaded.errors.isEmpty())
        qFatal("invalid config: %s", qPrintable(loaded.errors.first().toString()));
    QBuffer output;
    output.open(QIODevice::ReadWrite);
    RunLog log;
    log.setConsoleDevices(&output, &output);
    MirrorWorkflow workflow(*parsed.options, *loaded.imageSetConfiguration, &log, environment);
    QSignalSpy finished(&workflow, &MirrorWorkflow::finished);
    workflow.start();
    if (!finished.wait(300000))
        qFatal("the workflow did not finish");
    *logText = output.data();
    if (plan)
        *plan = workflow.plan();
    const int exitCode = finished.first().first().toInt();
    if (exitCode != 0)
        qWarning().noquote() << QString::fromUtf8(output.data()).right(6000);
    return exitCode;
}

WorkflowRun::Process WorkflowRun::ferryctl(const QStringList &arguments, QProcessEnvironment environment,
                                           const QString &home)
{
    QProcess process;
    environment.insert(QStringLiteral("HOME"), home);
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(qEnvironmentVariable("FERRYCTL"),
                  arguments + QStringList{QStringLiteral("-p"), QString::number(RegistryFixture::freePort())});
    Process run;
    if (!process.waitForFinished(300000))
        return run;
    run.exitCode = process.exitCode();
    run.output = QString::fromUtf8(process.readAll());
    return run;
}

QString WorkflowRun::writeFile(const QString &directory, const QString &name, const QByteArray &contents)
{
    QFile file(QDir(directory).filePath(name));
    if (file.open(QIODevice::WriteOnly))
        file.write(contents);
    return file.fileName();
}
