import { PrivateDnsZone } from "@cdktf/provider-azurerm/lib/private-dns-zone";
import { PrivateDnsZoneVirtualNetworkLink } from "@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link";
import { Construct } from "constructs";
import { addPropChecks, PropChecks } from "../core/validation";
import { checkPrivateDnsZoneId, checkVirtualNetworkId } from "./private/resource-ids";
import { PropKeys } from "../core/known-props";

/** The private DNS zones an Azure OpenAI private endpoint (subresource `account`) registers in. */
export type OpenAiDnsZoneKey = "openAi" | "cognitiveServices" | "aiServices";

/** Zone names in the Azure public cloud, per key. */
export const OPENAI_PRIVATE_DNS_ZONES: Readonly<Record<OpenAiDnsZoneKey, string>> = {
  openAi: "privatelink.openai.azure.com",
  cognitiveServices: "privatelink.cognitiveservices.azure.com",
  aiServices: "privatelink.services.ai.azure.com",
};

// Existing zones are matched by prefix so sovereign clouds (privatelink.openai.azure.us) pass.
const ZONE_PREFIXES: Readonly<Record<OpenAiDnsZoneKey, string>> = {
  openAi: "privatelink.openai.",
  cognitiveServices: "privatelink.cognitiveservices.",
  aiServices: "privatelink.services.ai.",
};

const ZONE_KEYS: readonly OpenAiDnsZoneKey[] = ["openAi", "cognitiveServices", "aiServices"];

// Construct-id and link-name part for each zone; stable, so Terraform addresses never move.
const ZONE_IDS: Readonly<Record<OpenAiDnsZoneKey, string>> = {
  openAi: "openai",
  cognitiveServices: "cognitiveservices",
  aiServices: "aiservices",
};

/** IDs of zones another team (the hub of a hub-and-spoke landing zone) already owns. */
export interface ExistingPrivateDnsZoneIds {
  /** ID of the `privatelink.openai.azure.com` zone. */
  readonly openAi: string;
  /** ID of the `privatelink.cognitiveservices.azure.com` zone. @default - not used */
  readonly cognitiveServices?: string;
  /** ID of the `privatelink.services.ai.azure.com` zone. @default - not used */
  readonly aiServices?: string;
}

/** Props of {@link PrivateDnsZones}: either create the zones, or pass the IDs of existing ones. */
export interface PrivateDnsZonesProps {
  /**
   * Use zones that already exist and create nothing (hub-and-spoke: the hub owns the zones and
   * their VNet links). Do not combine with `resourceGroupName`, `virtualNetworks` or `includeAiServicesZone`.
   * @default - the zones are created
   */
  readonly existingZoneIds?: ExistingPrivateDnsZoneIds;
  /**
   * Resource group the zones and links are created in. Required unless `existingZoneIds` is given.
   * @default - none
   */
  readonly resourceGroupName?: string;
  /**
   * VNets whose DNS resolves through the zones, keyed by a stable name (`hub`, `swedencentral`):
   * the key goes into the link's name and Terraform address, so adding a VNet never renames
   * another's link. Values are VNet resource IDs. Links never register VM records. Created
   * zones need at least one link, given here or with `linkVirtualNetwork`.
   * @default - none
   */
  readonly virtualNetworks?: Readonly<Record<string, string>>;
  /**
   * Also create `privatelink.services.ai.azure.com`: a Foundry resource (kind `AIServices`)
   * answers on `<subdomain>.services.ai.azure.com` besides the other two names. `OpenAiPlatform`
   * turns it on by itself for Foundry accounts.
   * @default false
   */
  readonly includeAiServicesZone?: boolean;
}

/** The zones a Foundry resource's private endpoint registers in: all three. */
export const FOUNDRY_DNS_ZONE_KEYS: readonly OpenAiDnsZoneKey[] = Object.freeze(["openAi", "cognitiveServices", "aiServices"]);

const LINK_KEY = /^[a-zA-Z0-9]([-\w.]{0,40}[a-zA-Z0-9])?$/;

/** The props PrivateDnsZones accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const PRIVATE_DNS_ZONES_PROP_KEYS: PropKeys<PrivateDnsZonesProps> = { existingZoneIds: true, resourceGroupName: true, virtualNetworks: true, includeAiServicesZone: true };

/**
 * The private DNS zones that make an Azure OpenAI account's name resolve to its private endpoint,
 * linked to the VNets that use it. Zones are global: one set serves every region of an environment.
 *
 * The zones take no `lock`: a CanNotDelete lock on a zone is inherited by its record sets, and
 * every private endpoint's DNS zone group deletes and writes its A record there when the
 * endpoint is replaced, so a lock would make endpoint replacements fail. Recreating a zone
 * loses nothing its endpoints do not write again.
 */
