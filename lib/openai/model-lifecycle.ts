import { SYNTH_DATE_CONTEXT_KEY } from "../core/synth-date";
import { Construct } from "constructs";
import { DEPLOYMENT_SKUS, DeploymentSku } from "../regions/processing";

// Catalog source date: 2026-09-02 (Microsoft Learn "Model retirement schedule"); availability
// (SKUs) from the Azure OpenAI region matrices dated 2026-04-30. See docs/evidence/model-lifecycle.md.

/**
 * A model's lifecycle stage, as Microsoft's retirement schedule names it.
 * `Deprecated` and `Legacy` versions are no longer offered to new customers (subscriptions that
 * never deployed them); `Retired` versions refuse every request.
 */
export type ModelLifecycleStatus = "Preview" | "GA" | "Legacy" | "Deprecated" | "Retired";

/** A dated Microsoft page a catalog entry comes from. */
export interface ModelLifecycleSource {
  /** The page's title. */
  readonly title: string;
  /** Where it lives: a Microsoft Learn URL or a `MicrosoftDocs/azure-ai-docs` path (with commit). */
  readonly location: string;
  /** The page's own date (`ms.date`), ISO `YYYY-MM-DD`. */
  readonly date: string;
}

/** One model version in the lifecycle catalog. */
export interface ModelLifecycleEntry {
  /** Model name, as in `model.name` of a deployment (`gpt-5.4`). */
  readonly model: string;
  /** Model version, as in `model.version` (`2026-03-05`). */
  readonly version: string;
  /** Lifecycle stage on the source page's date. */
  readonly status: ModelLifecycleStatus;
  /**
   * General-availability date, ISO `YYYY-MM-DD`.
   * @default - not stated by the source (for most models the version string is the launch date)
   */
  readonly gaDate?: string;
  /**
   * From this date the version is no longer offered to new customers, ISO `YYYY-MM-DD`.
   * @default - not stated by the source
   */
  readonly deprecationDate?: string;
  /**
   * From this date the version refuses every request and cannot be deployed, ISO `YYYY-MM-DD`.
   * @default - no retirement date published
   */
  readonly retirementDate?: string;
  /**
   * Microsoft's suggested replacement.
   * @default - none named
   */
  readonly replacement?: string;
  /**
   * The deployment SKUs the version is offered on in at least one region.
   * @default - not known: any SKU passes
   */
  readonly skus?: readonly DeploymentSku[];
  /** The page the lifecycle status and dates come from. */
  readonly source: ModelLifecycleSource;
  /**
   * The page the SKUs come from.
   * @default - no SKU data
   */
  readonly skuSource?: ModelLifecycleSource;
  /**
   * Caveats about the entry (a date taken from an older page, conflicting pages).
   * @default - none
   */
  readonly note?: string;
  /**
   * The model format (`model.format` of a deployment): the provider as Azure spells it.
   * @default "OpenAI"
   */
  readonly format?: string;
  /**
   * Regions per SKU, where a Microsoft availability matrix lists the version (from `skuSource`,
   * or the sources the `note` names). Information for planning: the synth does not enforce it.
   * @default - regions not recorded
   */
  readonly skuRegions?: Partial<Readonly<Record<DeploymentSku, readonly string[]>>>;
  /**
   * Microsoft's pages disagree on whether the version is still offered to new customers (a
   * subscription that never deployed it). From `date` on, deployments of the version warn.
   * @default - no known doubt
   */
  readonly newCustomerDoubt?: {
    /** The "no new customers" date one page gives, ISO `YYYY-MM-DD`. */
    readonly date: string;
    /** What each page says. */
    readonly conflict: string;
    /** What a subscription that never deployed the version should do. */
    readonly advice: string;
    /** The pages that disagree. */
    readonly sources: readonly ModelLifecycleSource[];
  };
}

/** The date of the newest page the catalog was built from. */
export const MODEL_CATALOG_SOURCE_DATE = "2026-09-02";

/** Warn about a version this many days or fewer before its retirement. */
export const RETIREMENT_WARNING_DAYS = 90;


const RETIREMENT_SCHEDULE: ModelLifecycleSource = {
  title: "Model retirement schedule - Microsoft Foundry (Azure OpenAI table)",
  location:
    "https://learn.microsoft.com/en-us/azure/foundry/openai/concepts/model-retirement-schedule " +
    "(source articles/foundry/openai/concepts/model-retirement-schedule.md, azure-ai-docs-pr c0b1c983)",
  date: "2026-09-02",
};

