#include "deletereviewmodel.h"

#include <QBrush>
#include <QColor>
#include <QSet>

namespace {
QString withoutTransport(const QString &reference)
{
    return reference.startsWith(QLatin1String("docker://")) ? reference.mid(9) : reference;
}

// "sha256:0123456789ab": enough to tell digests apart in a table; the tooltip has the whole digest.
QString shortDigest(const QString &digest)
{
    const qsizetype colon = digest.indexOf(QLatin1Char(':'));
    return colon < 0 ? digest : digest.left(colon + 13);
}
} // namespace

DeleteReviewModel::DeleteReviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString DeleteReviewModel::stateName(State state)
{
    switch (state) {
    case State::NotChecked:
        return tr("not checked yet");
    case State::WillDelete:
        return tr("will delete");
    case State::Protected:
        return tr("protected");
    case State::Skipped:
        return tr("skipped");
    case State::Deleting:
        return tr("deleting…");
    case State::Deleted:
        return tr("deleted");
    case State::AlreadyGone:
        return tr("already gone");
    case State::Failed:
        return tr("failed");
    case State::LeftOut:
        return tr("left out");
    }
    return {};
}

void DeleteReviewModel::setItems(const QList<DeleteImageItem> &items)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(items.size());
    for (const DeleteImageItem &item : items)
        m_rows.append(Row{item});
    endResetModel();
    emit checkedRowsChanged();
}

bool DeleteReviewModel::setChecked(int row, bool checked)
{
    if (row < 0 || row >= m_rows.size())
        return false;
    Row &entry = m_rows[row];
    if (checked && entry.state == State::Protected)
        return false;
    if (entry.checked == checked)
        return true;
    entry.checked = checked;
    emitRowChanged(row);
    emit checkedRowsChanged();
    return true;
}

QList<int> DeleteReviewModel::checkedRows() const
{
    QList<int> rows;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).checked)
            rows.append(row);
    }
    return rows;
}

QList<DeleteImageItem> DeleteReviewModel::checkedItems() const
{
    QList<DeleteImageItem> items;
    for (const Row &row : m_rows) {
        if (row.checked)
            items.append(row.item);
    }
    return items;
}

int DeleteReviewModel::count(State state) const
{
    return static_cast<int>(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [state](const Row &row) { return row.state == state; }));
}

void DeleteReviewModel::applyCheck(const QList<int> &rows, const QList<DeleteExecutor::Outcome> &outcomes)
{
    const QSet<int> checked(rows.cbegin(), rows.cend());
    for (int row = 0; row < m_rows.size(); ++row) {
        Row &entry = m_rows[row];
        if (!checked.contains(row) && entry.state != State::Protected) {
            entry.state = State::LeftOut;
            entry.detail = tr("left out of this execution");
        }
    }
    for (qsizetype i = 0; i < rows.size() && i < outcomes.size(); ++i) {
        const int row = rows.at(i);
        if (row < 0 || row >= m_rows.size())
            continue;
        setOutcome(row, outcomes.at(i), false);
        Row &entry = m_rows[row];
        // Nothing to do for these; a protected one must not be deleted at all.
        if (entry.state == State::Protected || entry.state == State::Skipped || entry.state == State::Failed)
            entry.checked = false;
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit checkedRowsChanged();
}

void DeleteReviewModel::setDeleting(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows[row].state = State::Deleting;
    emitRowChanged(row);
}

void DeleteReviewModel::applyOutcome(int row, const DeleteExecutor::Outcome &outcome)
{
    if (row < 0 || row >= m_rows.size())
        return;
    setOutcome(row, outcome, true);
    emitRowChanged(row);
}

void DeleteReviewModel::setOutcome(int row, const DeleteExecutor::Outcome &outcome, bool executed)
{
    Row &entry = m_rows[row];
    if (!outcome.digest.isEmpty())
        entry.digest = outcome.digest;
    entry.detail = outcome.detail;
    switch (outcome.state) {
    case DeleteExecutor::State::Deleted:
        entry.state = executed ? State::Deleted : State::WillDelete;
        break;
    case DeleteExecutor::State::AlreadyGone:
        entry.state = State::AlreadyGone;
        // The registry's 404 text says nothing an admin needs.
        entry.detail = tr("not at the destination");
        break;
    case DeleteExecutor::State::Protected:
        entry.state = State::Protected;
        entry.checked = false;
        break;
    case DeleteExecutor::State::Skipped:
        entry.state = State::Skipped;
        break;
    case DeleteExecutor::State::Failed:
        entry.state = State::Failed;
        break;
    }
}

void DeleteReviewModel::emitRowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int DeleteReviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DeleteReviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeleteReviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ImageColumn:
            return row.item.imageName;
        case DestinationColumn:
            return withoutTransport(row.item.imageReference);
        case DigestColumn:
            return shortDigest(row.digest);
        case KindColumn:
            return row.item.type.value_or(QString());
        case StateColumn:
            return stateName(row.state);
        case ReasonColumn:
            return row.detail;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == DigestColumn)
            return row.digest;
        if (index.column() == StateColumn || index.column() == ReasonColumn)
            return row.detail.isEmpty() ? stateName(row.state) : row.detail;
        return withoutTransport(row.item.imageReference);
    case Qt::CheckStateRole:
        if (index.column() == ImageColumn)
            return row.checked ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ForegroundRole:
        if (index.column() != StateColumn && index.column() != ReasonColumn)
            return {};
        switch (row.state) {
        case State::Protected:
        case State::Skipped:
            return QBrush(QColor(0x9a, 0x67, 0x00));
        case State::Failed:
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        case State::Deleted:
            return QBrush(QColor(0x26, 0x80, 0x3c));
        default:
            return {};
        }
    case StateRole:
        return static_cast<int>(row.state);
    case ReferenceRole:
        return row.item.imageReference;
    case DigestRole:
        return row.digest;
    case DetailRole:
        return row.detail;
    default:
        return {};
    }
}

QVariant DeleteReviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ImageColumn:
        return tr("Image");
    case DestinationColumn:
        return tr("Destination");
    case DigestColumn:
        return tr("Digest");
    case KindColumn:
        return tr("Kind");
    case StateColumn:
        return tr("State");
    case ReasonColumn:
        return tr("Reason");
    }
    return {};
}

Qt::ItemFlags DeleteReviewModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    const Row &row = m_rows.at(index.row());
    if (index.column() == ImageColumn && row.state != State::Protected && row.state != State::Deleting)
        result |= Qt::ItemIsUserCheckable;
    return result;
}

bool DeleteReviewModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != ImageColumn ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        !(flags(index) & Qt::ItemIsUserCheckable))
        return false;
    return setChecked(index.row(), static_cast<Qt::CheckState>(value.toInt()) == Qt::Checked);
}
