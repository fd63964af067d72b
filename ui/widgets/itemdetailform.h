#pragma once

#include "models/configtreemodel.h"

#include <QHash>
#include <QList>
#include <QPersistentModelIndex>
#include <QWidget>

class QAction;
class QFormLayout;
class QLabel;

// The form right of the tree: one editor per field of the selected item. Every edit goes straight to the model
// (setData with the field's role), which keeps the YAML preview and the validation live.
class ItemDetailForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ItemDetailForm)

public:
    explicit ItemDetailForm(QWidget *parent = nullptr);

    void setModel(ConfigTreeModel *model);
    void setCurrentIndex(const QModelIndex &index);
    QModelIndex currentIndex() const { return m_index; }
    // The editor of a field (ConfigTreeModel::Role), or nullptr when the current item has no such field.
    QWidget *editor(int role) const { return m_editors.value(role); }
    // Puts the keyboard focus on the editor of a field, e.g. when the issues panel jumps to it.
    void focusField(int role);
    // An action offered as a button below the fields of every item of this kind (e.g. the graph picker for a
    // release channel), where the admin is already looking.
    void addKindAction(ConfigTreeModel::NodeKind kind, QAction *action);
    // The button the current item shows for an action, or nullptr.
    QWidget *actionButton(QAction *action) const { return m_actionButtons.value(action); }

private:
    void rebuild();
    void refreshValues();
    void commit(int role, const QVariant &value);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);

    ConfigTreeModel *m_model = nullptr;
    QPersistentModelIndex m_index;
    QLabel *m_title = nullptr;
    QLabel *m_hint = nullptr;
    QFormLayout *m_form = nullptr;
    QHash<int, QWidget *> m_editors;
    QHash<ConfigTreeModel::NodeKind, QList<QAction *>> m_kindActions;
    QHash<QAction *, QWidget *> m_actionButtons;
    bool m_committing = false;
};
