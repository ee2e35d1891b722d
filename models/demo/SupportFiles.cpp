// SPDX-License-Identifier: GPL-3.0-or-later
#include "SupportFiles.h"

namespace EnvDeck::Demo::Support {
namespace {

const char *const TerraformVersions[]
    = {"1.5.7", "1.6.2", "1.6.6", "1.7.1", "1.7.4",  "1.7.5",  "1.8.0", "1.8.2",
       "1.8.5", "1.9.0", "1.9.3", "1.9.8", "1.10.0", "1.10.3", "1.10.5"};
constexpr int FeatureRevisions = 3; // revisions 1..3 add features, later ones update Terraform

QByteArray terraformVersion(int revision)
{
    const int steps = qMax(0, revision - FeatureRevisions);
    return TerraformVersions[qMin(steps, int(std::size(TerraformVersions)) - 1)];
}

QByteArray planTemplate(int revision)
{
    QByteArray text
        = R"yaml(# Runs terraform plan for one environment and keeps the plan for the apply stage.
parameters:
  - name: environment
    type: string
  - name: serviceConnection
    type: string
    default: platform-terraform

steps:
  - task: TerraformInstaller@1
    displayName: Install Terraform
    inputs:
      terraformVersion: @TF@
)yaml";
    if (revision >= 1)
        text += R"yaml(  - task: Cache@2
    displayName: Cache Terraform providers
    inputs:
      key: terraform | "$(Agent.OS)" | environments/${{ parameters.environment }}/.terraform.lock.hcl
      path: $(Pipeline.Workspace)/.terraform.d/plugin-cache
)yaml";
    text += R"yaml(  - task: AzureCLI@2
    displayName: terraform plan (${{ parameters.environment }})
    inputs:
      azureSubscription: ${{ parameters.serviceConnection }}
      scriptType: bash
      scriptLocation: inlineScript
      workingDirectory: environments/${{ parameters.environment }}
      inlineScript: |
        terraform init -input=false
        terraform plan -input=false -out=tfplan
)yaml";
    if (revision >= 2)
        text += R"yaml(  - publish: environments/${{ parameters.environment }}/tfplan
    artifact: tfplan-${{ parameters.environment }}
    displayName: Publish the plan
)yaml";
    text.replace("@TF@", terraformVersion(revision));
    return text;
}

QByteArray applyTemplate(int revision)
{
    QByteArray text
        = R"yaml(# Applies the plan of one environment. Used by the deploy pipelines only.
parameters:
  - name: environment
    type: string
  - name: serviceConnection
    type: string
    default: platform-terraform

steps:
  - task: TerraformInstaller@1
    displayName: Install Terraform
    inputs:
      terraformVersion: @TF@
  - task: AzureCLI@2
    displayName: terraform apply (${{ parameters.environment }})
    inputs:
      azureSubscription: ${{ parameters.serviceConnection }}
      scriptType: bash
      scriptLocation: inlineScript
      workingDirectory: environments/${{ parameters.environment }}
      inlineScript: |
        terraform init -input=false
        terraform apply -input=false -auto-approve
)yaml";
    text.replace("@TF@", terraformVersion(revision));
    return text;
}

QByteArray validateTemplate(int revision)
{
    QByteArray text
        = R"yaml(# The same checks EnvDeck shows in its problems panel, run headless on every merge request.
steps:
  - script: |
      envdeck validate --format text .
    displayName: envdeck validate
)yaml";
    if (revision >= 3)
        text += R"yaml(  - script: |
      envdeck validate --format junit --output $(Common.TestResultsDirectory)/envdeck.xml .
    displayName: envdeck validate (JUnit)
    condition: always()
  - task: PublishTestResults@2
    condition: always()
    inputs:
      testResultsFormat: JUnit
      testResultsFiles: $(Common.TestResultsDirectory)/envdeck.xml
)yaml";
    return text;
}

