// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

// Forge settings from `.envdeck.yaml` and remote URLs (tst_forge_settings.cpp), and the GitLab,
// GitHub and Azure DevOps clients against a loopback server (tst_forge_http.cpp, failures in
// tst_forge_failures.cpp).
class TestForge : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    // tst_forge_settings.cpp
    void guessesFromRemote_data();
    void guessesFromRemote();
    void rejectsUnknownRemote_data();
    void rejectsUnknownRemote();
    void readsConfig_data();
    void readsConfig();
    void rejectsBadConfig_data();
    void rejectsBadConfig();

    // tst_forge_http.cpp
    void factory();
    void creates_data();
    void creates();
    void reusesExisting_data();
    void reusesExisting();
    void gets_data();
    void gets();
    void listsTwoPages_data();
    void listsTwoPages();
    void listsSeveralBranches_data();
    void listsSeveralBranches();
    void azurePagesWithSkip();
    void staysOnTheForgeWhenPaging();
    void reuseWithoutOpenOneFails_data();
    void reuseWithoutOpenOneFails();
    // tst_forge_failures.cpp
    void reportsHttpErrors_data();
    void reportsHttpErrors();
    void retriesAfter429_data();
    void retriesAfter429();
    void givesUpAfterThree429_data();
    void givesUpAfterThree429();
    void timesOut_data();
    void timesOut();
    void reportsTlsErrors_data();
    void reportsTlsErrors();
    void reportsConnectionRefused_data();
    void reportsConnectionRefused();
    void cancels();
    void cancelsWhileWaitingToRetry();
    void reportsRedirects();
};

#include <QString>

// The tokens of the tests: neither they nor their Basic form may appear in a log line or Error.
inline QString testToken()
{
    return QStringLiteral("tok-S3CRET-0123456789abcdef");
}
inline QString testTokenBasic()
{
    return QString::fromLatin1(
        QByteArray(QByteArrayLiteral(":") + testToken().toUtf8()).toBase64());
}

// Every message logged while a test runs (the handler is installed in initTestCase()).
QStringList &capturedLog();
