#include "helmrepositorybuilder.h"

#include "imagefactory.h"
#include "tarwriter.h"
#include "workspace/distributionstore.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QSaveFile>

#include <yaml-cpp/yaml.h>

namespace {
bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
} // namespace

HelmRepositoryBuilder::HelmRepositoryBuilder(ImageFactory *factory, const QString &fixturesDirectory)
    : m_factory(factory)
    , m_fixtures(fixturesDirectory)
{
}

bool HelmRepositoryBuilder::build(const QString &directory, QString *error)
{
    const QString indexPath = m_fixtures + QStringLiteral("/helm/service-binding-operator-helm-chart/index.yaml");
    QFile indexFile(indexPath);
    if (!indexFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(indexPath);
        return false;
    }
    QString index = QString::fromUtf8(indexFile.readAll());

    struct Entry
    {
        QString name, version, appVersion, digest, url, kubeVersion, description;
    };
    QList<Entry> entries;
    try {
        const YAML::Node root = YAML::Load(index.toStdString());
        for (const auto &chart : root["entries"]) {
            for (const auto &version : chart.second) {
                Entry entry;
                entry.name = QString::fromStdString(version["name"].as<std::string>());
                entry.version = QString::fromStdString(version["version"].as<std::string>());
                entry.appVersion = QString::fromStdString(version["appVersion"].as<std::string>(""));
                entry.digest = QString::fromStdString(version["digest"].as<std::string>(""));
                entry.url = QString::fromStdString(version["urls"][0].as<std::string>());
                entry.kubeVersion = QString::fromStdString(version["kubeVersion"].as<std::string>(""));
                entry.description = QString::fromStdString(version["description"].as<std::string>(""));
                entries.append(entry);
            }
        }
    } catch (const std::exception &e) {
        *error = QStringLiteral("%1: %2").arg(indexPath, QString::fromUtf8(e.what()));
        return false;
    }

    // The images the charts deploy: the operator by tag (one per app version) and a sidecar by digest.
    ImageFactory::ImageSpec proxySpec;
    proxySpec.layers = {m_factory->putRandomLayer(QStringLiteral("helm/kube-rbac-proxy"), 4096,
                                                  QStringLiteral("usr/bin/kube-rbac-proxy"))};
    const QString proxyRepository = QStringLiteral("registry.redhat.io/openshift4/ose-kube-rbac-proxy");
    const ImageFactory::Image proxy = m_factory->putImage(proxyRepository, proxySpec, QStringLiteral("v4.16"));
    const QString proxyReference = proxyRepository + QLatin1Char('@') + proxy.digest;
    m_references << proxyReference;

    for (const Entry &entry : std::as_const(entries)) {
        const QString operatorRepository = QStringLiteral("quay.io/redhat-developer/servicebinding-operator");
        const QString operatorTag = entry.appVersion.isEmpty() ? entry.version : entry.appVersion;
        const QString operatorReference = operatorRepository + QLatin1Char(':') + operatorTag;
        if (!m_references.contains(operatorReference)) {
            QList<ImageFactory::Image> platforms;
            for (const QString &arch : {QStringLiteral("amd64"), QStringLiteral("arm64")}) {
                ImageFactory::ImageSpec spec;
                spec.architecture = arch;
                spec.layers = {m_factory->putRandomLayer(QStringLiteral("helm/sbo/%1/%2").arg(operatorTag, arch), 4096,
                                                         QStringLiteral("usr/bin/manager"))};
                platforms.append(m_factory->putImage(operatorRepository, spec));
            }
            m_factory->putIndex(operatorRepository, platforms, operatorTag);
            m_references << operatorReference;
        }

        const QString chart = entry.name + QLatin1Char('/');
        const QString chartYaml =
            QStringLiteral("apiVersion: v2\nname: %1\ndescription: %2\ntype: application\nversion: %3\n"
                           "appVersion: \"%4\"\nkubeVersion: '%5'\n")
                .arg(entry.name, entry.description, entry.version, entry.appVersion, entry.kubeVersion);
        const QString values = QStringLiteral("image:\n  repository: %1\n  tag: \"%2\"\nkubeRbacProxy:\n  image: %3\n")
                                   .arg(operatorRepository, operatorTag, proxyReference);
        const QString deployment =
            QStringLiteral("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: service-binding-operator\n"
                           "spec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: service-binding-operator\n"
                           "  template:\n    metadata:\n      labels:\n        app: service-binding-operator\n"
                           "    spec:\n      containers:\n      - name: manager\n        image: %1\n"
                           "      - name: kube-rbac-proxy\n        image: %2\n")
                .arg(operatorReference, proxyReference);
        TarWriter tar;
        tar.addDirectory(entry.name);
        tar.addFile(chart + QStringLiteral("Chart.yaml"), chartYaml.toUtf8());
        tar.addFile(chart + QStringLiteral("values.yaml"), values.toUtf8());
        tar.addDirectory(chart + QStringLiteral("templates"));
        tar.addFile(chart + QStringLiteral("templates/deployment.yaml"), deployment.toUtf8());
        tar.finish();
        const QByteArray tgz = tar.gzip();
        if (!writeFile(directory + QLatin1Char('/') + entry.url, tgz, error))
            return false;
        m_charts << entry.url;
        // index.yaml's digest is the sha256 of the chart archive; point it at the archive served here.
        if (!entry.digest.isEmpty())
            index.replace(entry.digest, DistributionStore::digestOf(tgz).mid(7));
    }
    if (!m_factory->error().isEmpty()) {
        *error = m_factory->error();
        return false;
    }
    return writeFile(directory + QStringLiteral("/index.yaml"), index.toUtf8(), error);
}
