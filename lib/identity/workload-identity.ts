import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { Construct } from "constructs";
import { nameProblem } from "../core/naming";
import { governanceTags } from "../core/tags";
import { addPropChecks, isToken } from "../core/validation";
import { findRegion } from "../regions/catalog";
import { IGrantee, PrincipalType } from "./principal";

/** Props of {@link WorkloadIdentity}. */
export interface WorkloadIdentityProps {
  /** Identity name: 3-128 letters, digits, '-' or '_', starting alphanumeric. */
  readonly name: string;
  /** Resource group the identity is created in. */
  readonly resourceGroupName: string;
  /** Azure location of the identity (any Azure region; it does not hold data). */
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
   * @default - the region's data zone in lower case (`eu`, `us`), else the location
   */
  readonly dataResidency?: string;
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
    // The principal ID is only known at apply; the name is literal and unique in its group.
    this.granteeKey = isToken(props.name) ? this.node.path.replace(/\//g, "-") : props.name;
    this.resource = new UserAssignedIdentity(this, "resource", {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tags: governanceTags(
        {
          environment: props.environment,
          owner: props.owner,
          dataResidency: props.dataResidency ?? findRegion(props.location)?.dataZone?.toLowerCase() ?? props.location,
        },
        { ...props.tags, application: props.application },
      ),
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
    });
  }
}
