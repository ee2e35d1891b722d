// SPDX-License-Identifier: GPL-3.0-or-later
#include "EnvironmentPanel.h"

#include "EnvironmentDelegate.h"
#include "Formatting.h"
#include "repo/EnvironmentListModel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

namespace EnvDeck {

using Roles = EnvironmentListModel;

// Filters on name, path and tier, keeps the promotion order, and gives every row a tooltip and
// an accessible text, since the delegate paints what a screen reader cannot see.
class EnvironmentFilterModel : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setText(const QString &text)
    {
        m_text = text.trimmed();
        invalidateFilter();
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::ToolTipRole)
            return toolTip(index);
        if (role == Qt::AccessibleTextRole)
            return accessibleText(index);
        return QSortFilterProxyModel::data(index, role);
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (m_text.isEmpty())
            return true;
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        for (int role : {Roles::NameRole, Roles::PathRole, Roles::TierRole}) {
            if (index.data(role).toString().contains(m_text, Qt::CaseInsensitive))
                return true;
        }
        // The badge shows the translated tier name; what the user reads must also match.
        const QString badge = Formatting::tierLabel(index.data(Roles::TierRole).toString());
        return badge.contains(m_text, Qt::CaseInsensitive);
    }

private:
    static QString toolTip(const QModelIndex &index)
    {
        const auto text
            = [&index](int role) { return index.data(role).toString().toHtmlEscaped(); };
        QString tip = QStringLiteral("<b>%1</b> — %2<br>%3")
                          .arg(text(Roles::NameRole),
                               Formatting::tierLabel(index.data(Roles::TierRole).toString()),
                               text(Roles::PathRole));
        const QString id = index.data(Roles::LastChangeIdRole).toString();
        if (!id.isEmpty()) {
            const QDateTime time = index.data(Roles::LastChangeTimeRole).toDateTime();
            tip += QStringLiteral("<hr>")
                   + EnvironmentPanel::tr("Last change: %1<br><code>%2</code><br>%3, %4")
                         .arg(text(Roles::LastChangeSummaryRole), id.toHtmlEscaped(),
                              text(Roles::LastChangeAuthorRole),
                              QLocale()
                                  .toString(time.toLocalTime(), QLocale::LongFormat)
                                  .toHtmlEscaped());
        }
        return tip;
    }

    static QString accessibleText(const QModelIndex &index)
    {
        QStringList parts{index.data(Roles::NameRole).toString(),
                          Formatting::tierLabel(index.data(Roles::TierRole).toString()),
                          index.data(Roles::PathRole).toString(),
                          Formatting::moduleCount(index.data(Roles::ModuleCountRole).toInt()),
                          Formatting::componentCount(index.data(Roles::ComponentCountRole).toInt()),
                          Formatting::lockedCount(index.data(Roles::LockedCountRole).toInt())};
        const QString change
            = Formatting::authorAndTime(index.data(Roles::LastChangeAuthorRole).toString(),
                                        index.data(Roles::LastChangeTimeRole).toDateTime());
        if (!change.isEmpty())
            parts << EnvironmentPanel::tr("last changed by %1").arg(change);
        return parts.join(QStringLiteral(", "));
    }

    QString m_text;
};

EnvironmentPanel::EnvironmentPanel(EnvironmentListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new EnvironmentFilterModel(this))
{
    setObjectName(QStringLiteral("environmentPanel"));
    m_proxy->setSourceModel(m_model);

    auto title = new QLabel(tr("Environments"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);
    m_countLabel = new QLabel(this);
    m_countLabel->setForegroundRole(QPalette::PlaceholderText);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("environmentFilter"));
    m_filter->setPlaceholderText(tr("Filter by name, path or tier"));
    m_filter->setAccessibleName(tr("Filter environments"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAcceptDrops(false); // a dropped folder opens it, through the window
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setText(text);
        updatePlaceholder();
    });

    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("environmentList"));
    m_view->setAccessibleName(tr("Environments"));
    m_view->setItemDelegate(new EnvironmentDelegate(m_view));
    m_view->setModel(m_proxy);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setUniformItemSizes(true);
    m_view->setMouseTracking(true);
    // Both: keyboard moves change the current row, Ctrl+click can deselect it.
    const auto notify = [this] {
        const QString current = currentEnvironment();
        if (current == m_lastNotified)
            return;
        m_lastNotified = current;
        emit currentEnvironmentChanged(current);
    };
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, notify);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, notify);

    m_placeholder = new QLabel(this);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setMargin(8);

    const auto update = [this] { updatePlaceholder(); };
    connect(m_model, &QAbstractItemModel::modelReset, this, update);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, update);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, update);

    auto header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch();
    header->addWidget(m_countLabel);

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 0, 6);
    layout->setSpacing(6);
    layout->addLayout(header);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_placeholder);
    layout->addStretch(0);
    updatePlaceholder();
}

QString EnvironmentPanel::currentEnvironment() const
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid() || !m_view->selectionModel()->isSelected(index))
        return {};
    return index.data(EnvironmentListModel::NameRole).toString();
}

bool EnvironmentPanel::selectEnvironment(const QString &name)
{
    const int sourceRow = m_model->rowOf(name);
    if (sourceRow < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid()) { // filtered out: show it anyway
        m_filter->clear();
        index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    }
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

void EnvironmentPanel::selectFirst()
{
    if (m_proxy->rowCount() > 0)
        m_view->setCurrentIndex(m_proxy->index(0, 0));
}

void EnvironmentPanel::clearFilter()
{
    m_filter->clear();
}

void EnvironmentPanel::updatePlaceholder()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_countLabel->setText(total == shown ? QString::number(total)
                                         : tr("%1 of %2").arg(shown).arg(total));
    if (total == 0) {
        m_placeholder->setText(tr(
            "No environments found. EnvDeck looks for an .envdeck.yaml file at the repository "
            "root, Terraform root modules or Terragrunt trees under environments/, envs/, live/, "
            "stacks/ or deployments/, a .tfvars file per environment, and workspaces named in "
            "code."));
    } else if (shown == 0) {
        m_placeholder->setText(tr("No environment matches “%1”.").arg(m_filter->text()));
    }
    m_placeholder->setVisible(shown == 0);
    m_view->setVisible(shown > 0);
}

} // namespace EnvDeck
