#include "mirrorplanmodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <algorithm>

MirrorPlanModel::MirrorPlanModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MirrorPlanModel::setPlan(const QList<MirrorPlanEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    m_progress.clear();
    m_progress.reserve(entries.size());
    for (int row = 0; row < entries.size(); ++row) {
        ImageCopyProgress progress;
        progress.row = row;
        m_progress.append(progress);
    }
    endResetModel();
}

void MirrorPlanModel::clear()
{
    setPlan({});
}

void MirrorPlanModel::applyProgress(const QList<ImageCopyProgress> &rows)
{
    QList<int> changed;
    changed.reserve(rows.size());
    for (const ImageCopyProgress &progress : rows) {
        if (progress.row < 0 || progress.row >= m_progress.size() || m_progress.at(progress.row) == progress)
            continue;
        m_progress[progress.row] = progress;
        changed.append(progress.row);
    }
    if (changed.isEmpty())
        return;
    // One signal per run of adjacent rows: views repaint only what moved, without a signal per row of a big batch.
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    qsizetype first = 0;
    for (qsizetype i = 1; i <= changed.size(); ++i) {
        if (i < changed.size() && changed.at(i) == changed.at(i - 1) + 1)
            continue;
        emit dataChanged(index(changed.at(first), 0), index(changed.at(i - 1), ColumnCount - 1));
        first = i;
    }
}

void MirrorPlanModel::resetProgress()
{
    if (m_progress.isEmpty())
        return;
    for (int row = 0; row < m_progress.size(); ++row) {
        ImageCopyProgress progress;
        progress.row = row;
        m_progress[row] = progress;
    }
    emit dataChanged(index(0, 0), index(int(m_progress.size()) - 1, ColumnCount - 1));
}

QMap<ImageCategory, MirrorPlanModel::CategoryCounts> MirrorPlanModel::categoryCounts() const
{
    QMap<ImageCategory, CategoryCounts> counts;
    for (qsizetype row = 0; row < m_entries.size(); ++row) {
        CategoryCounts &count = counts[m_entries.at(row).category()];
        ++count.total;
        switch (m_progress.at(row).state) {
        case ImageCopyProgress::State::Queued:
            ++count.pending;
            break;
        case ImageCopyProgress::State::Copying:
            ++count.copying;
            break;
        case ImageCopyProgress::State::Done:
            ++count.copied;
            break;
        case ImageCopyProgress::State::Skipped:
            ++count.skipped;
            break;
        case ImageCopyProgress::State::Failed:
            ++count.failed;
            break;
        }
    }
    return counts;
}

int MirrorPlanModel::finishedCount() const
{
    return int(std::count_if(m_progress.cbegin(), m_progress.cend(),
                             [](const ImageCopyProgress &progress) { return progress.isFinished(); }));
}

qint64 MirrorPlanModel::bytesDone() const
{
    qint64 total = 0;
    for (const ImageCopyProgress &progress : m_progress)
        total += progress.bytesDone;
    return total;
}

qint64 MirrorPlanModel::bytesTotal() const
{
    qint64 total = 0;
    for (const ImageCopyProgress &progress : m_progress)
        total += progress.bytesTotal;
    return total;
}

QString MirrorPlanModel::stateName(ImageCopyProgress::State state)
{
    switch (state) {
    case ImageCopyProgress::State::Queued:
        return tr("Pending");
    case ImageCopyProgress::State::Copying:
        return tr("Copying");
    case ImageCopyProgress::State::Done:
        return tr("Done");
    case ImageCopyProgress::State::Skipped:
        return tr("Already present");
    case ImageCopyProgress::State::Failed:
        return tr("Failed");
    }
    return {};
}

QString MirrorPlanModel::categoryName(ImageCategory category)
{
    switch (category) {
    case ImageCategory::Release:
        return tr("Release");
    case ImageCategory::Operator:
        return tr("Operator");
    case ImageCategory::Additional:
        return tr("Additional");
    case ImageCategory::Helm:
        return tr("Helm");
    }
    return {};
}

QString MirrorPlanModel::progressText(const ImageCopyProgress &progress) const
{
    if (progress.state == ImageCopyProgress::State::Queued)
        return {};
    if (progress.state == ImageCopyProgress::State::Skipped)
        return tr("nothing to copy");
    const QLocale locale;
    QString text = progress.bytesTotal > 0
                       ? QStringLiteral("%1 / %2").arg(locale.formattedDataSize(progress.bytesDone),
                                                       locale.formattedDataSize(progress.bytesTotal))
                       : locale.formattedDataSize(progress.bytesDone);
    if (progress.blobsTotal > 0)
        text += tr(", %1/%2 blobs").arg(progress.blobsDone).arg(progress.blobsTotal);
    return text;
}

int MirrorPlanModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int MirrorPlanModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MirrorPlanModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MirrorPlanEntry &entry = m_entries.at(index.row());
    const ImageCopyProgress &progress = m_progress.at(index.row());

    switch (role) {
    case StateRole:
        return int(progress.state);
    case CategoryRole:
        return int(entry.category());
    case KindRole:
        return int(entry.kind);
    case BytesDoneRole:
        return progress.bytesDone;
    case BytesTotalRole:
        return progress.bytesTotal;
    case FractionRole:
        if (progress.state == ImageCopyProgress::State::Done || progress.state == ImageCopyProgress::State::Skipped)
            return 1.0;
        return progress.bytesTotal > 0 ? double(progress.bytesDone) / double(progress.bytesTotal) : 0.0;
    case SortRole:
        switch (index.column()) {
        case StateColumn:
            return int(progress.state);
        case ProgressColumn:
            return progress.bytesDone;
        case CategoryColumn:
            return int(entry.category());
        case KindColumn:
            return ImageKinds::copyOrder(entry.kind);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case OriginColumn:
            return entry.reason.isEmpty() ? entry.effectiveSource()
                                          : QStringLiteral("%1\n%2").arg(entry.effectiveSource(), entry.reason);
        case ErrorColumn:
            return progress.error;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ForegroundRole:
        if (index.column() == StateColumn || index.column() == ErrorColumn) {
            if (progress.state == ImageCopyProgress::State::Failed)
                return QBrush(QColor(0xc0, 0x39, 0x2b));
            if (progress.state == ImageCopyProgress::State::Done || progress.state == ImageCopyProgress::State::Skipped)
                return QBrush(QColor(0x2e, 0x7d, 0x32));
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case OriginColumn:
            return entry.origin;
        case DestinationColumn:
            return entry.destination;
        case KindColumn:
            return ImageKinds::toString(entry.kind);
        case CategoryColumn:
            return categoryName(entry.category());
        case StateColumn:
            return stateName(progress.state);
        case ProgressColumn:
            return progressText(progress);
        case ErrorColumn:
            return progress.error;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant MirrorPlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case OriginColumn:
        return tr("Origin");
    case DestinationColumn:
        return tr("Destination");
    case KindColumn:
        return tr("Kind");
    case CategoryColumn:
        return tr("Category");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Progress");
    case ErrorColumn:
        return tr("Error");
    default:
        return {};
    }
}
