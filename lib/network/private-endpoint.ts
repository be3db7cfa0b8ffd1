import { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";
import { PrivateEndpoint } from "@cdktf/provider-azurerm/lib/private-endpoint";
import { Construct } from "constructs";
import { applyLock } from "../core/features/lock";
import { PRIVATE_ENDPOINT_PROP_KEYS, PrivateEndpointProps } from "../core/features/private-endpoints";
import type { IOperationChain } from "../core/operation-chain";
import { addPropChecks, isToken, PropChecks } from "../core/validation";
import { parseIpv4Address, parseIpv4Block, subnetAddressProblem } from "./private/ipv4";
import { checkLocationName } from "./private/location";
import { checkSubnetId, PRIVATE_DNS_ZONE_ID } from "./private/resource-ids";
import { RegionNetwork } from "./region-network";
import { PropKeys } from "../core/known-props";

/** The private-link subresource (group ID) of an Azure OpenAI account. */
export const OPENAI_PRIVATE_LINK_SUBRESOURCE = "account";
// The one member of the `account` group; a static IP configuration names it.
const OPENAI_PRIVATE_LINK_MEMBER = "default";

/**
 * Props of {@link OpenAiPrivateEndpoint}: the shared {@link PrivateEndpointProps} shape, with
 * the account it connects to and a name and resource group that are required here (an
 * account's `privateEndpoints` prop fills them in).
 */
export interface OpenAiPrivateEndpointProps extends PrivateEndpointProps {
  /**
   * The account the endpoint connects to (an `OpenAiAccount`, or one from
   * `OpenAiAccount.fromAccountId`); the endpoint joins its operation chain. A Foundry resource
   * (`kind: "AIServices"`) answers on three names, so its zone group must hold all three zones.
   */
  readonly account: IOperationChain & { readonly kind?: string };
  /** Endpoint name (Azure's private endpoint naming rule, see `NAME_RULES.privateEndpoint`). */
  readonly name: string;
  /** Resource group the endpoint is created in. */
  readonly resourceGroupName: string;
  /**
   * IDs of the private DNS zones the endpoint registers its address in (a DNS zone group), for
   * example `PrivateDnsZones.zoneIds`. Must include the `privatelink.openai` zone, and for a
   * Foundry resource also `privatelink.cognitiveservices` and `privatelink.services.ai`.
   * Required unless `dnsManagedByPolicy` is true.
   * @default - none
   */
  readonly privateDnsZoneIds?: string[];
}

// azurerm v4.55.0 validate.PrivateLinkName: the rule for the connection, zone group and IP configuration names.
const PRIVATE_LINK_NAME = /^(?=.{1,80}$)[a-zA-Z0-9]([-\w.]*\w)?$/;
const PRIVATE_LINK_NAME_RULE = "1-80 letters, digits, '-', '_' or '.', starting alphanumeric and ending alphanumeric or '_'";
const DEFAULT_ZONE_GROUP_NAME = "default";

/** The props OpenAiPrivateEndpoint accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const OPENAI_PRIVATE_ENDPOINT_PROP_KEYS: PropKeys<OpenAiPrivateEndpointProps> = { ...PRIVATE_ENDPOINT_PROP_KEYS, account: true };

/**
 * A private endpoint for an Azure OpenAI account (subresource `account`, automatic approval),
 * registering its address in the private DNS zones unless Azure Policy does that. It joins the
 * account's operation chain, so Azure creates it after the account's deployments
 * (azurerm#31712: an endpoint created while the account is still provisioning fails).
 */
export class OpenAiPrivateEndpoint extends Construct {
  /** The `azurerm_private_endpoint` resource. */
  public readonly resource: PrivateEndpoint;
  /** Azure resource ID of the endpoint. */
  public readonly endpointId: string;
  /**
   * The endpoint's private IP address: the static address when one was given, else the
   * address Azure assigned (known after apply).
   */
  public readonly privateIpAddress: string;
  /** The management lock of `lock`, when one was made. */
  public readonly lock?: ManagementLock;

  constructor(scope: Construct, id: string, props: OpenAiPrivateEndpointProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, OPENAI_PRIVATE_ENDPOINT_PROP_KEYS));
    addPropChecks(this, (c) => checkEndpointProps(c, props, props.subnetAddressPrefix ?? RegionNetwork.subnetRangeOf(this, props.subnetId)));

    const policyDns = props.dnsManagedByPolicy === true;
    const zoneIds = props.privateDnsZoneIds ?? [];
    this.resource = new PrivateEndpoint(this, "resource", {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location ?? props.account.location,
      subnetId: props.subnetId,
      customNetworkInterfaceName: props.customNetworkInterfaceName,
      privateServiceConnection: {
        name: props.privateServiceConnectionName ?? `${props.name}-connection`,
        privateConnectionResourceId: props.account.resourceId,
        subresourceNames: [OPENAI_PRIVATE_LINK_SUBRESOURCE],
        isManualConnection: false,
      },
      privateDnsZoneGroup: policyDns || zoneIds.length === 0 ? undefined : { name: props.privateDnsZoneGroupName ?? DEFAULT_ZONE_GROUP_NAME, privateDnsZoneIds: zoneIds },
      ipConfiguration: props.privateIpAddress
        ? [
            {
              name: `${props.name}-ip`,
              privateIpAddress: props.privateIpAddress,
              subresourceName: OPENAI_PRIVATE_LINK_SUBRESOURCE,
              memberName: OPENAI_PRIVATE_LINK_MEMBER,
            },
          ]
        : undefined,
      // Policy adds the zone group after apply; without this Terraform would remove it again.
      lifecycle: policyDns ? { ignoreChanges: ["private_dns_zone_group"] } : undefined,
    });
    this.node.defaultChild = this.resource;
    props.account.chainOperation(this.resource);
    this.endpointId = this.resource.id;
    this.privateIpAddress = props.privateIpAddress ?? this.resource.privateServiceConnection.privateIpAddress;
    this.lock = applyLock(this, this.resource, props.lock);
  }

  /** Resource ID roles on the endpoint are assigned at (the endpoint ID). */
  public get scopeId(): string {
    return this.endpointId;
  }
}

