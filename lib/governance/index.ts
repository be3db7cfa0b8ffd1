// Public API of lib/governance.
export * from "./compliance";
export * from "./budget";
export * from "./customer-managed-key";
export * from "./model-allowlist";
export * from "./policy-assignments";
export * from "./resource-locks";
