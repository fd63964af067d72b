#pragma once

#include <QSortFilterProxyModel>

// Narrows a MirrorPlanModel to the images an admin is looking for: by state (pending, copying, done, failed) and by
// text in the origin or the destination. Sorts by the model's raw values.
class MirrorPlanFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MirrorPlanFilterModel)

public:
    enum class StateFilter {
        All,
        Pending,
        Copying,
        Done, // copied or already present
        Failed,
    };
    Q_ENUM(StateFilter)

    explicit MirrorPlanFilterModel(QObject *parent = nullptr);

    StateFilter stateFilter() const { return m_stateFilter; }
    void setStateFilter(StateFilter filter);
    QString text() const { return m_text; }
    // Case-insensitive substring of the origin or the destination; empty shows every row.
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    StateFilter m_stateFilter = StateFilter::All;
    QString m_text;
};
