// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagram/DiagramInspector.h"

#include "diagram/DiagramStyle.h"
#include "diagram/GraphModel.h"

#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace EnvDeck::Diagram {

namespace {

// The colour is explicit: rich text labels otherwise use the application's link colour, which
// is unreadable on a dark palette set on the window only.
QString link(const SourceLocation &location, const QString &key, const QColor &colour)
{
    return QStringLiteral("<a href=\"%1\" style=\"color: %3\">%2</a>")
        .arg(key, location.toString().toHtmlEscaped(), colour.name());
}

QLabel *valueLabel(QWidget *parent, const QString &accessibleName)
{
    auto label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse
                                   | Qt::LinksAccessibleByKeyboard);
    label->setWordWrap(true);
    label->setAccessibleName(accessibleName);
    return label;
}

QString fieldValue(const Node &node, const QString &field)
{
    if (field == QLatin1String("source"))
        return node.source;
    if (field == QLatin1String("version"))
        return node.version;
    if (field == QLatin1String("multiplicity"))
        return node.multiplicity;
    if (field == QLatin1String("locked"))
        return node.locked ? DiagramInspector::tr("locked") : DiagramInspector::tr("unlocked");
    if (field == QLatin1String("inputs")) {
        QStringList inputs;
        for (auto it = node.inputs.cbegin(); it != node.inputs.cend(); ++it)
            inputs << it.key() + QStringLiteral(" = ") + it.value();
        return inputs.join(QLatin1Char('\n'));
    }
    return {};
}

} // namespace

DiagramInspector::DiagramInspector(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("diagramInspector"));
    setAccessibleName(tr("Node details"));
    m_hint = new QLabel(tr("Select a node to see its details."), this);
    m_hint->setWordWrap(true);
    m_details = new QWidget(this);

    m_kind = valueLabel(m_details, tr("Kind"));
    m_name = valueLabel(m_details, tr("Name"));
    m_id = valueLabel(m_details, tr("Id"));
    m_source = valueLabel(m_details, tr("Source"));
    m_version = valueLabel(m_details, tr("Version"));
    m_multiplicity = valueLabel(m_details, tr("Multiplicity"));
    m_lock = valueLabel(m_details, tr("Lock"));
    m_declared = valueLabel(m_details, tr("Declared at"));
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    connect(m_version, &QLabel::linkActivated, this, [this] { openLocation(m_versionLocation); });
    connect(m_declared, &QLabel::linkActivated, this, [this] { openLocation(m_location); });

    auto form = new QFormLayout;
    form->addRow(tr("Kind:"), m_kind);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Id:"), m_id);
    form->addRow(tr("Source:"), m_source);
    form->addRow(tr("Version:"), m_version);
    form->addRow(tr("Multiplicity:"), m_multiplicity);
    form->addRow(tr("Lock:"), m_lock);
    form->addRow(tr("Declared at:"), m_declared);

    m_inputs = new QTableWidget(0, 2, m_details);
    m_inputs->setObjectName(QStringLiteral("inspectorInputs"));
    m_inputs->setAccessibleName(tr("Inputs"));
    m_inputs->setHorizontalHeaderLabels({tr("Input"), tr("Expression")});
    m_inputs->horizontalHeader()->setStretchLastSection(true);
    m_inputs->verticalHeader()->hide();
    m_inputs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_referencesIn = new QListWidget(m_details);
    m_referencesIn->setAccessibleName(tr("Referenced by"));
    m_referencesOut = new QListWidget(m_details);
    m_referencesOut->setAccessibleName(tr("Refers to"));
    for (QListWidget *list : {m_referencesIn, m_referencesOut}) {
        list->setMaximumHeight(110);
        // Queued: selecting the other node refills this list, which must not happen while
        // the list is still delivering the click on one of its items.
        const auto activate = [this](QListWidgetItem *item) {
            const QString id = item->data(Qt::UserRole).toString();
            QMetaObject::invokeMethod(
                this, [this, id] { emit nodeActivated(id); }, Qt::QueuedConnection);
        };
        connect(list, &QListWidget::itemActivated, this, activate);
        connect(list, &QListWidget::itemClicked, this, activate);
    }
    m_openFile = new QPushButton(tr("Open File"), m_details);
    m_openFile->setToolTip(tr("Show the file where this node is declared"));
    connect(m_openFile, &QPushButton::clicked, this, [this] { openLocation(m_location); });

    m_compareTitle = new QLabel(tr("<b>Compared</b>"), m_details);
    m_compareText = valueLabel(m_details, tr("Difference"));
    m_compare = new QTableWidget(0, 3, m_details);
    m_compare->setAccessibleName(tr("Ours and theirs"));
    m_compare->setHorizontalHeaderLabels({tr("Field"), tr("Ours"), tr("Theirs")});
    m_compare->horizontalHeader()->setStretchLastSection(true);
    m_compare->verticalHeader()->hide();
    m_compare->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_compare->setMaximumHeight(130);

    auto details = new QVBoxLayout(m_details);
    details->setContentsMargins(0, 0, 0, 0);
    details->addLayout(form);
    details->addWidget(new QLabel(tr("<b>Inputs</b>"), m_details));
    details->addWidget(m_inputs, 1);
    details->addWidget(new QLabel(tr("<b>Referenced by</b>"), m_details));
    details->addWidget(m_referencesIn);
    details->addWidget(new QLabel(tr("<b>Refers to</b>"), m_details));
    details->addWidget(m_referencesOut);
    details->addWidget(m_compareTitle);
    details->addWidget(m_compareText);
    details->addWidget(m_compare);
    details->addWidget(m_openFile, 0, Qt::AlignLeft);

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_hint);
    layout->addWidget(m_details, 1);
    showNode({});
}

