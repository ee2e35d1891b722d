// SPDX-License-Identifier: GPL-3.0-or-later
#include "RepositoryPage.h"

#include "EnvironmentOverview.h"
#include "EnvironmentPanel.h"
#include "TerraformView.h"
#include "VersionMatrixView.h"
#include "repo/EnvironmentListModel.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace EnvDeck {

RepositoryPage::RepositoryPage(EnvironmentListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("repositoryPage"));

    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("repositoryProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #3b2e00; "
                                             "border: 1px solid #e0c36b; padding: 6px; }"));
    m_problems->hide();

    m_environmentPanel = new EnvironmentPanel(m_model, this);
    connect(m_environmentPanel, &EnvironmentPanel::currentEnvironmentChanged, this,
            &RepositoryPage::showEnvironment);

    // Later views (diagram, timelines) become further tabs here.
    m_overview = new EnvironmentOverview(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("viewTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_overview, tr("Overview"));
    m_terraformView = new TerraformView(this);
    m_tabs->addTab(m_terraformView, tr("Terraform"));
    m_versionMatrix = new VersionMatrixView(this);
    m_tabs->addTab(m_versionMatrix, tr("Versions"));

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_environmentPanel);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({340, 900});

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_problems);
    layout->addWidget(m_splitter, 1);
}

void RepositoryPage::setSnapshot(const RepositorySnapshot *snapshot, const QString &environment)
{
    m_snapshot = snapshot;
    m_environmentPanel->clearFilter();
    if (!snapshot) {
        m_model->clear();
        m_problems->hide();
        showEnvironment({});
        m_versionMatrix->setRepository({});
        return;
    }
    // The matrix reads the versions again only for another repository or a reload, which the
    // main window confirms first when there are unsaved edits.
    m_versionMatrix->setRepository(snapshot->rootPath);
    m_model->setEnvironments(snapshot->environments);
    if (environment.isEmpty() || !selectEnvironment(environment))
        m_environmentPanel->selectFirst();
    showEnvironment(currentEnvironment());

    QStringList problems;
    for (const Error &problem : snapshot->problems)
        problems << problem.toString();
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
}

QString RepositoryPage::currentEnvironment() const
{
    return m_environmentPanel->currentEnvironment();
}

bool RepositoryPage::selectEnvironment(const QString &name)
{
    return m_environmentPanel->selectEnvironment(name);
}

void RepositoryPage::setEnvironmentPanelVisible(bool visible)
{
    m_environmentPanel->setVisible(visible);
}

bool RepositoryPage::isEnvironmentPanelVisible() const
{
    return !m_environmentPanel->isHidden();
}

void RepositoryPage::focusFilter()
{
    setEnvironmentPanelVisible(true);
    if (auto filter
        = m_environmentPanel->findChild<QLineEdit *>(QStringLiteral("environmentFilter")))
        filter->setFocus(Qt::ShortcutFocusReason);
}

void RepositoryPage::focusEnvironments()
{
    if (isEnvironmentPanelVisible())
        m_environmentPanel->view()->setFocus(Qt::OtherFocusReason);
}

QByteArray RepositoryPage::saveState() const
{
    return m_splitter->saveState();
}

void RepositoryPage::restoreState(const QByteArray &state)
{
    m_splitter->restoreState(state);
}

void RepositoryPage::showEnvironment(const QString &name)
{
    const Environment *environment
        = m_snapshot && !name.isEmpty() ? m_snapshot->findEnvironment(name) : nullptr;
    m_overview->setEnvironment(environment);
    m_terraformView->setEnvironment(environment);
}

} // namespace EnvDeck
