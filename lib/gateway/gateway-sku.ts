/** API Management tiers the gateway offers: the two that can be injected into a VNet in internal mode. */
export const GATEWAY_SKUS = ["Developer", "Premium"] as const;

/** A gateway tier. `Developer` has no SLA: for non-production environments only. */
export type GatewaySku = (typeof GATEWAY_SKUS)[number];
