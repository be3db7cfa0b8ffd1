import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { Aspects, TerraformResource, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { EnvironmentContext } from "../context/environment-context";
import { ArchitectureDiagram } from "../diagram";
import { moveFromLegacyPath } from "../core/legacy-address";
import { addPropChecks, PropChecks } from "../core/validation";
import { MonthlyBudget } from "../governance/budget";
import { DefenderForAi } from "../governance/defender-for-ai";
import { CompliancePack } from "../governance/compliance/pack";
import { GdprPack } from "../governance/compliance/packs/gdpr";
import { HipaaPack } from "../governance/compliance/packs/hipaa";
import { Soc2Pack } from "../governance/compliance/packs/soc2";
import { OpenAiPolicyAssignments } from "../governance/policy-assignments";
import { AccessEntry, AccessMatrix, AccessScope } from "../identity/access-matrix";
import { WorkloadIdentity } from "../identity/workload-identity";
import { OpenAiAccount } from "../openai/openai-account";
import { OpenAiPlatform } from "../platform/openai-platform";
import { addEnvironmentGateway } from "./environment-gateway";
import { OpenAiGateway } from "../gateway/openai-gateway";
import { configureBackend } from "./backend";
import { checkEnvironmentConfig, environmentStackId } from "./config-schema";
import { CompliancePackName, EnvironmentConfig } from "./environment-config";

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
  /**
   * The Azure OpenAI platform of the environment. Not created when the config is invalid: the
   * stack then holds only its validation problems, and the synth fails.
   */
  public readonly platform!: OpenAiPlatform;
  /** Application identities by key (none when the config is invalid). */
  public readonly workloads: Readonly<Record<string, WorkloadIdentity>> = {};
  /** The AI gateway in front of the accounts, when the config asks for one (`gateway`). */
  public readonly gateway?: OpenAiGateway;
  /** The compliance packs applied to the stack (none when the config is invalid). */
  public readonly compliancePacks: readonly CompliancePack[] = [];

  /**
   * @param config the environment, checked as data first ({@link checkEnvironmentConfig}):
   *   when it is invalid, nothing is built and the synth reports every problem
   */
  constructor(scope: Construct, public readonly config: EnvironmentConfig) {
    const stackId = environmentStackId(scope, config);
    super(scope, stackId.id);
    const validation = checkEnvironmentConfig(config, scope);
    const problems = [...(stackId.problem ? [stackId.problem] : []), ...(validation.ok ? [] : validation.problems)];
    if (problems.length > 0) {
      this.node.addValidation({ validate: () => problems });
      return;
    }
    // Local state (relative path) unless remote state is configured; see docs/DELIVERY.md.
    configureBackend(this, config.name);
    new AzurermProvider(this, "azurerm", {
      // The archives' data plane is closed to the Terraform runner: manage storage through ARM only.
      features: [{ storage: [{ dataPlaneAvailable: false }] }],
      storageUseAzuread: true,
    });

    // The environment's facts, resolved once and found through the tree by every construct below;
    // it also applies the governance tags, once, to every resource of the stack.
    const context = EnvironmentContext.establish(this, {
      name: config.name,
      workload: config.workload,
      owner: config.owner,
      location: config.location,
      residency: config.residency,
      uniqueSuffix: config.uniqueSuffix,
      deletionProtection: config.deletionProtection,
      tags: config.tags,
    });
    const naming = context.naming;
    const resourceGroupName = naming.name("resourceGroup", { location: config.location });
    addPropChecks(this, (c) => c.name("resourceGroup name", "resourceGroup", resourceGroupName));
    const resourceGroup = new ResourceGroup(this, "resource-group", {
      name: resourceGroupName,
      location: config.location,
    });

    this.platform = new OpenAiPlatform(this, "openai", {
      resourceGroupName: resourceGroup.name,
      regions: config.regions,
      kind: config.kind,
      foundryUpgrade: config.foundryUpgrade,
      projects: config.projects?.map(({ name, displayName, description }) => ({ name, displayName, description })),
      // A per-deployment content filter is a weakening: it carries the config's stated reason.
      deployments: config.deployments.map((d) =>
        config.contentFilterOverrides && Object.hasOwn(config.contentFilterOverrides, d.name)
          ? { ...d, contentFilterOverride: config.contentFilterOverrides[d.name] }
          : d,
      ),
      privateDns: config.privateDns,
      logging: config.logging,
      contentFilter: config.contentFilter ?? {},
      storedCompletions: config.storedCompletions,
      networkSecurityPerimeter: config.networkSecurityPerimeter,
      customerManagedKey: config.customerManagedKeys ? {} : undefined,
      capacityCapK: config.capacityCapK,
      capacityCheck: config.capacityCheck,
      allowedModels: config.allowedModels,
    });

    // Subscription-wide: only where the config says this environment owns the plan (docs/SECURITY-PACK.md).
    if (config.defenderForAi) new DefenderForAi(this, "defender-for-ai", { defender: config.defenderForAi }, this);
    new OpenAiPolicyAssignments(this, "policies", {
      resourceGroupId: resourceGroup.id,
      namePrefix: naming.stem(),
      enforcement: config.policyEnforcement,
    });
    new MonthlyBudget(this, "budget", {
      name: naming.stem({ qualifier: "monthly" }),
      resourceGroupId: resourceGroup.id,
      amount: config.budget.amount,
      startDate: config.budget.startDate, // undefined: the current month, ignored after creation
      contactEmails: config.budget.contactEmails,
    });
    this.keepLockAddresses();

    this.grantAccess(config);
    this.workloads = this.createWorkloads(config, resourceGroup.name);
    if (config.gateway) {
      this.gateway = addEnvironmentGateway(this, {
        gateway: config.gateway,
        resourceGroupName: resourceGroup.name,
        platform: this.platform,
        identities: this.workloads,
      });
    }

    this.compliancePacks = (config.compliancePacks ?? ["soc2", "hipaa", "gdpr"]).map((name) => PACKS[name]());
    this.compliancePacks.forEach((pack) => Aspects.of(this).add(pack));
    // architecture.md (Mermaid) and architecture.html beside cdk.tf.json, drawn from the resources.
    ArchitectureDiagram.of(this);
  }

  /** The accounts, one per region, in priority order. */
  public get accounts(): readonly OpenAiAccount[] {
    return this.platform?.accounts ?? [];
  }

  /**
   * Up to 0.2 the stack made every lock in one `locks` construct; each resource construct now
   * owns its lock. `moved` blocks carry the locks' state over, so no lock is re-created.
   */
  private keepLockAddresses(): void {
    const move = (lock: TerraformResource | undefined, key: string) => lock && moveFromLegacyPath(lock, ["locks", key]);
    move(this.platform.workspace.lock, "workspace");
    for (const r of this.platform.regions) {
      const location = r.region.location;
      move(r.account.lock, `openai-${location}`);
      move(r.archive.lock, `archive-${location}`);
      move(r.customerManagedKey?.lock, `vault-${location}`);
    }
  }

  /**
   * The environment's access matrix: OpenAI roles on every account, log roles on the workspace,
   * Foundry User on the projects (scopes `project-<name>-<location>`) for the principals each
   * project names.
   */
  private grantAccess(config: EnvironmentConfig): void {
    const entries = [...(config.access ?? []), ...projectAccessEntries(config)];
    if (entries.length === 0) return;
    const scopes: Record<string, AccessScope> = { logs: { scopeId: this.platform.workspace.workspaceId, kind: "logs" } };
    for (const account of this.platform.accounts) {
      scopes[`openai-${account.location}`] = { scopeId: account.accountId, kind: "openai" };
      for (const project of account.projects) scopes[projectScopeKey(project.projectName, account.location)] = { scopeId: project.projectId, kind: "foundryProject" };
    }
    new AccessMatrix(this, "access", { scopes, entries, humanRoleCeiling: config.humanRoleCeiling });
  }

  /**
   * One user-assigned identity per application. A workload the gateway fronts calls through the
   * gateway only: it holds no role on the accounts, so its limits, allowlist and audit record
   * cannot be bypassed. Any other workload may call every account (OpenAI User) and nothing more.
   */
  private createWorkloads(config: EnvironmentConfig, resourceGroupName: string): Record<string, WorkloadIdentity> {
    const naming = EnvironmentContext.of(this)!.naming;
    // In the resource group's location, not a region's: changing regions must not rename an identity.
    const location = config.location;
    const identities: Record<string, WorkloadIdentity> = {};
    const behindGateway = new Set((config.gateway?.workloads ?? []).map((w) => w.identity).filter((key) => key !== undefined));
    for (const workload of config.workloads ?? []) {
      const identity = new WorkloadIdentity(this, `workload-${workload.key}`, {
        name: naming.name("userAssignedIdentity", { location, qualifier: workload.key }),
        resourceGroupName,
        location,
        application: workload.application,
      });
      if (!behindGateway.has(workload.key)) for (const account of this.platform.accounts) account.grantUse(identity);
      identities[workload.key] = identity;
    }
    // Foundry User on the projects that name the workload (the project's scope only).
    for (const projectConfig of config.projects ?? []) {
      for (const key of projectConfig.workloads ?? []) {
        const identity = identities[key];
        if (!identity) continue; // reported by checkProjectReferences
        for (const account of this.platform.accounts) account.projects.find((p) => p.projectName === projectConfig.name)?.grantUse(identity);
      }
    }
    addPropChecks(this, (c) => checkProjectReferences(c, config));
    return identities;
  }
}

