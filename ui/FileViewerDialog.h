// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QPlainTextEdit;

namespace EnvDeck {
class HclHighlighter;
}

namespace EnvDeck {

// A file of the repository shown read-only, scrolled to a line which is highlighted: where a
// problem or a version is written.
class FileViewerDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FileViewerDialog(QWidget *parent = nullptr);

    // False (with the reason in `error`) when the file cannot be read.
    bool showFile(const QString &absolutePath, const QString &displayPath, int line, int column,
                  QString *error = nullptr);

    QPlainTextEdit *editor() const { return m_editor; }
    // Set while a Terraform/HCL file is shown (.tf, .tfvars, .hcl); null otherwise.
    HclHighlighter *highlighter() const { return m_highlighter; }

private:
    QPlainTextEdit *m_editor = nullptr;
    HclHighlighter *m_highlighter = nullptr;
};

} // namespace EnvDeck
