// SPDX-License-Identifier: GPL-3.0-or-later
#include "AddModuleDialog.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

namespace EnvDeck {

AddModuleDialog::AddModuleDialog(QList<Diagram::BuildingBlock> blocks, QString environmentFolder,
                                 QStringList usedNames, QStringList suggestions, QWidget *parent)
    : QDialog(parent)
    , m_blocks(std::move(blocks))
    , m_folder(std::move(environmentFolder))
    , m_usedNames(std::move(usedNames))
    , m_suggestions(std::move(suggestions))
{
    setWindowTitle(tr("Add Module"));
    setObjectName(QStringLiteral("addModuleDialog"));
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter building blocks"));
    m_filter->setClearButtonEnabled(true);
    m_list = new QListWidget(this);
    for (const Diagram::BuildingBlock &block : std::as_const(m_blocks)) {
        auto *item = new QListWidgetItem(block.name, m_list);
        item->setToolTip(block.localPath.isEmpty() ? block.source : block.localPath);
    }
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("moduleName"));
    m_version = new QLineEdit(this);
    m_version->setObjectName(QStringLiteral("moduleVersion"));
    m_source = new QLabel(this);
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_form = new QWidget(this);
    m_formLayout = new QFormLayout(m_form);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_form);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_list);
    auto *right = new QWidget(this);
    auto *header = new QFormLayout;
    header->addRow(tr("Source:"), m_source);
    header->addRow(tr("&Name:"), m_name);
    header->addRow(tr("&Version:"), m_version);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(header);
    rightLayout->addWidget(new QLabel(tr("Inputs (HCL expressions; * required):"), this));
    rightLayout->addWidget(scroll, 1);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 2);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(760, 520);

    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isValid())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_filter, &QLineEdit::textChanged, this, [this] { applyFilter(); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this] { onBlockChanged(); });
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameEdited = true; });
    connect(m_name, &QLineEdit::textChanged, this, [this] { validate(); });
    connect(m_version, &QLineEdit::textChanged, this, [this] { validate(); });
    onBlockChanged();
}

QPushButton *AddModuleDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

const Diagram::BuildingBlock *AddModuleDialog::selectedBlock() const
{
    return m_selected >= 0 && m_selected < m_blocks.size() ? &m_blocks.at(m_selected) : nullptr;
}

bool AddModuleDialog::selectBlock(const QString &name)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->text() == name && !m_list->item(row)->isHidden()) {
            m_list->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void AddModuleDialog::applyFilter()
{
    const QString filter = m_filter->text().trimmed();
    for (int row = 0; row < m_list->count(); ++row) {
        const Diagram::BuildingBlock &block = m_blocks.at(row);
        const bool shown = filter.isEmpty() || block.name.contains(filter, Qt::CaseInsensitive)
                           || block.source.contains(filter, Qt::CaseInsensitive)
                           || block.localPath.contains(filter, Qt::CaseInsensitive);
        m_list->item(row)->setHidden(!shown);
    }
}

void AddModuleDialog::onBlockChanged()
{
    m_selected = m_list->currentRow();
    while (m_formLayout->rowCount() > 0)
        m_formLayout->removeRow(0);
    m_values.clear();
    const Diagram::BuildingBlock *block = selectedBlock();
    m_source->setText(block ? block->sourceFrom(m_folder) : QString());
    m_version->setEnabled(block && block->kind == Terraform::SourceKind::Registry);
    m_version->setText(block && block->kind == Terraform::SourceKind::Registry ? block->version
                                                                               : QString());
    if (block && !m_nameEdited) {
        // A free name: the block's own, or with a number after it.
        QString name = block->suggestedCallName();
        for (int n = 2; m_usedNames.contains(name); ++n)
            name = block->suggestedCallName() + QLatin1Char('_') + QString::number(n);
        const QSignalBlocker blocker(m_name);
        m_name->setText(name);
    }
    if (block) {
        if (!block->variablesKnown())
            m_formLayout->addRow(new QLabel(tr("The variables of remote modules are not known: "
                                               "add inputs after adding the module."),
                                            m_form));
        for (const Diagram::BlockVariable &variable : block->variables) {
            auto *combo = new QComboBox(m_form);
            combo->setObjectName(QStringLiteral("input_") + variable.name);
            combo->setEditable(true);
            combo->addItem(QString());
            combo->addItems(m_suggestions);
            combo->setCurrentIndex(0);
            combo->lineEdit()->setPlaceholderText(
                variable.required ? tr("required") : variable.defaultValue.simplified());
            combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
            combo->completer()->setFilterMode(Qt::MatchContains);
            QString tip = variable.description;
            if (!variable.type.isEmpty())
                tip += (tip.isEmpty() ? QString() : QStringLiteral("\n"))
                       + tr("Type: %1").arg(variable.type);
            combo->setToolTip(tip);
            connect(combo, &QComboBox::currentTextChanged, this, [this] { validate(); });
            m_formLayout->addRow(
                variable.required ? variable.name + QStringLiteral(" *") : variable.name, combo);
            m_values.insert(variable.name, combo);
        }
    }
    validate();
}

Diagram::AddModuleRequest AddModuleDialog::request() const
{
    Diagram::AddModuleRequest request;
    const Diagram::BuildingBlock *block = selectedBlock();
    if (!block)
        return request;
    request.name = m_name->text().trimmed();
    request.source = block->sourceFrom(m_folder);
    if (block->kind == Terraform::SourceKind::Registry)
        request.version = m_version->text().trimmed();
    for (const Diagram::BlockVariable &variable : block->variables) {
        const QComboBox *combo = m_values.value(variable.name);
        const QString value = combo ? combo->currentText().trimmed() : QString();
        if (!value.isEmpty())
            request.inputs.append({variable.name, value});
    }
    return request;
}

void AddModuleDialog::validate()
{
    const Diagram::BuildingBlock *block = selectedBlock();
    const QString name = m_name->text().trimmed();
    m_problem.clear();
    if (!block) {
        m_problem = tr("Choose a building block.");
    } else if (name.isEmpty()) {
        m_problem = tr("Name the module.");
    } else if (!Diagram::isValidIdentifier(name)) {
        m_problem = tr("\"%1\" is not a valid name: use a letter or _ followed by letters, "
                       "digits, _ and -.")
                        .arg(name);
    } else if (m_usedNames.contains(name)) {
        m_problem = tr("There is already a module \"%1\".").arg(name);
    } else {
        QStringList missing;
        for (const Diagram::BlockVariable &variable : block->variables) {
            const QComboBox *combo = m_values.value(variable.name);
            if (variable.required && combo && combo->currentText().trimmed().isEmpty())
                missing.append(variable.name);
        }
        if (!missing.isEmpty())
            m_problem = tr("Required: %1.").arg(missing.join(QStringLiteral(", ")));
    }
    m_message->setText(m_problem);
    okButton()->setEnabled(m_problem.isEmpty());
}

} // namespace EnvDeck
