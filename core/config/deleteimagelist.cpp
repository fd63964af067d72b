#include "deleteimagelist.h"

const QStringList &DeleteImageList::knownTypes()
{
    static const QStringList types = {QStringLiteral("ocpRelease"),      QStringLiteral("ocpReleaseContent"),
                                      QStringLiteral("cincinnatiGraph"), QStringLiteral("operatorCatalog"),
                                      QStringLiteral("operatorBundle"),  QStringLiteral("operatorRelatedImage"),
                                      QStringLiteral("generic"),         QStringLiteral("helmImage")};
    return types;
}
