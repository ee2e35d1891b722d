// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

// The data tables live in tst_versiondocument_data.cpp, the tests in tst_versiondocument.cpp,
// the robustness tests (every edit on every entry, truncated files, the demo repository) in
// tst_versiondocument_robust.cpp.
class TestVersionDocument : public QObject
{
    Q_OBJECT

private slots:
    void reads_data();
    void reads();
    void unchangedIsIdentical_data();
    void unchangedIsIdentical();
    void edits_data();
    void edits();
    void refusedEdits_data();
    void refusedEdits();
    void parseErrors_data();
    void parseErrors();
    void problems_data();
    void problems();
    void quoting_data();
    void quoting();
    void saves();

    // tst_versiondocument_robust.cpp
    void everyEditIsSafe_data();
    void everyEditIsSafe();
    void truncatedDocuments_data();
    void truncatedDocuments();
    void demoRepository();
    void largeDocument();
};
