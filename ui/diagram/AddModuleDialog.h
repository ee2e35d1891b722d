// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagram/BuildingBlocks.h"
#include "diagram/DiagramEdits.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace EnvDeck {

// Adds a module call to an environment: pick a building block (filtered list), name the call
// (checked as you type), a version for registry modules, and fill in its variables. Required
// variables are marked with *, defaults are shown as placeholders, and each value is an HCL
// expression; the combo boxes offer the environment's module outputs (module.x.y) and inputs
// (var.z). OK stays disabled until the request would be accepted.
class AddModuleDialog : public QDialog
{
    Q_OBJECT

public:
    AddModuleDialog(QList<Diagram::BuildingBlock> blocks, QString environmentFolder,
                    QStringList usedNames, QStringList suggestions, QWidget *parent = nullptr);

    // What OK would add; tests fill the widgets and call this without exec().
    Diagram::AddModuleRequest request() const;
    bool isValid() const { return m_problem.isEmpty(); }
    QString problem() const { return m_problem; } // why OK is disabled; empty when valid

    // Selects a block by name (as the list does); false when there is none.
    bool selectBlock(const QString &name);
    const Diagram::BuildingBlock *selectedBlock() const;

    QLineEdit *filterEdit() const { return m_filter; }
    QListWidget *blockList() const { return m_list; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *versionEdit() const { return m_version; }
    QComboBox *valueEditor(const QString &variable) const { return m_values.value(variable); }
    QPushButton *okButton() const;

private:
    void applyFilter();
    void onBlockChanged();
    void validate();

    QList<Diagram::BuildingBlock> m_blocks;
    QString m_folder;
    QStringList m_usedNames;
    QStringList m_suggestions;
    int m_selected = -1;
    QString m_problem;
    QLineEdit *m_filter = nullptr;
    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_version = nullptr;
    QLabel *m_source = nullptr;
    QLabel *m_message = nullptr;
    QWidget *m_form = nullptr;
    QFormLayout *m_formLayout = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QHash<QString, QComboBox *> m_values;
    bool m_nameEdited = false;
};

} // namespace EnvDeck
