#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// Reads what image discovery needs from a Helm chart: a packaged chart (.tgz: a gzip tar whose files all sit
// under one top folder `<chart>/`) or a chart directory. Sub-charts under charts/ (folders or nested .tgz files)
// are read too, depth first. Archive paths are sanitised: absolute paths, ".." components and anything that is
// not a regular file are refused or skipped, so a hostile archive cannot name files outside the chart.
class HelmChartReader
{
public:
    struct Chart
    {
        QString path; // "<chart>" for the top chart, "<chart>/charts/<sub>" for sub-charts
        QString name;
        QString version;
        QString appVersion;
        QByteArray valuesYaml;               // empty when the chart has no values.yaml
        QMap<QString, QByteArray> templates; // path relative to the chart ("templates/deployment.yaml") → text
    };

    struct Result
    {
        QList<Chart> charts; // the chart first, then its sub-charts depth first
        QString error;       // set when the chart could not be read; charts is then empty
        QStringList warnings;
        bool isOk() const { return error.isEmpty(); }
    };

    // Limits against archive bombs: charts are small text bundles.
    static constexpr qint64 MaxFileSize = 16 * 1024 * 1024;
    static constexpr qint64 MaxTotalSize = 128 * 1024 * 1024;
    static constexpr int MaxNesting = 5;

    // label names the archive in messages (a file name or URL without credentials).
    static Result readArchive(const QByteArray &tgz, const QString &label);
    static Result readFile(const QString &tgzPath);
    static Result readDirectory(const QString &directory);
    // A directory or a .tgz file.
    static Result read(const QString &path);

    // "a/./b/" → "a/b"; empty for absolute paths, ".." components or empty names.
    static QString sanitisePath(const QString &path);

private:
    using FileMap = QMap<QString, QByteArray>;
    static bool extract(const QByteArray &tgz, const QString &label, FileMap *files, QString *error,
                        QStringList *warnings);
    static void collect(const FileMap &files, const QString &prefix, const QString &displayPath, int depth,
                        const QString &label, Result *result);
};
