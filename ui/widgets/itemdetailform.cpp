#include "itemdetailform.h"

#include "models/configtreemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

ItemDetailForm::ItemDetailForm(QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_hint);
    layout->addLayout(m_form);
    layout->addStretch(1);
    rebuild();
}

void ItemDetailForm::setModel(ConfigTreeModel *model)
{
    if (m_model) {
        disconnect(m_model, nullptr, this, nullptr);
    }
    m_model = model;
    m_index = QPersistentModelIndex();
    if (m_model) {
        connect(m_model, &QAbstractItemModel::dataChanged, this, &ItemDetailForm::onDataChanged);
        // Before the reset, so that a view selecting an item in its modelReset handler is not overridden.
        connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { setCurrentIndex({}); });
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
            if (!m_index.isValid()) {
                setCurrentIndex({});
            }
        });
    }
    rebuild();
}

void ItemDetailForm::setCurrentIndex(const QModelIndex &index)
{
    const QModelIndex first = index.isValid() ? index.siblingAtColumn(0) : QModelIndex();
    if (first == m_index && !m_editors.isEmpty()) {
        return;
    }
    m_index = first;
    rebuild();
}

void ItemDetailForm::focusField(int role)
{
    if (QWidget *widget = m_editors.value(role)) {
        widget->setFocus(Qt::OtherFocusReason);
        if (auto *line = qobject_cast<QLineEdit *>(widget)) {
            line->selectAll();
        }
    }
}

void ItemDetailForm::rebuild()
{
    while (m_form->rowCount() > 0) {
        m_form->removeRow(0);
    }
    m_editors.clear();
    m_actionButtons.clear();

    if (!m_model || !m_index.isValid()) {
        m_title->setText(tr("No item selected"));
        m_hint->setText(tr("Select an item in the tree to edit it."));
        return;
    }

    const auto kind = m_model->kind(m_index);
    m_title->setText(ConfigTreeModel::kindName(kind));
    m_hint->setText(ConfigTreeModel::kindDescription(kind));

    const QList<ConfigTreeModel::FieldInfo> fields = ConfigTreeModel::fields(kind);
    for (const ConfigTreeModel::FieldInfo &field : fields) {
        QWidget *editor = nullptr;
        const int role = field.role;
        switch (field.type) {
        case ConfigTreeModel::FieldType::Text:
        case ConfigTreeModel::FieldType::StringList: {
            auto *line = new QLineEdit(this);
            line->setPlaceholderText(field.placeholder);
            line->setClearButtonEnabled(true);
            const bool list = field.type == ConfigTreeModel::FieldType::StringList;
            connect(line, &QLineEdit::textEdited, this, [this, role, list](const QString &text) {
                if (list) {
                    QStringList items;
                    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                        if (!item.trimmed().isEmpty()) {
                            items.append(item.trimmed());
                        }
                    }
                    commit(role, items.isEmpty() ? QVariant() : QVariant(items));
                } else {
                    commit(role, text.isEmpty() ? QVariant() : QVariant(text));
                }
            });
            editor = line;
            break;
        }
        case ConfigTreeModel::FieldType::Boolean: {
            // Three states because an absent field is not the same as "false" in the written YAML.
            auto *check = new QCheckBox(this);
            check->setTristate(true);
            check->setToolTip(tr("Partially checked: not set, the default applies"));
            connect(check, &QCheckBox::stateChanged, this, [this, role](int state) {
                if (state == Qt::PartiallyChecked) {
                    commit(role, QVariant());
                } else {
                    commit(role, state == Qt::Checked);
                }
            });
            editor = check;
            break;
        }
        case ConfigTreeModel::FieldType::Choice: {
            auto *combo = new QComboBox(this);
            combo->addItem(tr("(default)"), QVariant());
            for (const QString &choice : field.choices) {
                combo->addItem(choice, choice);
            }
            connect(combo, &QComboBox::activated, this,
                    [this, role, combo](int index) { commit(role, combo->itemData(index)); });
            editor = combo;
            break;
        }
        case ConfigTreeModel::FieldType::Integer: {
            auto *spin = new QSpinBox(this);
            spin->setRange(0, 1 << 20);
            spin->setSpecialValueText(field.placeholder);
            connect(spin, &QSpinBox::valueChanged, this,
                    [this, role](int value) { commit(role, value == 0 ? QVariant() : QVariant(value)); });
            editor = spin;
            break;
        }
        }
        editor->setObjectName(field.key);
        editor->setToolTip(editor->toolTip().isEmpty() ? field.key : field.key + QLatin1Char('\n') + editor->toolTip());
        m_form->addRow(field.label, editor);
        m_editors.insert(role, editor);
    }
    for (QAction *action : m_kindActions.value(kind)) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        m_form->addRow(QString(), button);
        m_actionButtons.insert(action, button);
    }
    refreshValues();
}

void ItemDetailForm::addKindAction(ConfigTreeModel::NodeKind kind, QAction *action)
{
    m_kindActions[kind].append(action);
    rebuild();
}

void ItemDetailForm::refreshValues()
{
    if (!m_model || !m_index.isValid()) {
        return;
    }
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        const QVariant value = m_model->data(m_index, it.key());
        QWidget *editor = it.value();
        const QSignalBlocker blocker(editor);
        if (auto *line = qobject_cast<QLineEdit *>(editor)) {
            const QString text = value.typeId() == QMetaType::QStringList
                                     ? value.toStringList().join(QStringLiteral(", "))
                                     : value.toString();
            if (line->text() != text) {
                line->setText(text);
            }
        } else if (auto *check = qobject_cast<QCheckBox *>(editor)) {
            check->setCheckState(!value.isValid() ? Qt::PartiallyChecked
                                                  : (value.toBool() ? Qt::Checked : Qt::Unchecked));
        } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            const int index = value.isValid() ? combo->findData(value.toString()) : 0;
            combo->setCurrentIndex(std::max(index, 0));
        } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
            spin->setValue(value.toInt());
        }
    }
}

void ItemDetailForm::commit(int role, const QVariant &value)
{
    if (!m_model || !m_index.isValid()) {
        return;
    }
    // The model echoes dataChanged; refreshing now would move the cursor of the editor being typed in.
    m_committing = true;
    m_model->setData(m_index, value, role);
    m_committing = false;
}

void ItemDetailForm::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (m_committing || !m_index.isValid() || topLeft.parent() != m_index.parent()) {
        return;
    }
    if (m_index.row() >= topLeft.row() && m_index.row() <= bottomRight.row()) {
        refreshValues();
    }
}
