#include "mirrorrunresult.h"

int MirrorRunResult::exitCode() const
{
    int code = 0;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it) {
        if (it->mirrored < it->total)
            code |= ImageKinds::exitCodeBit(it.key());
    }
    if (code == 0 && (cancelled || !fatalError.isEmpty()))
        code = 1;
    return code;
}

QList<MirrorPlanEntry> MirrorRunResult::failedEntries() const
{
    QList<MirrorPlanEntry> entries;
    for (const Failure &failure : failures)
        entries.append(failure.entry);
    return entries;
}
