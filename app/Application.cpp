// SPDX-License-Identifier: GPL-3.0-or-later
#include "Application.h"

#include "Cli.h"
#include "MainWindow.h"
#include "ReadOnlyMode.h"
#include "Theme.h"
#include "core/BuildInfo.h"
#include "core/Logging.h"
#include "git/GitHandle.h"

#include <QApplication>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QSettings>
#include <QTranslator>

#include <cstdio>

Q_LOGGING_CATEGORY(lcApp, "envdeck.app", QtInfoMsg)

namespace EnvDeck::Application {
namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("EnvDeck"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("envdeck.example.io"));
    QCoreApplication::setApplicationName(QStringLiteral("EnvDeck"));
    QCoreApplication::setApplicationVersion(BuildInfo::applicationVersion());
}

template<typename App>
int runHeadless(int argc, char *argv[])
{
    App app(argc, argv);
    setIdentity();
    Logging::install({Logging::defaultDirectory(), Logging::StderrLevel::Warning, false});

    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = Cli::run(app.arguments().mid(1), out, err);
    out.flush();
    err.flush();
    Logging::shutdown();
    return code;
}

void installTranslations(QApplication &app)
{
    const QString language = QSettings().value(QStringLiteral("language")).toString();
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);

    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qtTranslator);
    auto *translator = new QTranslator(&app);
    if (translator->load(locale, QStringLiteral("envdeck"), QStringLiteral("_"),
                         QStringLiteral(":/i18n")))
        app.installTranslator(translator);
}

bool hasDisplay()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
           || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
#else
    return true;
#endif
}

int runGui(int argc, char *argv[])
{
    if (!hasDisplay()) {
        std::fprintf(stderr, "envdeck: no display found, so the window cannot open.\n"
                             "Commands run without one (envdeck --help); to start the window "
                             "headless, use xvfb-run or QT_QPA_PLATFORM=offscreen.\n");
        return Cli::Usage;
    }
    QApplication app(argc, argv);
    setIdentity();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/envdeck.svg")));
    QApplication::setDesktopFileName(QStringLiteral("io.example.EnvDeck"));
    const QString logFile
        = Logging::install({Logging::defaultDirectory(), Logging::StderrLevel::Warning, false});
    qCInfo(lcApp).noquote() << "Starting"
                            << BuildInfo::summary().replace(QLatin1Char('\n'), QStringLiteral(", "))
                            << "- log file" << logFile;
    installTranslations(app);
    Theme::apply(Theme::storedMode());

    const auto options = parseGuiArguments(app.arguments().mid(1));
    if (!options) {
        std::fprintf(stderr, "envdeck: %s\n\n%s",
                     options.error().toString().toLocal8Bit().constData(),
                     Cli::usage().toLocal8Bit().constData());
        return Cli::Usage;
    }

    MainWindow window;
    applyGuiOptions(window, *options);
    window.show();

    const int code = app.exec();
    Logging::shutdown();
    return code;
}

} // namespace

Result<GuiOptions> parseGuiArguments(const QStringList &arguments)
{
    GuiOptions options;
    for (const QString &argument : arguments) {
        if (argument == u"--demo") {
            options.demo = true;
        } else if (argument == u"--read-only") {
            options.readOnly = true;
        } else if (argument.startsWith(QLatin1Char('-'))) {
            return Error(QStringLiteral("unknown option '%1'").arg(argument));
        } else if (options.repository.isEmpty()) {
            options.repository = argument;
        } else {
            return Error(
                QStringLiteral("expected at most one repository, not also '%1'").arg(argument));
        }
    }
    return options;
}

void applyGuiOptions(MainWindow &window, const GuiOptions &options)
{
    if (options.readOnly)
        window.readOnlyMode()->forceOn();
    if (options.demo)
        window.openDemo();
    else if (!options.repository.isEmpty())
        window.openRepository(QDir::current().absoluteFilePath(options.repository));
}

int run(int argc, char *argv[])
{
    Git::LibGit2 libgit2;
    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (argc > 1 && Cli::drawsWithoutWindow(first)) {
        // Fonts and painting need a GUI application, never a display.
        if (!hasDisplay())
            qputenv("QT_QPA_PLATFORM", "offscreen");
        return runHeadless<QApplication>(argc, argv);
    }
    if (argc > 1 && Cli::isHeadless(first))
        return runHeadless<QCoreApplication>(argc, argv);
    return runGui(argc, argv);
}

} // namespace EnvDeck::Application
