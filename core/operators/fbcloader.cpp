#include "fbcloader.h"

#include "config/semanticversion.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentRun>

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace {

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// Where a blob came from, for error messages.
struct BlobLocation
{
    QString file;
    int line = 0;

    QString prefix() const
    {
        return line > 0 ? QStringLiteral("%1:%2: ").arg(file).arg(line) : file + QStringLiteral(": ");
    }
};

// ---- YAML → JSON ------------------------------------------------------------------------------------------------

QJsonValue plainScalarToJson(const std::string &text)
{
    // YAML 1.2 core schema resolution of plain (unquoted) scalars.
    static const QRegularExpression intPattern(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression floatPattern(
        QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    const QString value = QString::fromStdString(text);
    if (value.isEmpty() || value == QLatin1String("~") || value == QLatin1String("null") ||
        value == QLatin1String("Null") || value == QLatin1String("NULL"))
        return QJsonValue(QJsonValue::Null);
    if (value == QLatin1String("true") || value == QLatin1String("True") || value == QLatin1String("TRUE"))
        return true;
    if (value == QLatin1String("false") || value == QLatin1String("False") || value == QLatin1String("FALSE"))
        return false;
    if (intPattern.match(value).hasMatch()) {
        bool ok = false;
        const qint64 number = value.toLongLong(&ok);
        if (ok)
            return number;
    }
    if (floatPattern.match(value).hasMatch()) {
        bool ok = false;
        const double number = value.toDouble(&ok);
        if (ok)
            return number;
    }
    return value;
}

QJsonValue yamlToJson(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        return QJsonValue(QJsonValue::Null);
    case YAML::NodeType::Scalar:
        // yaml-cpp tags quoted scalars "!" and plain ones "?": only plain scalars are typed.
        if (node.Tag() == "!")
            return QString::fromStdString(node.Scalar());
        return plainScalarToJson(node.Scalar());
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node &item : node)
            array.append(yamlToJson(item));
        return array;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (auto it = node.begin(); it != node.end(); ++it)
            object.insert(QString::fromStdString(it->first.as<std::string>()), yamlToJson(it->second));
        return object;
    }
    }
    return QJsonValue(QJsonValue::Null);
}

// ---- blob interpretation ----------------------------------------------------------------------------------------

bool requireString(const QJsonObject &object, QLatin1String field, const QString &what, const BlobLocation &where,
                   QString *out, QString *error, bool required = true)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull()) {
        if (!required) {
            out->clear();
            return true;
        }
        *error = where.prefix() + QStringLiteral("%1 has no \"%2\" (a string is required)").arg(what, field);
        return false;
    }
    if (!value.isString()) {
        *error = where.prefix() + QStringLiteral("%1 field \"%2\" must be a string").arg(what, field);
        return false;
    }
    *out = value.toString();
    if (required && out->isEmpty()) {
        *error = where.prefix() + QStringLiteral("%1 field \"%2\" is empty").arg(what, field);
        return false;
    }
    return true;
}

bool addPackage(const QJsonObject &object, QByteArray json, const BlobLocation &where, FileBasedCatalog &catalog,
                QString *error)
{
    FbcPackage package;
    const QString what = QStringLiteral("olm.package");
    if (!requireString(object, QLatin1String("name"), what, where, &package.name, error) ||
        !requireString(object, QLatin1String("defaultChannel"), what, where, &package.defaultChannel, error, false) ||
        !requireString(object, QLatin1String("description"), what, where, &package.description, error, false))
        return false;
    const QJsonValue icon = object.value(QLatin1String("icon"));
    if (!icon.isUndefined() && !icon.isNull() && !icon.isObject()) {
        *error = where.prefix() + QStringLiteral("olm.package %1 field \"icon\" must be an object "
                                                 "{base64data, mediatype}")
                                      .arg(quoted(package.name));
        return false;
    }
    package.icon = icon.toObject();
    package.json = std::move(json);
    package.sourceFile = where.file;
    if (!catalog.addPackage(package, error)) {
        *error = where.prefix() + *error;
        return false;
    }
    return true;
}

