// Public API of lib/regions: data residency and where each deployment SKU processes data.
// Listed name by name: a name not here is not public API (the API report in api/ shows the whole surface).

export { DEPLOYMENT_SKUS, isProvisioned, processingScope } from "./processing";
export type { DeploymentSku, ProcessingScope } from "./processing";

export { RESIDENCY_POLICIES, checkResidencyDefinition, findResidencyPolicy, resolveResidency, skuResidencyProblem, skusWithinResidency } from "./residency";
export type { CustomResidency, Residency, ResidencyDeployment, ResidencyPolicy, ResidencyPolicyName } from "./residency";

export { checkResidency, locationResidencyProblems, skuResidencyProblems } from "./residency";
export type { LocatedProp, ResidencySubject } from "./residency";

export { MAX_REGION_PRIORITY, MIN_REGION_PRIORITY, regionPriorityProblems, uniqueRegionProblems } from "./region-list-rules";
export type { ListedRegion, RegionAt } from "./region-list-rules";
