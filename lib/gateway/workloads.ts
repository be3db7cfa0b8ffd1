import type { Justification } from "../core/justification";
import { ENTRA_OBJECT_ID_PATTERN } from "../identity/principal";
import { RateLimits } from "./limits";

/**
 * One workload identity allowed through the gateway (the seed's service accounts): its Entra
 * client ID, its own limits and the networks it may call from.
 */
export interface GatewayWorkload extends RateLimits {
  /** Stable key, for example `svc-chatbot-prod`: the counter key of its limits and the `Workload` metric dimension. */
  readonly key: string;
  /**
   * Client (application) ID the workload's tokens carry in `azp` / `appid`: a managed
   * identity's `client_id` or an app registration's application ID (a GUID or a reference).
   */
  readonly clientId: string;
  /**
   * IPv4 addresses or CIDR ranges the workload may call from; every other source gets 403.
   * @default - none: any address that reaches the private gateway
   */
  readonly ipAllowlist?: readonly string[];
  /**
   * Skip the gateway's content safety check (prompt shields, harm categories) for this workload,
   * with the reason an auditor will read; recorded as a weakening.
   * @default - checked, when the gateway has `contentSafety`
   */
  readonly contentSafetyOptOut?: Justification;
}

/** Workload keys: 2-40 lowercase letters, digits or hyphens, starting with a letter. */
export const GATEWAY_WORKLOAD_KEY = /^[a-z][a-z0-9-]{0,38}[a-z0-9]$/;

/** A Microsoft Entra client ID: a GUID, the one pattern of lib/identity/principal.ts. */
export const CLIENT_ID_PATTERN: RegExp = ENTRA_OBJECT_ID_PATTERN;
