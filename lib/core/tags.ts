import { PropChecks } from "./validation";

/**
 * The tags every resource of the library carries, so cost, ownership and residency are
 * queryable. The values are written into Terraform strings as they are: check them with
 * {@link checkGovernanceTags}, which refuses `${` and `%{` in them.
 */
export interface GovernanceTagProps {
  /** Environment name, for example `prod`. */
  readonly environment: string;
  /** Team or person accountable for the resource (an email or a team name). */
  readonly owner: string;
  /** Data-residency promise the resource keeps, for example `eu`. */
  readonly dataResidency: string;
  /** Workload name. @default - no workload tag */
  readonly workload?: string;
}

/** Tag names the library sets itself; a caller's tag of the same name (in any case) is dropped. */
export const RESERVED_TAG_NAMES: readonly string[] = Object.freeze(["environment", "owner", "data-residency", "workload", "managed-by", "application"]);

/**
 * Azure's tag limits (Microsoft Learn, "Tag resources, resource groups, and subscriptions",
 * limitations section): at most 50 tag name/value pairs per resource, names at most 512
 * characters (128 on storage accounts) and without `<`, `>`, `%`, `&`, `\`, `?` or `/`, values
 * at most 256 characters, names case-insensitive.
 */
export const TAG_LIMITS = Object.freeze({
  maxTags: 50,
  maxNameLength: 512,
  /** Storage accounts, which every environment has (the archives), allow only 128. */
  maxStorageNameLength: 128,
  maxValueLength: 256,
  forbiddenNameCharacters: "<>%&\\?/",
});

/** Most tags a caller may add: Azure's 50 less the ones the library sets. */
export const MAX_USER_TAGS = TAG_LIMITS.maxTags - RESERVED_TAG_NAMES.length;

/**
 * Reports tag text Terraform would not take as written: `${` or `%{` (an interpolation or a
 * directive) in a governance tag or in a caller's tag name or value, and strings that look
 * like tokens but are none of this app's. Tokens of this app are accepted as values. Refused
 * rather than escaped, as the environment config refuses them: the tag an auditor queries
 * must be the text the user wrote. Call it from the construct's checks beside
 * {@link governanceTags}; `prefix` is prepended to the prop names (for example `tags`).
 */
export function checkGovernanceTags(c: PropChecks, props: GovernanceTagProps, extra: Readonly<Record<string, string>> = {}): void {
  c.literalText("environment", props.environment);
  c.literalText("owner", props.owner);
  c.literalText("dataResidency", props.dataResidency);
  c.literalText("workload", props.workload);
  for (const [name, value] of Object.entries(extra ?? {})) {
    c.literalText(`tags[${JSON.stringify(name)}] (the name)`, name, { tokens: false });
    c.literalText(`tags[${JSON.stringify(name)}]`, value);
  }
}

/**
 * Tags for a resource: the caller's own tags first, then the governance tags, which win so
 * that a stray user tag cannot hide the environment, owner or residency. A caller's tag whose
 * name differs from a governance tag only in case is dropped too: Azure tag names are
 * case-insensitive, and two of them would make Azure reject the resource. The values are
 * written as given: report bad text with {@link checkGovernanceTags} in the construct's checks.
 */
export function governanceTags(props: GovernanceTagProps, extra: Record<string, string> = {}): Record<string, string> {
  const governance: Record<string, string> = {
    environment: props.environment,
    owner: props.owner,
    "data-residency": props.dataResidency,
    ...(props.workload ? { workload: props.workload } : {}),
    "managed-by": "cdktf",
  };
  const taken = new Set(Object.keys(governance).map((k) => k.toLowerCase()));
  const kept = Object.entries(extra).filter(([name]) => !taken.has(name.toLowerCase()));
  return { ...Object.fromEntries(kept), ...governance };
}
