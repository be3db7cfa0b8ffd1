import type { PerimeterOptions } from "../network/network-security-perimeter";
import { PolicyEnforcement } from "../governance/policy-assignments";
import type { CapacityCheckMode } from "../governance/capacity/capacity-check";
import type { DeletionProtection, DeletionProtectionScopes } from "../context/deletion-protection";
import { AccessEntry } from "../identity/access-matrix";
import { BuiltInRoleKey } from "../identity/role-catalog";
import { ContentFilterOptions, HarmCategory, SeverityThreshold } from "../openai/content-filter";
import type { StoredCompletionsException } from "../openai/stored-completions";
import type { DefenderForAiOwner } from "../governance/defender-for-ai";
import { ModelDeploymentOptions } from "../openai/deployment-options";
import { AccountKind, FoundryUpgradeDecision } from "../openai/foundry-upgrade";
import { PlatformLogging, PlatformPrivateDns, PlatformRegion } from "../platform/platform-options";
import { Residency } from "../regions/residency";
import type { EnvironmentGatewayConfig } from "./gateway-config";

/** One region an environment runs Azure OpenAI in: location, failover priority, network. */
export type RegionConfig = PlatformRegion;

/** An application identity (the seed's service accounts) granted OpenAI User on every account. */
export interface WorkloadConfig {
  /** Stable key, part of the identity's name, for example `chatbot`. */
  readonly key: string;
  /** What the application is, for the identity's tags. */
  readonly application: string;
}

/**
 * A Foundry project made on every account of the environment (for example one per team or
 * application), and who may build in it: Foundry User on the project, nothing on the account.
 */
export interface ProjectConfig {
  /** Project name (2-64 letters, digits, '-', '_' or '.'); also its endpoint path and construct ID. */
  readonly name: string;
  /**
   * Name shown in the Foundry portal.
   * @default - none
   */
  readonly displayName?: string;
  /**
   * What the project is for.
   * @default - none
   */
  readonly description?: string;
  /**
   * Principals of the environment's `access` entries (by their `key`) given Foundry User on the
   * project. People (User, Group) are held to `humanRoleCeiling`: it must include `FoundryUser`.
   * @default - none
   */
  readonly access?: readonly string[];
  /**
   * Workload identities (by their `key`) given Foundry User on the project.
   * @default - none
   */
  readonly workloads?: readonly string[];
}

/** Compliance packs a stack is checked against at synth. */
export type CompliancePackName = "soc2" | "hipaa" | "gdpr";

export type { DeletionProtectionScopes };