bool addChannel(const QJsonObject &object, QByteArray json, const BlobLocation &where, FileBasedCatalog &catalog,
                QString *error)
{
    FbcChannel channel;
    const QString what = QStringLiteral("olm.channel");
    if (!requireString(object, QLatin1String("package"), what, where, &channel.package, error) ||
        !requireString(object, QLatin1String("name"), what, where, &channel.name, error))
        return false;
    const QString channelWhat =
        QStringLiteral("olm.channel %1 of package %2").arg(quoted(channel.name), quoted(channel.package));
    const QJsonValue entries = object.value(QLatin1String("entries"));
    if (!entries.isArray()) {
        *error = where.prefix() + channelWhat +
                 QStringLiteral(": \"entries\" must be a list of "
                                "{name, replaces, skips, skipRange}");
        return false;
    }
    const QJsonArray entryArray = entries.toArray();
    channel.entries.reserve(entryArray.size());
    for (qsizetype i = 0; i < entryArray.size(); ++i) {
        const QJsonValue value = entryArray.at(i);
        const QString entryWhat = channelWhat + QStringLiteral(" entry %1").arg(i);
        if (!value.isObject()) {
            *error = where.prefix() + entryWhat + QStringLiteral(" must be an object");
            return false;
        }
        const QJsonObject entryObject = value.toObject();
        FbcChannelEntry entry;
        if (!requireString(entryObject, QLatin1String("name"), entryWhat, where, &entry.name, error) ||
            !requireString(entryObject, QLatin1String("replaces"), entryWhat, where, &entry.replaces, error, false) ||
            !requireString(entryObject, QLatin1String("skipRange"), entryWhat, where, &entry.skipRange, error, false))
            return false;
        const QJsonValue skips = entryObject.value(QLatin1String("skips"));
        if (!skips.isUndefined() && !skips.isNull()) {
            if (!skips.isArray()) {
                *error = where.prefix() + entryWhat + QStringLiteral(" field \"skips\" must be a list of bundle names");
                return false;
            }
            for (const QJsonValue &skip : skips.toArray()) {
                if (!skip.isString()) {
                    *error = where.prefix() + entryWhat +
                             QStringLiteral(" field \"skips\" must be a list of bundle names (strings)");
                    return false;
                }
                entry.skips.append(skip.toString());
            }
        }
        channel.entries.append(std::move(entry));
    }
    channel.json = std::move(json);
    channel.sourceFile = where.file;
    if (!catalog.addChannel(channel, error)) {
        *error = where.prefix() + *error;
        return false;
    }
    return true;
}

bool addBundle(const QJsonObject &object, QByteArray json, const BlobLocation &where, FileBasedCatalog &catalog,
               QString *error)
{
    FbcBundle bundle;
    const QString what = QStringLiteral("olm.bundle");
    if (!requireString(object, QLatin1String("package"), what, where, &bundle.package, error) ||
        !requireString(object, QLatin1String("name"), what, where, &bundle.name, error) ||
        !requireString(object, QLatin1String("image"), what, where, &bundle.image, error, false))
        return false;
    const QString bundleWhat = QStringLiteral("olm.bundle %1").arg(quoted(bundle.name));
    const QJsonValue properties = object.value(QLatin1String("properties"));
    if (!properties.isUndefined() && !properties.isArray()) {
        *error = where.prefix() + bundleWhat + QStringLiteral(": \"properties\" must be a list of {type, value}");
        return false;
    }
    int packageProperties = 0;
    for (const QJsonValue &property : properties.toArray()) {
        const QJsonObject propertyObject = property.toObject();
        if (propertyObject.value(QLatin1String("type")).toString() != QLatin1String("olm.package"))
            continue;
        ++packageProperties;
        const QJsonValue version =
            propertyObject.value(QLatin1String("value")).toObject().value(QLatin1String("version"));
        if (!version.isString()) {
            *error = where.prefix() + bundleWhat +
                     QStringLiteral(": the olm.package property has no \"version\" string (expected "
                                    "{packageName, version})");
            return false;
        }
        bundle.version = version.toString();
        QString why;
        if (!SemanticVersion::parse(bundle.version, &why)) {
            *error = where.prefix() + bundleWhat +
                     QStringLiteral(": olm.package version %1 is not a semantic version: %2")
                         .arg(quoted(bundle.version), why);
            return false;
        }
    }
    if (packageProperties != 1) {
        *error = where.prefix() + bundleWhat +
                 QStringLiteral(" must have exactly one \"olm.package\" property {packageName, version}, found %1")
                     .arg(packageProperties);
        return false;
    }
    const QJsonValue related = object.value(QLatin1String("relatedImages"));
    if (!related.isUndefined() && !related.isNull()) {
        if (!related.isArray()) {
            *error =
                where.prefix() + bundleWhat + QStringLiteral(": \"relatedImages\" must be a list of {name, image}");
            return false;
        }
        for (const QJsonValue &value : related.toArray()) {
            const QJsonObject item = value.toObject();
            if (!value.isObject() ||
                (!item.value(QLatin1String("image")).isString() && !item.value(QLatin1String("image")).isUndefined())) {
                *error = where.prefix() + bundleWhat +
                         QStringLiteral(": every \"relatedImages\" item must be an object {name, image: string}");
                return false;
            }
            bundle.relatedImages.append(
                {item.value(QLatin1String("name")).toString(), item.value(QLatin1String("image")).toString()});
        }
    }
    bundle.json = std::move(json);
    bundle.sourceFile = where.file;
    if (!catalog.addBundle(bundle, error)) {
        *error = where.prefix() + *error;
        return false;
    }
    return true;
}

