#include "deleteimagelistwriter.h"

#include "yamlblockwriter.h"

QByteArray DeleteImageListWriter::write(const DeleteImageList &list)
{
    YamlBlockWriter out;
    if (list.apiVersion)
        out.string(QStringLiteral("apiVersion"), *list.apiVersion);
    if (list.items.isEmpty()) {
        out.emptyList(QStringLiteral("items"));
    } else {
        out.beginList(QStringLiteral("items"));
        for (const DeleteImageItem &item : list.items) {
            out.beginItem();
            out.string(QStringLiteral("imageName"), item.imageName);
            out.string(QStringLiteral("imageReference"), item.imageReference);
            if (!item.relatedBlobs.isEmpty()) {
                out.beginList(QStringLiteral("relatedBlobs"));
                for (const QString &blob : item.relatedBlobs)
                    out.stringItem(blob);
                out.endList();
            }
            if (item.type)
                out.string(QStringLiteral("type"), *item.type);
            out.endItem();
        }
        out.endList();
    }
    out.string(QStringLiteral("kind"), DeleteImageList::kindName());
    return out.data();
}
