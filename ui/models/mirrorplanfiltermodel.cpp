#include "mirrorplanfiltermodel.h"

#include "mirrorplanmodel.h"

MirrorPlanFilterModel::MirrorPlanFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(MirrorPlanModel::SortRole);
    // Progress changes the state of rows all the time: a row must move in and out of a state filter as it does.
    setDynamicSortFilter(true);
}

void MirrorPlanFilterModel::setStateFilter(StateFilter filter)
{
    if (filter == m_stateFilter)
        return;
    m_stateFilter = filter;
    invalidateRowsFilter();
}

void MirrorPlanFilterModel::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
}

bool MirrorPlanFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!model)
        return false;
    if (m_stateFilter != StateFilter::All) {
        const auto state = ImageCopyProgress::State(model->index(sourceRow, MirrorPlanModel::StateColumn, sourceParent)
                                                        .data(MirrorPlanModel::StateRole)
                                                        .toInt());
        bool accepted = false;
        switch (m_stateFilter) {
        case StateFilter::All:
            accepted = true;
            break;
        case StateFilter::Pending:
            accepted = state == ImageCopyProgress::State::Queued;
            break;
        case StateFilter::Copying:
            accepted = state == ImageCopyProgress::State::Copying;
            break;
        case StateFilter::Done:
            accepted = state == ImageCopyProgress::State::Done || state == ImageCopyProgress::State::Skipped;
            break;
        case StateFilter::Failed:
            accepted = state == ImageCopyProgress::State::Failed;
            break;
        }
        if (!accepted)
            return false;
    }
    if (m_text.isEmpty())
        return true;
    for (const int column : {MirrorPlanModel::OriginColumn, MirrorPlanModel::DestinationColumn}) {
        if (model->index(sourceRow, column, sourceParent).data().toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}
