// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagram/DiagramSearchBar.h"

#include "diagram/DiagramScene.h"
#include "diagram/DiagramView.h"
#include "diagram/NodeItem.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace EnvDeck::Diagram {

DiagramSearchBar::DiagramSearchBar(DiagramScene *scene, DiagramView *view, QWidget *parent)
    : QWidget(parent)
    , m_scene(scene)
    , m_view(view)
{
    setObjectName(QStringLiteral("diagramSearchBar"));
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("diagramSearch"));
    m_edit->setPlaceholderText(tr("Find a module, release, source or version"));
    m_edit->setAccessibleName(tr("Find in diagram"));
    m_edit->setClearButtonEnabled(true);
    m_edit->installEventFilter(this);
    m_count = new QLabel(this);
    m_count->setAccessibleName(tr("Matches"));
    m_count->setMinimumWidth(
        m_count->fontMetrics().horizontalAdvance(tr("%1 of %2").arg(99).arg(99)));
    m_previous = new QToolButton(this);
    m_previous->setText(QStringLiteral("▲"));
    m_previous->setToolTip(tr("Previous match (Shift+Enter)"));
    m_previous->setAccessibleName(tr("Previous match"));
    m_next = new QToolButton(this);
    m_next->setText(QStringLiteral("▼"));
    m_next->setToolTip(tr("Next match (Enter)"));
    m_next->setAccessibleName(tr("Next match"));
    auto closeButton = new QToolButton(this);
    closeButton->setText(QStringLiteral("✕"));
    closeButton->setToolTip(tr("Close (Esc)"));
    closeButton->setAccessibleName(tr("Close search"));

    auto layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(closeButton);

    connect(m_edit, &QLineEdit::textChanged, this, &DiagramSearchBar::search);
    connect(m_next, &QToolButton::clicked, this, &DiagramSearchBar::next);
    connect(m_previous, &QToolButton::clicked, this, &DiagramSearchBar::previous);
    connect(closeButton, &QToolButton::clicked, this, &DiagramSearchBar::close);
    search();
}

void DiagramSearchBar::setScene(DiagramScene *scene)
{
    if (m_scene)
        m_scene->setMatches({}, {});
    m_scene = scene;
    search();
}

QString DiagramSearchBar::currentMatch() const
{
    return m_current >= 0 && m_current < m_matches.size() ? m_matches.at(m_current) : QString();
}

void DiagramSearchBar::setText(const QString &text)
{
    m_edit->setText(text);
}

void DiagramSearchBar::next()
{
    if (m_matches.isEmpty())
        return;
    m_current = (m_current + 1) % int(m_matches.size());
    showCurrent();
}

void DiagramSearchBar::previous()
{
    if (m_matches.isEmpty())
        return;
    m_current = (m_current - 1 + int(m_matches.size())) % int(m_matches.size());
    showCurrent();
}

void DiagramSearchBar::focusSearch()
{
    show();
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void DiagramSearchBar::close()
{
    m_edit->clear();
    hide();
    if (m_view)
        m_view->setFocus();
}

void DiagramSearchBar::refresh()
{
    const QString current = currentMatch();
    search();
    const int index = int(m_matches.indexOf(current));
    if (index >= 0 && index != m_current) {
        m_current = index;
        showCurrent();
    }
}

bool DiagramSearchBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            close();
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier)
                previous();
            else
                next();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void DiagramSearchBar::search()
{
    m_matches.clear();
    m_current = -1;
    const QString text = m_edit->text().trimmed();
    if (m_scene && !text.isEmpty()) {
        for (NodeItem *item : m_scene->nodeItems()) {
            const Node &node = item->node();
            if (!item->isVisible())
                continue;
            for (const QString &field :
                 {node.label, node.shortSource, node.source, node.version, node.id}) {
                if (field.contains(text, Qt::CaseInsensitive)) {
                    m_matches.append(node.id);
                    break;
                }
            }
        }
    }
    m_previous->setEnabled(m_matches.size() > 1);
    m_next->setEnabled(m_matches.size() > 1);
    if (m_matches.isEmpty()) {
        m_count->setText(text.isEmpty() ? QString() : tr("No matches"));
        if (m_scene)
            m_scene->setMatches({}, {});
        return;
    }
    m_current = 0;
    showCurrent();
}

void DiagramSearchBar::showCurrent()
{
    const QString current = currentMatch();
    m_count->setText(tr("%1 of %2").arg(m_current + 1).arg(m_matches.size()));
    if (m_scene)
        m_scene->setMatches(m_matches, current);
    if (m_view)
        m_view->centreOnNode(current);
}

} // namespace EnvDeck::Diagram
