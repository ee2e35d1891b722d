// SPDX-License-Identifier: GPL-3.0-or-later
#include "tst_forge.h"

#include "TestSupport.h"

#include <QLoggingCategory>

namespace {

QtMessageHandler s_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    capturedLog().append(message);
    if (s_previous)
        s_previous(type, context, message);
}

} // namespace

QStringList &capturedLog()
{
    static QStringList log;
    return log;
}

void TestForge::initTestCase()
{
    // Debug output of the forge module too: the token must not be in any of it.
    QLoggingCategory::setFilterRules(QStringLiteral("envdeck.forge.debug=true"));
    s_previous = qInstallMessageHandler(capture);
}

void TestForge::init()
{
    capturedLog().clear();
}

void TestForge::cleanup()
{
    for (const QString &line : std::as_const(capturedLog())) {
        QVERIFY2(!line.contains(testToken()), qPrintable(line));
        QVERIFY2(!line.contains(testTokenBasic()), qPrintable(line));
        QVERIFY2(!line.contains(QLatin1String("S3CRET")), qPrintable(line));
    }
}

void TestForge::cleanupTestCase()
{
    qInstallMessageHandler(s_previous);
}

ENVDECK_TEST_MAIN_CORE(TestForge)
