/** The `sku.name` values of `azurerm_cognitive_deployment` in azurerm 4.55. */
export const DEPLOYMENT_SKUS = [
  "Standard",
  "DataZoneStandard",
  "GlobalStandard",
  "ProvisionedManaged",
  "DataZoneProvisionedManaged",
  "GlobalProvisionedManaged",
  "GlobalBatch",
  "DataZoneBatch",
] as const;

/** A deployment SKU: where prompts are processed and how capacity is bought. */
export type DeploymentSku = (typeof DEPLOYMENT_SKUS)[number];

/** When Azure moves a deployment to a newer model version. */
export const VERSION_UPGRADE_OPTIONS = ["OnceNewDefaultVersionAvailable", "OnceCurrentVersionExpired", "NoAutoUpgrade"] as const;

/** One of {@link VERSION_UPGRADE_OPTIONS}. */
export type VersionUpgradeOption = (typeof VERSION_UPGRADE_OPTIONS)[number];

/** Where a SKU processes prompts and completions. */
export type ProcessingScope = "region" | "dataZone" | "global";

/** Where Azure processes the data of a deployment with this SKU (see AZURE-FACTS "Residency"). */
export function processingScope(sku: DeploymentSku): ProcessingScope {
  if (sku.startsWith("Global")) return "global";
  if (sku.startsWith("DataZone")) return "dataZone";
  return "region";
}

/** True for SKUs whose capacity is bought in provisioned throughput units (PTUs). */
export function isProvisioned(sku: DeploymentSku): boolean {
  return sku.endsWith("ProvisionedManaged");
}

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
   * Name of the RAI (content filter) policy the deployment uses.
   * @default - Azure's Microsoft.DefaultV2 policy
   */
  readonly raiPolicyName?: string;
  /**
   * Model format.
   * @default "OpenAI"
   */
  readonly format?: string;
}
