// Catalog load/filter benchmark: synthesises a catalog the size of a real operator index from the real package
// fixtures (each package replicated under new names), then measures loading and filtering it against merely
// parsing the same JSON with QJsonDocument.
//
//   catalogfilterbench generate <fixtures-fbc-dir> <out-dir> <replicas>
//   catalogfilterbench parse <catalog-dir>          bare QJsonDocument parse of every object
//   catalogfilterbench load <catalog-dir>           FbcLoader::load + CatalogFilter (heads only and ranges)
// Each mode prints "key value" lines; peak RSS is reported by the mode itself (getrusage), so run one mode per
// process.

#include "operators/catalogfilter.h"
#include "operators/fbcloader.h"
#include "operators/fbcwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>

#include <sys/resource.h>

#include <cstdio>

namespace {

void print(const char *key, const QString &value)
{
    std::printf("%s %s\n", key, qUtf8Printable(value));
    std::fflush(stdout);
}

qint64 peakRssKiB()
{
    struct rusage usage
    {
    };
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

int generate(const QString &fixtures, const QString &out, int replicas)
{
    QString error;
    FileBasedCatalog source;
    for (const QString &file : FbcLoader::catalogFiles(fixtures, &error)) {
        // The opm diff golden files repeat the same packages; take only the real index content.
        if (file.contains(QLatin1String("operator-registry-diff-testdata")))
            continue;
        if (!FbcLoader::loadFile(file, source, &error)) {
            print("error", error);
            return 1;
        }
    }
    const QMap<QString, QByteArray> files = FbcWriter::render(source);
    QDir().mkpath(out);
    qint64 total = 0;
    qint64 bundles = 0;
    for (int r = 0; r < replicas; ++r) {
        const QString suffix = QStringLiteral("-r%1").arg(r);
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            const QString package = it.key().section(QLatin1Char('/'), 0, 0);
            QByteArray content = it.value();
            // Rename the package and its bundles wherever they appear as a whole JSON string.
            QList<QByteArray> names{package.toUtf8()};
            for (const FbcBundle *bundle : source.bundlesOf(package))
                names.append(bundle->name.toUtf8());
            for (const FbcChannel *channel : source.channelsOf(package)) {
                for (const FbcChannelEntry &entry : channel->entries) {
                    names.append(entry.name.toUtf8());
                    names.append(entry.replaces.toUtf8());
                    for (const QString &skip : entry.skips)
                        names.append(skip.toUtf8());
                }
            }
            names.removeAll(QByteArray());
            std::sort(names.begin(), names.end());
            names.erase(std::unique(names.begin(), names.end()), names.end());
            for (const QByteArray &name : std::as_const(names))
                content.replace(QByteArray('"' + name + '"'), QByteArray('"' + name + suffix.toUtf8() + '"'));
            const QString dir = out + QLatin1Char('/') + package + suffix;
            QDir().mkpath(dir);
            QFile file(dir + QStringLiteral("/catalog.json"));
            if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
                print("error", QStringLiteral("cannot write ") + file.fileName());
                return 1;
            }
            total += content.size();
            bundles += source.bundlesOf(package).size();
        }
    }
    print("json_bytes", QString::number(total));
    print("packages", QString::number(qint64(source.packages().size()) * replicas));
    print("bundles", QString::number(bundles));
    return 0;
}

int parse(const QString &dir)
{
    QElapsedTimer timer;
    timer.start();
    QString error;
    qint64 objects = 0;
    qint64 bytes = 0;
    for (const QString &path : FbcLoader::catalogFiles(dir, &error)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return 1;
        const QByteArray data = file.readAll();
        bytes += data.size();
        const bool ok = FbcLoader::splitJsonStream(
            data,
            [&](qsizetype start, qsizetype length, int) {
                const QJsonDocument document = QJsonDocument::fromJson(data.mid(start, length));
                objects += document.isObject() ? 1 : 0;
                return true;
            },
            &error);
        if (!ok) {
            print("error", error);
            return 1;
        }
    }
    print("parse_ms", QString::number(timer.elapsed()));
    print("objects", QString::number(objects));
    print("json_bytes", QString::number(bytes));
    print("peak_rss_kib", QString::number(peakRssKiB()));
    return 0;
}

int load(const QString &dir)
{
    QElapsedTimer timer;
    timer.start();
    QString error;
    const auto catalog = FbcLoader::load(dir, &error);
    if (!catalog) {
        print("error", error);
        return 1;
    }
    print("load_ms", QString::number(timer.elapsed()));
    print("bundles", QString::number(catalog->bundles().size()));
    print("packages", QString::number(catalog->packages().size()));

    timer.restart();
    const CatalogFilterResult heads = CatalogFilter::filter(*catalog, {});
    print("filter_heads_ms", QString::number(timer.elapsed()));
    if (!heads.isOk()) {
        print("error", heads.error);
        return 1;
    }
    print("heads_bundles", QString::number(heads.catalog.bundles().size()));

    // A typical configuration: a few dozen packages, some with ranges.
    FilterSpec spec;
    const QStringList names = catalog->packageNames();
    const qsizetype step = names.size() / 40 + 1; // spread over the replicated base packages
    for (qsizetype i = 0; i < names.size() && spec.packages.size() < 40; i += step) {
        FilterSpec::Package package;
        package.name = names.at(i);
        if (names.at(i).startsWith(QLatin1String("infinispan")))
            package.minVersion = QStringLiteral("2.4.0");
        spec.packages.append(package);
    }
    timer.restart();
    const CatalogFilterResult selected = CatalogFilter::filter(*catalog, spec);
    print("filter_packages_ms", QString::number(timer.elapsed()));
    if (!selected.isOk()) {
        print("error", selected.error);
        return 1;
    }
    print("selected_bundles", QString::number(selected.catalog.bundles().size()));
    print("peak_rss_kib", QString::number(peakRssKiB()));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 5 && args.at(1) == QLatin1String("generate"))
        return generate(args.at(2), args.at(3), args.at(4).toInt());
    if (args.size() >= 3 && args.at(1) == QLatin1String("parse"))
        return parse(args.at(2));
    if (args.size() >= 3 && args.at(1) == QLatin1String("load"))
        return load(args.at(2));
    std::fprintf(stderr, "usage: %s generate <fbc-dir> <out-dir> <replicas> | parse <dir> | load <dir>\n", argv[0]);
    return 2;
}
