import { PropChecks } from "../core/validation";

/**
 * The kind of a Cognitive Services account the library makes: `AIServices` (a Microsoft Foundry
 * resource, the superset) or `OpenAI` (a classic Azure OpenAI resource). Both are
 * `Microsoft.CognitiveServices/accounts`; every guarantee of the library holds for both.
 */
export type AccountKind = "AIServices" | "OpenAI";

/** Every account kind, Foundry first. */
export const ACCOUNT_KINDS: readonly AccountKind[] = Object.freeze(["AIServices", "OpenAI"]);

/** The kind of new accounts: Microsoft upgrades Azure OpenAI accounts to Foundry resources. */
export const DEFAULT_ACCOUNT_KIND: AccountKind = "AIServices";

/**
 * What happens to an account of kind `OpenAI` when Microsoft upgrades it to a Foundry resource
 * ("Auto-upgrade Azure OpenAI resources to Microsoft Foundry", Learn, 2026-08-19). One of them
 * must be chosen: with neither, azurerm 4.55 replaces the upgraded account on the next plan
 * (`kind` forces a new resource) and 4.56+ plans to roll the upgrade back.
 * - `allow`: the upgrade is accepted. The account ignores changes to `kind` and
 *   `project_management_enabled` (the two properties the upgrade changes), so the upgraded
 *   account is kept as it is; switch the config to kind `AIServices` afterwards (docs/FOUNDRY.md).
 * - `optOut`: the account is kept an Azure OpenAI resource. The library sets
 *   `foundryAutoUpgrade.mode = "Disabled"` through azapi on the preview API
 *   {@link FOUNDRY_AUTO_UPGRADE_API_VERSION}; the reason is written to the compliance report.
 */
export type FoundryUpgradeDecision =
  | {
      /** Accept Microsoft's upgrade to a Foundry resource and keep the upgraded account. */
      readonly decision: "allow";
    }
  | {
      /** Keep the account an Azure OpenAI resource: opt out of the automatic upgrade. */
      readonly decision: "optOut";
      /** Why the account must not become a Foundry resource (at least 10 characters), for the reviewer. */
      readonly reason: string;
    };

/** Every decision, for messages. */
export const FOUNDRY_UPGRADE_DECISIONS = Object.freeze(["allow", "optOut"] as const);

/**
 * The API version that has the account's `foundryAutoUpgrade` property. It is a preview API and
 * the property is in preview (Learn, "Manage automatic upgrades from Azure OpenAI to Microsoft
 * Foundry", 2026-08-19); azapi 2.12.0 embeds its schema. The GA version 2026-03-01 lacks it.
 */
export const FOUNDRY_AUTO_UPGRADE_API_VERSION = "2026-01-15-preview";

/** The azapi type of the opt-out update. */
export const FOUNDRY_AUTO_UPGRADE_TYPE = `Microsoft.CognitiveServices/accounts@${FOUNDRY_AUTO_UPGRADE_API_VERSION}`;

/**
 * The account attributes Microsoft's upgrade changes (kind `AIServices`, project management on:
 * Learn "Upgrade from Azure OpenAI to Microsoft Foundry", 2026-01-07). With decision `allow` the
 * account ignores both, in Terraform's snake_case.
 */
export const FOUNDRY_UPGRADE_IGNORED_ATTRIBUTES: readonly string[] = Object.freeze(["kind", "project_management_enabled"]);

/** The request body that opts an account out of the automatic upgrade. */
export function foundryOptOutBody(): Record<string, unknown> {
  return { properties: { foundryAutoUpgrade: { mode: "Disabled" } } };
}

/** What an account of each kind needs, checked at synth. */
export interface KindSettings {
  /** The account kind (default {@link DEFAULT_ACCOUNT_KIND}). */
  readonly kind?: AccountKind;
  /** The upgrade decision: required for kind OpenAI, refused for AIServices. */
  readonly foundryUpgrade?: FoundryUpgradeDecision;
  /** Project management: only for AIServices. */
  readonly projectManagement?: boolean;
  /** An agent subnet (network injection): only for AIServices. */
  readonly agentSubnet?: unknown;
}

/** The `allowed:` text when kind OpenAI comes without a decision: both choices, in words. */
export const MISSING_UPGRADE_DECISION =
  'allowed: a decision for this kind-OpenAI account, because Microsoft upgrades Azure OpenAI accounts to Foundry resources (kind AIServices) and on azurerm 4.55 the next plan would then replace the account: ' +
  'foundryUpgrade: { decision: "allow" } keeps the upgraded account (kind and project management are ignored; switch to kind "AIServices" later), or ' +
  'foundryUpgrade: { decision: "optOut", reason } opts out through azapi (preview API 2026-01-15-preview); or use kind "AIServices" for a new account';

/**
 * Reports a kind and its settings that do not go together: an unknown kind, kind OpenAI without a
 * decision, a decision on a Foundry account, project management or an agent subnet on kind
 * OpenAI. `prefix` is the config path of the settings (empty for construct props).
 */
export function checkKindSettings(c: PropChecks, settings: KindSettings, prefix = ""): void {
  const at = (prop: string) => `${prefix}${prop}`;
  const kind = settings.kind ?? DEFAULT_ACCOUNT_KIND;
  c.oneOf(at("kind"), kind, ACCOUNT_KINDS);
  const upgrade = settings.foundryUpgrade;
  if (kind === "OpenAI") {
    if (upgrade === undefined) c.fail(at("foundryUpgrade"), undefined, MISSING_UPGRADE_DECISION);
    if (settings.projectManagement === true) {
      c.fail(at("projectManagement"), true, 'allowed: false or unset for kind "OpenAI" (project management needs kind "AIServices")');
    }
    if (settings.agentSubnet !== undefined) {
      c.fail(at("agentSubnet"), settings.agentSubnet, 'allowed: none for kind "OpenAI" (network injection needs kind "AIServices")');
    }
  } else if (kind === "AIServices" && upgrade !== undefined) {
    c.fail(at("foundryUpgrade"), upgrade, 'allowed: none for kind "AIServices" (the account is a Foundry resource already; the decision is for kind "OpenAI" only)');
  }
  if (upgrade !== undefined && kind === "OpenAI") {
    c.oneOf(at("foundryUpgrade.decision"), upgrade.decision, FOUNDRY_UPGRADE_DECISIONS);
    if (upgrade.decision === "optOut") c.justification(at("foundryUpgrade"), upgrade);
  }
}
