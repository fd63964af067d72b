#include "helmcollector.h"

#include "workspace/atomicfilewriter.h"

#include "helmchartreader.h"
#include "helmimagefinder.h"
#include "helmindex.h"
#include "plan/destinationnamer.h"
#include "registry/imagereference.h"
#include "release/releasehttpfetcher.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkRequest>
#include <QSaveFile>

namespace {

// A name used as one path component of the working-dir.
bool isSafeComponent(const QString &name)
{
    return !name.isEmpty() && name != QLatin1String(".") && name != QLatin1String("..") &&
           !name.contains(QLatin1Char('/')) && !name.contains(QLatin1Char('\\'));
}

QString displayUrl(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo);
}

bool writeAtomically(const QString &path, const QByteArray &data, QString *error)
{
    return AtomicFileWriter::write(path, data, error);
}

bool readFile(const QString &path, QByteArray *data, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": cannot read: ") + file.errorString();
        return false;
    }
    *data = file.readAll();
    return true;
}

class Downloader
{
public:
    explicit Downloader(const QProcessEnvironment &environment)
        : m_fetcher(environment)
    {
    }

    bool get(const QUrl &url, QByteArray *body, QString *error)
    {
        QNetworkRequest request(url);
        request.setTransferTimeout(HelmCollector::TransferTimeoutMs);
        QFuture<ReleaseHttpFetcher::Response> future = m_fetcher.get(request);
        future.waitForFinished();
        if (future.resultCount() == 0) {
            *error = displayUrl(url) + QStringLiteral(": the download was cancelled");
            return false;
        }
        const ReleaseHttpFetcher::Response response = future.result();
        if (response.httpStatus == 0) {
            *error = displayUrl(url) + QStringLiteral(": ") + response.networkError;
            return false;
        }
        if (response.httpStatus != 200) {
            *error = displayUrl(url) + QStringLiteral(": HTTP status ") + QString::number(response.httpStatus) +
                     QStringLiteral(", expected 200");
            return false;
        }
        *body = response.body;
        return true;
    }

private:
    ReleaseHttpFetcher m_fetcher;
};

struct FoundImage
{
    ImageReference reference;
    QString origin;
    QString reason;
};

} // namespace

HelmCollector::HelmCollector(const QProcessEnvironment &environment, int maxNestedPaths)
    : m_environment(environment)
    , m_maxNestedPaths(maxNestedPaths)
{
}

QString HelmCollector::indexPath(const QString &workingDirectory, const QString &repositoryName)
{
    return QDir(workingDirectory)
        .filePath(QStringLiteral("helm/indexes/") + repositoryName + QStringLiteral("/index.yaml"));
}

QString HelmCollector::chartPath(const QString &workingDirectory, const QString &chartName, const QString &version)
{
    return QDir(workingDirectory)
        .filePath(QStringLiteral("helm/charts/") + chartName + QLatin1Char('-') + version + QStringLiteral(".tgz"));
}

