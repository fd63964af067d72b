// Mirrors the images listed in a bench refs file ("REGISTRY/repo:tag<TAB>kind" per line) to
// DESTINATION/<last path component>:<tag> with Ferry's copy engine, the naming skopeo sync uses, so that
// ../shared/bench/bench-mirror.sh can verify the result and time it against skopeo in the same run.
#include "copy/mirrorengine.h"
#include "registry/registryclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        QTextStream(stderr) << "usage: mirrorbench REFS_TSV DESTINATION [PARALLEL_IMAGES] [PARALLEL_LAYERS] [RUNS]\n";
        return 2;
    }
    QFile refs(args.at(1));
    if (!refs.open(QIODevice::ReadOnly)) {
        QTextStream(stderr) << "cannot read " << args.at(1) << "\n";
        return 2;
    }
    const QString destination = args.at(2);
    MirrorEngine::Options options;
    options.parallelImages = args.value(3, QStringLiteral("4")).toInt();
    options.parallelLayers = args.value(4, QStringLiteral("5")).toInt();
    const int runs = args.value(5, QStringLiteral("1")).toInt();

    RegistryClient client;
    QList<MirrorPlanEntry> entries;
    while (!refs.atEnd()) {
        const QString line = QString::fromUtf8(refs.readLine()).trimmed();
        if (line.isEmpty())
            continue;
        const QString reference = line.section(QLatin1Char('\t'), 0, 0);
        const auto parsed = ImageReference::parse(reference);
        if (!parsed) {
            QTextStream(stderr) << "invalid reference " << reference << "\n";
            return 2;
        }
        client.setInsecure(parsed->domain(), true);
        MirrorPlanEntry entry;
        entry.origin = reference;
        entry.destination = destination + QLatin1Char('/') + parsed->path().section(QLatin1Char('/'), -1) +
                            QLatin1Char(':') + parsed->tag();
        entries.append(entry);
    }
    client.setInsecure(destination.section(QLatin1Char('/'), 0, 0), true);

    int exitCode = 0;
    for (int run = 1; run <= runs; ++run) {
        MirrorEngine engine(&client, options);
        QElapsedTimer timer;
        timer.start();
        auto future = engine.start(entries);
        QObject::connect(&engine, &MirrorEngine::finished, &app, [&app] { app.quit(); });
        app.exec();
        const MirrorRunResult result = future.result();
        QTextStream(stderr) << "run " << run << ": " << result.copied << " copied, " << result.skipped
                            << " already present, " << result.failures.size() << " failed in "
                            << timer.elapsed() / 1000.0 << " s\n";
        for (const auto &failure : result.failures)
            QTextStream(stderr) << "  " << failure.entry.origin << ": " << failure.reason << "\n";
        exitCode = result.exitCode();
    }
    return exitCode;
}