const RETIREMENT_TABLE_2025: ModelLifecycleSource = {
  title: "Model Retirement Table - Azure OpenAI in Microsoft Foundry Models",
  location: "MicrosoftDocs/azure-ai-docs: articles/foundry/openai/includes/retirement/models.md @ 01850fbb85959cfdc0dd37e7e905db549e1469d3",
  date: "2025-12-16",
};

const REGION_MATRICES: ModelLifecycleSource = {
  title: "Model region availability by Azure region (Europe, Americas, APAC, ME&A)",
  location:
    "MicrosoftDocs/azure-ai-docs: articles/foundry/openai/includes/model-matrix/region-{europe,americas,asia-pacific,middle-east-africa}.md",
  date: "2026-04-30",
};

// The same schedule page, its sections for the Foundry Models sold by Azure from other providers.
const FOUNDRY_RETIREMENT_SCHEDULE: ModelLifecycleSource = {
  ...RETIREMENT_SCHEDULE,
  title: "Model retirement schedule - Microsoft Foundry (Foundry Models sold by Azure: DeepSeek, Meta, Microsoft, Mistral AI, xAI tables)",
};

const LIFECYCLE_POLICY: ModelLifecycleSource = {
  title: "Azure OpenAI in Microsoft Foundry model deprecations and retirements (Model availability)",
  location: "MicrosoftDocs/azure-ai-docs: articles/foundry/openai/concepts/model-retirements.md @ 1205cbf887d69ce6cf3e770b46debd79362aa7be",
  date: "2026-01-30",
};

const MAI_THINKING: ModelLifecycleSource = {
  title: "Deploy and use MAI-Thinking-1 in Microsoft Foundry (include)",
  location: "MicrosoftDocs/azure-ai-docs: articles/foundry/foundry-models/includes/use-foundry-models-mai-thinking.md @ 2a5ac2402744c2c41d85783be1dbd90cea85dfe7",
  date: "2026-08-04",
};

const DIRECT_GLOBAL_STANDARD: ModelLifecycleSource = {
  title: "Global standard availability for Azure Direct models",
  location: "MicrosoftDocs/azure-ai-docs: articles/foundry/foundry-models/includes/model-matrix/global-standard.md @ 437cef2a2d482b2e1ec0768e5d419ba2e39e8a40",
  date: "2025-09-29",
};

const DIRECT_GLOBAL_PROVISIONED: ModelLifecycleSource = {
  title: "Global provisioned managed availability for Azure Direct models",
  location: "MicrosoftDocs/azure-ai-docs: articles/foundry/foundry-models/includes/model-matrix/global-provisioned-managed.md @ 0c9218be97ee5753c5152ed59d21252357b5fc16",
  date: "2026-02-26",
};

const DIRECT_DATA_ZONE: ModelLifecycleSource = {
  title: "Data zone standard availability for Azure Direct models",
  location: "MicrosoftDocs/azure-ai-docs: articles/foundry/foundry-models/includes/model-matrix/data-zone-standard.md @ 480c29aabde1e919e8ec51d1e125265501eb3f54",
  date: "2026-04-02",
};

// Regions of the Azure Direct matrices above (the GlobalStandard one lists every model in all of them).
const DIRECT_GLOBAL_STANDARD_REGIONS = [
  "australiaeast", "brazilsouth", "canadaeast", "eastus", "eastus2", "francecentral", "germanywestcentral", "italynorth",
  "japaneast", "koreacentral", "northcentralus", "norwayeast", "polandcentral", "southafricanorth", "southcentralus",
  "southindia", "spaincentral", "swedencentral", "switzerlandnorth", "switzerlandwest", "uaenorth", "uksouth",
  "westeurope", "westus", "westus3",
] as const;
const DIRECT_GLOBAL_PROVISIONED_REGIONS = [
  "australiaeast", "brazilsouth", "canadacentral", "canadaeast", "centralus", "eastus", "eastus2", "francecentral",
  "germanywestcentral", "italynorth", "japaneast", "japanwest", "koreacentral", "northcentralus", "norwayeast",
  "polandcentral", "southafricanorth", "southcentralus", "southindia", "spaincentral", "swedencentral",
  "switzerlandnorth", "switzerlandwest", "uaenorth", "uksouth", "westcentralus", "westeurope", "westus", "westus2", "westus3",
] as const;
const DIRECT_DATA_ZONE_US = ["centralus", "eastus", "eastus2", "northcentralus", "southcentralus", "westcentralus", "westus", "westus2", "westus3"] as const;
const DIRECT_DATA_ZONE_EU = ["francecentral", "germanywestcentral", "italynorth", "polandcentral", "spaincentral", "swedencentral", "westeurope"] as const;

