import type { PropProblem } from "../../core/validation";
import { DeploymentSku, isProvisioned } from "../../regions/processing";

/** A deployment as the capacity cap counts it. */
export interface CappedDeployment {
  /** Its SKU: provisioned (PTU) deployments are not counted. */
  readonly sku: DeploymentSku;
  /** Its capacity, in units of 1,000 tokens per minute for token-based SKUs. */
  readonly capacity: number;
}

/** The token capacity (K TPM) of `deployments` made in each of `regionCount` regions; PTUs are not counted. */
export function totalTokenCapacityK(deployments: readonly CappedDeployment[], regionCount: number): number {
  return deployments.reduce((sum, d) => sum + (isProvisioned(d.sku) ? 0 : d.capacity), 0) * regionCount;
}

/**
 * The capacity cap (the seed's per-project TPM): the token capacity of every deployment in
 * every region stays within `capacityCapK`. One rule for the config and the platform; `prop`
 * names the deployments as the caller's user wrote them.
 */
export function capacityCapProblems(deployments: readonly CappedDeployment[], regionCount: number, capacityCapK: number, prop = "deployments"): PropProblem[] {
  const total = totalTokenCapacityK(deployments, regionCount);
  return total > capacityCapK ? [{ prop, value: `${total}K TPM in total`, rule: `allowed: at most capacityCapK = ${capacityCapK}K TPM` }] : [];
}