QByteArray environmentList(const Layout &layout, EnvironmentTier tier)
{
    QByteArray text;
    for (const EnvironmentSpec &env : layout.environments) {
        if (env.tier == tier)
            text += "      - " + env.name.toUtf8() + '\n';
    }
    return text;
}

} // namespace

int lastPipelineRevision()
{
    return FeatureRevisions + int(std::size(TerraformVersions)) - 1;
}

QString pipelineEditMessage(int revision)
{
    switch (revision) {
    case 1:
        return QStringLiteral("cache Terraform providers between runs");
    case 2:
        return QStringLiteral("publish the plan as a pipeline artifact");
    case 3:
        return QStringLiteral("publish envdeck validate results as JUnit");
    default:
        return QStringLiteral("update Terraform to %1")
            .arg(QString::fromLatin1(terraformVersion(revision)));
    }
}

QList<RenderedFile> pipelineFiles(const World &world)
{
    const Layout &layout = *world.layout;
    const int revision = world.pipelineRevision;
    QList<RenderedFile> files;

    files.append(
        {QStringLiteral("pipelines/azure-pipelines.yml"),
         R"yaml(# Merge request validation (definition 12): validate everything, plan what changed.
trigger: none
pr:
  branches:
    include:
      - main

pool:
  vmImage: ubuntu-22.04

stages:
  - stage: validate
    jobs:
      - job: envdeck
        steps:
          - template: templates/envdeck-validate.yml
  - stage: plan
    dependsOn: validate
    jobs:
      - job: plan_dev
        steps:
          - template: templates/terraform-plan.yml
            parameters:
              environment: dev
      - job: plan_staging
        steps:
          - template: templates/terraform-plan.yml
            parameters:
              environment: staging
)yaml"});
    files.append(
        {QStringLiteral("pipelines/templates/terraform-plan.yml"), planTemplate(revision)});
    files.append(
        {QStringLiteral("pipelines/templates/terraform-apply.yml"), applyTemplate(revision)});
    files.append(
        {QStringLiteral("pipelines/templates/envdeck-validate.yml"), validateTemplate(revision)});
    files.append(
        {QStringLiteral("pipelines/deploy-dev.yml"), R"yaml(# dev deploys on every push to main.
trigger:
  branches:
    include:
      - main
  paths:
    include:
      - environments/dev/*
      - modules/*

pool:
  vmImage: ubuntu-22.04

stages:
  - stage: plan
    jobs:
      - job: plan
        steps:
          - template: templates/terraform-plan.yml
            parameters:
              environment: dev
  - stage: apply
    dependsOn: plan
    jobs:
      - deployment: apply
        environment: dev
        strategy:
          runOnce:
            deploy:
              steps:
                - checkout: self
                - template: templates/terraform-apply.yml
                  parameters:
                    environment: dev
)yaml"});
    files.append({QStringLiteral("pipelines/deploy-staging.yml"),
                  R"yaml(# staging is deployed by hand after a bump; QA approves what runs there.
trigger: none

pool:
  vmImage: ubuntu-22.04

stages:
  - stage: plan
    jobs:
      - job: plan
        steps:
          - template: templates/envdeck-validate.yml
          - template: templates/terraform-plan.yml
            parameters:
              environment: staging
  - stage: apply
    dependsOn: plan
    jobs:
      - deployment: apply
        environment: staging
        strategy:
          runOnce:
            deploy:
              steps:
                - checkout: self
                - template: templates/terraform-apply.yml
                  parameters:
                    environment: staging
)yaml"});
    QByteArray production
        = R"yaml(# Production (definition 14): planned, versioned, started by hand for one environment.
trigger: none

parameters:
  - name: environment
    type: string
    values:
@ENVS@  - name: release
    type: string
    displayName: Approved release (e.g. r42)

pool:
  vmImage: ubuntu-22.04

stages:
  - stage: plan
    jobs:
      - job: plan
        steps:
          - template: templates/envdeck-validate.yml
          - template: templates/terraform-plan.yml
            parameters:
              environment: ${{ parameters.environment }}
  - stage: apply
    dependsOn: plan
    jobs:
      - deployment: apply
        environment: ${{ parameters.environment }}
        strategy:
          runOnce:
            deploy:
              steps:
                - checkout: self
                - template: templates/terraform-apply.yml
                  parameters:
                    environment: ${{ parameters.environment }}
)yaml";
    production.replace("@ENVS@", environmentList(layout, EnvironmentTier::Production));
    files.append({QStringLiteral("pipelines/deploy-production.yml"), production});
    return files;
}

QString readmeEditMessage(int revision)
{
    switch (revision) {
    case 1:
        return QStringLiteral("describe the release flow");
    case 2:
        return QStringLiteral("add the rollback runbook");
    default:
        return QStringLiteral("record runbook review %1").arg(revision - 2);
    }
}

RenderedFile readme(const World &world)
{
    const Layout &layout = *world.layout;
    QByteArray text = R"md(# platform/infra

Terraform for every environment of the platform team: one root module per environment under
`environments/<name>/`, built from the building blocks in `modules/`. Services and third-party
charts are Helm releases installed through Terraform's helm provider; their versions live in each
environment's `versions.yaml`.

This repository was generated by `envdeck --demo`: names, people and history are made up.

## Environments

| environment | tier | promotes from | notes |
|---|---|---|---|
)md";
    for (const EnvironmentSpec &env : layout.environments) {
        QByteArray notes = env.customer
                               ? QByteArray("customer cluster, built like " + env.base.toUtf8())
                               : QByteArray();
        if (env.integrations)
            notes += notes.isEmpty() ? "runs the integration services"
                                     : ", runs the integration services";
        text += "| " + env.name.toUtf8() + " | " + tierName(env.tier).toUtf8() + " | "
                + (env.promotesFrom.isEmpty() ? QByteArray("-") : env.promotesFrom.toUtf8()) + " | "
                + notes + " |\n";
    }
    text += "\n## Layout\n\n- `environments/<name>/` - `main.tf`, `variables.tf`, `outputs.tf`, "
            "`backend.tf`, `providers.tf`, `terraform.tfvars`, `versions.yaml`\n"
            "- `modules/` - "
            + QByteArray::number(layout.modules.size())
            + " building blocks\n- `approvals/staging/` - QA approvals of staging\n"
              "- `catalogs/third-party-index.yaml` - Helm index of the third-party charts\n"
              "- `pipelines/` - Azure Pipelines (validation, per-tier deployments)\n";
    if (world.readmeRevision >= 1)
        text += R"md(
## Release flow

1. dev gets new service versions on every release build (`dev: bump <component> to <version>`).
2. Staging is bumped from dev by hand; QA locks what it is testing (`locked: true`).
3. QA approves staging: `approvals/staging/<date>-r<N>.yaml` records the exact version set.
4. A release manager promotes an approved release to each production environment, one merge
   request each; prod-us may lag a release behind prod-eu, customer clusters follow prod-eu.
)md";
    if (world.readmeRevision >= 2)
        text += R"md(
## Rolling back

Set the environment's `versions.yaml` back to the version set of the previous approval it ran
(`approvals/staging/`), commit `<environment>: roll back to r<N> after <reason>` and run the
production pipeline with that release.
)md";
    if (world.readmeRevision >= 3) {
        text += "\n## Runbook reviews\n\n";
        for (int i = 3; i <= world.readmeRevision; ++i)
            text += "- Review " + QByteArray::number(i - 2)
                    + ": steps checked against the last "
                      "release.\n";
    }
    return {QStringLiteral("README.md"), text};
}

RenderedFile gitignore()
{
    return {QStringLiteral(".gitignore"),
            ".terraform/\n*.tfstate\n*.tfstate.backup\ntfplan\n.envdeck/cache/\n"};
}

} // namespace EnvDeck::Demo::Support
