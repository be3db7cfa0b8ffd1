import { DeploymentSku } from "../regions/processing";
import type { Justification } from "../core/justification";
import { isToken, isTokenLookAlike, UNKNOWN_TOKEN } from "../core/validation";

/*
 * Deployment names, as Azure documents them and the environment config accepts them: 2-64
 * letters, digits, `-`, `_` or `.`, starting with a letter or digit. Azure compares deployment
 * names without case, so two names of one account must differ in more than case.
 */
export const DEPLOYMENT_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9._-]{1,63}$/;

/** The deployment-name rule in words. */
export const DEPLOYMENT_NAME_RULE = "2-64 letters, digits, '-', '_' or '.', starting with a letter or digit";

/** True for a literal deployment name Azure accepts (see {@link DEPLOYMENT_NAME_RULE}). */
export function isDeploymentName(name: unknown): name is string {
  return typeof name === "string" && name.length <= 64 && DEPLOYMENT_NAME_PATTERN.test(name);
}

/** The RAI policy that filters nothing: it always needs a stated `contentFilterOverride`. */
export const NO_FILTER_POLICY = "Microsoft.Nil";

/** When Azure moves a deployment to a newer model version. */
export const VERSION_UPGRADE_OPTIONS = ["OnceNewDefaultVersionAvailable", "OnceCurrentVersionExpired", "NoAutoUpgrade"] as const;

/** One of {@link VERSION_UPGRADE_OPTIONS}. */
export type VersionUpgradeOption = (typeof VERSION_UPGRADE_OPTIONS)[number];

/**
 * Largest capacity accepted for token-based SKUs, in units of 1,000 tokens per minute
 * (100,000 = 100M TPM, above any regional quota Azure grants). Its job is to catch capacity
 * given in tokens instead of thousands: 2,000,000 meant as 2M TPM is 2,000 here.
 */
export const MAX_TOKEN_CAPACITY = 100_000;

/** Largest capacity accepted for provisioned SKUs, in PTUs. */
export const MAX_PROVISIONED_CAPACITY = 10_000;

/** What a model deployment needs; used by `OpenAiAccount.addDeployment` and `ModelDeployment`. */
export interface ModelDeploymentOptions {
  /**
   * Deployment name, the name applications call (`/openai/deployments/<name>`): 2-64 letters,
   * digits, '-', '_' or '.', starting with a letter or digit.
   */
  readonly name: string;
  /** Model name, for example `gpt-4.1`. */
  readonly model: string;
  /**
   * Model version, for example `2025-04-14`. Required: a pinned version is a change you can
   * review, an implicit one is not.
   */
  readonly version: string;
  /** Deployment SKU; it decides where data is processed (see {@link processingScope}). */
  readonly sku: DeploymentSku;
  /**
   * Capacity: for Standard, DataZone*, Global* token and batch SKUs, units of 1,000 tokens per
   * minute (100 = 100K TPM), at most {@link MAX_TOKEN_CAPACITY}; for *ProvisionedManaged SKUs,
   * PTUs, at most {@link MAX_PROVISIONED_CAPACITY}.
   */
  readonly capacity: number;
  /**
   * When Azure may move the deployment to a newer model version.
   * @default "OnceCurrentVersionExpired" - no silent model change until the pinned version retires
   */
  readonly versionUpgradeOption?: VersionUpgradeOption;
  /**
   * Name of the RAI (content filter) policy the deployment uses. On an account with a content
   * filter, any other policy replaces that filter and needs `contentFilterOverride`;
   * `Microsoft.Nil` (no filtering) always needs it.
   * @default - the account's content filter, when it has one; else Azure's Microsoft.DefaultV2 policy
   */
  readonly raiPolicyName?: string;
  /**
   * Why the deployment uses `raiPolicyName` instead of its account's content filter (or no
   * filtering, `Microsoft.Nil`), at least 10 characters. Required for such a `raiPolicyName`;
   * the compliance report shows the rule `DeploymentContentFilter` suppressed with this reason.
   * @default - none: the deployment keeps its account's content filter
   */
  readonly contentFilterOverride?: Justification;
  /**
   * Model format (`model.format`): the provider, spelled as Azure spells it, for example
   * `OpenAI`, `Microsoft`, `Meta`, `Mistral AI`, `DeepSeek` or `xAI` (see
   * {@link KNOWN_MODEL_FORMATS}). Any format but `OpenAI` needs an account of kind `AIServices`
   * (a Foundry resource). A format the library does not know warns; a misspelt known one fails.
   * @default "OpenAI"
   */
  readonly format?: string;
  /**
   * Spillover (provisioned SKUs only): the name of a Standard-family deployment on the same
   * account that serves the requests this deployment cannot (429 when its PTUs are used up, long
   * contexts, 500/503). Its SKU must process data where this one does: `GlobalStandard` for
   * `GlobalProvisionedManaged`, `DataZoneStandard` for `DataZoneProvisionedManaged`, `Standard`
   * for `ProvisionedManaged`; same model and version. Set through azapi
   * (`properties.spilloverDeploymentName`, api-version {@link SPILLOVER_API_VERSION}) once both
   * deployments exist; azurerm 4.55 cannot express it. Spilled requests are billed per token.
   * @default - no spillover: requests beyond the PTUs get 429
   */
  readonly spilloverDeploymentName?: string;
}

