// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What an architect types into the Add Module dialog to add the demo's Redis building block to
// staging as "cache": the answer tst_diagramediting_diffs.h's addCacheDiff expects.

#include "diagram/AddModuleDialog.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>

#include <optional>

inline std::optional<EnvDeck::Diagram::AddModuleRequest>
fillInCacheModule(EnvDeck::AddModuleDialog &dialog)
{
    if (!dialog.selectBlock(QStringLiteral("redis")))
        return std::nullopt;
    dialog.nameEdit()->setText(QStringLiteral("cache"));
    dialog.valueEditor(QStringLiteral("name_prefix"))
        ->setCurrentText(QStringLiteral("local.name_prefix"));
    dialog.valueEditor(QStringLiteral("location"))->setCurrentText(QStringLiteral("var.location"));
    dialog.valueEditor(QStringLiteral("resource_group_name"))
        ->setCurrentText(QStringLiteral("module.network.resource_group_name"));
    dialog.valueEditor(QStringLiteral("capacity"))->setCurrentText(QStringLiteral("2"));
    if (!dialog.okButton()->isEnabled())
        return std::nullopt;
    return dialog.request();
}
