#pragma once

#include "configloadresult.h"

#include <QByteArray>
#include <QString>

// Reads an ImageSetConfiguration or DeleteImageSetConfiguration (mirror.openshift.io/v2alpha1) as strictly as
// oc-mirror does, then validates it (ConfigValidator), collecting every error with its file, line, column
// and field path:
// - YAML syntax errors; duplicate keys (yaml-cpp accepts them silently, so maps are walked by hand);
// - unknown fields and values of the wrong type (`full: "yes"`, `archiveSize: 4GB`, a string for a list);
//   like Go's encoding/json, field names also match ignoring case (`additionalimages`), except the
//   top-level `kind`, `mirror` and `delete` that oc-mirror looks up exactly;
// - a missing or unknown `kind`; an ImageSetConfiguration without `mirror:` or with `delete:`, and the
//   reverse for a DeleteImageSetConfiguration.
// Scalars resolve as YAML 1.1 (go-yaml v2): `minVersion: 4.18` is a number and must be quoted.
// Only the first YAML document of a file is read; anchors and aliases work, merge keys (`<<`) are unknown fields.
// DeleteImageSetConfiguration gets oc-mirror's default: architectures [amd64] when channels are set and neither
// architectures nor platforms are.
class ConfigLoader
{
public:
    static ConfigLoadResult loadFile(const QString &path);
    // `fileName` is only used in error messages.
    static ConfigLoadResult loadData(const QByteArray &yaml, const QString &fileName);
};
