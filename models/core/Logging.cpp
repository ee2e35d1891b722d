// SPDX-License-Identifier: GPL-3.0-or-later
#include "Logging.h"

#include <QDir>
#include <QStandardPaths>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <mutex>

Q_LOGGING_CATEGORY(lcCore, "envdeck.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGit, "envdeck.git", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDemo, "envdeck.demo", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRepo, "envdeck.repo", QtInfoMsg)

namespace EnvDeck::Logging {
namespace {

std::mutex s_mutex;
std::shared_ptr<spdlog::logger> s_logger;

spdlog::level::level_enum toSpdlog(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return spdlog::level::debug;
    case QtInfoMsg:
        return spdlog::level::info;
    case QtWarningMsg:
        return spdlog::level::warn;
    case QtCriticalMsg:
        return spdlog::level::err;
    case QtFatalMsg:
        return spdlog::level::critical;
    }
    return spdlog::level::info;
}

spdlog::level::level_enum toSpdlog(StderrLevel level)
{
    switch (level) {
    case StderrLevel::Debug:
        return spdlog::level::debug;
    case StderrLevel::Info:
        return spdlog::level::info;
    case StderrLevel::Warning:
        return spdlog::level::warn;
    case StderrLevel::Off:
        return spdlog::level::off;
    }
    return spdlog::level::warn;
}

void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    std::shared_ptr<spdlog::logger> logger;
    {
        std::lock_guard lock(s_mutex);
        logger = s_logger;
    }
    const QByteArray text = message.toUtf8();
    const char *category = context.category ? context.category : "default";
    if (!logger) {
        fprintf(stderr, "%s: %s\n", category, text.constData());
        return;
    }
    logger->log(toSpdlog(type), "[{}] {}", category, text.constData());
    if (type == QtFatalMsg) {
        logger->flush();
        std::abort();
    }
}

} // namespace

QString defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
           + QStringLiteral("/logs");
}

QString install(const Options &options)
{
    std::vector<spdlog::sink_ptr> sinks;

    auto errSink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    errSink->set_level(toSpdlog(options.stderrLevel));
    errSink->set_pattern("envdeck: %l: %v");
    sinks.push_back(errSink);

    QString filePath;
    if (!options.directory.isEmpty() && QDir().mkpath(options.directory)) {
        filePath = QDir(options.directory).filePath(QStringLiteral("envdeck.log"));
        try {
            auto fileSink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                filePath.toStdString(), 1024 * 1024, 3);
            fileSink->set_level(options.debugToFile ? spdlog::level::debug : spdlog::level::info);
            fileSink->set_pattern("%Y-%m-%d %H:%M:%S.%e %t %l %v");
            sinks.push_back(fileSink);
        } catch (const spdlog::spdlog_ex &e) {
            fprintf(stderr, "envdeck: warning: cannot write the log file %s: %s\n",
                    filePath.toUtf8().constData(), e.what());
            filePath.clear();
        }
    }

    auto logger = std::make_shared<spdlog::logger>("envdeck", sinks.begin(), sinks.end());
    logger->set_level(spdlog::level::debug);
    logger->flush_on(spdlog::level::warn);
    {
        std::lock_guard lock(s_mutex);
        s_logger = logger;
    }
    qInstallMessageHandler(messageHandler);
    return filePath;
}

void shutdown()
{
    qInstallMessageHandler(nullptr);
    std::lock_guard lock(s_mutex);
    if (s_logger)
        s_logger->flush();
    s_logger.reset();
}

} // namespace EnvDeck::Logging
