import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { Construct } from "constructs";
import { nameProblem } from "../core/naming";
import { checkGovernanceTags, governanceTags } from "../core/tags";
import { addPropChecks, constructKeyProblem, isToken } from "../core/validation";
import { findRegion } from "../core/region-catalog";
import { findResidencyPolicy, Residency, ResidencyPolicy, resolveResidency } from "../regions/residency";
import { IGrantee, PrincipalType } from "./principal";

/** Props of {@link WorkloadIdentity}. */
export interface WorkloadIdentityProps {
  /** Identity name: 3-128 letters, digits, '-' or '_', starting alphanumeric. */
  readonly name: string;
  /** Resource group the identity is created in. */
  readonly resourceGroupName: string;
  /**
   * Azure location of the identity. It holds no model data, but its metadata lives there, so
   * it must be a region of the residency (see `residency`) when the residency is known.
   */
  readonly location: string;
  /**
   * What runs as this identity, for example `chatbot`, `ci-pipeline` or `eval-runner`;
   * written to the `application` tag.
   */
  readonly application: string;
  /** Environment name, written to the `environment` tag. */
  readonly environment: string;
  /** Accountable team or person, written to the `owner` tag. */
  readonly owner: string;
  /**
   * Data-residency promise, written to the `data-residency` tag.
   * @default - the name of `residency` when given, else the region's data zone in lower case (`eu`, `us`), else the location
   */
  readonly dataResidency?: string;
  /**
   * The residency the identity is held to: its location must be one of the policy's regions.
   * Give it for a custom residency (whose regions a tag name cannot tell).
   * @default - the built-in policy (eu, us, apac, global) or the single region `dataResidency` names; else unchecked
   */
  readonly residency?: Residency;
  /**
   * Extra tags; the governance tags override keys of the same name.
   * @default - none
   */
  readonly tags?: Record<string, string>;
}

/**
 * A user-assigned managed identity for one application (a production chatbot, a CI pipeline,
 * an evaluation runner): no secrets to rotate, and a grantee for the grant functions, e.g.
 * `grantUse(account, chatbot)`. Apps sign in with `clientId`; Azure hosts attach `identityId`.
 */
export class WorkloadIdentity extends Construct implements IGrantee {
  /** The `azurerm_user_assigned_identity` resource. */
  public readonly resource: UserAssignedIdentity;
  /** Azure resource ID, to attach the identity to an App Service, Container App, VM, ... */
  public readonly identityId: string;
  /** Client (application) ID apps pass to their credential (`AZURE_CLIENT_ID`). */
  public readonly clientId: string;
  /** Object ID of the identity's service principal: what roles are assigned to. */
  public readonly principalId: string;
  /** Entra tenant of the identity. */
  public readonly tenantId: string;
  /** Always `ServicePrincipal`: managed identities are service principals. */
  public readonly principalType: PrincipalType = "ServicePrincipal";
  /** Stable key for the construct IDs of its grants: the identity name. */
  public readonly granteeKey: string;
  /** What runs as this identity. */
  public readonly application: string;

  constructor(scope: Construct, id: string, props: WorkloadIdentityProps) {
    super(scope, id);
    this.application = props.application;
    // The principal ID is only known at apply; the name is literal and unique in its group. A
    // name that cannot be part of a construct ID (a token, "/") is reported and not used.
    this.granteeKey = constructKeyProblem(props.name) === undefined ? props.name : this.node.path.replace(/\//g, "-");
    const policy = props.residency !== undefined ? resolveResidency(props.residency) : undefined;
    const dataResidency =
      props.dataResidency ?? policy?.name ?? (typeof props.location === "string" ? (findRegion(props.location)?.dataZone?.toLowerCase() ?? props.location) : props.location);
    const tagProps = { environment: props.environment, owner: props.owner, dataResidency };
    this.resource = new UserAssignedIdentity(this, "resource", {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tags: governanceTags(tagProps, { ...props.tags, application: props.application }),
    });
    this.identityId = this.resource.id;
    this.clientId = this.resource.clientId;
    this.principalId = this.resource.principalId;
    this.tenantId = this.resource.tenantId;

    addPropChecks(this, (c) => {
      if (!isToken(props.name)) {
        const problem = nameProblem("userAssignedIdentity", props.name);
        if (problem) c.fail("name", props.name, problem);
      }
      c.matches("application", props.application, /^\S.{0,255}$/, "a non-empty name of up to 256 characters");
      c.literalText("application", props.application);
      checkGovernanceTags(c, tagProps, props.tags);
      checkResidencyOfLocation(c, props.location, policy ?? residencyNamed(dataResidency));
    });
  }
}

/** The policy a `data-residency` tag value names: a built-in policy, or one region. */
function residencyNamed(name: string): ResidencyPolicy | undefined {
  if (typeof name !== "string" || isToken(name)) return undefined;
  const builtIn = findResidencyPolicy(name);
  if (builtIn) return builtIn;
  return findRegion(name) ? { name, allowedRegions: [name], allowsGlobalProcessing: false } : undefined;
}

function checkResidencyOfLocation(c: { fail(prop: string, value: unknown, allowed: string): void }, location: string, policy: ResidencyPolicy | undefined): void {
  if (policy === undefined || isToken(location)) return;
  if (!policy.allowedRegions.includes(location)) {
    c.fail("location", location, `residency "${policy.name}" allows: ${policy.allowedRegions.join(", ") || "no region"}`);
  }
}
