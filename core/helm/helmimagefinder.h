#pragma once

#include "helmchartreader.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// Finds the images a chart deploys without running helm. The rule, applied to the chart and each sub-chart:
//
// (a) Every `imagePaths` expression of the config (JSONPath subset, see HelmJsonPath) is evaluated over each
//     template document and over values.yaml. A template document counts when it parses as YAML once its
//     `{{ … }}` expressions are removed: a line holding only expressions is dropped, an expression inside a line
//     is replaced by a placeholder, so `image: "{{ .Values.x }}"` parses but its value is known to be templated.
// (b) The paths oc-mirror applies to rendered manifests are evaluated the same way: the image of every
//     container and initContainer of a pod spec (`.spec`, `.spec.template.spec` for Deployments, StatefulSets,
//     DaemonSets, ReplicaSets and Jobs, `.spec.jobTemplate.spec.template.spec` for CronJobs).
// (c) In values.yaml: a string under a key named `image` that parses as a reference with a tag or digest, and a
//     mapping with `repository` (plus optional `registry`) and `tag` or `digest` — the common chart convention —
//     whose empty tag defaults to the chart's appVersion (a mapping under `image` may omit `tag`).
//
// A value found by (a) or (b) without tag or digest is taken as `:latest`, as a container runtime reads it.
// Values that still contain `{{` cannot be resolved without rendering: they are skipped with a warning.
// Results are de-duplicated by normalised reference and sorted.
class HelmImageFinder
{
public:
    struct Result
    {
        QStringList images;   // as found (":latest" appended when needed)
        QStringList warnings; // unparsable documents, templated values, values that are not references
        QStringList errors;   // invalid imagePaths expressions
    };

    static QStringList defaultImagePaths();

    static Result find(const QList<HelmChartReader::Chart> &charts, const QStringList &imagePaths = {});

    // The template text with `{{ … }}` expressions removed as described in (a); an expression inside a line
    // becomes templatePlaceholder(), a plain word that YAML accepts in any scalar.
    static QByteArray removeTemplateExpressions(const QByteArray &text);
    static QString templatePlaceholder();
};
