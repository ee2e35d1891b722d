// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace EnvDeck::Diagram {

class DiagramScene;
class DiagramView;

// Finds nodes by name, source, version or id (case-insensitive), highlights every match and
// centres the current one. Enter goes to the next match, Shift+Enter to the previous one, Esc
// closes the bar.
class DiagramSearchBar : public QWidget
{
    Q_OBJECT

public:
    DiagramSearchBar(DiagramScene *scene, DiagramView *view, QWidget *parent = nullptr);

    void setScene(DiagramScene *scene); // a new scene for a new model

    QLineEdit *lineEdit() const { return m_edit; }
    QLabel *countLabel() const { return m_count; }
    QStringList matches() const { return m_matches; }
    QString currentMatch() const;

    void setText(const QString &text);
    void next();
    void previous();
    void focusSearch(); // shows the bar and selects its text
    void close();       // hides the bar and clears the highlights
    // Searches again, for a graph that changed under the bar.
    void refresh();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void search();
    void showCurrent();

    QPointer<DiagramScene> m_scene;
    QPointer<DiagramView> m_view;
    QLineEdit *m_edit = nullptr;
    QLabel *m_count = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QStringList m_matches;
    int m_current = -1;
};

} // namespace EnvDeck::Diagram