/** Everything that differs between environments. One object per environment, typed. */
export interface EnvironmentConfig {
  /** Environment name; also the stack name (`cdktf deploy <name>`). */
  readonly name: string;
  /** Workload name, the first part of every resource name. */
  readonly workload: string;
  /** Accountable team, written to the `owner` tag. */
  readonly owner: string;
  /**
   * Where data may be stored and processed (`eu`, `us`, `apac`, `global` or a custom region
   * list); checked against every region, SKU and log destination at synth.
   */
  readonly residency: Residency;
  /** Location of the environment's resource group. */
  readonly location: string;
  /**
   * Suffix for globally unique names (OpenAI subdomains, storage accounts).
   * @default - none
   */
  readonly uniqueSuffix?: string;
  /** Regions with an Azure OpenAI account. */
  readonly regions: readonly RegionConfig[];
  /**
   * Kind of the environment's accounts: `AIServices` (Microsoft Foundry resources, project
   * management on) or `OpenAI`. Changing it replaces the accounts on azurerm 4.55: an
   * environment made by 0.2 or earlier sets `OpenAI` and a `foundryUpgrade` decision, and
   * migrates as docs/FOUNDRY.md says.
   * @default "AIServices"
   */
  readonly kind?: AccountKind;
  /**
   * Required for kind `OpenAI`: keep Microsoft's upgrade to Foundry (`{ decision: "allow" }`) or
   * opt out of it (`{ decision: "optOut", reason }`). See docs/FOUNDRY.md.
   * @default - none
   */
  readonly foundryUpgrade?: FoundryUpgradeDecision;
  /**
   * Foundry projects on every account (kind `AIServices`).
   * @default - none
   */
  readonly projects?: readonly ProjectConfig[];
  /**
   * Model deployments made on every account of the environment. A deployment's own content
   * filter is given with `contentFilterOverrides` (by deployment name, with a reason).
   */
  readonly deployments: readonly Omit<ModelDeploymentOptions, "contentFilterOverride">[];
  /**
   * Most token capacity the environment may deploy, summed over every token-based deployment
   * in every region, in units of 1,000 tokens per minute (the seed's per-project TPM).
   */
  readonly capacityCapK: number;
  /**
   * How a deployment that asks more capacity than Azure reports available at plan time is
   * reported (read through Resource Manager with Reader rights; see docs/CAPACITY.md): `error`
   * stops the plan, `warning` reports it in a Terraform check block and lets the plan go on,
   * `off` reads nothing.
   * @default "error" - a change process approves a plan; the apply must not stop half-way on quota
   */
  readonly capacityCheck?: CapacityCheckMode;
  /** Models the environment may deploy (the seed's allowed_models); any other fails the synth. */
  readonly allowedModels: readonly string[];
  /** Azure Policy on the resource group: `audit` reports drift, `deny` refuses it where the policy can. */
  readonly policyEnforcement: PolicyEnforcement;
  /** Monthly budget of the resource group (the seed's CostGovernor). */
  readonly budget: {
    /** Monthly amount in the billing currency. */
    readonly amount: number;
    /**
     * First budget month, `YYYY-MM-01` (at most 12 months ahead). Used only when the budget is
     * created: later changes are ignored (`ignore_changes`), see `MonthlyBudget`.
     * @default - the first day of the current month (UTC) at synth
     */
    readonly startDate?: string;
    /** Who is notified at 50, 80, 100 % actual and 100 % forecast. */
    readonly contactEmails: readonly string[];
  };
  /**
   * Customer-managed keys for every account (Key Vault per region, rotated every 90 days).
   * @default false
   */
  readonly customerManagedKeys?: boolean;
  /**
   * Protection from deletion of what holds data or keys. `true`: CanNotDelete locks and
   * prevent_destroy on the accounts, workspace, archives and key vaults. An object chooses per
   * kind (`"lock"`, `"preventDestroy"` or `false`; a kind left out is `"lock"`). A lock is
   * inherited by the resource's children (deployments, content filters, saved searches,
   * containers), which then cannot be replaced: see docs/OPERATIONS.md for changing them.
   * @default false
   */
  readonly deletionProtection?: DeletionProtection;
  /**
   * Content filter on every account.
   * @default - all harm filters blocking from Medium, prompt shields (jailbreak, document attacks) and protected material on
   */
  readonly contentFilter?: Omit<ContentFilterOptions, "categoryThresholds"> & {
    /**
     * Per-category thresholds that override `severityThreshold`, by the categories' API names
     * (the construct's `SelfHarm` alias is not accepted here).
     * @default - `severityThreshold` for every category
     */
    readonly categoryThresholds?: Partial<Record<HarmCategory, SeverityThreshold>>;
  };
  /**
   * Keep stored completions on for every account, with a reason (a weakening, in the compliance
   * report). Otherwise every account disables them (`storedCompletionsDisabled`, through azapi).
   * @default - stored completions disabled on every account
   */
  readonly storedCompletions?: StoredCompletionsException;
  /**
   * Associate every account with a network security perimeter (created, or an existing one),
   * in `Learning` mode unless `accessMode` says `Enforced` (docs/SECURITY-PACK.md §5).
   * @default - no perimeter
   */
  readonly networkSecurityPerimeter?: PerimeterOptions;
  /**
   * Who runs Defender for AI: `{ owner: "environment" }` makes this environment set the
   * SUBSCRIPTION-WIDE Defender for AI plan (Standard; it covers and bills every AI resource in
   * the subscription, and destroying the environment sets it back to Free), `{ owner:
   * "central", reason }` records that a security team runs it (see docs/SECURITY-PACK.md).
   * @default - none: the compliance packs warn that no Defender for AI plan covers the accounts
   */
  readonly defenderForAi?: DefenderForAiOwner;
  /**
   * Private DNS for the endpoints.
   * @default - zones created in the environment's resource group, linked to the created VNets
   */
  readonly privateDns?: PlatformPrivateDns;
  /**
   * Audit logging: workspace retention, per-category archive retention, immutability, alerts.
   * @default - the platform defaults
   */
  readonly logging?: PlatformLogging;
  /**
   * People and groups and the roles they hold (principal IDs from environment variables).
   * @default - none
   */
  readonly access?: readonly AccessEntry[];
  /**
   * Roles people (User, Group) may hold without a stated exception.
   * @default - OpenAI User and the read-only roles
   */
  readonly humanRoleCeiling?: readonly BuiltInRoleKey[];
  /**
   * Application identities, each granted OpenAI User on every account.
   * @default - none
   */
  readonly workloads?: readonly WorkloadConfig[];
  /**
   * Compliance packs the stack must pass; error findings fail the synth.
   * @default - soc2, hipaa and gdpr
   */
  readonly compliancePacks?: readonly CompliancePackName[];
  /**
   * Extra tags for every resource.
   * @default - none
   */
  readonly tags?: Record<string, string>;
  /**
   * Deployments allowed to use a content filter (RAI policy) other than the environment's
   * `contentFilter`, keyed by deployment name, each with the reason. A deployment's
   * `raiPolicyName` is refused without an entry here: it would silently replace the filter.
   * @default - none: every deployment uses the environment's content filter
   */
  readonly contentFilterOverrides?: Readonly<Record<string, ContentFilterOverride>>;
  /**
   * An AI gateway (Azure API Management) in front of every account: Entra tokens of registered
   * workloads, per-environment and per-workload limits, token quotas from a budget, token
   * metrics and audit logs, failover with circuit breakers, DLP blocklists (see docs/GATEWAY.md).
   * @default - none: applications call the accounts directly
   */
  readonly gateway?: EnvironmentGatewayConfig;
}

/** Why one deployment uses a content filter other than the environment's. */
export interface ContentFilterOverride {
  /** Why the deployment needs another filter (at least 10 characters), for the auditor. */
  readonly reason: string;
}

/** The outcome of `validateEnvironmentConfig`: the config, or every problem with its config path. */
export type EnvironmentConfigValidation =
  | { readonly ok: true; readonly config: EnvironmentConfig }
  | { readonly ok: false; readonly problems: readonly string[] };
