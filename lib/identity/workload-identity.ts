import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";
import { Construct } from "constructs";
import { applyLock, LockProps } from "../core/features/lock";
import { addPropChecks, constructKeyProblem } from "../core/validation";
import { checkLocationResidency, EnvironmentContext } from "../context/environment-context";
import { Residency, resolveResidency } from "../regions/residency";
import { IGrantee, PrincipalType } from "./principal";
import { LOCK_PROP_KEYS } from "../core/features/lock-keys";
import { PropKeys } from "../core/known-props";

/** Props of {@link WorkloadIdentity}. Governance tags come from `GovernanceTags` (an environment context applies them). */
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
   * written to the identity's own `application` tag.
   */
  readonly application: string;
  /**
   * The residency the identity is held to: its location must be one of the policy's regions.
   * @default - the residency of the {@link EnvironmentContext} above the identity; else unchecked
   */
  readonly residency?: Residency;
  /**
   * Protection from deletion. Deleting an identity changes its principal ID, so every role it
   * was granted, and a customer-managed key it reads, stops working.
   * @default - none
   */
  readonly lock?: LockProps;
}

/** The props WorkloadIdentity accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const WORKLOAD_IDENTITY_PROP_KEYS: PropKeys<WorkloadIdentityProps> = { name: true, resourceGroupName: true, location: true, application: true, residency: true, lock: LOCK_PROP_KEYS };

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
  /** The CanNotDelete lock, when `lock` asks for one. */
  public readonly lock?: ManagementLock;

  constructor(scope: Construct, id: string, props: WorkloadIdentityProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, WORKLOAD_IDENTITY_PROP_KEYS));
    this.application = props.application;
    // The principal ID is only known at apply; the name is literal and unique in its group. A
    // name that cannot be part of a construct ID (a token, "/") is reported and not used.
    this.granteeKey = constructKeyProblem(props.name) === undefined ? props.name : this.node.path.replace(/\//g, "-");
    this.resource = new UserAssignedIdentity(this, "resource", {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tags: { application: props.application },
    });
    this.node.defaultChild = this.resource;
    this.identityId = this.resource.id;
    this.clientId = this.resource.clientId;
    this.principalId = this.resource.principalId;
    this.tenantId = this.resource.tenantId;
    this.lock = applyLock(this, this.resource, props.lock);

    addPropChecks(this, (c) => {
      c.name("name", "userAssignedIdentity", props.name);
      c.matches("application", props.application, /^\S.{0,255}$/, "a non-empty name of up to 256 characters");
      c.literalText("application", props.application);
      const policy = props.residency !== undefined ? resolveResidency(props.residency) : EnvironmentContext.of(this)?.residency;
      if (policy) checkLocationResidency(c, "location", props.location, policy);
    });
  }
}
