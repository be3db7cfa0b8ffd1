import { AzapiUpdateResource } from "../core/azapi";
import { applyWeakenings, WeakeningMap } from "../core/applied-weakening";
import { Justification } from "../core/justification";
import { WEAKENING_KEYS } from "../core/weakening-keys";
import type { IOpenAiAccount } from "./openai-account-ref";
import { updateAccount } from "./private/account-update";
import { Construct } from "constructs";

/**
 * The first GA API version whose account schema has `properties.storedCompletionsDisabled`
 * (azure-rest-api-specs stable/2025-09-01 cognitiveservices.json; azapi v2.12.0 embeds it from
 * 2025-09-01 on, and in 2025-07-01-preview). azurerm 4.55 writes accounts with 2025-06-01,
 * which lacks it, and updates them with PATCH, so it neither sets nor resets the flag.
 */
export const STORED_COMPLETIONS_API_VERSION = "2025-09-01";

/** The azapi type of the update that disables stored completions. */
export const STORED_COMPLETIONS_TYPE = `Microsoft.CognitiveServices/accounts@${STORED_COMPLETIONS_API_VERSION}`;

/**
 * Keeping stored completions on: the service then keeps the prompts and completions of calls
 * that ask for it (`store: true`) for evaluation and distillation (docs/SECURITY-PACK.md). A
 * weakening of data minimisation, so it needs a reason, which the compliance report shows.
 */
export type StoredCompletionsException = Justification;

const STORED_COMPLETIONS_WEAKENINGS: WeakeningMap<"storedCompletions"> = { storedCompletions: WEAKENING_KEYS.storedCompletions };

/** The request body that disables stored completions on an account. */
export function storedCompletionsOffBody(): Record<string, unknown> {
  return { properties: { storedCompletionsDisabled: true } };
}

/**
 * Disables stored completions on `account` through azapi (child `stored-completions-off` of
 * `scope`), in the account's operation chain, since it writes the account. With an exception it
 * makes nothing and records the weakening with its reason instead.
 */
export function applyStoredCompletions(
  scope: Construct,
  account: IOpenAiAccount,
  exception: StoredCompletionsException | undefined,
): AzapiUpdateResource | undefined {
  if (exception !== undefined) {
    applyWeakenings(scope, "", { storedCompletions: exception }, STORED_COMPLETIONS_WEAKENINGS);
    return undefined;
  }
  return updateAccount(scope, "stored-completions-off", account, { type: STORED_COMPLETIONS_TYPE, body: storedCompletionsOffBody() });
}
