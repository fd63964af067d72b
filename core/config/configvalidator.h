#pragma once

#include "configerror.h"
#include "configsourcemap.h"
#include "deleteimagesetconfiguration.h"
#include "imagesetconfiguration.h"

#include <QList>
#include <QString>

// The checks oc-mirror makes on a parsed configuration, plus those that would otherwise only fail at run time,
// each error pointing at the offending field (positions come from `sourceMap`; without one, line and column
// stay 0):
// - catalogs: a valid reference (or `oci://` path), valid targetCatalog (path components, no tag or digest)
//   and targetTag, no two catalogs with the same unique name (targetCatalog / targetTag applied);
// - packages and channels: no duplicates; minVersion / maxVersion are semantic versions (read tolerantly like
//   oc-mirror: `v1.2` is 1.2.0), not given on both package and channel level, not above each other, and not
//   combined with `full: true`;
// - release channels: no duplicate names, versions are semantic versions; architectures are known and not
//   combined with `platforms`; platform entries name an os and an architecture;
// - additional images: a valid reference with a tag or digest, valid targetRepo / targetTag;
// - blocked images: the name compiles as a regular expression. Ferry uses QRegularExpression (PCRE2) where
//   oc-mirror uses Go's RE2: PCRE2 also accepts back-references and look-arounds that Go refuses, and Go
//   accepts `\z` and `\C`; ordinary patterns behave the same;
// - helm: repositories have a name and an http(s) or oci URL, charts a name, local charts a path;
// - archiveSize is not negative.
// Applies to both kinds: oc-mirror gives `mirror:` and `delete:` the same fields.
class ConfigValidator
{
public:
    static const QStringList &knownArchitectures(); // amd64, arm64, ppc64le, s390x, multi

    static QList<ConfigError> validate(const ImageSetConfiguration &config,
                                       const ConfigSourceMap &sourceMap = ConfigSourceMap(),
                                       const QString &fileName = QString());
    static QList<ConfigError> validate(const DeleteImageSetConfiguration &config,
                                       const ConfigSourceMap &sourceMap = ConfigSourceMap(),
                                       const QString &fileName = QString());

    // oc-mirror's default for deletions: architectures [amd64] when release channels are listed and neither
    // architectures nor platforms are. ConfigLoader applies it.
    static void applyDeleteDefaults(DeleteImageSetConfiguration &config);
};
