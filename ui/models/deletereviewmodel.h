#pragma once

#include "config/deleteimageitem.h"
#include "delete/deleteexecutor.h"

#include <QAbstractTableModel>
#include <QList>

// The items of a delete-images.yaml under review: what each is, what the check said about it and what its
// execution did. Rows are checkable so that an admin can leave items out of one execution; a protected item can
// never be checked (deleting it would break the image that keeps it).
class DeleteReviewModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeleteReviewModel)

public:
    enum Column { ImageColumn, DestinationColumn, DigestColumn, KindColumn, StateColumn, ReasonColumn, ColumnCount };
    enum Role {
        StateRole = Qt::UserRole + 1, // State as int
        ReferenceRole,                // imageReference as listed (with docker://)
        DigestRole,
        DetailRole,
    };
    enum class State {
        NotChecked, // loaded, no check yet
        WillDelete,
        Protected,
        Skipped,
        Deleting,
        Deleted,
        AlreadyGone,
        Failed,
        LeftOut, // unchecked by the admin for this execution
    };
    Q_ENUM(State)

    explicit DeleteReviewModel(QObject *parent = nullptr);

    static QString stateName(State state);

    void setItems(const QList<DeleteImageItem> &items);
    const DeleteImageItem &item(int row) const { return m_rows.at(row).item; }
    State state(int row) const { return m_rows.at(row).state; }
    QString detail(int row) const { return m_rows.at(row).detail; }
    bool isChecked(int row) const { return m_rows.at(row).checked; }
    // False (and nothing changes) for a protected row.
    bool setChecked(int row, bool checked);

    // The rows to execute, in list order, and their items.
    QList<int> checkedRows() const;
    QList<DeleteImageItem> checkedItems() const;
    int count(State state) const;

    // The check of `rows` (checkedRows() when it started): outcomes in the same order. Protected and failed rows
    // are unchecked; rows not checked show as left out unless an earlier check protected them.
    void applyCheck(const QList<int> &rows, const QList<DeleteExecutor::Outcome> &outcomes);
    // Execution: a row being deleted, then its outcome.
    void setDeleting(int row);
    void applyOutcome(int row, const DeleteExecutor::Outcome &outcome);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    // The set of checked rows changed (by the admin or by a check).
    void checkedRowsChanged();

private:
    struct Row
    {
        DeleteImageItem item;
        bool checked = true;
        State state = State::NotChecked;
        QString digest;
        QString detail;
    };

    void setOutcome(int row, const DeleteExecutor::Outcome &outcome, bool executed);
    void emitRowChanged(int row);

    QList<Row> m_rows;
};