bool addDeprecation(const QJsonObject &object, QByteArray json, const BlobLocation &where, FileBasedCatalog &catalog,
                    QString *error)
{
    FbcDeprecation deprecation;
    if (!requireString(object, QLatin1String("package"), QStringLiteral("olm.deprecations"), where,
                       &deprecation.package, error))
        return false;
    const QJsonValue entries = object.value(QLatin1String("entries"));
    if (!entries.isUndefined() && !entries.isArray()) {
        *error = where.prefix() + QStringLiteral("olm.deprecations of package %1: \"entries\" must be a list of "
                                                 "{reference: {schema, name}, message}")
                                      .arg(quoted(deprecation.package));
        return false;
    }
    for (const QJsonValue &value : entries.toArray()) {
        const QJsonObject entry = value.toObject();
        const QJsonObject reference = entry.value(QLatin1String("reference")).toObject();
        FbcDeprecation::Entry item;
        item.schema = reference.value(QLatin1String("schema")).toString();
        item.name = reference.value(QLatin1String("name")).toString();
        item.message = entry.value(QLatin1String("message")).toString();
        if (item.schema != QLatin1String("olm.package") && item.schema != QLatin1String("olm.channel") &&
            item.schema != QLatin1String("olm.bundle")) {
            *error = where.prefix() + QStringLiteral("olm.deprecations of package %1: reference schema %2 is not "
                                                     "olm.package, olm.channel or olm.bundle")
                                          .arg(quoted(deprecation.package), quoted(item.schema));
            return false;
        }
        deprecation.entries.append(item);
    }
    deprecation.json = std::move(json);
    deprecation.sourceFile = where.file;
    if (!catalog.addDeprecation(deprecation, error)) {
        *error = where.prefix() + *error;
        return false;
    }
    return true;
}

bool addBlob(const QJsonObject &object, QByteArray json, const BlobLocation &where, FileBasedCatalog &catalog,
             QString *error)
{
    const QJsonValue schemaValue = object.value(QLatin1String("schema"));
    if (!schemaValue.isString() || schemaValue.toString().isEmpty()) {
        *error = where.prefix() + QStringLiteral("object has no \"schema\" string (every catalog blob needs one, "
                                                 "e.g. olm.package, olm.channel, olm.bundle)");
        return false;
    }
    const QString schema = schemaValue.toString();
    if (schema == QLatin1String("olm.bundle"))
        return addBundle(object, std::move(json), where, catalog, error);
    if (schema == QLatin1String("olm.channel"))
        return addChannel(object, std::move(json), where, catalog, error);
    if (schema == QLatin1String("olm.package"))
        return addPackage(object, std::move(json), where, catalog, error);
    if (schema == QLatin1String("olm.deprecations"))
        return addDeprecation(object, std::move(json), where, catalog, error);
    FbcMeta meta;
    meta.schema = schema;
    meta.package = object.value(QLatin1String("package")).toString();
    meta.name = object.value(QLatin1String("name")).toString();
    meta.json = std::move(json);
    meta.sourceFile = where.file;
    catalog.addOther(meta);
    return true;
}

// ---- .indexignore -----------------------------------------------------------------------------------------------

