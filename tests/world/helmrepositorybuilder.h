#pragma once

#include <QString>
#include <QStringList>

class ImageFactory;

// A Helm chart repository as a static web site serves it: index.yaml (the real service-binding-operator index from
// the fixtures, with digests matching the charts served here) and one chart tarball per entry, whose templates
// name images that exist in the world's source registry.
class HelmRepositoryBuilder
{
public:
    HelmRepositoryBuilder(ImageFactory *factory, const QString &fixturesDirectory);

    // Writes index.yaml and the .tgz files into directory.
    bool build(const QString &directory, QString *error);

    QString repositoryName() const { return QStringLiteral("service-binding-operator-helm-chart"); }
    QStringList charts() const { return m_charts; }         // "<name>-<version>.tgz"
    QStringList references() const { return m_references; } // images the charts name

private:
    ImageFactory *m_factory;
    QString m_fixtures;
    QStringList m_charts;
    QStringList m_references;
};