const ALL_SKUS: readonly DeploymentSku[] = DEPLOYMENT_SKUS;
const NO_STANDARD: readonly DeploymentSku[] = DEPLOYMENT_SKUS.filter((s) => s !== "Standard");
const GPT_5_4_SKUS: readonly DeploymentSku[] = [
  "GlobalStandard",
  "GlobalProvisionedManaged",
  "DataZoneStandard",
  "DataZoneProvisionedManaged",
  "ProvisionedManaged",
];
const STANDARD_TOKEN_ONLY: readonly DeploymentSku[] = ["GlobalStandard", "DataZoneStandard"];
const EMBEDDING_SKUS: readonly DeploymentSku[] = ["GlobalStandard", "DataZoneStandard", "Standard"];

/**
 * The 2025-12-16 retirement table gives these versions a "no new customers" date; the newer
 * 2026-09-02 schedule has no such column and moved their retirement; the lifecycle page promises
 * GA versions to new customers for at least 12 months (review 2026-12-b, finding N11).
 */
function newCustomerDoubt(
  model: string,
  version: string,
  date: string,
  oldRetirement: string,
  retirement: string,
): NonNullable<ModelLifecycleEntry["newCustomerDoubt"]> {
  return {
    date,
    conflict:
      `Microsoft's pages disagree on whether ${model} ${version} is closed to new customers since ${date}: the retirement table ` +
      `(${RETIREMENT_TABLE_2025.date}) lists "Deprecation Date (No New Customers) ${date}" with retirement ${oldRetirement}; the newer ` +
      `retirement schedule (${RETIREMENT_SCHEDULE.date}) has no deprecation column and moves retirement to ${retirement}; the lifecycle ` +
      `page (${LIFECYCLE_POLICY.date}) promises GA versions to new customers for at least 12 months after launch`,
    advice:
      "a subscription that never deployed it may be refused: run `az cognitiveservices model list --location <region>` (or check the " +
      "Foundry portal) with that subscription, and if the version is not offered, pin the newest GA version offered on the SKU in that region",
    sources: [RETIREMENT_TABLE_2025, RETIREMENT_SCHEDULE, LIFECYCLE_POLICY],
  };
}

const LATER_DATE_NOTE =
  "The 2025-12-16 retirement table and the 2026-07-07 schedule include gave an earlier retirement date; the 2026-09-02 schedule moved it.";

function entry(
  model: string,
  version: string,
  status: ModelLifecycleStatus,
  retirementDate: string | undefined,
  skus: readonly DeploymentSku[] | undefined,
  extra: Partial<ModelLifecycleEntry> = {},
): ModelLifecycleEntry {
  return {
    model,
    version,
    status,
    retirementDate,
    skus,
    source: RETIREMENT_SCHEDULE,
    skuSource: skus ? REGION_MATRICES : undefined,
    ...extra,
  };
}

function direct(
  format: string,
  model: string,
  version: string,
  status: ModelLifecycleStatus,
  retirementDate: string | undefined,
  extra: Partial<ModelLifecycleEntry> = {},
): ModelLifecycleEntry {
  return { model, version, status, retirementDate, format, source: FOUNDRY_RETIREMENT_SCHEDULE, ...extra };
}

// Where the newest models page (models-azure-direct-others.md, 10/05/2026) calls a model by
// another name or stage than the schedule, the entry's note says so. Versions the schedule shows
// as "—" come from the note's source.
const UNLISTED_SKUS =
  "SKUs not known: no Microsoft availability matrix read here lists them all (the GlobalStandard one dates from 2025-09-29), " +
  "so any SKU passes; the (non-Microsoft) deployment examples read use GlobalStandard.";

/**
 * Foundry Models sold directly by Azure from other providers (Microsoft, Meta, Mistral AI,
 * DeepSeek, xAI): deployable only on an account of kind `AIServices`. Most are offered on
 * Global SKUs only, which an EU- or US-resident environment refuses.
 */
