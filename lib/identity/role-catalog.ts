/**
 * Built-in Azure roles the library grants, by friendly key. GUIDs from AZURE-FACTS.md
 * ("Roles"), and the Foundry roles from Microsoft's Foundry RBAC page and built-in roles page
 * (docs/evidence/foundry.md): built-in role definition GUIDs are the same in every tenant and
 * subscription, and survive renames.
 */

/**
 * Kind of scope a role is normally assigned on; the access matrix uses it as the default.
 * `foundryProject` is a project of a Foundry resource (`accounts/projects`).
 */
export type RoleScopeKind = "openai" | "foundryProject" | "logs" | "keyVault" | "other";

/** One built-in role. */
export interface BuiltInRole {
  /** Display name in Azure. */
  readonly displayName: string;
  /** Role definition GUID (the same in every tenant). */
  readonly guid: string;
  /**
   * The role can change access or the resource itself, or read its keys: assigning it needs a
   * stated reason (`privileged: { reason }`).
   */
  readonly privileged: boolean;
  /** The role only reads (control plane or logs); no data-plane calls, no changes. */
  readonly readOnly: boolean;
  /** The role includes `Microsoft.CognitiveServices/accounts/listkeys/action`. */
  readonly listsKeys: boolean;
  /** Kind of scope the role is assigned on unless an entry names its scopes; undefined = must name them. */
  readonly defaultScopeKind?: RoleScopeKind;
  /**
   * Earlier display names of the role (Microsoft renames roles; the GUID stays).
   * @default - none
   */
  readonly formerDisplayNames?: readonly string[];
}

const role = (
  displayName: string,
  guid: string,
  flags: { privileged?: boolean; readOnly?: boolean; listsKeys?: boolean; defaultScopeKind?: RoleScopeKind; formerDisplayNames?: readonly string[] },
): BuiltInRole => ({
  displayName,
  guid,
  privileged: flags.privileged ?? false,
  readOnly: flags.readOnly ?? false,
  listsKeys: flags.listsKeys ?? false,
  defaultScopeKind: flags.defaultScopeKind,
  ...(flags.formerDisplayNames ? { formerDisplayNames: Object.freeze([...flags.formerDisplayNames]) } : {}),
});

