import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { Aspects, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { ResourceNaming, nameProblem } from "../core/naming";
import { governanceTags } from "../core/tags";
import { addPropChecks } from "../core/validation";
import { MonthlyBudget } from "../governance/budget";
import { CompliancePack } from "../governance/compliance/pack";
import { GdprPack } from "../governance/compliance/packs/gdpr";
import { HipaaPack } from "../governance/compliance/packs/hipaa";
import { Soc2Pack } from "../governance/compliance/packs/soc2";
import { checkModelAllowlist } from "../governance/model-allowlist";
import { OpenAiPolicyAssignments } from "../governance/policy-assignments";
import { LockedResource, ResourceLocks } from "../governance/resource-locks";
import { AccessMatrix, AccessScope } from "../identity/access-matrix";
import { WorkloadIdentity } from "../identity/workload-identity";
import { isProvisioned } from "../openai/deployment-options";
import { OpenAiAccount } from "../openai/openai-account";
import { OpenAiPlatform } from "../platform/openai-platform";
import { resolveResidency } from "../regions/residency";
import { configureBackend } from "./backend";
import { CompliancePackName, EnvironmentConfig } from "./environment-config";

const ENVIRONMENT_NAME = /^[a-z][a-z0-9]{1,11}$/;
const WORKLOAD_NAME = /^[a-z][a-z0-9-]{0,14}[a-z0-9]$/;

const PACKS: Readonly<Record<CompliancePackName, () => CompliancePack>> = {
  soc2: () => new Soc2Pack(),
  hipaa: () => new HipaaPack(),
  gdpr: () => new GdprPack(),
};

/**
 * One environment: its resource group, the governed Azure OpenAI platform, who may use it,
 * the application identities, and the compliance packs it must pass.
 */
export class OpenAiEnvironmentStack extends TerraformStack {
  /** The Azure OpenAI platform of the environment. */
  public readonly platform: OpenAiPlatform;
  /** Application identities by key. */
  public readonly workloads: Readonly<Record<string, WorkloadIdentity>>;
  /** The compliance packs applied to the stack. */
  public readonly compliancePacks: readonly CompliancePack[];

  constructor(scope: Construct, public readonly config: EnvironmentConfig) {
    super(scope, config.name);
    addPropChecks(this, (c) => {
      c.matches("name", config.name, ENVIRONMENT_NAME, "2-12 lowercase letters or digits, starting with a letter");
      c.matches("workload", config.workload, WORKLOAD_NAME, "2-16 lowercase letters, digits or hyphens, starting with a letter");
      const tokenCapacity = config.deployments
        .filter((d) => !isProvisioned(d.sku))
        .reduce((sum, d) => sum + d.capacity, 0) * config.regions.length;
      if (tokenCapacity > config.capacityCapK) {
        c.fail("deployments", `${tokenCapacity}K TPM in total`, `allowed: at most capacityCapK = ${config.capacityCapK}K TPM`);
      }
      checkModelAllowlist(c, config.deployments, config.allowedModels);
    });

    // Local state (relative path) unless remote state is configured; see docs/DELIVERY.md.
    configureBackend(this, config.name);
    new AzurermProvider(this, "azurerm", {
      // The archives' data plane is closed to the Terraform runner: manage storage through ARM only.
      features: [{ storage: [{ dataPlaneAvailable: false }] }],
      storageUseAzuread: true,
    });

    const naming = new ResourceNaming({
      workload: config.workload,
      environment: config.name,
      uniqueSuffix: config.uniqueSuffix,
    });
    const residency = resolveResidency(config.residency);
    const tagProps = { environment: config.name, owner: config.owner, dataResidency: residency.name, workload: config.workload };
    const resourceGroupName = naming.name("resourceGroup", { location: config.location });
    addPropChecks(this, (c) => {
      const problem = nameProblem("resourceGroup", resourceGroupName);
      if (problem) c.fail("resourceGroup name", resourceGroupName, problem);
    });
    const resourceGroup = new ResourceGroup(this, "resource-group", {
      name: resourceGroupName,
      location: config.location,
      tags: governanceTags(tagProps, config.tags),
    });

    this.platform = new OpenAiPlatform(this, "openai", {
      environment: config.name,
      owner: config.owner,
      naming,
      resourceGroupName: resourceGroup.name,
      residency: config.residency,
      regions: config.regions,
      deployments: config.deployments,
      privateDns: config.privateDns,
      logging: config.logging,
      contentFilter: config.contentFilter ?? {},
      customerManagedKey: config.customerManagedKeys ? {} : undefined,
      tags: { ...config.tags, workload: config.workload },
    });

    new OpenAiPolicyAssignments(this, "policies", {
      resourceGroupId: resourceGroup.id,
      namePrefix: `${config.workload}-${config.name}`,
      enforcement: config.policyEnforcement,
    });
    new MonthlyBudget(this, "budget", {
      name: `${config.workload}-${config.name}-monthly`,
      resourceGroupId: resourceGroup.id,
      amount: config.budget.amount,
      startDate: config.budget.startDate,
      contactEmails: config.budget.contactEmails,
    });
    if (config.deletionProtection) this.protectFromDeletion();

    this.grantAccess(config);
    this.workloads = this.createWorkloads(config, naming, resourceGroup.name, residency.name);

    this.compliancePacks = (config.compliancePacks ?? ["soc2", "hipaa", "gdpr"]).map((name) => PACKS[name]());
    this.compliancePacks.forEach((pack) => Aspects.of(this).add(pack));
  }

  /** The accounts, one per region, in priority order. */
  public get accounts(): readonly OpenAiAccount[] {
    return this.platform.accounts;
  }

  /** CanNotDelete locks and prevent_destroy on what holds data or keys: accounts, workspace, archives, vaults. */
  private protectFromDeletion(): void {
    const resources: Record<string, LockedResource> = {
      workspace: { resource: this.platform.workspace.resource, reason: "Audit log workspace of a regulated environment" },
    };
    for (const r of this.platform.regions) {
      const location = r.region.location;
      resources[`openai-${location}`] = { resource: r.account.resource, reason: "Production Azure OpenAI account; deleting it loses its deployments and endpoint" };
      resources[`archive-${location}`] = { resource: r.archive.storageAccount, reason: "Write-once audit archive; evidence for auditors" };
      if (r.customerManagedKey) {
        resources[`vault-${location}`] = { resource: r.customerManagedKey.keyVault, reason: "Holds the customer-managed key; without it the account's data is unreadable" };
      }
    }
    new ResourceLocks(this, "locks", { resources });
  }

  /** The environment's access matrix: OpenAI roles on every account, log roles on the workspace. */
  private grantAccess(config: EnvironmentConfig): void {
    if (!config.access || config.access.length === 0) return;
    const scopes: Record<string, AccessScope> = { logs: { scopeId: this.platform.workspace.workspaceId, kind: "logs" } };
    for (const account of this.platform.accounts) scopes[`openai-${account.location}`] = { scopeId: account.accountId, kind: "openai" };
    new AccessMatrix(this, "access", { scopes, entries: config.access, humanRoleCeiling: config.humanRoleCeiling });
  }

  /** One user-assigned identity per application, allowed to call every account and nothing more. */
  private createWorkloads(
    config: EnvironmentConfig,
    naming: ResourceNaming,
    resourceGroupName: string,
    dataResidency: string,
  ): Record<string, WorkloadIdentity> {
    // In the resource group's location, not a region's: changing regions must not rename an identity.
    const location = config.location;
    const identities: Record<string, WorkloadIdentity> = {};
    for (const workload of config.workloads ?? []) {
      const identity = new WorkloadIdentity(this, `workload-${workload.key}`, {
        name: naming.name("userAssignedIdentity", { location, qualifier: workload.key }),
        resourceGroupName,
        location,
        application: workload.application,
        environment: config.name,
        owner: config.owner,
        dataResidency,
        tags: config.tags,
      });
      for (const account of this.platform.accounts) account.grantUse(identity);
      identities[workload.key] = identity;
    }
    return identities;
  }
}
