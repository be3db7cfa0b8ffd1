import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { TerraformResource } from "cdktf";
import { RuleContext } from "../context";
import { ComplianceRule, compliant, nonCompliant, RuleJudgement } from "../rule";
import { booleanProblem, describeValue } from "../values";

/** TLS versions a hardened storage account may require as its minimum. */
const ACCEPTED_TLS = ["TLS1_2", "TLS1_3"];

/**
 * Storage accounts (log archives, batch files) are hardened: TLS 1.2 or later, no anonymous
 * blob access, no public network access, no shared keys (Entra ID only), and a second layer of
 * encryption at rest. Every setting must be explicit: most provider defaults are the weak ones.
 */
export class StorageAccountHardened implements ComplianceRule {
  /** The rule ID, for suppressions. */
  public static readonly ID = "StorageAccountHardened";
  public readonly id = StorageAccountHardened.ID;
  public readonly description =
    "Storage accounts set min_tls_version TLS1_2, allow_nested_items_to_be_public false, public_network_access_enabled false, shared_access_key_enabled false and infrastructure_encryption_enabled true.";
  public readonly fix =
    "Set min_tls_version = \"TLS1_2\", allow_nested_items_to_be_public = false, public_network_access_enabled = false (reach it through a private endpoint), shared_access_key_enabled = false and infrastructure_encryption_enabled = true.";
  public readonly resourceTypes = [StorageAccount.tfResourceType];

  public evaluate(resource: TerraformResource, context: RuleContext): RuleJudgement {
    const attributes = context.attributes(resource);
    const tls = attributes.min_tls_version;
    const problems = [
      typeof tls === "string" && ACCEPTED_TLS.includes(tls) ? undefined : `min_tls_version is ${describeValue(tls)} (required: "TLS1_2")`,
      booleanProblem(attributes, "allow_nested_items_to_be_public", false),
      booleanProblem(attributes, "public_network_access_enabled", false),
      booleanProblem(attributes, "shared_access_key_enabled", false),
      booleanProblem(attributes, "infrastructure_encryption_enabled", true),
    ].filter((p): p is string => p !== undefined);
    return problems.length > 0 ? nonCompliant(problems.join("; ")) : compliant();
  }
}
