// The feature props every resource construct shares (Azure Verified Modules interface spec).
export * from "./customer-managed-key";
export * from "./diagnostic-settings";
export * from "./lock";
export * from "./managed-identities";
