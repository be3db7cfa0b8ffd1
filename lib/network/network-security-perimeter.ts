import { Construct } from "constructs";
import { AzapiResource } from "../core/azapi";
import { PropKeys } from "../core/known-props";
import { addPropChecks, isToken, PropChecks } from "../core/validation";

// Evidence for every value here: docs/evidence/network-security-perimeter.md.

/**
 * API version of the perimeter, its profiles and resource associations: the version azurerm
 * 4.73's `azurerm_network_security_perimeter*` resources use, and one azapi 2.12 embeds a schema for.
 */
export const PERIMETER_API_VERSION = "2025-01-01";

/** Resource type of a network security perimeter. */
export const PERIMETER_TYPE = "Microsoft.Network/networkSecurityPerimeters";

/**
 * How a perimeter treats the public traffic of an associated resource. `Learning` (the portal's
 * "Transition mode") logs what the perimeter would deny and lets `publicNetworkAccess` decide;
 * `Enforced` denies all public traffic that no access rule of the profile allows.
 */
export type PerimeterAccessMode = "Learning" | "Enforced";

/** The access modes the library offers (the API's preview-era `Audit` is not one of them). */
export const PERIMETER_ACCESS_MODES: readonly PerimeterAccessMode[] = ["Learning", "Enforced"];

/** The profile the accounts are associated through, unless another is named. */
export const DEFAULT_PERIMETER_PROFILE_NAME = "openai";

/** Azure's rule for the names of a perimeter, a profile and an association (the API's pattern, 1-80 characters). */
export const PERIMETER_NAME_PATTERN = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9]+[a-zA-Z0-9_.-]*[a-zA-Z0-9_]+)$/;
/** Longest name of a perimeter, a profile or an association. */
export const MAX_PERIMETER_NAME_LENGTH = 80;
const NAME_RULE = `1-${MAX_PERIMETER_NAME_LENGTH} letters, digits, '_', '.' or '-', starting with a letter or digit and ending with a letter, digit or '_'`;

// Resource IDs are case-insensitive.
const GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const RESOURCE_GROUP = "[-\\w.()]{0,89}[-\\w()]";
/** The ID of a network security perimeter. */
export const PERIMETER_ID = new RegExp(`^/subscriptions/${GUID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft\\.Network/networkSecurityPerimeters/[a-z0-9][-\\w.]{0,79}$`, "i");
const PERIMETER_ID_RULE = "a network security perimeter ID: /subscriptions/<subscription guid>/resourceGroups/<group>/providers/Microsoft.Network/networkSecurityPerimeters/<name>";
const RESOURCE_GROUP_ID = new RegExp(`^/subscriptions/${GUID}/resourceGroups/${RESOURCE_GROUP}$`, "i");
const RESOURCE_ID = new RegExp(`^/subscriptions/${GUID}/resourceGroups/${RESOURCE_GROUP}/providers/[\\w.]+/[^/]+/[^/]+(?:/[^/]+/[^/]+)*$`, "i");

/**
 * Where the perimeter comes from and how the accounts join it: the part of
 * {@link NetworkSecurityPerimeterProps} a caller chooses (the platform's `networkSecurityPerimeter`).
 */
export interface PerimeterOptions {
  /**
   * ID of an existing perimeter (a central team's) to join instead of creating one.
   * @default - a perimeter is created, named `name`
   */
  readonly existingPerimeterId?: string;
  /**
   * Name of the perimeter to create (ignored with `existingPerimeterId`).
   * @default - the caller's default (the platform: `<workload>-<environment>-nsp`)
   */
  readonly name?: string;
  /**
   * Name of the profile the accounts are associated through, created in the perimeter. A profile
   * holds access rules; this library writes none.
   * @default "openai"
   */
  readonly profileName?: string;
  /**
   * Access mode of every association. Start with `Learning` and read the perimeter's access logs
   * before `Enforced`: in `Enforced` all public traffic without an access rule is denied.
   * @default "Learning"
   */
  readonly accessMode?: PerimeterAccessMode;
}

/** A resource associated with the perimeter. */
export interface PerimeterMember {
  /** Name of the association (unique in the perimeter); also its construct ID. */
  readonly name: string;
  /** Azure resource ID of the resource (an Azure OpenAI or Foundry account). */
  readonly resourceId: string;
}

/** Props of {@link NetworkSecurityPerimeter}. */
export interface NetworkSecurityPerimeterProps extends PerimeterOptions {
  /**
   * Resource group the created perimeter goes in (required unless `existingPerimeterId`).
   * @default - none
   */
  readonly resourceGroupId?: string;
  /**
   * Location of the created perimeter (required unless `existingPerimeterId`).
   * @default - none
   */
  readonly location?: string;
  /**
   * Tags of the created perimeter.
   * @default - none
   */
  readonly tags?: Record<string, string>;
  /** The resources to associate, each through the profile. */
  readonly members: readonly PerimeterMember[];
}

/** The keys of {@link PerimeterOptions}, for the checks of a caller that nests them. */
export const PERIMETER_OPTIONS_KEYS: PropKeys<PerimeterOptions> = { existingPerimeterId: true, name: true, profileName: true, accessMode: true };

