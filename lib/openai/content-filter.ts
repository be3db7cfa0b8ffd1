import { CognitiveAccountRaiPolicy } from "@cdktf/provider-azurerm/lib/cognitive-account-rai-policy";
import { Construct } from "constructs";
import { addPropChecks } from "../core/validation";
import type { IOpenAiAccount } from "./openai-account-ref";
import { PropKeys } from "../core/known-props";

/** Severity from which content is blocked: `Low` blocks the most, `High` the least. */
export type SeverityThreshold = "Low" | "Medium" | "High";

/**
 * The harm categories Azure OpenAI scores on prompts and completions, spelt as the RAI policy
 * API spells them (`Selfharm`, not `SelfHarm`: Microsoft.CognitiveServices 2025-06-01 examples
 * PutRaiPolicy.json / GetRaiPolicy.json). The provider compares `content_filter.name` exactly,
 * so another spelling is either refused or read back as a change on every plan. The order is
 * the example's too (Hate, Sexual, Selfharm, Violence): Read returns the list in Azure's order.
 */
export const HARM_CATEGORIES = ["Hate", "Sexual", "Selfharm", "Violence"] as const;

/** One of {@link HARM_CATEGORIES}. */
export type HarmCategory = (typeof HARM_CATEGORIES)[number];

/**
 * The prompt shields and protected-material filters, as the RAI policy API names them, with the
 * source each one screens: user prompt attacks (`Jailbreak`) and document attacks
 * (`Indirect Attack`) on the prompt, protected text and code on the completion. Names and sources
 * of Jailbreak and both Protected Material filters: Microsoft.CognitiveServices 2025-06-01 example
 * PutRaiPolicy.json; `Indirect Attack` (source Prompt) is not in that example, see
 * docs/evidence/security-pack.md. Azure echoes the binary filters after the harm categories.
 */
export const SHIELD_FILTERS = [
  { name: "Jailbreak", source: "Prompt" },
  { name: "Indirect Attack", source: "Prompt" },
  { name: "Protected Material Text", source: "Completion" },
  { name: "Protected Material Code", source: "Completion" },
] as const;

/** One of the {@link SHIELD_FILTERS} names. */
export type ShieldFilterName = (typeof SHIELD_FILTERS)[number]["name"];

/**
 * Filters whose severity Azure ignores and does not return (azurerm#28653; the 2025-06-01
 * PutRaiPolicy.json response has no `severityThreshold` on them). The provider still requires
 * `severity_threshold` and accepts only Low, Medium or High (azurerm v4.55.0
 * cognitive_account_rai_policy_resource.go:89-93), so the value Azure echoes (none, read as "")
 * cannot be written: the policy ignores changes to exactly these entries' severity.
 */
const SEVERITY_IGNORED_FILTERS: readonly string[] = SHIELD_FILTERS.map((f) => f.name);

/** Severity written for filters in {@link SEVERITY_IGNORED_FILTERS}: required by the provider, ignored by Azure. */
const IGNORED_SEVERITY: SeverityThreshold = "High";

/** A content filter (RAI policy) for an account's deployments. */
export interface ContentFilterOptions {
  /**
   * Policy name, referenced by the deployments.
   * @default "strict"
   */
  readonly name?: string;
  /**
   * Blocking threshold for every harm category, on prompts and completions. Microsoft.Default
   * blocks from Medium; `Low` is stricter.
   * @default "Medium"
   */
  readonly severityThreshold?: SeverityThreshold;
  /**
   * Per-category thresholds that override `severityThreshold`. The key `SelfHarm` (this
   * library's spelling before 2026-12) is still accepted and means `Selfharm`.
   * @default - none
   */
  readonly categoryThresholds?: Partial<Record<HarmCategory | "SelfHarm", SeverityThreshold>>;
  /**
   * Block prompts detected as jailbreak attempts (prompt shields).
   * @default true
   */
  readonly blockJailbreak?: boolean;
  /**
   * Block prompts whose documents (grounding data, tool results, emails) carry instructions
   * for the model: prompt shields for document attacks, filter `Indirect Attack`.
   * @default true
   */
  readonly blockIndirectAttacks?: boolean;
  /**
   * Block completions that match known protected text or public code (filters
   * `Protected Material Text` and `Protected Material Code`).
   * @default true
   */
  readonly blockProtectedMaterial?: boolean;
}

