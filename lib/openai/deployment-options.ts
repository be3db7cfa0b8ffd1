import { DeploymentSku } from "../regions/processing";
import type { Justification } from "../core/justification";

/*
 * Deployment names, as Azure documents them and the environment config accepts them: 2-64
 * letters, digits, `-`, `_` or `.`, starting with a letter or digit. Azure compares deployment
 * names without case, so two names of one account must differ in more than case.
 */
export const DEPLOYMENT_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9._-]{1,63}$/;

/** The deployment-name rule in words. */
export const DEPLOYMENT_NAME_RULE = "2-64 letters, digits, '-', '_' or '.', starting with a letter or digit";

/** True for a literal deployment name Azure accepts (see {@link DEPLOYMENT_NAME_RULE}). */
export function isDeploymentName(name: unknown): name is string {
  return typeof name === "string" && name.length <= 64 && DEPLOYMENT_NAME_PATTERN.test(name);
}

/** The RAI policy that filters nothing: it always needs a stated `contentFilterOverride`. */
export const NO_FILTER_POLICY = "Microsoft.Nil";

/** When Azure moves a deployment to a newer model version. */
export const VERSION_UPGRADE_OPTIONS = ["OnceNewDefaultVersionAvailable", "OnceCurrentVersionExpired", "NoAutoUpgrade"] as const;

/** One of {@link VERSION_UPGRADE_OPTIONS}. */
export type VersionUpgradeOption = (typeof VERSION_UPGRADE_OPTIONS)[number];

/**
 * Largest capacity accepted for token-based SKUs, in units of 1,000 tokens per minute
 * (100,000 = 100M TPM, above any regional quota Azure grants). Its job is to catch capacity
 * given in tokens instead of thousands: 2,000,000 meant as 2M TPM is 2,000 here.
 */
export const MAX_TOKEN_CAPACITY = 100_000;

/** Largest capacity accepted for provisioned SKUs, in PTUs. */
export const MAX_PROVISIONED_CAPACITY = 10_000;

/** What a model deployment needs; used by `OpenAiAccount.addDeployment` and `ModelDeployment`. */
export interface ModelDeploymentOptions {
  /**
   * Deployment name, the name applications call (`/openai/deployments/<name>`): 2-64 letters,
   * digits, '-', '_' or '.', starting with a letter or digit.
   */
  readonly name: string;
  /** Model name, for example `gpt-4.1`. */
  readonly model: string;
  /**
   * Model version, for example `2025-04-14`. Required: a pinned version is a change you can
   * review, an implicit one is not.
   */
  readonly version: string;
  /** Deployment SKU; it decides where data is processed (see {@link processingScope}). */
  readonly sku: DeploymentSku;
  /**
   * Capacity: for Standard, DataZone*, Global* token and batch SKUs, units of 1,000 tokens per
   * minute (100 = 100K TPM), at most {@link MAX_TOKEN_CAPACITY}; for *ProvisionedManaged SKUs,
   * PTUs, at most {@link MAX_PROVISIONED_CAPACITY}.
   */
  readonly capacity: number;
  /**
   * When Azure may move the deployment to a newer model version.
   * @default "OnceCurrentVersionExpired" - no silent model change until the pinned version retires
   */
  readonly versionUpgradeOption?: VersionUpgradeOption;
  /**
   * Name of the RAI (content filter) policy the deployment uses. On an account with a content
   * filter, any other policy replaces that filter and needs `contentFilterOverride`;
   * `Microsoft.Nil` (no filtering) always needs it.
   * @default - the account's content filter, when it has one; else Azure's Microsoft.DefaultV2 policy
   */
  readonly raiPolicyName?: string;
  /**
   * Why the deployment uses `raiPolicyName` instead of its account's content filter (or no
   * filtering, `Microsoft.Nil`), at least 10 characters. Required for such a `raiPolicyName`;
   * the compliance report shows the rule `DeploymentContentFilter` suppressed with this reason.
   * @default - none: the deployment keeps its account's content filter
   */
  readonly contentFilterOverride?: Justification;
  /**
   * Model format.
   * @default "OpenAI"
   */
  readonly format?: string;
}
