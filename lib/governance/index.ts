// Public API of lib/governance (outside compliance/), listed name by name. Helpers in ./private
// are not part of it.

// Customer-managed key vault
export { CustomerManagedKeyVault, CustomerManagedKeyVaultBase, KEY_VAULT_KEYS_API_VERSION } from "./customer-managed-key";
export type { CustomerManagedKeyVaultAttributes, CustomerManagedKeyVaultProps, ICustomerManagedKeyVault, KeyRotation } from "./customer-managed-key";

// Customer-managed key in a Managed HSM
export { ManagedHsmKey } from "./managed-hsm-key";
export type { ManagedHsmKeyProps, ManagedHsmKeyRotation } from "./managed-hsm-key";

// Budget
export { DEFAULT_BUDGET_ALERTS, MonthlyBudget } from "./budget";
export type { BudgetAlert, MonthlyBudgetProps } from "./budget";

// Azure Policy
export { OPENAI_BUILT_IN_POLICIES, OpenAiPolicyAssignments } from "./policy-assignments";
export type { BuiltInPolicy, OpenAiPolicyAssignmentsProps, PolicyEnforcement } from "./policy-assignments";

// Defender for AI (subscription plan)
export { DEFENDER_FOR_AI_OWNERS, DEFENDER_FOR_AI_RESOURCE_TYPE, DefenderForAi } from "./defender-for-ai";
export type { DefenderForAiOwner, DefenderForAiProps } from "./defender-for-ai";

// Model allow-list
export { checkModelAllowlist } from "./model-allowlist";

// Compliance packs, rules, suppressions and reports: compliance/index.ts lists them name by name.
export * from "./compliance";

// Plan-time capacity check
export { CAPACITY_API_VERSION, CAPACITY_CHECK_MODES, CapacityCheck, capacityGroups, DEFAULT_CAPACITY_CHECK_MODE, shortfallMessage } from "./capacity/capacity-check";
export type { CapacityCheckAccount, CapacityCheckMode, CapacityCheckProps, CapacityGroup } from "./capacity/capacity-check";