void DiagramInspector::setModel(GraphModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (model) {
        connect(model, &GraphModel::graphReset, this, [this] { showNode({}); });
        connect(model, &GraphModel::nodeChanged, this, [this](const QString &id) {
            if (id == m_nodeId)
                refresh();
        });
        connect(model, &GraphModel::nodeRemoved, this, [this](const QString &id) {
            if (id == m_nodeId)
                showNode({});
        });
        for (auto signal : {&GraphModel::comparisonChanged, &GraphModel::layoutChanged})
            connect(model, signal, this, &DiagramInspector::refresh);
    }
    showNode({});
}

void DiagramInspector::setTheirGraph(const Graph &graph)
{
    m_theirs = graph;
    refresh();
}

void DiagramInspector::showNode(const QString &id)
{
    m_nodeId = id;
    refresh();
}

void DiagramInspector::refresh()
{
    const Node *node = m_model && !m_nodeId.isEmpty() ? m_model->node(m_nodeId) : nullptr;
    m_hint->setVisible(!node);
    m_details->setVisible(node);
    if (!node)
        return;
    m_kind->setText(nodeKindTitle(node->kind));
    m_name->setText(node->label);
    m_id->setText(node->id);
    m_source->setText(node->source.isEmpty() ? tr("—") : node->source);
    m_versionLocation = node->versionLocation;
    QString version = node->version.isEmpty() ? tr("—") : node->version.toHtmlEscaped();
    if (node->versionLocation.isValid())
        version += QStringLiteral(" (")
                   + link(node->versionLocation, QStringLiteral("version"),
                          palette().color(QPalette::Link))
                   + QLatin1Char(')');
    m_version->setText(version);
    m_multiplicity->setText(node->multiplicity.isEmpty() ? tr("single") : node->multiplicity);
    m_lock->setText(!node->locked                ? tr("not locked")
                    : node->lockReason.isEmpty() ? tr("locked")
                                                 : tr("locked: %1").arg(node->lockReason));
    m_location = node->location;
    m_declared->setText(node->location.isValid() ? link(node->location, QStringLiteral("decl"),
                                                        palette().color(QPalette::Link))
                                                 : tr("unknown"));
    m_openFile->setEnabled(node->location.isValid());

    m_inputs->setRowCount(int(node->inputs.size()));
    int row = 0;
    for (auto it = node->inputs.cbegin(); it != node->inputs.cend(); ++it, ++row) {
        m_inputs->setItem(row, 0, new QTableWidgetItem(it.key()));
        m_inputs->setItem(row, 1, new QTableWidgetItem(it.value()));
    }
    m_inputs->resizeColumnToContents(0);

    const auto fill = [this](QListWidget *list, const QList<Edge> &edges, bool incoming) {
        list->clear();
        for (const Edge &edge : edges) {
            const QString other = incoming ? edge.from : edge.to;
            QString text
                = other + QStringLiteral(" (") + edgeKindName(edge.kind) + QLatin1Char(')');
            if (!edge.labels.isEmpty())
                text += QStringLiteral(": ") + edge.labels.join(QStringLiteral(", "));
            auto item = new QListWidgetItem(text, list);
            item->setData(Qt::UserRole, other);
            item->setToolTip(tr("Select %1").arg(other));
        }
    };
    QList<Edge> in;
    QList<Edge> out;
    for (const Edge &edge : m_model->edges()) {
        if (edge.to == node->id)
            in.append(edge);
        if (edge.from == node->id)
            out.append(edge);
    }
    fill(m_referencesIn, in, true);
    fill(m_referencesOut, out, false);
    fillCompare(*node);
}

void DiagramInspector::fillCompare(const Node &node)
{
    const Comparison &comparison = m_model->comparison();
    const bool comparing = m_model->isComparing();
    m_compareTitle->setVisible(comparing);
    m_compareText->setVisible(comparing);
    m_compare->setVisible(false);
    if (!comparing)
        return;
    const Difference *difference = nullptr;
    for (const Difference &candidate : comparison.differences) {
        if (candidate.nodeId == node.id)
            difference = &candidate;
    }
    if (!difference) {
        m_compareText->setText(tr("Same in %1 and %2.").arg(comparison.ours, comparison.theirs));
        return;
    }
    m_compareText->setText(difference->text);
    const Node *theirs = m_theirs.node(node.id);
    if (difference->state != DiffState::Changed || !theirs)
        return;
    m_compare->setHorizontalHeaderLabels({tr("Field"), comparison.ours, comparison.theirs});
    m_compare->setRowCount(int(difference->fields.size()));
    for (int row = 0; row < difference->fields.size(); ++row) {
        const QString &field = difference->fields.at(row);
        m_compare->setItem(row, 0, new QTableWidgetItem(field));
        m_compare->setItem(row, 1, new QTableWidgetItem(fieldValue(node, field)));
        m_compare->setItem(row, 2, new QTableWidgetItem(fieldValue(*theirs, field)));
    }
    m_compare->resizeRowsToContents();
    m_compare->setVisible(true);
}

void DiagramInspector::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        refresh(); // the links take the palette's link colour
}

void DiagramInspector::openLocation(const SourceLocation &location)
{
    if (location.isValid())
        emit openFileRequested(location.file, location.line, location.column);
}

} // namespace EnvDeck::Diagram