/** The access-matrix scope key of a project in a region. */
function projectScopeKey(name: string, location: string): string {
  return `project-${name}-${location}`;
}

/** Foundry User on each project for the access principals it names, on its scope in every region. */
function projectAccessEntries(config: EnvironmentConfig): AccessEntry[] {
  const principals = new Map((config.access ?? []).filter((e) => e.key !== undefined).map((e) => [e.key!, e]));
  const scopesByPrincipal = new Map<string, string[]>();
  for (const project of config.projects ?? []) {
    for (const key of project.access ?? []) {
      if (!principals.has(key)) continue; // reported by checkProjectReferences
      const scopes = scopesByPrincipal.get(key) ?? [];
      scopes.push(...config.regions.map((r) => projectScopeKey(project.name, r.location)));
      scopesByPrincipal.set(key, scopes);
    }
  }
  return [...scopesByPrincipal].map(([key, scopes]) => {
    const { principalId, principalType, displayName } = principals.get(key)!;
    return { key, principalId, principalType, displayName, role: "FoundryUser", scopes, description: "Builds in the Foundry projects the environment config names" };
  });
}

/** Every principal and workload a project names exists in the config. */
function checkProjectReferences(c: PropChecks, config: EnvironmentConfig): void {
  const principalKeys = new Set((config.access ?? []).flatMap((e) => (e.key !== undefined ? [e.key] : [])));
  const workloadKeys = new Set((config.workloads ?? []).map((w) => w.key));
  (config.projects ?? []).forEach((project, i) => {
    (project.access ?? []).forEach((key, j) => {
      if (!principalKeys.has(key)) c.fail(`projects[${i}].access[${j}]`, key, `allowed: the key of an access entry (${[...principalKeys].join(", ") || "none"})`);
    });
    (project.workloads ?? []).forEach((key, j) => {
      if (!workloadKeys.has(key)) c.fail(`projects[${i}].workloads[${j}]`, key, `allowed: the key of a workload (${[...workloadKeys].join(", ") || "none"})`);
    });
  });
  c.unique("projects[].name", (config.projects ?? []).map((p) => p.name), "project name", { ignoreCase: true });
}