HelmCollector::Result HelmCollector::collect(const HelmConfig &config, const QString &workingDirectory,
                                             const QStringList &roots, bool offline) const
{
    Result result;
    QList<FoundImage> found;
    QSet<QString> seen;
    const auto addImages = [&](const QList<HelmChartReader::Chart> &charts, const HelmChart &chart,
                               const QString &version) {
        const QString label = QStringLiteral("chart ") + chart.name + QLatin1Char(' ') + version;
        const HelmImageFinder::Result images = HelmImageFinder::find(charts, chart.imagePaths);
        for (const QString &error : images.errors)
            result.errors.append(label + QStringLiteral(": ") + error);
        for (const QString &warning : images.warnings)
            result.warnings.append(label + QStringLiteral(": ") + warning);
        for (const QString &image : images.images) {
            const auto reference = ImageReference::parse(image);
            if (!reference || seen.contains(reference->toString()))
                continue;
            seen.insert(reference->toString());
            found.append({*reference, image, QStringLiteral("image of ") + label});
        }
    };

    std::optional<Downloader> downloader;
    if (!offline && !config.repositories.isEmpty())
        downloader.emplace(m_environment);

    for (qsizetype r = 0; r < config.repositories.size(); ++r) {
        const HelmRepository &repository = config.repositories.at(r);
        const QString repoLabel = QStringLiteral("helm repository \"") + repository.name + QStringLiteral("\"");
        if (!isSafeComponent(repository.name)) {
            result.errors.append(QStringLiteral("helm.repositories[") + QString::number(r) +
                                 QStringLiteral("].name: expected a name usable as a folder name, got \"") +
                                 repository.name + QStringLiteral("\""));
            continue;
        }
        const QUrl repositoryUrl(repository.url);
        const QString storedIndex = indexPath(workingDirectory, repository.name);
        QByteArray indexData;
        QString error;
        QUrl indexUrl;
        if (offline) {
            if (!readFile(storedIndex, &indexData, &error)) {
                result.errors.append(repoLabel + QStringLiteral(": no stored index in the working-dir (") + error +
                                     QStringLiteral(")"));
                continue;
            }
        } else {
            const QString scheme = repositoryUrl.scheme();
            if (!repositoryUrl.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
                result.errors.append(QStringLiteral("helm.repositories[") + QString::number(r) +
                                     QStringLiteral("].url: expected an http:// or https:// URL, got \"") +
                                     displayUrl(repositoryUrl) + QStringLiteral("\""));
                continue;
            }
            indexUrl = HelmIndex::resolveChartUrl(repositoryUrl, QStringLiteral("index.yaml"));
            if (!downloader->get(indexUrl, &indexData, &error)) {
                result.errors.append(repoLabel + QStringLiteral(": cannot fetch index.yaml: ") + error);
                continue;
            }
        }
        const auto index = HelmIndex::parse(indexData, offline ? storedIndex : displayUrl(indexUrl), &error);
        if (!index) {
            result.errors.append(repoLabel + QStringLiteral(": ") + error);
            continue;
        }
        if (!offline && !writeAtomically(storedIndex, indexData, &error)) {
            result.errors.append(repoLabel + QStringLiteral(": ") + error);
            continue;
        }

        for (const HelmChart &chart : repository.charts) {
            if (!isSafeComponent(chart.name)) {
                result.errors.append(repoLabel + QStringLiteral(": chart name \"") + chart.name +
                                     QStringLiteral("\" is not usable as a file name"));
                continue;
            }
            const QString wanted = chart.version.value_or(QString());
            const auto entry = wanted.isEmpty() ? index->latest(chart.name) : index->find(chart.name, wanted);
            if (!entry) {
                QStringList available;
                for (const HelmIndex::ChartVersion &v : index->versions(chart.name))
                    available.append(v.version);
                result.errors.append(repoLabel + QStringLiteral(": chart \"") + chart.name +
                                     (wanted.isEmpty() ? QString() : QStringLiteral("\" version \"") + wanted) +
                                     QStringLiteral("\" is not in the index") +
                                     (available.isEmpty()
                                          ? QStringLiteral(" (no such chart)")
                                          : QStringLiteral(" (versions: ") + available.join(QStringLiteral(", ")) +
                                                QStringLiteral(")")));
                continue;
            }
            const QString chartLabel =
                repoLabel + QStringLiteral(": chart ") + chart.name + QLatin1Char(' ') + entry->version;
            if (!isSafeComponent(entry->version)) {
                result.errors.append(chartLabel + QStringLiteral(": version is not usable as a file name"));
                continue;
            }
            const QString storedChart = chartPath(workingDirectory, chart.name, entry->version);
            QByteArray tgz;
            QString label = storedChart;
            if (offline) {
                if (!readFile(storedChart, &tgz, &error)) {
                    result.errors.append(chartLabel + QStringLiteral(": not in the working-dir (") + error +
                                         QStringLiteral(")"));
                    continue;
                }
            } else {
                QStringList failures;
                bool fetched = false;
                for (const QString &url : entry->urls) {
                    const QUrl chartUrl = HelmIndex::resolveChartUrl(repositoryUrl, url);
                    if (downloader->get(chartUrl, &tgz, &error)) {
                        fetched = true;
                        label = displayUrl(chartUrl);
                        break;
                    }
                    failures.append(error);
                }
                if (!fetched) {
                    result.errors.append(chartLabel + QStringLiteral(": cannot download: ") +
                                         failures.join(QStringLiteral("; ")));
                    continue;
                }
            }
            if (!entry->digest.isEmpty()) {
                const QString actual =
                    QString::fromLatin1(QCryptographicHash::hash(tgz, QCryptographicHash::Sha256).toHex());
                if (actual != entry->digest) {
                    result.errors.append(chartLabel + QStringLiteral(": ") + label +
                                         QStringLiteral(" has digest sha256:") + actual +
                                         QStringLiteral(" but the index expects sha256:") + entry->digest);
                    continue;
                }
            }
            if (!offline && !writeAtomically(storedChart, tgz, &error)) {
                result.errors.append(chartLabel + QStringLiteral(": ") + error);
                continue;
            }
            const HelmChartReader::Result read = HelmChartReader::readArchive(tgz, label);
            for (const QString &warning : read.warnings)
                result.warnings.append(chartLabel + QStringLiteral(": ") + warning);
            if (!read.isOk()) {
                result.errors.append(chartLabel + QStringLiteral(": ") + read.error);
                continue;
            }
            addImages(read.charts, chart, entry->version);
        }
    }

    for (qsizetype l = 0; l < config.local.size(); ++l) {
        const HelmChart &chart = config.local.at(l);
        const QString path = chart.path.value_or(QString());
        if (path.isEmpty()) {
            result.errors.append(QStringLiteral("helm.local[") + QString::number(l) +
                                 QStringLiteral("].path: missing, expected the chart folder or .tgz file"));
            continue;
        }
        const HelmChartReader::Result read = HelmChartReader::read(path);
        const QString chartLabel = QStringLiteral("local helm chart \"") + chart.name + QStringLiteral("\"");
        for (const QString &warning : read.warnings)
            result.warnings.append(chartLabel + QStringLiteral(": ") + warning);
        if (!read.isOk()) {
            result.errors.append(chartLabel + QStringLiteral(": ") + read.error);
            continue;
        }
        HelmChart named = chart;
        if (named.name.isEmpty())
            named.name = read.charts.first().name;
        addImages(read.charts, named, read.charts.first().version);
    }

    for (const QString &root : roots) {
        const DestinationNamer namer(root, m_maxNestedPaths);
        QList<MirrorPlanEntry> entries;
        for (const FoundImage &image : std::as_const(found)) {
            MirrorPlanEntry entry;
            entry.origin = image.origin;
            // An image named by tag and digest is pulled by its digest and lands under its tag.
            if (image.reference.hasTag() && image.reference.hasDigest())
                entry.source = image.reference.withTag(QString()).toString();
            entry.destination = namer.forImage(image.reference);
            entry.kind = ImageKind::HelmImage;
            entry.reason = image.reason;
            entries.append(entry);
        }
        result.entries.append(entries);
    }
    return result;
}
