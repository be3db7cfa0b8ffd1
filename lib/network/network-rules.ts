import { Justification } from "../core/justification";

/**
 * Networks an account accepts on its public endpoint besides its private endpoints, for example
 * CI runners outside Azure. They only take effect while public network access is on (the
 * account's `securityExceptions.publicNetworkAccess`); everything else is denied.
 */
export interface OpenAiNetworkRules {
  /**
   * Public IPv4 addresses (`20.50.1.7`) or ranges (`20.50.0.0/24`, prefix /8 to /30) allowed
   * to call the account. Azure accepts only public addresses here: private, loopback,
   * link-local, carrier-grade NAT, multicast and reserved ranges are rejected. Use single
   * addresses instead of /31 and /32 ranges.
   * @default - none
   */
  readonly ipRules?: string[];
  /**
   * Subnets (resource IDs) allowed to call the account through a `Microsoft.CognitiveServices`
   * service endpoint, which the subnet must have.
   * @default - none
   */
  readonly subnetIds?: string[];
  /**
   * Let trusted Azure services (for example AI Search with its managed identity) bypass the
   * rules: `bypass = "AzureServices"`. Azure's own default is to let them in, so the library
   * always sets `bypass` and needs a reason to open it.
   * @default - `bypass = "None"`
   */
  readonly trustedAzureServices?: Justification;
}

/** Widest IP rule range accepted: a /8 already spans a sixteenth of the public internet. */
export const MIN_IP_RULE_PREFIX = 8;
/** Narrowest IP rule range accepted; Azure wants /31 and /32 written as single addresses. */
export const MAX_IP_RULE_PREFIX = 30;