/** The api-version of `Microsoft.CognitiveServices/accounts/deployments` used to set spillover (the first stable one that has it). */
export const SPILLOVER_API_VERSION = "2025-06-01";

/**
 * The Standard-family SKU a provisioned SKU may spill over to: the one with the same data
 * processing level (Microsoft Learn "Manage traffic with spillover for provisioned deployments").
 */
export const SPILLOVER_TARGET_SKU: Readonly<Partial<Record<DeploymentSku, DeploymentSku>>> = {
  GlobalProvisionedManaged: "GlobalStandard",
  DataZoneProvisionedManaged: "DataZoneStandard",
  ProvisionedManaged: "Standard",
};

/** The format of Azure OpenAI models, and the default of {@link ModelDeploymentOptions.format}. */
export const OPENAI_MODEL_FORMAT = "OpenAI";

/**
 * Model formats as Azure spells them: the azurerm 4.55 documentation of
 * `azurerm_cognitive_deployment` and Microsoft's deployment examples (docs/evidence/foundry-models.md).
 * Azure's list grows with every new provider, so a format outside it warns instead of failing.
 */
export const KNOWN_MODEL_FORMATS = [
  "OpenAI",
  "Microsoft",
  "Meta",
  "Mistral AI",
  "DeepSeek",
  "xAI",
  "Cohere",
  "AI21 Labs",
  "Black Forest Labs",
  "Core42",
] as const;

/** One of {@link KNOWN_MODEL_FORMATS}. */
export type KnownModelFormat = (typeof KNOWN_MODEL_FORMATS)[number];

/** The account kind that serves only Azure OpenAI models. */
export const OPENAI_ACCOUNT_KIND = "OpenAI";

/** The account kind (a Foundry resource) that serves every format sold directly by Azure. */
export const AI_SERVICES_ACCOUNT_KIND = "AIServices";

/** What {@link modelFormatProblem} found: an `error` fails the synth, a `warning` is reported. */
export interface ModelFormatProblem {
  /** `error` for a format Azure cannot take here, `warning` for one the library does not know. */
  readonly severity: "error" | "warning";
  /** The prop: always `format`. */
  readonly prop: "format";
  /** The format given. */
  readonly value: string;
  /** What is allowed, starting with `allowed:` (errors) or what is unknown (warnings). */
  readonly rule: string;
}

/** True when a model of `format` needs an account of kind `AIServices` (every format but `OpenAI`). */
export function formatNeedsAiServices(format: string): boolean {
  return format !== OPENAI_MODEL_FORMAT;
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");

/** The known format `format` is a misspelling of (another case, spacing, or a cut-off name). */
function misspeltFormat(format: string): KnownModelFormat | undefined {
  if ((KNOWN_MODEL_FORMATS as readonly string[]).includes(format)) return undefined;
  const given = squash(format);
  if (given.length === 0) return undefined;
  return KNOWN_MODEL_FORMATS.find((known) => squash(known) === given || (given.length >= 4 && squash(known).startsWith(given)));
}

/**
 * What is wrong with a deployment's `format` on an account of `accountKind`, or `undefined`:
 * - blank: error;
 * - a misspelt known format (`openai`, `Mistral`, `XAI`): error. `model.format` is ForceNew and
 *   the provider stores what Azure returns, so a spelling other than Azure's is either refused
 *   at apply or replaces the deployment on every plan;
 * - any format but `OpenAI` on an account of kind `OpenAI`: error (only a Foundry resource,
 *   kind `AIServices`, serves other providers' models);
 * - a format outside {@link KNOWN_MODEL_FORMATS}: warning (Azure adds providers faster than this
 *   library; Azure checks the format at apply).
 * Terraform references are not checked; an `accountKind` that is a reference or not given is not
 * compared.
 */
export function modelFormatProblem(format: string, accountKind?: string): ModelFormatProblem | undefined {
  if (isToken(format)) return undefined;
  const problem = (severity: ModelFormatProblem["severity"], rule: string): ModelFormatProblem => ({ severity, prop: "format", value: format, rule });
  if (isTokenLookAlike(format)) return problem("error", UNKNOWN_TOKEN);
  // Config is data from people: a value that is not text is refused, not a crash.
  if (typeof format !== "string" || format.trim() === "") {
    return problem("error", `allowed: a model format such as ${KNOWN_MODEL_FORMATS.slice(0, 6).join(", ")}`);
  }
  const meant = misspeltFormat(format);
  if (meant) {
    return problem("error", `allowed: ${JSON.stringify(meant)}, spelt as Azure spells it (model.format cannot change without replacing the deployment)`);
  }
  const kindKnown = accountKind !== undefined && !isToken(accountKind);
  if (kindKnown && accountKind === OPENAI_ACCOUNT_KIND && formatNeedsAiServices(format)) {
    return problem(
      "error",
      `allowed: ${OPENAI_MODEL_FORMAT} on an account of kind ${OPENAI_ACCOUNT_KIND}; ${format} models need an account of kind ${AI_SERVICES_ACCOUNT_KIND} (a Foundry resource)`,
    );
  }
  if (!(KNOWN_MODEL_FORMATS as readonly string[]).includes(format)) {
    return problem("warning", `format ${JSON.stringify(format)} is not one this library knows (${KNOWN_MODEL_FORMATS.join(", ")}): Azure checks it only at apply`);
  }
  return undefined;
}
