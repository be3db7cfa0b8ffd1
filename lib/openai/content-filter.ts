import { CognitiveAccountRaiPolicy } from "@cdktf/provider-azurerm/lib/cognitive-account-rai-policy";
import { Construct } from "constructs";
import { addPropChecks } from "../core/validation";
import type { IOpenAiAccount } from "./openai-account-ref";

/** Severity from which content is blocked: `Low` blocks the most, `High` the least. */
export type SeverityThreshold = "Low" | "Medium" | "High";

/** The harm categories Azure OpenAI scores on prompts and completions. */
export const HARM_CATEGORIES = ["Hate", "Sexual", "Violence", "SelfHarm"] as const;

/** One of {@link HARM_CATEGORIES}. */
export type HarmCategory = (typeof HARM_CATEGORIES)[number];

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
   * Per-category thresholds that override `severityThreshold`.
   * @default - none
   */
  readonly categoryThresholds?: Partial<Record<HarmCategory, SeverityThreshold>>;
  /**
   * Block prompts detected as jailbreak attempts (prompt shields).
   * @default true
   */
  readonly blockJailbreak?: boolean;
}

const SEVERITIES: readonly SeverityThreshold[] = ["Low", "Medium", "High"];

/**
 * An `azurerm_cognitive_account_rai_policy` based on Microsoft.Default with every harm filter
 * on and blocking, on prompts and completions, and prompt shields for jailbreaks. It joins the
 * account's operation chain; create it before the deployments that reference it.
 */
export class ContentFilter extends Construct {
  /** The `azurerm_cognitive_account_rai_policy` resource. */
  public readonly resource: CognitiveAccountRaiPolicy;
  /** Name to put in a deployment's `rai_policy_name`. */
  public readonly policyName: string;

  constructor(scope: Construct, id: string, props: ContentFilterOptions & { readonly account: IOpenAiAccount }) {
    super(scope, id);
    this.policyName = props.name ?? "strict";
    const threshold = (category: HarmCategory) => props.categoryThresholds?.[category] ?? props.severityThreshold ?? "Medium";

    addPropChecks(this, (c) => {
      c.matches("name", props.name, /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,63}$/, "1-64 letters, digits, '-' or '_'");
      c.oneOf("severityThreshold", props.severityThreshold, SEVERITIES);
      for (const [category, value] of Object.entries(props.categoryThresholds ?? {})) {
        c.oneOf(`categoryThresholds.${category}`, value as SeverityThreshold, SEVERITIES);
        if (!(HARM_CATEGORIES as readonly string[]).includes(category)) {
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
    const jailbreak = (props.blockJailbreak ?? true)
      ? [{ name: "Jailbreak", filterEnabled: true, blockEnabled: true, severityThreshold: "High", source: "Prompt" }]
      : [];

    this.resource = new CognitiveAccountRaiPolicy(this, "resource", {
      name: this.policyName,
      cognitiveAccountId: props.account.accountId,
      basePolicyName: "Microsoft.Default",
      contentFilter: [...harmFilters, ...jailbreak],
    });
    props.account.chainOperation(this.resource);
  }
}
