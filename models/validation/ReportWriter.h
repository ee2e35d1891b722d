// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "validation/Finding.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace EnvDeck::Validation {

enum class ReportFormat { Text, Json, JUnit, Sarif };

std::optional<ReportFormat> reportFormatFromName(const QString &name); // "text", "json", ...

// Renders a report for people (text, like a compiler) or for CI (JSON, JUnit XML for the test
// tabs of Azure Pipelines and GitLab, SARIF 2.1.0 for code scanning). Paths are relative to the
// repository root. The output depends only on the report: the same findings give the same bytes.
QByteArray writeReport(const Report &report, ReportFormat format);

} // namespace EnvDeck::Validation
