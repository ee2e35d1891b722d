// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace EnvDeck {

struct Environment;
namespace Terraform {
class ModuleTableModel;
class HelmReleaseTableModel;
} // namespace Terraform

// The "Terraform" tab: the selected environment's module calls (with the modules each one
// uses) and the Helm releases it creates, with where each version is written.
class TerraformView : public QWidget
{
    Q_OBJECT

public:
    explicit TerraformView(QWidget *parent = nullptr);
    void setEnvironment(const Environment *environment);

    Terraform::ModuleTableModel *moduleModel() const { return m_modules; }
    Terraform::HelmReleaseTableModel *releaseModel() const { return m_releases; }

private:
    QTableView *createTable(const QString &objectName, const QString &accessibleName);

    Terraform::ModuleTableModel *m_modules = nullptr;
    Terraform::HelmReleaseTableModel *m_releases = nullptr;
    QLabel *m_modulesTitle = nullptr;
    QLabel *m_releasesTitle = nullptr;
};

} // namespace EnvDeck
