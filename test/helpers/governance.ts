import { Construct } from "constructs";
import {
  CustomerManagedKeyVault,
  CustomerManagedKeyVaultProps,
  MonthlyBudget,
  MonthlyBudgetProps,
  OpenAiPolicyAssignments,
  OpenAiPolicyAssignmentsProps,
} from "../../lib/governance";

// One builder per governance construct (outside compliance/): valid defaults that `props` override.

/** Props of a valid customer-managed key vault in Sweden Central. */
export const KEY_VAULT_PROPS: CustomerManagedKeyVaultProps = {
  name: "aoaitkv",
  resourceGroupName: "rg",
  location: "swedencentral",
  keyName: "aoai-t-cmk",
};

/** A customer-managed key vault `cmk` in `scope`. */
export function keyVaultIn(scope: Construct, props: Partial<CustomerManagedKeyVaultProps> = {}, id = "cmk"): CustomerManagedKeyVault {
  return new CustomerManagedKeyVault(scope, id, { ...KEY_VAULT_PROPS, ...props });
}

/** Props of a valid budget. */
export const BUDGET_PROPS: MonthlyBudgetProps = {
  name: "b",
  resourceGroupId: "/subscriptions/x/resourceGroups/rg",
  amount: 100,
  contactEmails: ["a@contoso.com"],
};

/** A monthly budget `budget` in `scope`. */
export function budgetIn(scope: Construct, props: Partial<MonthlyBudgetProps> = {}, id = "budget"): MonthlyBudget {
  return new MonthlyBudget(scope, id, { ...BUDGET_PROPS, ...props });
}

/** The built-in policy assignments `p` in `scope`. */
export function policyAssignmentsIn(scope: Construct, props: Partial<OpenAiPolicyAssignmentsProps> = {}, id = "p"): OpenAiPolicyAssignments {
  return new OpenAiPolicyAssignments(scope, id, { resourceGroupId: "/x", namePrefix: "aoai-dev", enforcement: "audit", ...props });
}