export const FOUNDRY_DIRECT_MODELS: readonly ModelLifecycleEntry[] = [
  direct("Microsoft", "MAI-Thinking-1", "2026-06-01", "Preview", undefined, {
    source: MAI_THINKING,
    skus: ["GlobalStandard"],
    skuSource: MAI_THINKING,
    note:
      'The page says "available for global standard deployment" and "PTU deployment is currently not supported". ' +
      "Not in the 2026-09-02 retirement schedule: no retirement date; preview models may change or be withdrawn.",
  }),
  direct("Meta", "Llama-3.3-70B-Instruct", "9", "GA", undefined, {
    skus: ["GlobalStandard", "GlobalProvisionedManaged"],
    skuSource: DIRECT_GLOBAL_PROVISIONED,
    skuRegions: { GlobalStandard: DIRECT_GLOBAL_STANDARD_REGIONS, GlobalProvisionedManaged: DIRECT_GLOBAL_PROVISIONED_REGIONS },
    note:
      `Global SKUs only: GlobalStandard per ${DIRECT_GLOBAL_STANDARD.location} (${DIRECT_GLOBAL_STANDARD.date}), ` +
      `GlobalProvisionedManaged per the skuSource; not in ${DIRECT_DATA_ZONE.location} (${DIRECT_DATA_ZONE.date}). ` +
      'Version "9": the schedule shows "—"; 9 is the version in dotnet/aspire src/Aspire.Hosting.Azure.AIFoundry/AIFoundryModel.Generated.cs ' +
      "(generated from the Foundry catalog), not confirmed on a Microsoft Learn page.",
  }),
  direct("Meta", "Llama-4-Maverick-17B-128E-Instruct-FP8", "2", "GA", undefined, {
    skus: ["GlobalStandard"],
    skuSource: DIRECT_GLOBAL_STANDARD,
    skuRegions: { GlobalStandard: DIRECT_GLOBAL_STANDARD_REGIONS },
    note:
      `GlobalStandard only: not in the data-zone (${DIRECT_DATA_ZONE.date}) or global provisioned (${DIRECT_GLOBAL_PROVISIONED.date}) matrices. ` +
      'Version "2": the schedule shows "—"; 2 is from dotnet/aspire AIFoundryModel.Generated.cs, not confirmed on a Microsoft Learn page.',
  }),
  direct("Mistral AI", "Mistral-Large-3", "1", "Preview", undefined, {
    skuRegions: { DataZoneStandard: [...DIRECT_DATA_ZONE_US, ...DIRECT_DATA_ZONE_EU] },
    note:
      `DataZoneStandard in the EU and US data zones per ${DIRECT_DATA_ZONE.location} (${DIRECT_DATA_ZONE.date}). ${UNLISTED_SKUS} ` +
      "Stage: Preview on the 2026-09-02 schedule and the 2026-10-05 models page; the 2026-07-07 schedule include said GA.",
  }),
  direct("Mistral AI", "mistral-document-ai-2512", "1", "GA", undefined, {
    skuRegions: { DataZoneStandard: [...DIRECT_DATA_ZONE_US, ...DIRECT_DATA_ZONE_EU] },
    note: `DataZoneStandard in the EU and US data zones per ${DIRECT_DATA_ZONE.location} (${DIRECT_DATA_ZONE.date}). ${UNLISTED_SKUS}`,
  }),
  direct("DeepSeek", "DeepSeek-V4-Pro", "2026-04-23", "GA", "2028-02-20", { note: UNLISTED_SKUS }),
  direct("DeepSeek", "DeepSeek-V4-Flash", "2026-04-23", "GA", "2028-02-20", { replacement: "DeepSeek-V4-Flash-0731", note: UNLISTED_SKUS }),
  direct("DeepSeek", "DeepSeek-R1", "1", "Retired", "2026-08-13", {
    replacement: "DeepSeek-V4-Pro",
    skus: ["GlobalStandard", "GlobalProvisionedManaged"],
    skuSource: DIRECT_GLOBAL_PROVISIONED,
    skuRegions: { GlobalStandard: DIRECT_GLOBAL_STANDARD_REGIONS, GlobalProvisionedManaged: DIRECT_GLOBAL_PROVISIONED_REGIONS },
    note: `GlobalStandard per ${DIRECT_GLOBAL_STANDARD.location} (${DIRECT_GLOBAL_STANDARD.date}).`,
  }),
  direct("DeepSeek", "DeepSeek-V3.1", "1", "Retired", "2026-07-13", {
    replacement: "DeepSeek-V4-Flash",
    skus: ["GlobalStandard"],
    skuSource: DIRECT_GLOBAL_STANDARD,
    skuRegions: { GlobalStandard: DIRECT_GLOBAL_STANDARD_REGIONS },
  }),
  direct("xAI", "grok-4", "1", "GA", undefined, {
    skus: ["GlobalStandard"],
    skuSource: DIRECT_GLOBAL_STANDARD,
    skuRegions: { GlobalStandard: DIRECT_GLOBAL_STANDARD_REGIONS },
    note:
      `GlobalStandard only: not in the data-zone (${DIRECT_DATA_ZONE.date}) or global provisioned (${DIRECT_GLOBAL_PROVISIONED.date}) matrices. ` +
      'Registration is required for access (models page, 2026-10-05), which names the provider "SpaceXAI"; the format stays "xAI" ' +
      "in every deployment example read (could not confirm a change).",
  }),
  direct("xAI", "grok-4-1-fast-reasoning", "1", "GA", undefined, {
    skuRegions: { DataZoneStandard: DIRECT_DATA_ZONE_US },
    note:
      `DataZoneStandard in the US data zone only per ${DIRECT_DATA_ZONE.location} (${DIRECT_DATA_ZONE.date}). ${UNLISTED_SKUS} ` +
      'The 2026-10-05 models page spells it "grok-4.1-fast-reasoning"; the schedule and the matrix "grok-4-1-fast-reasoning".',
  }),
  direct("xAI", "grok-3", "1", "Retired", "2026-05-01", {
    replacement: "grok-4",
    skus: ["GlobalStandard", "DataZoneStandard"],
    skuSource: DIRECT_DATA_ZONE,
    skuRegions: { GlobalStandard: DIRECT_GLOBAL_STANDARD_REGIONS, DataZoneStandard: DIRECT_DATA_ZONE_US },
    note: `GlobalStandard per ${DIRECT_GLOBAL_STANDARD.location} (${DIRECT_GLOBAL_STANDARD.date}).`,
  }),
];

