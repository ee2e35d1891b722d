// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QTextStream>

// Commands of the command line that live in their own files.
namespace EnvDeck::Cli {

void declareInspect(QCommandLineParser &parser);
int runInspect(const QCommandLineParser &parser, QTextStream &out, QTextStream &err);

void declareHcl2Json(QCommandLineParser &parser);
int runHcl2Json(const QCommandLineParser &parser, QTextStream &out, QTextStream &err);

void declareValidate(QCommandLineParser &parser);
int runValidate(const QCommandLineParser &parser, QTextStream &out, QTextStream &err);

void declareBump(QCommandLineParser &parser);
int runBump(const QCommandLineParser &parser, QTextStream &out, QTextStream &err);

void declareMergeRequests(QCommandLineParser &parser);
int runMergeRequests(const QCommandLineParser &parser, QTextStream &out, QTextStream &err);

void declareExportDiagram(QCommandLineParser &parser);
int runExportDiagram(const QCommandLineParser &parser, QTextStream &out, QTextStream &err);

void declareHistory(QCommandLineParser &parser);
int runHistory(const QCommandLineParser &parser, QTextStream &out, QTextStream &err);

void declareApprove(QCommandLineParser &parser);
int runApprove(const QCommandLineParser &parser, QTextStream &out, QTextStream &err);

void declarePromote(QCommandLineParser &parser);
int runPromote(const QCommandLineParser &parser, QTextStream &out, QTextStream &err);

void declareRollback(QCommandLineParser &parser);
int runRollback(const QCommandLineParser &parser, QTextStream &out, QTextStream &err);

} // namespace EnvDeck::Cli