struct IgnoreRule
{
    QString base; // directory of the .indexignore file, with trailing '/'
    QRegularExpression pattern;
    bool anchored = false; // pattern contains '/': match the relative path, else any path component
    bool negated = false;
};

QList<IgnoreRule> readIgnoreRules(const QString &root)
{
    QList<IgnoreRule> rules;
    QDirIterator it(root, {QStringLiteral(".indexignore")}, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    QStringList ignoreFiles;
    while (it.hasNext())
        ignoreFiles.append(it.next());
    ignoreFiles.sort();
    for (const QString &path : std::as_const(ignoreFiles)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QString base = QFileInfo(path).absolutePath() + QLatin1Char('/');
        for (QString line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
            line = line.trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            IgnoreRule rule;
            rule.base = base;
            if (line.startsWith(QLatin1Char('!'))) {
                rule.negated = true;
                line.remove(0, 1);
            }
            if (line.endsWith(QLatin1Char('/')))
                line.chop(1);
            rule.anchored = line.contains(QLatin1Char('/'));
            if (line.startsWith(QLatin1Char('/')))
                line.remove(0, 1);
            rule.pattern = QRegularExpression(QRegularExpression::wildcardToRegularExpression(
                line, QRegularExpression::UnanchoredWildcardConversion));
            rule.pattern.setPattern(QLatin1Char('^') + rule.pattern.pattern() + QLatin1Char('$'));
            rules.append(rule);
        }
    }
    return rules;
}

bool isIgnored(const QString &absolutePath, const QList<IgnoreRule> &rules)
{
    bool ignored = false;
    for (const IgnoreRule &rule : rules) {
        if (!absolutePath.startsWith(rule.base))
            continue;
        const QString relative = absolutePath.mid(rule.base.size());
        bool match = false;
        if (rule.anchored) {
            // A directory pattern also excludes everything below it.
            const QStringList parts = relative.split(QLatin1Char('/'));
            for (qsizetype n = 1; n <= parts.size() && !match; ++n)
                match = rule.pattern.match(parts.mid(0, n).join(QLatin1Char('/'))).hasMatch();
        } else {
            const QStringList parts = relative.split(QLatin1Char('/'));
            match = std::any_of(parts.cbegin(), parts.cend(),
                                [&](const QString &part) { return rule.pattern.match(part).hasMatch(); });
        }
        if (match)
            ignored = !rule.negated;
    }
    return ignored;
}

int lineOf(const QByteArray &data, qsizetype offset, qsizetype fromOffset, int fromLine)
{
    int line = fromLine;
    const char *p = data.constData();
    for (qsizetype i = fromOffset; i < offset; ++i) {
        if (p[i] == '\n')
            ++line;
    }
    return line;
}

} // namespace

bool FbcLoader::splitJsonStream(const QByteArray &data, const std::function<bool(qsizetype, qsizetype, int)> &onObject,
                                QString *error)
{
    const char *p = data.constData();
    const qsizetype size = data.size();
    qsizetype i = 0;
    int line = 1;
    while (true) {
        while (i < size && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n')) {
            if (p[i] == '\n')
                ++line;
            ++i;
        }
        if (i >= size)
            return true;
        if (p[i] != '{') {
            if (error)
                *error = QStringLiteral("line %1: expected '{' to start a catalog object, found '%2'")
                             .arg(line)
                             .arg(QLatin1Char(p[i]));
            return false;
        }
        const qsizetype start = i;
        const int startLine = line;
        int depth = 0;
        bool inString = false;
        for (; i < size; ++i) {
            const char c = p[i];
            if (inString) {
                if (c == '\\')
                    ++i; // the escaped character cannot end the string
                else if (c == '"')
                    inString = false;
                else if (c == '\n')
                    ++line;
                continue;
            }
            if (c == '"')
                inString = true;
            else if (c == '{' || c == '[')
                ++depth;
            else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    ++i;
                    break;
                }
            } else if (c == '\n')
                ++line;
        }
        if (depth != 0 || inString) {
            if (error)
                *error = QStringLiteral("line %1: the object starting here is not closed before the end of the file")
                             .arg(startLine);
            return false;
        }
        if (!onObject(start, i - start, startLine))
            return false;
    }
}

