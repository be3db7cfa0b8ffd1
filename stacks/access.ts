import { AccessEntry, HUMAN_ROLE_CEILING, principalIdFromEnv, PrincipalType } from "../lib";

/**
 * The Entra ID groups of the seed's access model. Object IDs come from environment variables;
 * without them, numbered placeholder GUIDs (00000000-0000-0000-0000-00000000000N) keep a local
 * synth and the tests working offline. A synth meant for deployment sets
 * AOAI_REQUIRE_PRINCIPALS=1 (the workflows' plan and deploy steps): a missing variable then fails
 * the synth at once, naming it, instead of the role assignment retrying "principal not found"
 * for 30 minutes at apply.
 */
const group = (key: string, variable: string, placeholder: number, displayName: string) => ({
  key,
  principalId: principalIdFromEnv(variable, placeholder, { principal: `the ${displayName} group` }),
  principalType: "Group" as PrincipalType,
  displayName,
});

const DEVELOPERS = group("developers", "AOAI_DEVELOPERS_GROUP_ID", 1, "Developers");
const DATA_SCIENTISTS = group("data-scientists", "AOAI_DATA_SCIENTISTS_GROUP_ID", 2, "Data scientists");
const SECURITY_AUDIT = group("security-audit", "AOAI_SECURITY_AUDIT_GROUP_ID", 3, "Security and audit");

/** Security and audit read the accounts and the logs, in every environment. */
const AUDITORS: readonly AccessEntry[] = [
  { ...SECURITY_AUDIT, key: SECURITY_AUDIT.key, role: "Reader" },
  { ...SECURITY_AUDIT, key: SECURITY_AUDIT.key, role: "LogAnalyticsReader" },
];

/** Outside prod: developers call the models, data scientists also manage deployments. */
export const NON_PROD_ACCESS: readonly AccessEntry[] = [
  { ...DEVELOPERS, role: "OpenAiUser" },
  { ...DATA_SCIENTISTS, role: "OpenAiContributor" },
  ...AUDITORS,
];

/** Prod is reached by workload identities only (the seed's "service accounts only"); people read. */
export const PROD_ACCESS: readonly AccessEntry[] = [...AUDITORS];

/**
 * Outside prod, data scientists may hold OpenAI Contributor, and developers and data scientists
 * Foundry User on the projects (the project's scope only), without a stated exception.
 */
export const NON_PROD_HUMAN_ROLE_CEILING = [...HUMAN_ROLE_CEILING, "OpenAiContributor", "FoundryUser"] as const;
