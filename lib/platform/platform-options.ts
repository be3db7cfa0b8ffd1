import { ArchiveRetention } from "../monitoring/retention";
import { EmailReceiver } from "../monitoring/action-group";
import { OpenAiLogCategory } from "../monitoring/log-categories";
import { ExistingPrivateDnsZoneIds } from "../network/private-dns-zones";
import { AgentSubnet } from "../openai/agent-subnet";

/**
 * The private-endpoint subnet of a region: brought from a landing zone, or created from a range.
 * The platform peers the VNets it creates with each other; for brought subnets the landing zone
 * must let every calling network reach every region's endpoint subnet (hub peering or Virtual
 * WAN) and link the private DNS zones to the networks that resolve the account names.
 */
export type PlatformNetwork =
  | {
      /**
       * Existing subnet for the private endpoint (Azure subnet resource ID). Nothing is created or
       * peered: connectivity from the callers to this subnet is the landing zone's.
       */
      readonly subnetId: string;
    }
  | {
      /**
       * Private IPv4 range for a VNet the platform creates in the region, for example
       * `10.20.0.0/24`. The VNet is peered both ways with every other VNet the platform creates.
       */
      readonly addressSpace: string;
      /**
       * Prefix of the private-endpoint subnet, the first block of `addressSpace`.
       * @default 27
       */
      readonly privateEndpointSubnetPrefix?: number;
    };

/** One region of the platform. */
export interface PlatformRegion {
  /** Azure location, for example `swedencentral`. */
  readonly location: string;
  /** Failover priority, 1 first; unique within the platform. */
  readonly priority: number;
  /** Where the region's private endpoint goes. */
  readonly network: PlatformNetwork;
  /**
   * Static private IP of the endpoint, inside the subnet.
   * @default - assigned by Azure
   */
  readonly privateIpAddress?: string;
  /**
   * A subnet for Foundry Agent Service in this region (`network_injection`, scenario `agent`),
   * Foundry accounts only. The landing zone makes it (delegated to `Microsoft.App/environments`,
   * one account per subnet); its range must be inside 172.16.0.0/12 or 192.168.0.0/16, a /27
   * or larger.
   * @default - none
   */
  readonly agentSubnet?: AgentSubnet;
}

/** Private DNS for the endpoints. Zones are global: one set serves every region. */
export interface PlatformPrivateDns {
  /**
   * Zones the hub already owns (hub-and-spoke): nothing is created and nothing linked.
   * @default - the platform creates the zones in its resource group
   */
  readonly existingZoneIds?: ExistingPrivateDnsZoneIds;
  /**
   * DNS records are written by Azure Policy (for example built-in c4bc6f10 in the hub): the
   * endpoints get no zone group, and Terraform ignores the one Policy adds.
   * @default false
   */
  readonly managedByPolicy?: boolean;
  /**
   * VNets to link besides the ones the platform creates (key -> VNet ID), for example the hub.
   * @default - none
   */
  readonly virtualNetworkIds?: Readonly<Record<string, string>>;
  /**
   * Also create `privatelink.services.ai.azure.com`. Foundry accounts (kind `AIServices`) need
   * it: the platform creates it for them unless this is set, and refuses `false` for them.
   * @default - true for kind AIServices, false for OpenAI
   */
  readonly includeAiServicesZone?: boolean;
}

/** Audit logging of the platform: one workspace, one archive per region, alerts. */
export interface PlatformLogging {
  /**
   * Interactive retention of the workspace (30-730 days). All categories share the
   * AzureDiagnostics table, so this is also how long prompts (RequestResponse) stay there.
   * @default 90
   */
  readonly workspaceRetentionDays?: number;
  /**
   * Where the workspace lives; must satisfy the residency. Changing it moves (replaces) the
   * workspace and renames it.
   * @default - the platform's `location` (the environment's resource group location), so changing region priorities never moves it
   */
  readonly workspaceLocation?: string;
  /**
   * Per-category retention in each region's archive, and the write-once audit container.
   * @default - Audit 365, RequestResponse 90, Trace 30, AzureOpenAIRequestUsage 90, metrics 90; no immutability
   */
  readonly archive?: ArchiveRetention;
  /**
   * Log categories exported.
   * @default - Audit, RequestResponse, Trace, AzureOpenAIRequestUsage
   */
  readonly categories?: readonly OpenAiLogCategory[];
  /**
   * Who receives the throttling and availability alerts.
   * @default - no alerts
   */
  readonly alertEmails?: readonly EmailReceiver[];
}
