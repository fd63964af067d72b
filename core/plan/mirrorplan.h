#pragma once

#include "mirrorplanentry.h"

#include <QList>

// The images a run mirrors, de-duplicated and in oc-mirror's copy order.
class MirrorPlan
{
public:
    // Adds an entry unless an identical (origin, source, destination) one is already planned; returns whether added.
    // In delete mode identity is the destination alone, as oc-mirror de-duplicates delete lists.
    bool add(const MirrorPlanEntry &entry);
    void setDeleteMode(bool deleteMode) { m_deleteMode = deleteMode; }

    const QList<MirrorPlanEntry> &entries() const { return m_entries; }
    qsizetype size() const { return m_entries.size(); }
    bool isEmpty() const { return m_entries.isEmpty(); }

    // Entries sorted by copy order; the order within one kind is the order they were added.
    QList<MirrorPlanEntry> inCopyOrder() const;
    QList<MirrorPlanEntry> ofCategory(ImageCategory category) const;
    qsizetype countOf(ImageCategory category) const;

private:
    QList<MirrorPlanEntry> m_entries;
    bool m_deleteMode = false;
};