/**
 * Model versions with their lifecycle and the SKUs they are offered on: every Azure OpenAI model
 * this repository mentions, their replacements and neighbours, and {@link FOUNDRY_DIRECT_MODELS}. Dates are Microsoft's (see
 * {@link MODEL_CATALOG_SOURCE_DATE}); how to update it: docs/evidence/model-lifecycle.md.
 */
export const MODEL_LIFECYCLE_CATALOG: readonly ModelLifecycleEntry[] = [
  entry("gpt-4.1", "2025-04-14", "Legacy", "2027-04-14", ALL_SKUS, {
    deprecationDate: "2026-04-14",
    note: `Deprecation date from ${RETIREMENT_TABLE_2025.location}. ${LATER_DATE_NOTE}`,
  }),
  entry("gpt-4.1-mini", "2025-04-14", "Legacy", "2027-04-14", ALL_SKUS, {
    deprecationDate: "2026-04-14",
    note: `Deprecation date from ${RETIREMENT_TABLE_2025.location}. ${LATER_DATE_NOTE}`,
  }),
  entry("gpt-4.1-nano", "2025-04-14", "Legacy", "2027-04-14", NO_STANDARD, {
    deprecationDate: "2026-04-14",
    note: `Deprecation date from ${RETIREMENT_TABLE_2025.location}. ${LATER_DATE_NOTE}`,
  }),
  entry("gpt-4o", "2024-05-13", "Deprecated", "2026-10-01", DEPLOYMENT_SKUS.filter((s) => s !== "DataZoneBatch"), {
    replacement: "gpt-5.1",
  }),
  entry("gpt-4o", "2024-08-06", "Deprecated", "2027-04-14", ALL_SKUS, { replacement: "gpt-5.1" }),
  entry("gpt-4o", "2024-11-20", "Legacy", "2027-04-14", ALL_SKUS, { replacement: "gpt-5.1" }),
  entry("gpt-4o-mini", "2024-07-18", "Deprecated", "2027-04-14", ALL_SKUS),
  entry("o3", "2025-04-16", "GA", "2026-10-21", NO_STANDARD, { replacement: "gpt-5.6-sol" }),
  entry("o4-mini", "2025-04-16", "Deprecated", "2026-10-16", ALL_SKUS),
  entry("gpt-5", "2025-08-07", "GA", "2027-02-09", NO_STANDARD, {
    deprecationDate: "2026-08-07",
    note: `Deprecation date from ${RETIREMENT_TABLE_2025.location}. ${LATER_DATE_NOTE}`,
  }),
  entry("gpt-5-mini", "2025-08-07", "GA", "2027-02-09", GPT_5_4_SKUS, {
    deprecationDate: "2026-08-07",
    note: `Deprecation date from ${RETIREMENT_TABLE_2025.location}. ${LATER_DATE_NOTE}`,
  }),
  entry("gpt-5-nano", "2025-08-07", "GA", "2027-02-09", STANDARD_TOKEN_ONLY, {
    deprecationDate: "2026-08-07",
    note: `Deprecation date from ${RETIREMENT_TABLE_2025.location}. ${LATER_DATE_NOTE}`,
  }),
  entry("gpt-5.1", "2025-11-13", "GA", "2027-05-15", ALL_SKUS, {
    deprecationDate: "2026-11-13",
    note: `Deprecation date from ${RETIREMENT_TABLE_2025.location}; the retirement date is the same on both pages.`,
  }),
  entry("gpt-5.2", "2025-12-11", "GA", "2027-06-08", GPT_5_4_SKUS, {
    note: LATER_DATE_NOTE,
    newCustomerDoubt: newCustomerDoubt("gpt-5.2", "2025-12-11", "2026-06-12", "2026-12-12", "2027-06-08"),
  }),
  entry("gpt-5.4", "2026-03-05", "GA", "2027-09-02", GPT_5_4_SKUS, {
    note:
      `${LATER_DATE_NOTE} Deprecation (no new customers): ${RETIREMENT_TABLE_2025.location} says 2026-09-05; the 2026-09-02 page ` +
      "publishes none; the lifecycle page's 12 months would give 2027-03-05. Could not confirm which holds: see newCustomerDoubt.",
    newCustomerDoubt: newCustomerDoubt("gpt-5.4", "2026-03-05", "2026-09-05", "2027-03-05", "2027-09-02"),
  }),
  entry("gpt-5.4-mini", "2026-03-17", "GA", "2027-09-21", STANDARD_TOKEN_ONLY, {
    note: LATER_DATE_NOTE,
    newCustomerDoubt: newCustomerDoubt("gpt-5.4-mini", "2026-03-17", "2026-09-18", "2027-03-18", "2027-09-21"),
  }),
  entry("gpt-5.4-nano", "2026-03-17", "GA", "2027-09-21", STANDARD_TOKEN_ONLY, {
    note: LATER_DATE_NOTE,
    newCustomerDoubt: newCustomerDoubt("gpt-5.4-nano", "2026-03-17", "2026-09-18", "2027-03-18", "2027-09-21"),
  }),
  entry("gpt-5.5", "2026-04-24", "GA", "2027-10-26", GPT_5_4_SKUS, {
    note: LATER_DATE_NOTE,
    newCustomerDoubt: newCustomerDoubt("gpt-5.5", "2026-04-24", "2026-10-24", "2027-04-24", "2027-10-26"),
  }),
  // The 2026-09-02 schedule lists version 2026-07-09; Microsoft's reasoning-models page (ms.date
  // 2026-07-29) shows 2026-06-25. No availability matrix with gpt-5.6 was found: SKUs unknown.
  entry("gpt-5.6-sol", "2026-07-09", "GA", "2028-01-11", undefined),
  entry("gpt-5.6-terra", "2026-07-09", "GA", "2028-01-11", undefined),
  entry("gpt-5.6-luna", "2026-07-09", "GA", "2028-01-11", undefined),
  entry("text-embedding-3-large", "1", "GA", "2028-02-09", EMBEDDING_SKUS),
  entry("text-embedding-3-small", "1", "GA", "2028-02-09", EMBEDDING_SKUS),
  entry("text-embedding-ada-002", "2", "GA", "2028-02-09", EMBEDDING_SKUS),
  ...FOUNDRY_DIRECT_MODELS,
];