bool FbcLoader::loadData(const QByteArray &data, bool yaml, const QString &fileName, FileBasedCatalog &catalog,
                         QString *error)
{
    QString localError;
    QString &err = error ? *error : localError;
    if (!yaml) {
        QString splitError;
        const bool ok = splitJsonStream(
            data,
            [&](qsizetype start, qsizetype length, int line) {
                QByteArray json = data.mid(start, length);
                QJsonParseError parseError;
                const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
                const BlobLocation where{fileName, line};
                if (parseError.error != QJsonParseError::NoError) {
                    err = QStringLiteral("%1:%2: invalid JSON: %3")
                              .arg(fileName)
                              .arg(lineOf(data, start + parseError.offset, start, line))
                              .arg(parseError.errorString());
                    return false;
                }
                return addBlob(document.object(), std::move(json), where, catalog, &err);
            },
            &splitError);
        if (!ok && !splitError.isEmpty())
            err = fileName + QStringLiteral(": ") + splitError;
        return ok;
    }
    std::vector<YAML::Node> documents;
    try {
        documents = YAML::LoadAll(data.toStdString());
    } catch (const YAML::Exception &e) {
        err = QStringLiteral("%1:%2: invalid YAML: %3")
                  .arg(fileName)
                  .arg(e.mark.line + 1)
                  .arg(QString::fromStdString(e.msg));
        return false;
    }
    for (const YAML::Node &document : documents) {
        if (document.IsNull())
            continue; // an empty document between two "---"
        const BlobLocation where{fileName, document.Mark().line + 1};
        if (!document.IsMap()) {
            err = where.prefix() + QStringLiteral("a catalog document must be a mapping with a \"schema\" key");
            return false;
        }
        QJsonObject object;
        try {
            object = yamlToJson(document).toObject();
        } catch (const YAML::Exception &e) {
            err = where.prefix() + QStringLiteral("invalid YAML: %1").arg(QString::fromStdString(e.msg));
            return false;
        }
        if (!addBlob(object, QJsonDocument(object).toJson(QJsonDocument::Compact), where, catalog, &err))
            return false;
    }
    return true;
}

bool FbcLoader::loadFile(const QString &path, FileBasedCatalog &catalog, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray data = file.readAll();
    const bool yaml = !path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    return loadData(data, yaml, path, catalog, error);
}

QStringList FbcLoader::catalogFiles(const QString &directory, QString *error)
{
    const QFileInfo info(directory);
    if (!info.isDir()) {
        if (error)
            *error = QStringLiteral("%1: not a catalog directory").arg(directory);
        return {};
    }
    const QString root = info.absoluteFilePath();
    const QList<IgnoreRule> rules = readIgnoreRules(root);
    QStringList files;
    QDirIterator it(root, {QStringLiteral("*.json"), QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files,
                    QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!isIgnored(path, rules))
            files.append(path);
    }
    files.sort();
    return files;
}

FbcLoadResult FbcLoader::loadInto(const QString &directory, const std::function<bool(int, int)> &progress)
{
    FbcLoadResult result;
    const QStringList files = catalogFiles(directory, &result.error);
    if (!result.error.isEmpty())
        return result;
    result.fileCount = int(files.size());
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (progress && !progress(int(i), int(files.size()))) {
            result.error = QStringLiteral("cancelled");
            return result;
        }
        if (!loadFile(files.at(i), result.catalog, &result.error))
            return result;
    }
    if (progress)
        progress(int(files.size()), int(files.size()));
    return result;
}

std::optional<FileBasedCatalog> FbcLoader::load(const QString &directory, QString *error)
{
    FbcLoadResult result = loadInto(directory, {});
    if (!result.isOk()) {
        if (error)
            *error = result.error;
        return std::nullopt;
    }
    return std::move(result.catalog);
}

QFuture<FbcLoadResult> FbcLoader::loadAsync(const QString &directory, QThreadPool *pool)
{
    const auto work = [directory](QPromise<FbcLoadResult> &promise) {
        FbcLoadResult result = loadInto(directory, [&promise](int done, int total) {
            promise.setProgressRange(0, total);
            promise.setProgressValue(done);
            return !promise.isCanceled();
        });
        promise.addResult(std::move(result));
    };
    return pool ? QtConcurrent::run(pool, work) : QtConcurrent::run(work);
}
