#pragma once

#include <QByteArray>
#include <QString>

class OperatorCatalog;

// The name of a filtered catalog in the working directory and the cache tag of its rebuilt image: the first 32 hex
// characters of the MD5 of the operator entry's JSON, computed like oc-mirror so that both tools agree on it.
//
// The JSON is what Go's json.Marshal makes of oc-mirror's v2alpha1.Operator with targetCatalog, targetTag and
// targetCatalogSourceTemplate blanked and catalog pinned to `<name>@sha256:<digest>`: compact, HTML characters
// escaped, fields in struct order with empty ones omitted:
//   {"packages":[{"name","channels":[{"name","minVersion","maxVersion"}],"defaultChannel","minVersion",
//     "maxVersion","bundles":[{"name"}]}],"catalog","full","skipDependencies","platforms":[{"os","architecture"}]}
// ("targetCatalog", "targetTag", "originalRef" and "targetCatalogSourceTemplate" come between "catalog" and
// "platforms" in the struct but are always empty here).
class FilterId
{
public:
    // catalogDigest is "sha256:<hex>" (or bare hex). An oci:// catalog keeps its path; otherwise the tag and any
    // digest of the reference are replaced by the given digest.
    static QByteArray operatorJson(const OperatorCatalog &catalog, const QString &catalogDigest);
    static QString compute(const OperatorCatalog &catalog, const QString &catalogDigest);
    static QString pinnedCatalog(const QString &catalog, const QString &catalogDigest);
};
