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

/**
 * Azure OpenAI model versions with their lifecycle and the SKUs they are offered on: every model
 * this repository mentions, their replacements and neighbours. Dates are Microsoft's (see
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
  entry("gpt-5.2", "2025-12-11", "GA", "2027-06-08", GPT_5_4_SKUS, { note: LATER_DATE_NOTE }),
  entry("gpt-5.4", "2026-03-05", "GA", "2027-09-02", GPT_5_4_SKUS, {
    note: `${LATER_DATE_NOTE} Deprecation (no new customers) date not published on the 2026-09-02 page.`,
  }),
  entry("gpt-5.4-mini", "2026-03-17", "GA", "2027-09-21", STANDARD_TOKEN_ONLY, { note: LATER_DATE_NOTE }),
  entry("gpt-5.4-nano", "2026-03-17", "GA", "2027-09-21", STANDARD_TOKEN_ONLY, { note: LATER_DATE_NOTE }),
  entry("gpt-5.5", "2026-04-24", "GA", "2027-10-26", GPT_5_4_SKUS, { note: LATER_DATE_NOTE }),
  // The 2026-09-02 schedule lists version 2026-07-09; Microsoft's reasoning-models page (ms.date
  // 2026-07-29) shows 2026-06-25. No availability matrix with gpt-5.6 was found: SKUs unknown.
  entry("gpt-5.6-sol", "2026-07-09", "GA", "2028-01-11", undefined),
  entry("gpt-5.6-terra", "2026-07-09", "GA", "2028-01-11", undefined),
  entry("gpt-5.6-luna", "2026-07-09", "GA", "2028-01-11", undefined),
  entry("text-embedding-3-large", "1", "GA", "2028-02-09", EMBEDDING_SKUS),
  entry("text-embedding-3-small", "1", "GA", "2028-02-09", EMBEDDING_SKUS),
  entry("text-embedding-ada-002", "2", "GA", "2028-02-09", EMBEDDING_SKUS),
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
  const base = { entry: found, daysToRetirement: days };
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
