// ferry-world: the offline OpenShift world on loopback.
//   ferry-world up --dir DIR [--scale small|medium|large] [--rebuild]   build (or reuse) and start in the background
//   ferry-world down --dir DIR                                           stop what `up` started
//   ferry-world status --dir DIR                                         what runs, and world.env
//   ferry-world build --dir DIR [--scale S] [--rebuild]                  only generate the content
//   ferry-world serve --dir DIR --port P                                 the HTTP server (what `up` runs)
#include "worldbuilder.h"
#include "worldhttpserver.h"
#include "worldinstance.h"
#include "worldprofile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonObject>
#include <QTextStream>

namespace {
int fail(const QString &message)
{
    QTextStream(stderr) << "ferry-world: " << message << '\n';
    return 1;
}

bool build(const QString &directory, const QString &scale, bool rebuild, const QString &fixtures)
{
    QString error;
    const std::optional<WorldProfile> profile = WorldProfile::forName(scale, &error);
    if (!profile) {
        fail(error);
        return false;
    }
    WorldBuilder builder(directory, *profile, fixtures);
    if (!builder.build(&error, rebuild)) {
        fail(error);
        return false;
    }
    const QJsonObject counts = builder.manifest().value(QLatin1String("counts")).toObject();
    QTextStream(stdout) << (builder.reused() ? "reused " : "built ") << scale << " world in " << directory << ": "
                        << counts.value(QLatin1String("releasePayloads")).toInt() << " release payloads, "
                        << counts.value(QLatin1String("componentManifests")).toInt() << " component manifests, "
                        << counts.value(QLatin1String("catalogImages")).toInt() << " catalog images, "
                        << counts.value(QLatin1String("repositories")).toInt() << " repositories; build time "
                        << QString::number(builder.buildSeconds(), 'f', 1) << " s\n";
    return true;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ferry-world"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The offline OpenShift world: quay.io, registry.redhat.io and "
                                                    "api.openshift.com in miniature on 127.0.0.1."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("up, down, status, build or serve"));
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("World directory."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption scaleOption(QStringLiteral("scale"), QStringLiteral("small, medium or large."),
                                         QStringLiteral("SCALE"), QStringLiteral("small"));
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Port for serve."),
                                        QStringLiteral("PORT"));
    const QCommandLineOption rebuildOption(QStringLiteral("rebuild"),
                                           QStringLiteral("Regenerate even if a build exists."));
    const QCommandLineOption fixturesOption(QStringLiteral("fixtures"), QStringLiteral("Real fixtures directory."),
                                            QStringLiteral("DIR"), QStringLiteral(FERRY_FIXTURES_DIR));
    parser.addOptions({dirOption, scaleOption, portOption, rebuildOption, fixturesOption});
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return fail(QStringLiteral("expected one command: up, down, status, build or serve (see --help)"));
    if (!parser.isSet(dirOption))
        return fail(QStringLiteral("--dir is required"));
    const QString command = positional.first();
    const QString directory = QDir(parser.value(dirOption)).absolutePath();
    QDir().mkpath(directory);

    if (command == QLatin1String("build"))
        return build(directory, parser.value(scaleOption), parser.isSet(rebuildOption), parser.value(fixturesOption))
                   ? 0
                   : 1;

    if (command == QLatin1String("up")) {
        if (!build(directory, parser.value(scaleOption), parser.isSet(rebuildOption), parser.value(fixturesOption)))
            return 1;
        WorldInstance instance(directory);
        WorldInstance::Addresses addresses;
        QString error;
        if (!instance.up(QCoreApplication::applicationFilePath(), &addresses, &error))
            return fail(error);
        QTextStream(stdout) << "world is up: source " << addresses.source << " (login in " << directory
                            << "/auth.json), destination " << addresses.destination << ", http " << addresses.http
                            << "\nenvironment: " << directory << "/world.env\n";
        return 0;
    }

    if (command == QLatin1String("down")) {
        QString error;
        if (!WorldInstance(directory).down(&error))
            return fail(error);
        QTextStream(stdout) << "world in " << directory << " is down\n";
        return 0;
    }

    if (command == QLatin1String("status")) {
        QTextStream out(stdout);
        return WorldInstance(directory).status(out) ? 0 : 1;
    }

    if (command == QLatin1String("serve")) {
        bool ok = false;
        const int port = parser.value(portOption).toInt(&ok);
        if (!ok || port <= 0 || port > 65535)
            return fail(QStringLiteral("serve needs --port 1..65535"));
        WorldHttpServer server(directory);
        if (!server.listen(quint16(port)))
            return fail(QStringLiteral("cannot listen on 127.0.0.1:%1: %2").arg(port).arg(server.errorString()));
        // SIGTERM from `down` ends the process; there is nothing to flush.
        return app.exec();
    }
    return fail(QStringLiteral("unknown command \"%1\": expected up, down, status, build or serve").arg(command));
}