const NETWORK_SECURITY_PERIMETER_PROP_KEYS: PropKeys<NetworkSecurityPerimeterProps> = {
  ...PERIMETER_OPTIONS_KEYS,
  resourceGroupId: true,
  location: true,
  tags: true,
  members: { name: true, resourceId: true },
};

/**
 * A network security perimeter around the accounts: a perimeter (created, or an existing one), a
 * profile in it, and one resource association per member with the access mode, `Learning` by
 * default. Written with azapi so the cdktf build (azurerm 4.55, which has no perimeter
 * resources) and the CDK Terrain build (azurerm 4.73, which has) synthesize the same JSON.
 *
 * A perimeter adds no boundary the accounts lack (they have public network access off and
 * private endpoints): it adds access logs of denied public traffic, and in `Enforced` mode a
 * second deny that holds even if someone turns public access back on.
 */
export class NetworkSecurityPerimeter extends Construct {
  /** The perimeter this construct created (undefined when it joins an existing one). */
  public readonly perimeter?: AzapiResource;
  /** ID of the perimeter the accounts are in. */
  public readonly perimeterId: string;
  /** The profile the accounts are associated through. */
  public readonly profile: AzapiResource;
  /** The associations, by member name. */
  public readonly associations: Readonly<Record<string, AzapiResource>>;
  /** The access mode of every association. */
  public readonly accessMode: PerimeterAccessMode;

  constructor(scope: Construct, id: string, props: NetworkSecurityPerimeterProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, NETWORK_SECURITY_PERIMETER_PROP_KEYS));
    addPropChecks(this, (c) => checkPerimeterProps(c, props));
    this.accessMode = props.accessMode ?? "Learning";

    if (props.existingPerimeterId !== undefined) {
      this.perimeterId = props.existingPerimeterId;
    } else {
      this.perimeter = new AzapiResource(this, "perimeter", {
        type: `${PERIMETER_TYPE}@${PERIMETER_API_VERSION}`,
        name: props.name ?? "",
        parentId: props.resourceGroupId ?? "",
        location: props.location,
        // The perimeter has no settable properties; an empty body still validates.
        body: { properties: {} },
        tags: props.tags,
      });
      this.perimeterId = this.perimeter.id;
    }

    this.profile = new AzapiResource(this, "profile", {
      type: `${PERIMETER_TYPE}/profiles@${PERIMETER_API_VERSION}`,
      name: props.profileName ?? DEFAULT_PERIMETER_PROFILE_NAME,
      parentId: this.perimeterId,
      body: { properties: {} },
    });

    const associations: Record<string, AzapiResource> = {};
    for (const member of props.members) {
      // A repeated name (Azure compares names without case) is reported by the checks; it gets no second association.
      if (Object.keys(associations).some((name) => !isToken(name) && name.toLowerCase() === member.name.toLowerCase())) continue;
      associations[member.name] = new AzapiResource(this, `association-${member.name}`, {
        type: `${PERIMETER_TYPE}/resourceAssociations@${PERIMETER_API_VERSION}`,
        name: member.name,
        parentId: this.perimeterId,
        body: {
          properties: {
            privateLinkResource: { id: member.resourceId },
            profile: { id: this.profile.id },
            accessMode: this.accessMode,
          },
        },
      });
    }
    this.associations = associations;
  }
}

/** The rules of a perimeter's props, as data. */
function checkPerimeterProps(c: PropChecks, props: NetworkSecurityPerimeterProps): void {
  c.oneOf("accessMode", props.accessMode, PERIMETER_ACCESS_MODES);
  checkPerimeterName(c, "profileName", props.profileName);
  if (props.existingPerimeterId !== undefined) {
    c.matches("existingPerimeterId", props.existingPerimeterId, PERIMETER_ID, PERIMETER_ID_RULE);
    if (props.name !== undefined) c.fail("name", props.name, "allowed: no name with existingPerimeterId (the existing perimeter keeps its own)");
  } else {
    c.required("name", props.name, `the perimeter's name (${NAME_RULE}), or existingPerimeterId`);
    checkPerimeterName(c, "name", props.name);
    c.required("resourceGroupId", props.resourceGroupId, "the ID of the resource group the perimeter goes in");
    c.matches("resourceGroupId", props.resourceGroupId, RESOURCE_GROUP_ID, "a resource group ID: /subscriptions/<subscription guid>/resourceGroups/<group>");
    c.required("location", props.location, "the Azure location of the perimeter");
  }
  if (props.members.length === 0) c.fail("members", [], "allowed: at least one resource to associate");
  props.members.forEach((m, i) => {
    checkPerimeterName(c, `members[${i}].name`, m.name);
    c.matches(`members[${i}].resourceId`, m.resourceId, RESOURCE_ID, "an Azure resource ID: /subscriptions/<subscription guid>/resourceGroups/<group>/providers/<namespace>/<type>/<name>");
  });
  c.unique("members[].name", props.members.map((m) => m.name), "association name", { ignoreCase: true });
}

/** A perimeter, profile or association name: Azure's pattern and length. */
function checkPerimeterName(c: PropChecks, prop: string, value: string | undefined): void {
  if (value === undefined || isToken(value)) return;
  if (value.length > MAX_PERIMETER_NAME_LENGTH || !PERIMETER_NAME_PATTERN.test(value)) c.fail(prop, value, `allowed: ${NAME_RULE}`);
}
