// SPDX-License-Identifier: GPL-3.0-or-later
#include "AboutDialog.h"

#include "PageSupport.h"
#include "core/BuildInfo.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace EnvDeck {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About EnvDeck"));

    auto icon = new QLabel(this);
    icon->setPixmap(PageSupport::applicationIcon(64, this));
    icon->setAccessibleName(tr("EnvDeck logo"));
    auto title = PageSupport::createTitle(tr("EnvDeck %1").arg(BuildInfo::applicationVersion()),
                                          this, 1.5);
    title->setObjectName(QStringLiteral("aboutTitle"));
    auto description = new QLabel(tr("See, validate and promote the environments of a Terraform "
                                     "repository kept in Git."),
                                  this);
    description->setWordWrap(true);

    auto versions = new QWidget(this);
    versions->setObjectName(QStringLiteral("aboutVersions"));
    versions->setAccessibleName(tr("Library versions"));
    auto form = new QFormLayout(versions);
    form->setContentsMargins(0, 0, 0, 0);
    const auto addVersion = [versions, form](const QString &name, const QString &version) {
        auto value = new QLabel(version, versions);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(name, value);
    };
    addVersion(
        tr("Qt:"),
        tr("%1 (built with %2)").arg(BuildInfo::qtVersion(), QStringLiteral(QT_VERSION_STR)));
    addVersion(tr("libgit2:"), BuildInfo::libgit2Version());
    addVersion(tr("yaml-cpp:"), BuildInfo::yamlCppVersion());
    addVersion(tr("spdlog:"), BuildInfo::spdlogVersion());

    auto licence = new QLabel(
        tr("EnvDeck is free software: you can redistribute it and/or modify it under the terms of "
           "the GNU General Public License as published by the Free Software Foundation, either "
           "version 3 of the License, or (at your option) any later version "
           "(GPL-3.0-or-later). It comes with ABSOLUTELY NO WARRANTY."),
        this);
    licence->setObjectName(QStringLiteral("aboutLicence"));
    licence->setWordWrap(true);

    auto buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto text = new QVBoxLayout;
    text->setSpacing(10);
    text->addWidget(title);
    text->addWidget(description);
    text->addWidget(versions);
    text->addWidget(licence);
    auto body = new QHBoxLayout;
    body->setSpacing(16);
    body->addWidget(icon, 0, Qt::AlignTop);
    body->addLayout(text, 1);

    auto layout = new QVBoxLayout(this);
    layout->addLayout(body);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

} // namespace EnvDeck
