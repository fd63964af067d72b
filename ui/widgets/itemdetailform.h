#pragma once

#include <QHash>
#include <QPersistentModelIndex>
#include <QWidget>

class ConfigTreeModel;
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
    bool m_committing = false;
};