/** The built-in role catalog, keyed by the friendly name used in props. */
export const BUILT_IN_ROLES = Object.freeze({
  /** Call deployments (chat, completions, embeddings); the role for apps and people using OpenAI. */
  OpenAiUser: role("Cognitive Services OpenAI User", "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd", { defaultScopeKind: "openai" }),
  /** OpenAI User plus creating and changing deployments and fine-tunes; no keys, no account changes. */
  OpenAiContributor: role("Cognitive Services OpenAI Contributor", "a001fd3d-188f-4b5d-821b-7da978bf7442", { defaultScopeKind: "openai" }),
  /** Data plane of every Cognitive Services kind; its control-plane part also lists keys. */
  CognitiveServicesUser: role("Cognitive Services User", "a97b65f3-24c7-4388-baec-2e87135dc908", {
    listsKeys: true,
    defaultScopeKind: "openai",
  }),
  /** Read the control plane of the scope. */
  Reader: role("Reader", "acdd72a7-3385-48ef-bd42-f606fba81ae7", { readOnly: true, defaultScopeKind: "openai" }),
  /** Read metrics, alerts and diagnostic settings of the scope. */
  MonitoringReader: role("Monitoring Reader", "43d0d8ad-25c7-4714-9337-8ba259a9fe05", { readOnly: true, defaultScopeKind: "openai" }),
  /** Query a Log Analytics workspace. */
  LogAnalyticsReader: role("Log Analytics Reader", "73c42c96-874c-492b-b04d-ab87d138a893", { readOnly: true, defaultScopeKind: "logs" }),
  /** Wrap and unwrap with a Key Vault key: what a customer-managed key's identity needs. */
  KeyVaultCryptoServiceEncryptionUser: role("Key Vault Crypto Service Encryption User", "e147488a-f6f5-4113-8e2d-b22465e65bf6", {
    defaultScopeKind: "keyVault",
  }),
  /**
   * Read blob containers and blobs (and get a user delegation key, for a SAS no wider than the
   * role): what reading a log archive needs. A data-plane role over archived logs, so it is not
   * `readOnly` and stays above the human-role ceiling (people need an exception in an access matrix).
   */
  StorageBlobDataReader: role("Storage Blob Data Reader", "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1", {}),
  /** Send metrics and telemetry to Azure Monitor / Application Insights with Entra authentication (the AI gateway's logger). */
  MonitoringMetricsPublisher: role("Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb", {}),
  /** Full control including access management. */
  Owner: role("Owner", "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", { privileged: true, listsKeys: true }),
  /** Full control except access management; lists keys. */
  Contributor: role("Contributor", "b24988ac-6180-42a0-ab88-20f7382dd24c", { privileged: true, listsKeys: true }),
  /** Manages access: can grant itself anything. */
  UserAccessAdministrator: role("User Access Administrator", "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", { privileged: true }),
  /** Create, change and delete accounts, and list and regenerate their keys. */
  CognitiveServicesContributor: role("Cognitive Services Contributor", "25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68", {
    privileged: true,
    listsKeys: true,
  }),
  /**
   * Build in a Foundry project: every Cognitive Services data action (agents, evaluations,
   * inference of every model) and read access to projects and accounts. Its actions include
   * `accounts/listkeys/action`. Microsoft's least-privilege role for project developers, on the
   * project's scope (with Reader on the account).
   */
  FoundryUser: role("Foundry User", "53ca6127-db72-4b80-b1b0-d745d6d5456d", {
    listsKeys: true,
    defaultScopeKind: "foundryProject",
    formerDisplayNames: ["Azure AI User"],
  }),
  /**
   * Manage Foundry projects and build in them; may assign roles, restricted by a condition to
   * Foundry User. Privileged: it changes access.
   */
  FoundryProjectManager: role("Foundry Project Manager", "eadc314b-1a2d-4efa-be10-5d325db5065e", {
    privileged: true,
    formerDisplayNames: ["Azure AI Project Manager"],
  }),
  /**
   * Manage Foundry accounts and projects (every Cognitive Services action, keys included) and
   * assign Foundry User; no data actions. Privileged: it changes the resource and access.
   */
  FoundryAccountOwner: role("Foundry Account Owner", "e47c6f54-e4a2-4754-9501-8e0985b135e1", {
    privileged: true,
    listsKeys: true,
    formerDisplayNames: ["Azure AI Account Owner"],
  }),
  /**
   * Hub-based (classic) Azure AI projects: Machine Learning workspace actions and the OpenAI,
   * Speech and Content Safety data actions. Not for Foundry projects, where Microsoft
   * recommends Foundry User; kept so hub-era assignments can be expressed.
   */
  AzureAiDeveloper: role("Azure AI Developer", "64702f94-c441-49e6-a78b-ef80e0188fee", {}),
  /**
   * Read an API Management service (the AI gateway), its APIs, policies and backends, never users'
   * keys (a NotAction). Microsoft "Azure built-in roles for Integration" (ms.date 04/13/2024).
   */
  ApiManagementServiceReader: role("API Management Service Reader Role", "71522526-b88f-4d52-b57f-d31fc3546d0d", { readOnly: true }),
  /**
   * Operate an API Management service but not its APIs: scale, backup, restore, certificates, host
   * names, and `service/write` and `service/delete` (it can change the network mode or delete the
   * gateway), hence privileged. Same page as the reader role.
   */
  ApiManagementServiceOperator: role("API Management Service Operator Role", "e022efe7-f5ba-4159-bbe4-b44f577e9b61", { privileged: true }),
} satisfies Record<string, BuiltInRole>);

/** Friendly key of a built-in role. */
export type BuiltInRoleKey = keyof typeof BUILT_IN_ROLES;

/** Every built-in role key, in catalog order. */
export const BUILT_IN_ROLE_KEYS = Object.freeze(Object.keys(BUILT_IN_ROLES) as BuiltInRoleKey[]);

/**
 * Roles people (principal type User or Group) may hold in production without an exception:
 * OpenAI User and the read-only roles.
 */
export const HUMAN_ROLE_CEILING: readonly BuiltInRoleKey[] = Object.freeze([
  "OpenAiUser",
  ...BUILT_IN_ROLE_KEYS.filter((key) => BUILT_IN_ROLES[key].readOnly),
]);

/** The built-in role with this key, or undefined. */
export function builtInRole(key: string): BuiltInRole | undefined {
  return Object.prototype.hasOwnProperty.call(BUILT_IN_ROLES, key) ? BUILT_IN_ROLES[key as BuiltInRoleKey] : undefined;
}

/** The key of the built-in role with this GUID (any case), or undefined. */
export function builtInRoleKeyByGuid(guid: string): BuiltInRoleKey | undefined {
  const wanted = guid.toLowerCase();
  return BUILT_IN_ROLE_KEYS.find((key) => BUILT_IN_ROLES[key].guid === wanted);
}