function checkEndpointProps(c: PropChecks, props: OpenAiPrivateEndpointProps, subnetRange: string | undefined): void {
  c.name("name", "privateEndpoint", props.name);
  c.name("resourceGroupName", "resourceGroup", props.resourceGroupName);
  c.required("subnetId", props.subnetId, "the resource ID of the subnet the endpoint is placed in");
  checkSubnetId(c, "subnetId", props.subnetId);
  checkLocationName(c, "location", props.location);
  c.matches("customNetworkInterfaceName", props.customNetworkInterfaceName, PRIVATE_LINK_NAME, PRIVATE_LINK_NAME_RULE);
  c.matches("privateServiceConnectionName", props.privateServiceConnectionName, PRIVATE_LINK_NAME, PRIVATE_LINK_NAME_RULE);
  c.matches("privateDnsZoneGroupName", props.privateDnsZoneGroupName, PRIVATE_LINK_NAME, PRIVATE_LINK_NAME_RULE);
  checkPrivateIp(c, props.privateIpAddress, subnetRange);
  if (props.subnetAddressPrefix !== undefined && !isToken(props.subnetAddressPrefix) && !parseIpv4Block(props.subnetAddressPrefix)) {
    c.fail("subnetAddressPrefix", props.subnetAddressPrefix, "allowed: an IPv4 CIDR block written from its network address, such as 10.20.0.0/27");
  }

  const zoneIds = props.privateDnsZoneIds ?? [];
  if (props.dnsManagedByPolicy === true) {
    if (zoneIds.length > 0) {
      c.fail("privateDnsZoneIds", zoneIds, "allowed: none while dnsManagedByPolicy is true (Azure Policy creates the zone group)");
    }
    return;
  }
  if (zoneIds.length === 0) {
    c.fail("privateDnsZoneIds", props.privateDnsZoneIds,
      "allowed: the private DNS zone IDs (at least the privatelink.openai zone), or dnsManagedByPolicy: true when Azure Policy creates the records");
    return;
  }
  zoneIds.forEach((zoneId, i) => {
    if (!isToken(zoneId) && !PRIVATE_DNS_ZONE_ID.test(zoneId)) {
      c.fail(`privateDnsZoneIds[${i}]`, zoneId, "allowed: a private DNS zone resource ID");
    }
  });
  // Only checkable when every ID is literal; zones created in the same stack are references.
  const literal = zoneIds.filter((zoneId) => !isToken(zoneId));
  if (literal.length !== zoneIds.length || literal.some((zoneId) => !PRIVATE_DNS_ZONE_ID.test(zoneId))) return;
  const names = literal.map((zoneId) => PRIVATE_DNS_ZONE_ID.exec(zoneId)?.[1].toLowerCase() ?? "");
  const required = props.account.kind === "AIServices" ? FOUNDRY_ZONE_PREFIXES : [OPENAI_ZONE_PREFIX];
  const missing = required.filter((prefix) => !names.some((name) => name.startsWith(prefix)));
  if (missing.length > 0) {
    c.fail(
      "privateDnsZoneIds",
      zoneIds,
      props.account.kind === "AIServices"
        ? `allowed: a list with the ${FOUNDRY_ZONE_PREFIXES.map((p) => `${p}* zone`).join(", ")}: a Foundry resource answers on <subdomain>.openai.azure.com, .cognitiveservices.azure.com and .services.ai.azure.com (missing: ${missing.join(", ")})`
        : "allowed: a list that includes the privatelink.openai zone (the <subdomain>.openai.azure.com name resolves there)",
    );
  }
}

const OPENAI_ZONE_PREFIX = "privatelink.openai.";
/** Zone-name prefixes a Foundry resource's endpoint registers in (sovereign clouds differ in the suffix). */
const FOUNDRY_ZONE_PREFIXES: readonly string[] = [OPENAI_ZONE_PREFIX, "privatelink.cognitiveservices.", "privatelink.services.ai."];

function checkPrivateIp(c: PropChecks, value: string | undefined, subnetRange: string | undefined): void {
  if (value === undefined || isToken(value)) return;
  const address = parseIpv4Address(value);
  if (!address) return c.fail("privateIpAddress", value, "allowed: an IPv4 address such as 10.20.0.10");
  if (address.range() !== "private") {
    return c.fail("privateIpAddress", value, "allowed: an address in the RFC 1918 private ranges 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16");
  }
  const block = subnetRange === undefined || isToken(subnetRange) ? undefined : parseIpv4Block(subnetRange);
  const problem = block && subnetAddressProblem(address, block);
  if (problem) c.fail("privateIpAddress", value, problem);
}
