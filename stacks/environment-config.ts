import { ModelDeploymentOptions, Residency } from "../lib";

/** One region an environment runs Azure OpenAI in. */
export interface RegionConfig {
  /** Azure location, for example `swedencentral`. */
  readonly location: string;
  /** Failover priority, 1 first. */
  readonly priority: number;
}

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
  /**
   * Extra tags for every resource.
   * @default - none
   */
  readonly tags?: Record<string, string>;
}
