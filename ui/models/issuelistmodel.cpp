#include "issuelistmodel.h"

IssueListModel::IssueListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void IssueListModel::setIssues(const QList<ConfigError> &issues)
{
    if (issues == m_issues) {
        return;
    }
    beginResetModel();
    m_issues = issues;
    endResetModel();
}

ConfigError IssueListModel::issue(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    return m_issues.at(index.row());
}

int IssueListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_issues.size());
}

int IssueListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IssueListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const ConfigError &error = m_issues.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LocationColumn:
            return error.line > 0 ? QString::number(error.line) + QLatin1Char(':') + QString::number(error.column)
                                  : QString();
        case PathColumn:
            return error.path;
        case MessageColumn:
            return error.message;
        }
        return {};
    case Qt::ToolTipRole:
    case FullTextRole:
        return error.toString();
    case FieldPathRole:
        return error.path;
    case LineRole:
        return error.line;
    case ColumnRole:
        return error.column;
    case FileRole:
        return error.file;
    default:
        return {};
    }
}

QVariant IssueListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case LocationColumn:
        return tr("Line:Col");
    case PathColumn:
        return tr("Field");
    case MessageColumn:
        return tr("Problem");
    default:
        return {};
    }
}
