import { KeyVault } from "@cdktf/provider-azurerm/lib/key-vault";
import { TerraformResource } from "cdktf";
import { RuleContext } from "../context";
import { ComplianceRule, compliant, nonCompliant, RuleJudgement } from "../rule";
import { booleanProblem } from "../values";

/**
 * Key vaults holding customer-managed keys are hardened: purge protection (a deleted key cannot
 * be purged, which would make the encrypted data unreadable), RBAC instead of access policies,
 * and no public network access. azurerm 4.42+ names the RBAC switch `rbac_authorization_enabled`;
 * the deprecated `enable_rbac_authorization` (removed in 5.0) is accepted too.
 */
export class KeyVaultHardened implements ComplianceRule {
  /** The rule ID, for suppressions. */
  public static readonly ID = "KeyVaultHardened";
  public readonly id = KeyVaultHardened.ID;
  public readonly description =
    "Key vaults set purge_protection_enabled true, rbac_authorization_enabled true and public_network_access_enabled false.";
  public readonly fix =
    "Set purge_protection_enabled = true, rbac_authorization_enabled = true (not the deprecated enable_rbac_authorization) and public_network_access_enabled = false.";
  public readonly resourceTypes = [KeyVault.tfResourceType];

  public evaluate(resource: TerraformResource, context: RuleContext): RuleJudgement {
    const attributes = context.attributes(resource);
    const rbac = attributes.rbac_authorization_enabled === true || attributes.enable_rbac_authorization === true;
    const problems = [
      booleanProblem(attributes, "purge_protection_enabled", true),
      rbac ? undefined : booleanProblem(attributes, "rbac_authorization_enabled", true),
      booleanProblem(attributes, "public_network_access_enabled", false),
    ].filter((p): p is string => p !== undefined);
    return problems.length > 0 ? nonCompliant(problems.join("; ")) : compliant();
  }
}
