#include "deleteimagelistloader.h"

#include "configparsecontext.h"
#include "registry/imagereference.h"
#include "yamlscalar.h"

#include <yaml-cpp/yaml.h>

#include <QFile>

static DeleteImageItem readItem(ConfigParseContext &ctx, const YAML::Node &node, const QString &path, ConfigMark mark)
{
    DeleteImageItem item;
    static const QStringList known = {QStringLiteral("imageName"), QStringLiteral("imageReference"),
                                      QStringLiteral("type"), QStringLiteral("relatedBlobs")};
    bool hasName = false;
    bool hasReference = false;
    for (const YamlField &field : ctx.fields(node, path, mark, known)) {
        if (field.name == QLatin1String("imageName")) {
            item.imageName = ctx.string(field).value_or(QString());
            hasName = true;
        } else if (field.name == QLatin1String("imageReference")) {
            hasReference = true;
            item.imageReference = ctx.string(field).value_or(QString());
            QString error;
            if (!item.imageReference.isEmpty() && !ImageReference::parse(item.imageReference, &error))
                ctx.addError(field.valueMark, field.path, error);
        } else if (field.name == QLatin1String("type")) {
            item.type = ctx.string(field);
            if (item.type && !DeleteImageList::knownTypes().contains(*item.type))
                ctx.addError(field.valueMark, field.path,
                             QStringLiteral("unknown image type \"") + *item.type +
                                 QStringLiteral("\": expected one of ") +
                                 DeleteImageList::knownTypes().join(QLatin1String(", ")));
        } else {
            item.relatedBlobs = ctx.stringList(field);
        }
    }
    if (!hasName || item.imageName.isEmpty())
        ctx.addError(mark, ConfigParseContext::childPath(path, QStringLiteral("imageName")),
                     QStringLiteral("an item needs an imageName"));
    if (!hasReference || item.imageReference.isEmpty())
        ctx.addError(mark, ConfigParseContext::childPath(path, QStringLiteral("imageReference")),
                     QStringLiteral("an item needs an imageReference"));
    return item;
}

DeleteImageListLoadResult DeleteImageListLoader::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        DeleteImageListLoadResult result;
        result.errors.append({path, 0, 0, QString(), QStringLiteral("cannot read the file: ") + file.errorString()});
        return result;
    }
    return loadData(file.readAll(), path);
}

DeleteImageListLoadResult DeleteImageListLoader::loadData(const QByteArray &yaml, const QString &fileName)
{
    DeleteImageListLoadResult result;
    ConfigParseContext ctx(fileName);
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &e) {
        ctx.addError({qMax(1, e.mark.line + 1), qMax(1, e.mark.column + 1)}, QString(),
                     QStringLiteral("invalid YAML: ") + QString::fromStdString(e.msg));
        result.errors = ctx.errors();
        return result;
    }
    ConfigMark rootMark = ConfigParseContext::mark(root);
    if (!rootMark.isValid())
        rootMark = {1, 1};
    if (root.IsDefined() && !root.IsNull() && !root.IsMap()) {
        ctx.addError(rootMark, QString(),
                     QStringLiteral("expected a map at the top level, found ") + YamlScalar::describe(root));
        result.errors = ctx.errors();
        return result;
    }

    static const QStringList known = {QStringLiteral("kind"), QStringLiteral("apiVersion"), QStringLiteral("items")};
    DeleteImageList list;
    list.apiVersion.reset();
    bool kindOk = false;
    bool hasKind = false;
    for (const YamlField &field : ctx.fields(root, QString(), rootMark, known)) {
        if (field.name == QLatin1String("kind")) {
            hasKind = true;
            const auto kind = ctx.string(field);
            kindOk = kind == QString(DeleteImageList::kindName());
            if (kind && !kindOk)
                ctx.addError(field.valueMark, field.path,
                             QStringLiteral("unsupported kind \"") + *kind +
                                 QStringLiteral("\": expected DeleteImageList"));
        } else if (field.name == QLatin1String("apiVersion")) {
            list.apiVersion = ctx.string(field);
        } else {
            ctx.forEachItem(field, [&](const YAML::Node &item, const QString &path, ConfigMark mark) {
                list.items.append(readItem(ctx, item, path, mark));
            });
        }
    }
    if (!hasKind)
        ctx.addError(rootMark, QString(), QStringLiteral("missing 'kind' (expected DeleteImageList)"));
    if (kindOk || !hasKind)
        result.list = list;
    ConfigError::sortByPosition(ctx.errors());
    result.errors = ctx.errors();
    return result;
}
