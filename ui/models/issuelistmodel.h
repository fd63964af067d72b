#pragma once

#include "config/configerror.h"

#include <QAbstractTableModel>
#include <QList>

// The issues panel: one row per ConfigError, in the order given (ConfigLoader sorts them by position).
class IssueListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IssueListModel)

public:
    enum Column {
        LocationColumn, // line:col
        PathColumn,
        MessageColumn,
        ColumnCount,
    };
    Q_ENUM(Column)

    enum Role {
        FullTextRole = Qt::UserRole + 1, // ConfigError::toString(): FILE:LINE:COL: path: message
        FieldPathRole,
        LineRole,
        ColumnRole,
        FileRole,
    };
    Q_ENUM(Role)

    explicit IssueListModel(QObject *parent = nullptr);

    void setIssues(const QList<ConfigError> &issues);
    const QList<ConfigError> &issues() const { return m_issues; }
    ConfigError issue(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ConfigError> m_issues;
};
