import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { TerraformResource } from "cdktf";
import { RuleContext } from "../context";
import { ComplianceRule, compliant, nonCompliant, RuleJudgement } from "../rule";
import { describeValue, isExpression } from "../values";

/** Role assignments made by the stack grant least privilege: none of {@link NoPrivilegedRoleAssignment.PRIVILEGED_ROLES}. */
export class NoPrivilegedRoleAssignment implements ComplianceRule {
  /** The rule ID, for suppressions. */
  public static readonly ID = "NoPrivilegedRoleAssignment";
  public readonly id = NoPrivilegedRoleAssignment.ID;
  /**
   * Built-in roles that can change access or the resource itself, by role definition GUID.
   * Cognitive Services Contributor can list the account's API keys.
   */
  public static readonly PRIVILEGED_ROLES: Readonly<Record<string, string>> = {
    "8e3af657-a8ff-443c-a75c-2fe8c4bcb635": "Owner",
    "b24988ac-6180-42a0-ab88-20f7382dd24c": "Contributor",
    "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9": "User Access Administrator",
    "25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68": "Cognitive Services Contributor",
  };
  public readonly description = "No azurerm_role_assignment grants Owner, Contributor, User Access Administrator or Cognitive Services Contributor.";
  public readonly fix =
    "Grant a data-plane role instead (Cognitive Services OpenAI User or OpenAI Contributor); leave privileged roles to PIM, outside the workload's stack.";
  public readonly resourceTypes = [RoleAssignment.tfResourceType];

  public evaluate(resource: TerraformResource, context: RuleContext): RuleJudgement {
    const attributes = context.attributes(resource);
    const id = attributes.role_definition_id;
    const name = attributes.role_definition_name;
    if (typeof id === "string") {
      // The GUID is the last path segment; the subscription part is often a reference.
      const guid = id.toLowerCase().split("/").pop() ?? "";
      const role = NoPrivilegedRoleAssignment.PRIVILEGED_ROLES[guid];
      if (role) return nonCompliant(`role_definition_id ends in ${guid} (${role})`);
      if (isExpression(guid)) return nonCompliant(`role_definition_id is ${describeValue(id)}: the role cannot be verified at synth`);
      return compliant();
    }
    if (typeof name === "string") {
      const role = Object.values(NoPrivilegedRoleAssignment.PRIVILEGED_ROLES).find((r) => r.toLowerCase() === name.toLowerCase());
      if (role) return nonCompliant(`role_definition_name is ${JSON.stringify(name)}`);
      if (isExpression(name)) return nonCompliant(`role_definition_name is ${describeValue(name)}: the role cannot be verified at synth`);
      return compliant();
    }
    return nonCompliant("neither role_definition_id nor role_definition_name is set");
  }
}
