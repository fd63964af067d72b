#pragma once

#include "copy/imagecopyprogress.h"
#include "plan/mirrorplanentry.h"

#include <QAbstractTableModel>
#include <QList>
#include <QMap>

// A mirror plan with the live state of every image: one row per plan entry, in plan order (the row numbers the
// engine reports). Progress updates touch only the rows they name, so a run of thousands of images stays cheap.
class MirrorPlanModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MirrorPlanModel)

public:
    enum Column {
        OriginColumn,
        DestinationColumn,
        KindColumn,
        CategoryColumn,
        StateColumn,
        ProgressColumn,
        ErrorColumn,
        ColumnCount,
    };
    Q_ENUM(Column)

    enum Role {
        StateRole = Qt::UserRole + 1, // ImageCopyProgress::State as int
        CategoryRole,                 // ImageCategory as int
        KindRole,                     // ImageKind as int
        BytesDoneRole,
        BytesTotalRole,
        FractionRole, // 0..1 for the progress column
        SortRole,     // the raw value of the column, for proxies
    };
    Q_ENUM(Role)

    // Per category totals for the review counts and the result summary.
    struct CategoryCounts
    {
        int total = 0;
        int pending = 0;
        int copying = 0;
        int copied = 0;
        int skipped = 0; // already at the destination
        int failed = 0;
        int mirrored() const { return copied + skipped; }
    };

    explicit MirrorPlanModel(QObject *parent = nullptr);

    // A new plan: every row starts as queued.
    void setPlan(const QList<MirrorPlanEntry> &entries);
    void clear();
    // Applies the engine's changed rows; rows outside the plan are ignored.
    void applyProgress(const QList<ImageCopyProgress> &rows);
    // Every row back to queued (a new run of the same plan).
    void resetProgress();

    const QList<MirrorPlanEntry> &entries() const { return m_entries; }
    MirrorPlanEntry entry(int row) const { return m_entries.value(row); }
    ImageCopyProgress progress(int row) const { return m_progress.value(row); }

    QMap<ImageCategory, CategoryCounts> categoryCounts() const;
    int finishedCount() const;
    qint64 bytesDone() const;
    qint64 bytesTotal() const;

    static QString stateName(ImageCopyProgress::State state);
    static QString categoryName(ImageCategory category);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString progressText(const ImageCopyProgress &progress) const;

    QList<MirrorPlanEntry> m_entries;
    QList<ImageCopyProgress> m_progress;
};
