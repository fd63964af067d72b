#include "mirrorplan.h"

#include <algorithm>

bool MirrorPlan::add(const MirrorPlanEntry &entry)
{
    const bool duplicate = std::any_of(m_entries.cbegin(), m_entries.cend(), [&](const MirrorPlanEntry &planned) {
        if (m_deleteMode)
            return planned.destination == entry.destination;
        return planned.origin == entry.origin && planned.effectiveSource() == entry.effectiveSource() &&
               planned.destination == entry.destination;
    });
    if (duplicate)
        return false;
    m_entries.append(entry);
    return true;
}

QList<MirrorPlanEntry> MirrorPlan::inCopyOrder() const
{
    QList<MirrorPlanEntry> ordered = m_entries;
    std::stable_sort(ordered.begin(), ordered.end(), [](const MirrorPlanEntry &a, const MirrorPlanEntry &b) {
        return ImageKinds::copyOrder(a.kind) < ImageKinds::copyOrder(b.kind);
    });
    return ordered;
}

QList<MirrorPlanEntry> MirrorPlan::ofCategory(ImageCategory category) const
{
    QList<MirrorPlanEntry> result;
    std::copy_if(m_entries.cbegin(), m_entries.cend(), std::back_inserter(result),
                 [category](const MirrorPlanEntry &entry) { return entry.category() == category; });
    return result;
}

qsizetype MirrorPlan::countOf(ImageCategory category) const
{
    return std::count_if(m_entries.cbegin(), m_entries.cend(),
                         [category](const MirrorPlanEntry &entry) { return entry.category() == category; });
}
