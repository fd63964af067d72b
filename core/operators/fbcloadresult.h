#pragma once

#include "filebasedcatalog.h"

#include <QString>

// What an asynchronous catalog load produced: the catalog, or the error that stopped it.
class FbcLoadResult
{
public:
    FileBasedCatalog catalog;
    QString error;
    int fileCount = 0;

    bool isOk() const { return error.isEmpty(); }
};