/** What a lifecycle check found: `retired` fails the synth, the others warn or pass. */
export type ModelLifecycleVerdict = "retired" | "retiring" | "notForNewCustomers" | "preview" | "unknown" | "ok";

/** The result of {@link checkModelLifecycle}. */
export interface ModelLifecycleFinding {
  /** The verdict. */
  readonly verdict: ModelLifecycleVerdict;
  /**
   * The catalog entry.
   * @default - none (verdict `unknown`)
   */
  readonly entry?: ModelLifecycleEntry;
  /**
   * Days from `today` to the retirement date (negative once retired).
   * @default - no retirement date
   */
  readonly daysToRetirement?: number;
  /** A sentence for the user: what, since or until when, per which page. */
  readonly message: string;
  /**
   * A doubt the user should know about even when the verdict passes: Microsoft's pages disagree
   * on whether the version still takes new customers ({@link ModelLifecycleEntry.newCustomerDoubt}),
   * from its date on.
   * @default - none
   */
  readonly caveat?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The catalog entry for a model version, if the catalog knows it. */
export function findModelLifecycle(
  model: string,
  version: string,
  catalog: readonly ModelLifecycleEntry[] = MODEL_LIFECYCLE_CATALOG,
): ModelLifecycleEntry | undefined {
  return catalog.find((e) => e.model === model && e.version === version);
}

function cite(e: ModelLifecycleEntry): string {
  return `(${e.source.title}, ${e.source.date})`;
}

function suggestion(e: ModelLifecycleEntry, today: string, catalog: readonly ModelLifecycleEntry[]): string {
  const live = catalog.filter(
    (c) => c.model === e.model && c.status !== "Retired" && (c.retirementDate === undefined || daysBetween(today, c.retirementDate) > 0),
  );
  if (live.length > 0) return `a version that is not retired: ${live.map((c) => c.version).join(", ")}`;
  return e.replacement ? `Microsoft's replacement ${e.replacement}` : "a current model (see MODEL_LIFECYCLE_CATALOG)";
}

/**
 * Checks a model version against the catalog as of `today` (ISO `YYYY-MM-DD`): `retired` on or
 * after its retirement date, `retiring` within {@link RETIREMENT_WARNING_DAYS} of it,
 * `notForNewCustomers` when deprecated or legacy, `preview` for preview versions, `unknown` when
 * the catalog does not list it (newer than the catalog, or a typo), else `ok`.
 */
export function checkModelLifecycle(
  model: string,
  version: string,
  today: string,
  catalog: readonly ModelLifecycleEntry[] = MODEL_LIFECYCLE_CATALOG,
): ModelLifecycleFinding {
  const found = findModelLifecycle(model, version, catalog);
  if (!found) {
    return {
      verdict: "unknown",
      message:
        `${model} ${version} is not in the model lifecycle catalog (source date ${MODEL_CATALOG_SOURCE_DATE}): ` +
        "its retirement date is not checked; confirm it on Microsoft's model retirement schedule",
    };
  }
  const days = found.retirementDate === undefined ? undefined : daysBetween(today, found.retirementDate);
  const doubt = found.newCustomerDoubt;
  const caveat =
    doubt && daysBetween(today, doubt.date) <= 0 ? `${model} ${version}: ${doubt.conflict}; ${doubt.advice}` : undefined;
  const base = { entry: found, daysToRetirement: days, ...(caveat ? { caveat } : {}) };
  if (found.status === "Retired" || (days !== undefined && days <= 0)) {
    const since = found.retirementDate ? ` on ${found.retirementDate}` : "";
    return {
      ...base,
      verdict: "retired",
      message: `${model} ${version} retired${since} ${cite(found)}; Azure refuses its deployments. Use ${suggestion(found, today, catalog)}`,
    };
  }
  if (days !== undefined && days <= RETIREMENT_WARNING_DAYS) {
    return {
      ...base,
      verdict: "retiring",
      message: `${model} ${version} retires on ${found.retirementDate}, in ${days} days ${cite(found)}: plan the move to a newer version`,
    };
  }
  const deprecated = found.deprecationDate !== undefined && daysBetween(today, found.deprecationDate) <= 0;
  if (found.status === "Deprecated" || found.status === "Legacy" || deprecated) {
    const since = found.deprecationDate ? ` since ${found.deprecationDate}` : "";
    return {
      ...base,
      verdict: "notForNewCustomers",
      message:
        `${model} ${version} is ${found.status === "GA" ? "deprecated" : found.status.toLowerCase()}${since} ${cite(found)}: ` +
        `subscriptions that never deployed it cannot deploy it; it retires on ${found.retirementDate ?? "(no date)"}`,
    };
  }
  if (found.status === "Preview") {
    return {
      ...base,
      verdict: "preview",
      message: `${model} ${version} is a preview version ${cite(found)}; it retires on ${found.retirementDate ?? "(no date)"}`,
    };
  }
  return { ...base, verdict: "ok", message: `${model} ${version} is ${found.status} until ${found.retirementDate ?? "(no date)"}` };
}

/**
 * The format the catalog gives every version of `model` (`OpenAI` for entries without one), or
 * `undefined` when the catalog does not know the model or its versions disagree.
 */
export function catalogModelFormat(model: string, catalog: readonly ModelLifecycleEntry[] = MODEL_LIFECYCLE_CATALOG): string | undefined {
  const formats = new Set(catalog.filter((e) => e.model === model).map((e) => e.format ?? "OpenAI"));
  return formats.size === 1 ? [...formats][0] : undefined;
}

/**
 * The SKUs a known model version is offered on, when the catalog knows them and `sku` is not
 * among them; `undefined` when the SKU is fine or nothing is known.
 */
export function unofferedSku(
  model: string,
  version: string,
  sku: string,
  catalog: readonly ModelLifecycleEntry[] = MODEL_LIFECYCLE_CATALOG,
): readonly DeploymentSku[] | undefined {
  const found = findModelLifecycle(model, version, catalog);
  if (!found?.skus) return undefined;
  return found.skus.includes(sku as DeploymentSku) ? undefined : found.skus;
}

/**
 * "Today" for lifecycle checks, ISO `YYYY-MM-DD`: `override` if given, else the context value
 * {@link SYNTH_DATE_CONTEXT_KEY}, else the current UTC date. Returns what was configured, unchecked;
 * validate it with {@link isIsoDate}.
 */
export function lifecycleToday(scope: Construct, override?: string): string {
  if (override !== undefined) return override;
  const fromContext: unknown = scope.node.tryGetContext(SYNTH_DATE_CONTEXT_KEY);
  if (fromContext !== undefined && fromContext !== null) return String(fromContext);
  return new Date().toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Provisioned throughput (PTU) sizes: the smallest deployment and the step it grows by.

/** The page the PTU minimums and increments come from. */
export const PTU_SIZES_SOURCE: ModelLifecycleSource = {
  title: "Understanding costs associated with provisioned throughput units (PTU) (model tables)",
  location: "MicrosoftDocs/azure-ai-docs: articles/ai-foundry/openai/how-to/provisioned-throughput-onboarding.md @ 02c7e5ecaf3a56f40e1012a56a399b5dcde21e51",
  date: "2025-08-14",
};

/** Minimum and increment of a provisioned deployment of one model, in PTUs. */
export interface PtuSize {
  /** The smallest deployment. */
  readonly minimum: number;
  /** The deployment grows in steps of this many PTUs. */
  readonly increment: number;
}

/** PTU sizes of one model: global and data zone provisioned share one row, regional its own. */
export interface PtuSizeEntry {
  /** Model name (`gpt-4.1`); the source gives no version, so every version shares the row. */
  readonly model: string;
  /** `GlobalProvisionedManaged` and `DataZoneProvisionedManaged`. */
  readonly globalAndDataZone: PtuSize;
  /**
   * `ProvisionedManaged` (regional).
   * @default - not offered regionally (the source says NA)
   */
  readonly regional?: PtuSize;
}

const ptu = (model: string, globalMin: number, globalStep: number, regional?: [number, number]): PtuSizeEntry => ({
  model,
  globalAndDataZone: { minimum: globalMin, increment: globalStep },
  regional: regional ? { minimum: regional[0], increment: regional[1] } : undefined,
});

/** PTU minimums and increments per model, from {@link PTU_SIZES_SOURCE}. A model not listed is not checked. */
export const PTU_SIZES: readonly PtuSizeEntry[] = [
  ptu("gpt-5", 15, 5, [50, 50]),
  ptu("o4-mini", 15, 5, [25, 25]),
  ptu("gpt-4.1", 15, 5, [50, 50]),
  ptu("gpt-4.1-mini", 15, 5, [25, 25]),
  ptu("gpt-4.1-nano", 15, 5, [25, 25]),
  ptu("o3", 15, 5, [50, 50]),
  ptu("o3-mini", 15, 5, [25, 25]),
  // The source's "previous models" table: o1 regional minimum 25 with an increment of 50, as
  // printed; whether 75 or only 50, 100, ... follow is not stated, so both pass.
  ptu("o1", 15, 5, [25, 50]),
  ptu("gpt-4o", 15, 5, [50, 50]),
  ptu("gpt-4o-mini", 15, 5, [25, 25]),
  ptu("DeepSeek-R1", 100, 100),
  ptu("DeepSeek-V3-0324", 100, 100),
  ptu("DeepSeek-R1-0528", 100, 100),
];

/**
 * The PTU size rule of `model` on the provisioned `sku`: `undefined` when the catalog does not
 * know the model, `"not-offered"` when the source lists no regional size for it.
 */
export function ptuSize(model: string, sku: DeploymentSku, catalog: readonly PtuSizeEntry[] = PTU_SIZES): PtuSize | "not-offered" | undefined {
  const entry = catalog.find((e) => e.model.toLowerCase() === model.toLowerCase());
  if (!entry) return undefined;
  if (sku === "ProvisionedManaged") return entry.regional ?? "not-offered";
  return entry.globalAndDataZone;
}

/**
 * What is wrong with `capacity` PTUs of `model` on the provisioned `sku`, as an `allowed:` rule,
 * or `undefined` (also for a model the catalog does not know).
 */
export function ptuCapacityProblem(model: string, sku: DeploymentSku, capacity: number): string | undefined {
  const size = ptuSize(model, sku);
  if (size === undefined || size === "not-offered") return undefined;
  // Where the minimum is no multiple of the increment (o1 regional), either reading passes.
  if (capacity >= size.minimum && (capacity % size.increment === 0 || (capacity - size.minimum) % size.increment === 0)) return undefined;
  const next = capacity < size.minimum ? size.minimum : size.minimum + Math.ceil((capacity - size.minimum) / size.increment) * size.increment;
  return (
    `allowed: at least ${size.minimum} PTUs in steps of ${size.increment} (${size.minimum}, ${size.minimum + size.increment}, ${size.minimum + 2 * size.increment}, ...) ` +
    `for ${model} on ${sku}, for example ${next}; source: ${PTU_SIZES_SOURCE.title}, ${PTU_SIZES_SOURCE.date}`
  );
}