export class PrivateDnsZones extends Construct {
  /** The zones created, by key (empty when existing zones are used). */
  public readonly zones: Readonly<Partial<Record<OpenAiDnsZoneKey, PrivateDnsZone>>>;
  /** Zone IDs by key, for the zones in use. */
  public readonly zoneIdsByKey: Readonly<Partial<Record<OpenAiDnsZoneKey, string>>>;
  /** IDs of every zone in use: what a private endpoint's DNS zone group takes. */
  public readonly zoneIds: string[];
  /** ID of the `privatelink.openai.azure.com` zone. */
  public readonly openAiZoneId: string;

  private readonly linkMap: Record<string, PrivateDnsZoneVirtualNetworkLink> = {};
  private readonly linkedVnets: Record<string, string> = {};
  private readonly requestedKeys: string[] = [];

  constructor(scope: Construct, id: string, private readonly props: PrivateDnsZonesProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, PRIVATE_DNS_ZONES_PROP_KEYS));
    addPropChecks(this, (c) => this.checkProps(c));

    const existing = props.existingZoneIds;
    if (existing) {
      this.zones = {};
      this.zoneIdsByKey = Object.fromEntries(
        ZONE_KEYS.filter((key) => existing[key] !== undefined).map((key) => [key, existing[key] as string]),
      );
    } else {
      const keys = ZONE_KEYS.filter((key) => key !== "aiServices" || props.includeAiServicesZone === true);
      const zones: Partial<Record<OpenAiDnsZoneKey, PrivateDnsZone>> = {};
      for (const key of keys) {
        zones[key] = new PrivateDnsZone(this, ZONE_IDS[key], {
          name: OPENAI_PRIVATE_DNS_ZONES[key],
          resourceGroupName: props.resourceGroupName ?? "",
        });
      }
      this.zones = zones;
      this.zoneIdsByKey = Object.fromEntries(keys.map((key) => [key, zones[key]!.id]));
    }
    this.zoneIds = ZONE_KEYS.map((key) => this.zoneIdsByKey[key]).filter((v): v is string => v !== undefined);
    this.openAiZoneId = this.zoneIdsByKey.openAi ?? "";

    for (const [key, virtualNetworkId] of Object.entries(props.virtualNetworks ?? {})) this.linkVirtualNetwork(key, virtualNetworkId);
  }

  /**
   * Links every created zone to a VNet (registration off), for example a region network the
   * stack creates after the zones. `key` goes into the link names and Terraform addresses.
   * Existing zones are linked by their owner: calling this with `existingZoneIds` fails validation.
   */
  public linkVirtualNetwork(key: string, virtualNetworkId: string): void {
    this.requestedKeys.push(key);
    if (key in this.linkedVnets) return;
    this.linkedVnets[key] = virtualNetworkId;
    for (const [zoneKey, zone] of Object.entries(this.zones) as [OpenAiDnsZoneKey, PrivateDnsZone][]) {
      this.linkMap[`${zoneKey}/${key}`] = new PrivateDnsZoneVirtualNetworkLink(this, `${ZONE_IDS[zoneKey]}-link-${key}`, {
        name: `${ZONE_IDS[zoneKey]}-${key}`,
        resourceGroupName: this.props.resourceGroupName ?? "",
        privateDnsZoneName: zone.name,
        virtualNetworkId,
        registrationEnabled: false,
      });
    }
  }

  /** The VNet links created, by `<zone key>/<VNet key>`. */
  public get links(): Readonly<Record<string, PrivateDnsZoneVirtualNetworkLink>> {
    return this.linkMap;
  }

  private checkProps(c: PropChecks): void {
    const props = this.props;
    const existing = props.existingZoneIds;
    const vnetKeys = Object.keys(this.linkedVnets);
    if (existing) {
      const extra = [
        ...(props.resourceGroupName !== undefined ? ["resourceGroupName"] : []),
        ...(vnetKeys.length > 0 ? ["virtualNetworks"] : []),
        ...(props.includeAiServicesZone === true ? ["includeAiServicesZone"] : []),
      ];
      if (extra.length > 0) {
        c.fail("existingZoneIds", existing, `allowed: either existing zone IDs or ${extra.join(", ")} to create and link zones, not both`);
      }
      if (existing.openAi === undefined) c.fail("existingZoneIds.openAi", undefined, "allowed: the ID of the privatelink.openai zone");
      for (const key of ZONE_KEYS) checkPrivateDnsZoneId(c, `existingZoneIds.${key}`, existing[key], ZONE_PREFIXES[key]);
      return;
    }
    c.required("resourceGroupName", props.resourceGroupName, "a resource group name (required unless existingZoneIds is given)");
    c.name("resourceGroupName", "resourceGroup", props.resourceGroupName);
    if (vnetKeys.length === 0) {
      c.fail("virtualNetworks", props.virtualNetworks, "allowed: at least one VNet to link (key -> VNet ID); unlinked zones resolve nowhere");
    }
    for (const key of vnetKeys) {
      if (!LINK_KEY.test(key)) {
        c.fail(`virtualNetworks.${key}`, key, "allowed: a key of 1-42 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
      }
      checkVirtualNetworkId(c, `virtualNetworks.${key}`, this.linkedVnets[key]);
    }
    c.unique("virtualNetworks", this.requestedKeys, "VNet key");
  }
}
