// Copies one blob registry → registry with RegistryClient and prints the throughput, for tests/bench/blob-stream.sh.
//   blobstream <source-registry>/<repo> <destination-registry>/<repo> <digest> <size>

#include "registry/registryclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = application.arguments();
    if (arguments.size() != 5) {
        std::fprintf(stderr, "usage: blobstream <source host/repo> <destination host/repo> <digest> <size>\n");
        return 2;
    }
    QString error;
    const auto source = ImageReference::parse(arguments.at(1), &error);
    const auto destination = ImageReference::parse(arguments.at(2), &error);
    const auto digest = Digest::parse(arguments.at(3), &error);
    bool sizeOk = false;
    const qint64 size = arguments.at(4).toLongLong(&sizeOk);
    if (!source || !destination || !digest || !sizeOk) {
        std::fprintf(stderr, "blobstream: %s\n", qUtf8Printable(error.isEmpty() ? QStringLiteral("bad size") : error));
        return 2;
    }
    RegistryClient client;
    client.setInsecure(source->domain(), true);
    client.setInsecure(destination->domain(), true);
    const Descriptor blob(QStringLiteral("application/octet-stream"), *digest, size);

    QElapsedTimer timer;
    timer.start();
    // Blocking here is fine: this is a command-line benchmark, the client works on its own thread.
    QFuture<RegistryResult<BlobTransfer::Outcome>> future = client.copyBlob(*source, *destination, blob);
    future.waitForFinished();
    const RegistryResult<BlobTransfer::Outcome> result = future.result();
    const double seconds = timer.elapsed() / 1000.0;
    if (!result.isOk()) {
        std::fprintf(stderr, "blobstream: %s\n", qUtf8Printable(result.error().toString()));
        return 1;
    }
    std::printf("ferry copy: %lld bytes in %.2f s = %.1f MiB/s\n", static_cast<long long>(size), seconds,
                size / 1048576.0 / seconds);
    return 0;
}
