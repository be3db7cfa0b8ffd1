import { PolicyEnforcement } from "../governance/policy-assignments";
import { AccessEntry } from "../identity/access-matrix";
import { BuiltInRoleKey } from "../identity/role-catalog";
import { ContentFilterOptions } from "../openai/content-filter";
import { ModelDeploymentOptions } from "../openai/deployment-options";
import { PlatformLogging, PlatformPrivateDns, PlatformRegion } from "../platform/platform-options";
import { Residency } from "../regions/residency";

/** One region an environment runs Azure OpenAI in: location, failover priority, network. */
export type RegionConfig = PlatformRegion;

/** An application identity (the seed's service accounts) granted OpenAI User on every account. */
export interface WorkloadConfig {
  /** Stable key, part of the identity's name, for example `chatbot`. */
  readonly key: string;
  /** What the application is, for the identity's tags. */
  readonly application: string;
}

/** Compliance packs a stack is checked against at synth. */
export type CompliancePackName = "soc2" | "hipaa" | "gdpr";

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
  /** Model deployments made on every account of the environment. */
  readonly deployments: readonly ModelDeploymentOptions[];
  /**
   * Most token capacity the environment may deploy, summed over every token-based deployment
   * in every region, in units of 1,000 tokens per minute (the seed's per-project TPM).
   */
  readonly capacityCapK: number;
  /** Models the environment may deploy (the seed's allowed_models); any other fails the synth. */
  readonly allowedModels: readonly string[];
  /** Azure Policy on the resource group: `audit` reports drift, `deny` refuses it where the policy can. */
  readonly policyEnforcement: PolicyEnforcement;
  /** Monthly budget of the resource group (the seed's CostGovernor). */
  readonly budget: {
    /** Monthly amount in the billing currency. */
    readonly amount: number;
    /** First budget month, `YYYY-MM-01`. */
    readonly startDate: string;
    /** Who is notified at 50, 80, 100 % actual and 100 % forecast. */
    readonly contactEmails: readonly string[];
  };
  /**
   * Customer-managed keys for every account (Key Vault per region, rotated every 90 days).
   * @default false
   */
  readonly customerManagedKeys?: boolean;
  /**
   * CanNotDelete locks and prevent_destroy on the accounts, workspace, archives and key vaults.
   * @default false
   */
  readonly deletionProtection?: boolean;
  /**
   * Content filter on every account.
   * @default - all harm filters blocking from Medium, jailbreak shield on
   */
  readonly contentFilter?: ContentFilterOptions;
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
}
