import { Construct } from "constructs";
import type { Justification } from "../core/justification";
import { addPropChecks } from "../core/validation";
import { grantRole } from "../identity/grants";
import type { IGrantee } from "../identity/principal";
import type { RbacAssignment } from "../identity/role-assignment";
import type { IRoleTarget } from "../identity/role-target";
import { PropKeys } from "../core/known-props";

/** Where applications call the gateway: the routing manifest's entry point. */
export interface GatewayEntryPoint {
  /** Base URL for Azure OpenAI clients (`https://<name>.azure-api.net/openai`; resolves privately in internal mode). */
  readonly endpoint: string;
  /** Region of the gateway. */
  readonly location: string;
  /** Entra ID token scope callers request. */
  readonly tokenScope: string;
  /** Internal VNet (private) or public. */
  readonly network: "internal" | "public";
}

/**
 * An AI gateway as other code uses it: `OpenAiGateway`, or one made elsewhere
 * (`OpenAiGateway.fromGatewayAttributes`). Roles granted on it become its children.
 */
export interface IOpenAiGateway extends IRoleTarget {
  /** Azure resource ID of the API Management service (the same as `scopeId`). */
  readonly gatewayId: string;
  /** Where applications call. */
  readonly entryPoint: GatewayEntryPoint;
  /** The service's system-assigned identity, as a grantee (what the accounts trust). */
  readonly identity: IGrantee;
  /** Lets `grantee` read the service, its APIs and policies (API Management Service Reader Role). */
  grantRead(grantee: IGrantee): RbacAssignment;
  /**
   * Lets `grantee` operate the service but not its APIs: scale, back up, restore, certificates
   * and host names (API Management Service Operator Role). The role can also change and delete
   * the service, so the reason is required and written to the assignment.
   */
  grantOperate(grantee: IGrantee, reason: Justification): RbacAssignment;
}

/** What a gateway made elsewhere is known by, for {@link OpenAiGateway.fromGatewayAttributes}. */
export interface OpenAiGatewayAttributes {
  /** Azure resource ID of the API Management service. */
  readonly gatewayId: string;
  /** Where applications call it. */
  readonly entryPoint: GatewayEntryPoint;
  /** Entra object ID of the service's system-assigned identity. */
  readonly principalId: string;
}

/** The attributes `fromGatewayAttributes` accepts; any other fails the synth. */
export const OPENAI_GATEWAY_ATTRIBUTE_KEYS: PropKeys<OpenAiGatewayAttributes> = {
  gatewayId: true,
  entryPoint: { endpoint: true, location: true, tokenScope: true, network: true },
  principalId: true,
};

/** Grantee key of the gateway's own identity in construct IDs. */
export const GATEWAY_GRANTEE_KEY = "ai-gateway";

/**
 * What a gateway made here and one made elsewhere share: the IDs and the grant methods, which
 * go through the library's one `grantRole` (same checks, same construct IDs, no duplicates).
 */
export abstract class OpenAiGatewayBase extends Construct implements IOpenAiGateway {
  /** Azure resource ID of the API Management service. */
  public abstract readonly gatewayId: string;
  /** Where applications call. */
  public abstract readonly entryPoint: GatewayEntryPoint;
  /** The service's system-assigned identity, as a grantee. */
  public abstract readonly identity: IGrantee;

  /** The scope roles are granted on: the service. */
  public get scopeId(): string {
    return this.gatewayId;
  }

  /** See {@link IOpenAiGateway.grantRead}. */
  public grantRead(grantee: IGrantee): RbacAssignment {
    return grantRole(this, grantee, "ApiManagementServiceReader", { description: "Read the AI gateway's configuration (no keys, no changes)" });
  }

  /** See {@link IOpenAiGateway.grantOperate}. */
  public grantOperate(grantee: IGrantee, reason: Justification): RbacAssignment {
    // A privileged role: the reason is checked, written to the assignment and acknowledged as a weakening.
    const assignment = grantRole(this, grantee, "ApiManagementServiceOperator", { privileged: reason ?? { reason: "" }, description: "Operate the AI gateway" });
    addPropChecks(assignment, (c) => c.required("reason", reason, "a { reason } for operating the gateway (the role can change and delete the service)"));
    return assignment;
  }
}

/** A gateway made elsewhere: IDs, entry point and grants, no resources. */
export class ImportedOpenAiGateway extends OpenAiGatewayBase {
  /** Azure resource ID of the API Management service, as given. */
  public readonly gatewayId: string;
  /** Where applications call it, as given. */
  public readonly entryPoint: GatewayEntryPoint;
  /** Its system-assigned identity, as a grantee. */
  public readonly identity: IGrantee;

  constructor(scope: Construct, id: string, attrs: OpenAiGatewayAttributes) {
    super(scope, id);
    addPropChecks(this, (c) => {
      c.knownProps(attrs, OPENAI_GATEWAY_ATTRIBUTE_KEYS);
      c.required("gatewayId", attrs.gatewayId, "the API Management service's resource ID");
      c.required("principalId", attrs.principalId, "the Entra object ID of the service's identity");
      c.required("entryPoint", attrs.entryPoint, "the gateway's entry point (endpoint, location, tokenScope, network)");
    });
    this.gatewayId = attrs.gatewayId;
    this.entryPoint = attrs.entryPoint;
    this.identity = { principalId: attrs.principalId, principalType: "ServicePrincipal", granteeKey: GATEWAY_GRANTEE_KEY };
  }
}
