import { findRegion } from "./region-catalog";

/** Kinds of resource the library names, each with Azure's own length and character rules. */
export type ResourceKind =
  | "resourceGroup"
  | "openAiAccount"
  | "privateEndpoint"
  | "virtualNetwork"
  | "subnet"
  | "logAnalyticsWorkspace"
  | "storageAccount"
  | "keyVault"
  | "userAssignedIdentity"
  | "actionGroup"
  | "apiManagement";

/** Azure's naming rule for one kind of resource. */
export interface NameRule {
  /** Abbreviation put at the end of the name. */
  readonly abbreviation: string;
  /** Pattern the full name must match (length included). */
  readonly pattern: RegExp;
  /** The rule in words, for error messages. */
  readonly description: string;
  /** Letters and digits only, no separators (storage accounts). */
  readonly compact?: boolean;
}

const ALNUM_HYPHEN = (min: number, max: number) =>
  new RegExp(`^(?=.{${min},${max}}$)[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?$`);

/** Azure's name rules per kind (the strictest of the documented ones where they differ). */
export const NAME_RULES: Readonly<Record<ResourceKind, NameRule>> = {
  resourceGroup: {
    abbreviation: "rg",
    pattern: /^(?=.{1,90}$)[-\w.()]*[-\w()]$/,
    description: "1-90 letters, digits, '-', '_', '.', '(' or ')', not ending in '.'",
  },
  openAiAccount: {
    abbreviation: "oai",
    pattern: ALNUM_HYPHEN(2, 64),
    description: "2-64 letters, digits or hyphens, starting and ending with a letter or digit",
  },
  privateEndpoint: {
    abbreviation: "pe",
    pattern: /^(?=.{2,64}$)[a-zA-Z0-9][-\w.]*\w$/,
    description: "2-64 letters, digits, '-', '_' or '.', starting alphanumeric and ending alphanumeric or '_'",
  },
  virtualNetwork: {
    abbreviation: "vnet",
    pattern: /^(?=.{2,64}$)[a-zA-Z0-9][-\w.]*\w$/,
    description: "2-64 letters, digits, '-', '_' or '.', starting alphanumeric and ending alphanumeric or '_'",
  },
  subnet: {
    abbreviation: "snet",
    pattern: /^(?=.{1,80}$)[a-zA-Z0-9]([-\w.]*\w)?$/,
    description: "1-80 letters, digits, '-', '_' or '.', starting alphanumeric and ending alphanumeric or '_'",
  },
  logAnalyticsWorkspace: {
    abbreviation: "log",
    pattern: ALNUM_HYPHEN(4, 63),
    description: "4-63 letters, digits or hyphens, starting and ending with a letter or digit",
  },
  storageAccount: {
    abbreviation: "st",
    pattern: /^[a-z0-9]{3,24}$/,
    description: "3-24 lowercase letters or digits",
    compact: true,
  },
  keyVault: {
    abbreviation: "kv",
    pattern: /^(?=.{3,24}$)[a-zA-Z](?!.*--)[a-zA-Z0-9-]*[a-zA-Z0-9]$/,
    description: "3-24 letters, digits or single hyphens, starting with a letter and ending alphanumeric",
    // 24 characters leave no room for separators once workload, environment, region and suffix are in.
    compact: true,
  },
  userAssignedIdentity: {
    abbreviation: "id",
    pattern: /^(?=.{3,128}$)[a-zA-Z0-9][-\w]*$/,
    description: "3-128 letters, digits, '-' or '_', starting alphanumeric",
  },
  actionGroup: {
    abbreviation: "ag",
    pattern: /^(?=.{1,260}$)[^%&\\?/]+$/,
    description: "1-260 characters other than % & \\ ? /",
  },
  apiManagement: {
    abbreviation: "apim",
    pattern: /^(?=.{1,50}$)[a-zA-Z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/,
    description: "1-50 letters, digits or hyphens, starting with a letter and ending with a letter or digit",
  },
};

/** The parts every name is built from. */
export interface NamingProps {
  /** Short workload name, for example `chat`. Lowercase letters, digits and hyphens. */
  readonly workload: string;
  /** Environment name, for example `prod`. */
  readonly environment: string;
  /**
   * Appended to names that must be globally unique (OpenAI subdomains, storage accounts, key
   * vaults), for example a short organisation code.
   * @default - none
   */
  readonly uniqueSuffix?: string;
}

/** Where and what a name is for. */
export interface NameOptions {
  /** Azure location; its catalog code goes into the name. @default - no region part */
  readonly location?: string;
  /** Extra part that tells several resources of one kind apart, for example `audit`. @default - none */
  readonly qualifier?: string;
}

/** Kinds whose names are global across Azure and so carry the unique suffix. */
const GLOBALLY_UNIQUE: ReadonlySet<ResourceKind> = new Set(["openAiAccount", "storageAccount", "keyVault", "apiManagement"]);

/**
 * The one naming convention of the library: `<workload>-<env>-<region code>[-<qualifier>]-<type>[-<suffix>]`,
 * squeezed to lowercase letters and digits for kinds that allow nothing else.
 */
export class ResourceNaming {
  constructor(public readonly props: NamingProps) {}

  /**
   * `<workload>-<env>[-<region code>][-<qualifier>]`: the start every name of the convention
   * shares, for names of resources the convention has no kind for (metric alerts).
   */
  public stem(options: NameOptions = {}): string {
    const regionCode = options.location ? (findRegion(options.location)?.code ?? options.location) : undefined;
    return [this.props.workload, this.props.environment, regionCode, options.qualifier].filter((p): p is string => p !== undefined && p !== "").join("-");
  }

  /** The name of a resource of `kind`. Check it with {@link nameProblem} where it is used. */
  public name(kind: ResourceKind, options: NameOptions = {}): string {
    const rule = NAME_RULES[kind];
    const regionCode = options.location ? (findRegion(options.location)?.code ?? options.location) : undefined;
    const suffix = GLOBALLY_UNIQUE.has(kind) ? this.props.uniqueSuffix : undefined;
    const parts = [this.props.workload, this.props.environment, regionCode, options.qualifier, rule.abbreviation, suffix]
      .filter((p): p is string => p !== undefined && p !== "");
    return rule.compact ? parts.join("").toLowerCase().replace(/[^a-z0-9]/g, "") : parts.join("-");
  }
}

/** Why `name` breaks Azure's rule for `kind`, or undefined when it is fine. */
export function nameProblem(kind: ResourceKind, name: string): string | undefined {
  const rule = NAME_RULES[kind];
  return rule.pattern.test(name) ? undefined : `allowed: ${rule.description}`;
}
