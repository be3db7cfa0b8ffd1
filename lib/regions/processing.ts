// Where a deployment SKU processes data: the residency rules and the deployments both need it.

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
