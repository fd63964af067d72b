#pragma once

#include "imagecopyprogress.h"
#include "mirrorengine.h"
#include "mirrorrunresult.h"

#include "config/imagesetconfiguration.h"
#include "config/mirroroptions.h"
#include "plan/mirrorplanentry.h"

#include <QFuture>
#include <QList>
#include <QMap>
#include <QObject>
#include <QProcessEnvironment>

#include <atomic>
#include <memory>

class DistributionStore;
class RegistriesConf;
class RegistryClient;
class RunLog;

// One mirror run from start to end, as oc-mirror v2 runs it: prepare the workspace (diskToMirror first unpacks
// the archives), discover the images (releases, operators, additional images), copy them with the engine, then
// write the archive (mirrorToDisk) or the cluster resources (mirrorToMirror, diskToMirror). Discovery and the
// archive run on worker threads; the object itself lives on the thread that created it and reports there.
class MirrorWorkflow : public QObject
{
    Q_OBJECT

public:
    MirrorWorkflow(MirrorOptions options, ImageSetConfiguration configuration, RunLog *log,
                   QProcessEnvironment environment = QProcessEnvironment::systemEnvironment(),
                   QObject *parent = nullptr);
    ~MirrorWorkflow() override;

    void start();
    void cancel();

    const QList<MirrorPlanEntry> &plan() const { return m_plan; }
    MirrorEngine *engine() const { return m_engine.get(); }

signals:
    void planReady(const QList<MirrorPlanEntry> &entries);
    void progressChanged(const QList<ImageCopyProgress> &rows);
    void finished(int exitCode);

private:
    struct Discovery
    {
        QList<MirrorPlanEntry> entries;
        QMap<QString, QByteArray> signatures;
        int failedBits = 0; // categories whose collection failed
        QString fatalError; // stops the run (release collection, workspace, archive extraction)
    };

    Discovery discover();
    void copy(const Discovery &discovery);
    int conclude(const MirrorRunResult &result, const Discovery &discovery);
    // delete --generate: delete-images.yaml (what may safely go) and delete-imageset-config.yaml.
    int generateDeleteList(const Discovery &discovery);
    bool writeArchive(QString *error);
    void writeDryRun(const QList<MirrorPlanEntry> &entries) const;
    void fail(const QString &message, int exitCode);

    MirrorOptions m_options;
    ImageSetConfiguration m_configuration;
    RunLog *m_log;
    QProcessEnvironment m_environment;
    std::unique_ptr<RegistryClient> m_client;
    std::unique_ptr<DistributionStore> m_cache;
    std::unique_ptr<RegistriesConf> m_registriesConf;
    std::unique_ptr<MirrorEngine> m_engine;
    QList<MirrorPlanEntry> m_plan;
    std::atomic_bool m_cancelled{false};
    QDateTime m_started;
    QList<QFuture<void>> m_workers; // discovery, conclusion, delete-list generation
};