/** Props of {@link ContentFilter}. */
export interface ContentFilterProps extends ContentFilterOptions {
  /** The account whose deployments the filter serves; the filter joins its operation chain. */
  readonly account: IOpenAiAccount;
}

const SEVERITIES: readonly SeverityThreshold[] = ["Low", "Medium", "High"];

/** The props ContentFilter accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const CONTENT_FILTER_PROP_KEYS: PropKeys<ContentFilterProps> = { account: true, name: true, severityThreshold: true, categoryThresholds: true, blockJailbreak: true, blockIndirectAttacks: true, blockProtectedMaterial: true };

/**
 * An `azurerm_cognitive_account_rai_policy` based on Microsoft.Default with every harm filter
 * on and blocking, on prompts and completions, prompt shields for user prompt and document
 * attacks, and the protected-material filters for text and code. It joins the
 * account's operation chain; create it before the deployments that reference it.
 */
export class ContentFilter extends Construct {
  /** The `azurerm_cognitive_account_rai_policy` resource (also `node.defaultChild`). */
  public readonly resource: CognitiveAccountRaiPolicy;
  /** Name to put in a deployment's `rai_policy_name`. */
  public readonly policyName: string;

  constructor(scope: Construct, id: string, props: ContentFilterProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, CONTENT_FILTER_PROP_KEYS));
    this.policyName = props.name ?? "strict";
    const thresholds = props.categoryThresholds ?? {};
    const threshold = (category: HarmCategory) =>
      thresholds[category] ?? (category === "Selfharm" ? thresholds.SelfHarm : undefined) ?? props.severityThreshold ?? "Medium";

    addPropChecks(this, (c) => {
      c.matches("name", props.name, /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,63}$/, "1-64 letters, digits, '-' or '_'");
      c.oneOf("severityThreshold", props.severityThreshold, SEVERITIES);
      for (const [category, value] of Object.entries(props.categoryThresholds ?? {})) {
        c.oneOf(`categoryThresholds.${category}`, value as SeverityThreshold, SEVERITIES);
        if (!(HARM_CATEGORIES as readonly string[]).includes(category) && category !== "SelfHarm") {
          c.fail("categoryThresholds", category, `allowed: ${HARM_CATEGORIES.join(", ")}`);
        }
      }
    });

    const harmFilters = HARM_CATEGORIES.flatMap((category) =>
      (["Prompt", "Completion"] as const).map((source) => ({
        name: category,
        filterEnabled: true,
        blockEnabled: true,
        severityThreshold: threshold(category),
        source,
      })),
    );
    const shields = enabledShields(props).map((f) => ({ name: f.name, filterEnabled: true, blockEnabled: true, severityThreshold: IGNORED_SEVERITY, source: f.source }));
    // Same order as Azure echoes it (category by category, Prompt then Completion): the
    // provider reads `content_filter` back as a list, so the order is part of the comparison.
    const filters = [...harmFilters, ...shields];
    const ignored = filters
      .map((f, i) => (SEVERITY_IGNORED_FILTERS.includes(f.name) ? `content_filter[${i}].severity_threshold` : undefined))
      .filter((p): p is string => p !== undefined);

    this.resource = new CognitiveAccountRaiPolicy(this, "resource", {
      name: this.policyName,
      cognitiveAccountId: props.account.accountId,
      basePolicyName: "Microsoft.Default",
      contentFilter: filters,
      // Only the severity of the filters Azure drops it from; every other field stays compared.
      lifecycle: ignored.length > 0 ? { ignoreChanges: ignored } : undefined,
    });
    this.node.defaultChild = this.resource;
    props.account.chainOperation(this.resource);
  }
}

/** The shield filters the options leave on, in {@link SHIELD_FILTERS} order. */
export function enabledShields(options: ContentFilterOptions): (typeof SHIELD_FILTERS)[number][] {
  const on: Record<ShieldFilterName, boolean> = {
    Jailbreak: options.blockJailbreak ?? true,
    "Indirect Attack": options.blockIndirectAttacks ?? true,
    "Protected Material Text": options.blockProtectedMaterial ?? true,
    "Protected Material Code": options.blockProtectedMaterial ?? true,
  };
  return SHIELD_FILTERS.filter((f) => on[f.name]);
}
