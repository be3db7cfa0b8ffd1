// Public API of lib/network: re-exports its constructs and helpers.
export * from "./address-ranges";
export * from "./network-rules";
export * from "./private-dns-zones";
export * from "./private-endpoint";
export * from "./region-network";
export * from "./resource-ids";
export * from "./vnet-peering";
