#pragma once

#include "plan/mirrorplanentry.h"

#include <QList>
#include <QMap>
#include <QString>

// What a copy run achieved, per category, with every failure and its reason.
class MirrorRunResult
{
public:
    struct CategoryCount
    {
        int total = 0;
        int mirrored = 0; // copied or already present
    };

    struct Failure
    {
        MirrorPlanEntry entry;
        QString reason;
    };

    QMap<ImageCategory, CategoryCount> counts;
    QList<Failure> failures;
    bool cancelled = false;
    QString fatalError; // a release failure that stopped the batch, or a cancellation
    int copied = 0;
    int skipped = 0;
    qint64 bytesCopied = 0;

    // oc-mirror's bitmask: 2 release, 4 operator, 8 additional, 16 helm; 1 for anything else that went wrong.
    int exitCode() const;
    // A plan of just the failed entries, for "retry only the failed images".
    QList<MirrorPlanEntry> failedEntries() const;
};
