/**
 * API Management tiers the gateway offers: Developer and Premium, injected into a VNet in
 * internal mode, and StandardV2 and PremiumV2, private through an inbound private endpoint with
 * outbound VNet integration (they cannot be injected in internal mode the classic way).
 */
export const GATEWAY_SKUS = ["Developer", "Premium", "StandardV2", "PremiumV2"] as const;

/** A gateway tier. `Developer` has no SLA: for non-production environments only. */
export type GatewaySku = (typeof GATEWAY_SKUS)[number];

/** The tiers injected into the gateway's subnet in internal mode (`virtual_network_type = "Internal"`). */
export const GATEWAY_INTERNAL_MODE_SKUS: readonly GatewaySku[] = Object.freeze(["Developer", "Premium"]);

/**
 * The v2 tiers: private through an inbound private endpoint (subresource `Gateway`), with
 * outbound VNet integration in a subnet delegated to `Microsoft.Web/serverFarms`.
 */
export const GATEWAY_V2_SKUS: readonly GatewaySku[] = Object.freeze(["StandardV2", "PremiumV2"]);

/** True for StandardV2 and PremiumV2. */
export function isV2Sku(sku: GatewaySku | undefined): boolean {
  return sku !== undefined && GATEWAY_V2_SKUS.includes(sku);
}

/** The scale units a tier allows, inclusive. */
export interface GatewayCapacityRange {
  /** Fewest units. */
  readonly min: number;
  /** Most units. */
  readonly max: number;
}

/**
 * Scale units per tier. StandardV2 1-10 and PremiumV2 1-30: azurerm v4.55.0
 * `internal/services/apimanagement/validate/api_management_sku.go:15` (`^StandardV2_([1-9]|10)$`,
 * `^PremiumV2_([1-9]|1[0-9]|2[0-9]|30)$`). Developer cannot scale out; Premium keeps the
 * gateway's earlier limit of 12.
 */
export const GATEWAY_CAPACITY: Readonly<Record<GatewaySku, GatewayCapacityRange>> = Object.freeze({
  Developer: { min: 1, max: 1 },
  Premium: { min: 1, max: 12 },
  StandardV2: { min: 1, max: 10 },
  PremiumV2: { min: 1, max: 30 },
});
