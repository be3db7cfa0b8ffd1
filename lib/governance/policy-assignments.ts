import { ResourceGroupPolicyAssignment } from "@cdktf/provider-azurerm/lib/resource-group-policy-assignment";
import { Construct } from "constructs";
import { addPropChecks } from "../core/validation";
import { PropKeys } from "../core/known-props";

/** How hard Azure Policy enforces: report drift (`audit`) or refuse it (`deny`). */
export type PolicyEnforcement = "audit" | "deny";

/** A built-in policy definition and the effects it supports. */
export interface BuiltInPolicy {
  /** Short key, part of the assignment name. */
  readonly key: string;
  /** Built-in policy definition GUID. */
  readonly definitionId: string;
  /** What it checks, for the assignment's display name. */
  readonly displayName: string;
  /** Effect used under `audit`. */
  readonly auditEffect: string;
  /** Effect used under `deny`, or undefined where the policy cannot deny. */
  readonly denyEffect?: string;
}

/**
 * Built-in Azure Policy definitions for Cognitive Services (AZURE-FACTS "Governance resources").
 * Private link and diagnostic logs cannot deny (Audit / AuditIfNotExists only); the CMK policy
 * could, but only audits here (see its entry). The approved
 * registry models policy (aafe3651) targets Azure ML deployments and is left out: the model
 * allowlist is enforced at synth instead.
 */
export const OPENAI_BUILT_IN_POLICIES: readonly BuiltInPolicy[] = [
  { key: "no-local-auth", definitionId: "71ef260a-8f18-47b7-abcb-62d0673d94dc", displayName: "Cognitive Services accounts should have local authentication methods disabled", auditEffect: "Audit", denyEffect: "Deny" },
  { key: "restrict-network", definitionId: "037eea7a-bd0a-46c5-9a66-03aea78705d3", displayName: "Cognitive Services accounts should restrict network access", auditEffect: "Audit", denyEffect: "Deny" },
  { key: "private-link", definitionId: "d6759c02-b87f-42b7-892e-71b3f471d782", displayName: "Azure AI Services resources should use Azure Private Link", auditEffect: "Audit" },
  // Audit even under deny: the account gets its key after creation (its system identity must exist
  // before it can be granted on the vault), so Deny would refuse the account itself. The synth-time
  // compliance rule CognitiveCustomerManagedKey requires the key in prod instead.
  { key: "cmk", definitionId: "67121cc7-ff39-4ab8-b7e3-95b84dab487d", displayName: "Cognitive Services accounts should enable data encryption with a customer-managed key", auditEffect: "Audit" },
  { key: "managed-identity", definitionId: "fe3fd216-4f83-4fc1-8984-2bbec80a3418", displayName: "Cognitive Services accounts should use a managed identity", auditEffect: "Audit", denyEffect: "Deny" },
  { key: "diagnostic-logs", definitionId: "1b4d1c4e-934c-4703-944c-27c82c06bebb", displayName: "Diagnostic logs in Azure AI services resources should be enabled", auditEffect: "AuditIfNotExists" },
];

/** Props of {@link OpenAiPolicyAssignments}. */
export interface OpenAiPolicyAssignmentsProps {
  /** Resource group ID the policies are assigned on. */
  readonly resourceGroupId: string;
  /** Prefix of the assignment names, for example `aoai-prod`. */
  readonly namePrefix: string;
  /** Audit (dev, staging) or deny where the policy supports it (prod). */
  readonly enforcement: PolicyEnforcement;
  /**
   * Policies to assign.
   * @default OPENAI_BUILT_IN_POLICIES
   */
  readonly policies?: readonly BuiltInPolicy[];
}

/** The props OpenAiPolicyAssignments accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const OPENAI_POLICY_ASSIGNMENTS_PROP_KEYS: PropKeys<OpenAiPolicyAssignmentsProps> = { resourceGroupId: true, namePrefix: true, enforcement: true, policies: true };

/** The built-in Cognitive Services policies on a resource group, so Azure itself reports or refuses drift. */
export class OpenAiPolicyAssignments extends Construct {
  /** The assignments, keyed by policy key. */
  public readonly assignments: Readonly<Record<string, ResourceGroupPolicyAssignment>>;

  constructor(scope: Construct, id: string, props: OpenAiPolicyAssignmentsProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, OPENAI_POLICY_ASSIGNMENTS_PROP_KEYS));
    const policies = props.policies ?? OPENAI_BUILT_IN_POLICIES;
    addPropChecks(this, (c) => {
      c.oneOf("enforcement", props.enforcement, ["audit", "deny"]);
      for (const p of policies) {
        const name = `${props.namePrefix}-${p.key}`;
        if (name.length > 64) c.fail("namePrefix", props.namePrefix, `allowed: a prefix short enough that "${name}" stays within 64 characters`);
      }
    });
    const assignments: Record<string, ResourceGroupPolicyAssignment> = {};
    for (const policy of policies) {
      const effect = props.enforcement === "deny" ? (policy.denyEffect ?? policy.auditEffect) : policy.auditEffect;
      assignments[policy.key] = new ResourceGroupPolicyAssignment(this, policy.key, {
        name: `${props.namePrefix}-${policy.key}`,
        displayName: policy.displayName,
        resourceGroupId: props.resourceGroupId,
        policyDefinitionId: `/providers/Microsoft.Authorization/policyDefinitions/${policy.definitionId}`,
        parameters: JSON.stringify({ effect: { value: effect } }),
        nonComplianceMessage: [{ content: `${policy.displayName} (managed by cdktf; effect ${effect}).` }],
      });
    }
    this.assignments = assignments;
  }
}
