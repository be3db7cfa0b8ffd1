import { CognitiveAccountRaiBlocklist } from "@cdktf/provider-azurerm/lib/cognitive-account-rai-blocklist";
import { Construct } from "constructs";
import { AzapiResource, AzapiUpdateResource } from "../../core/azapi";
import type { ContentFilter } from "../../openai/content-filter";
import type { IOpenAiAccount } from "../../openai/openai-account-ref";
import { DlpPattern, SEED_DLP_PATTERNS } from "./dlp-patterns";

/** API version of the blocklist items and the content-filter update (the provider's own cognitive API version). */
export const RAI_API_VERSION = "2025-06-01";

/** Name of the blocklist on every account. */
export const DLP_BLOCKLIST_NAME = "dlp-sensitive-data";

/** Props of {@link DlpBlocklist}. */
export interface DlpBlocklistProps {
  /** The account the blocklist is made on. */
  readonly account: IOpenAiAccount;
  /**
   * The account's content filter, to attach the blocklist to (prompts and completions).
   * @default - none: the blocklist is created but not attached
   */
  readonly contentFilter?: ContentFilter;
  /**
   * The patterns.
   * @default - {@link SEED_DLP_PATTERNS}
   */
  readonly patterns?: readonly DlpPattern[];
}

/**
 * A RAI blocklist with the seeds' DLP patterns on one account: the blocklist
 * (`azurerm_cognitive_account_rai_blocklist`), one regex item per pattern (azapi
 * `raiBlocklistItems`; not in azurerm 4.55), and the blocklist attached to the account's content
 * filter for prompts and completions (azapi update of `raiPolicies.customBlocklists`; not in
 * azurerm 4.55). Each is one more operation on the account, chained after the others.
 */
export class DlpBlocklist extends Construct {
  /** The blocklist. */
  public readonly blocklist: CognitiveAccountRaiBlocklist;
  /** The items, by pattern name. */
  public readonly items: Readonly<Record<string, AzapiResource>>;
  /** The content-filter update, when a filter was given. */
  public readonly attachment?: AzapiUpdateResource;

  constructor(scope: Construct, id: string, props: DlpBlocklistProps) {
    super(scope, id);
    this.blocklist = new CognitiveAccountRaiBlocklist(this, "blocklist", {
      name: DLP_BLOCKLIST_NAME,
      cognitiveAccountId: props.account.accountId,
      description: "Sensitive data kept out of prompts and completions (card numbers, SSNs, IBANs, e-mail addresses, phone numbers, API keys)",
    });
    props.account.chainOperation(this.blocklist);
    const items: Record<string, AzapiResource> = {};
    for (const p of props.patterns ?? SEED_DLP_PATTERNS) {
      const item = new AzapiResource(this, `item-${p.name}`, {
        type: `Microsoft.CognitiveServices/accounts/raiBlocklists/raiBlocklistItems@${RAI_API_VERSION}`,
        name: p.name,
        parentId: this.blocklist.id,
        body: { properties: { pattern: p.pattern, isRegex: true } },
      });
      props.account.chainOperation(item);
      items[p.name] = item;
    }
    this.items = items;
    if (props.contentFilter) {
      this.attachment = new AzapiUpdateResource(this, "attach", {
        type: `Microsoft.CognitiveServices/accounts/raiPolicies@${RAI_API_VERSION}`,
        resourceId: props.contentFilter.resource.id,
        body: {
          properties: {
            customBlocklists: [
              { blocklistName: DLP_BLOCKLIST_NAME, blocking: true, source: "Prompt" },
              { blocklistName: DLP_BLOCKLIST_NAME, blocking: true, source: "Completion" },
            ],
          },
        },
      });
      props.account.chainOperation(this.attachment);
    }
  }
}
