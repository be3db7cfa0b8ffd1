/**
 * Azure OpenAI regions as data. Source: ../shared/AZURE-FACTS.md ("Regions with Azure OpenAI,
 * and data zones (2026)"), itself from Microsoft's model-availability and data-zone pages.
 * Model availability still differs per region and SKU; this catalog answers where a region is
 * and which data zone it belongs to, not which models it serves.
 */
export const REGION_CATALOG_SOURCE_DATE = "2026-11-01";

/** Azure geography a region belongs to. */
export type Geography = "Americas" | "Europe" | "AsiaPacific" | "MiddleEastAfrica";

/** Azure OpenAI data zones: DataZone* deployments process data only inside their zone. */
export type DataZone = "EU" | "US";

/** One Azure OpenAI region. */
export interface RegionInfo {
  /** Azure location name, as azurerm expects it. */
  readonly name: string;
  /** Short code used in resource names (2-4 lowercase letters or digits). */
  readonly code: string;
  /** Geography the region is in. */
  readonly geography: Geography;
  /** Data zone, or undefined where the region belongs to none. */
  readonly dataZone?: DataZone;
}

const region = (name: string, code: string, geography: Geography, dataZone?: DataZone): RegionInfo => ({
  name,
  code,
  geography,
  dataZone,
});

/** Every region that offers Azure OpenAI, keyed by location name. */
export const OPENAI_REGIONS: Readonly<Record<string, RegionInfo>> = Object.freeze(
  Object.fromEntries(
    [
      region("brazilsouth", "brs", "Americas"),
      region("canadacentral", "cac", "Americas"),
      region("canadaeast", "cae", "Americas"),
      region("centralus", "cus", "Americas", "US"),
      region("eastus", "eus", "Americas", "US"),
      region("eastus2", "eus2", "Americas", "US"),
      region("northcentralus", "ncus", "Americas", "US"),
      region("southcentralus", "scus", "Americas", "US"),
      region("westus", "wus", "Americas", "US"),
      region("westus3", "wus3", "Americas", "US"),
      region("francecentral", "frc", "Europe", "EU"),
      region("germanywestcentral", "gwc", "Europe", "EU"),
      region("italynorth", "itn", "Europe", "EU"),
      region("norwayeast", "noe", "Europe"),
      region("polandcentral", "plc", "Europe", "EU"),
      region("spaincentral", "spc", "Europe", "EU"),
      region("swedencentral", "sdc", "Europe", "EU"),
      region("switzerlandnorth", "szn", "Europe"),
      region("switzerlandwest", "szw", "Europe"),
      region("uksouth", "uks", "Europe"),
      region("westeurope", "weu", "Europe", "EU"),
      region("australiaeast", "aue", "AsiaPacific"),
      region("japaneast", "jpe", "AsiaPacific"),
      region("koreacentral", "krc", "AsiaPacific"),
      region("southeastasia", "sea", "AsiaPacific"),
      region("southindia", "ins", "AsiaPacific"),
      region("southafricanorth", "san", "MiddleEastAfrica"),
      region("uaenorth", "uan", "MiddleEastAfrica"),
    ].map((r) => [r.name, r]),
  ),
);

/**
 * The catalog entry for a location, or undefined when Azure OpenAI is not offered there. Only
 * the catalog's own entries count: `constructor`, `__proto__` or `toString` are not regions.
 */
export function findRegion(location: string): RegionInfo | undefined {
  return typeof location === "string" && Object.hasOwn(OPENAI_REGIONS, location) ? OPENAI_REGIONS[location] : undefined;
}

/** Every location name in the catalog, for error messages. */
export function knownRegionNames(): string[] {
  return Object.keys(OPENAI_REGIONS);
}
