import { DataAzurermSubscription } from "@cdktf/provider-azurerm/lib/data-azurerm-subscription";
import { TerraformStack } from "cdktf";
import { IConstruct } from "constructs";

const CURRENT_ID = "current";
const cache = new WeakMap<TerraformStack, DataAzurermSubscription>();

/**
 * The stack's one `data "azurerm_subscription"` for the provider's own subscription: an
 * existing one (no `subscription_id`) is reused, else `data.azurerm_subscription.current` is
 * created at the stack root on first use.
 */
export function currentSubscription(scope: IConstruct): DataAzurermSubscription {
  const stack = TerraformStack.of(scope);
  const known = cache.get(stack);
  if (known) return known;
  const found = stack.node
    .findAll()
    .find((c): c is DataAzurermSubscription => c instanceof DataAzurermSubscription && c.subscriptionIdInput === undefined);
  const subscription = found ?? new DataAzurermSubscription(stack, freeId(stack), {});
  cache.set(stack, subscription);
  return subscription;
}

/** `current`, unless another construct at the stack root already uses that ID. */
function freeId(stack: TerraformStack): string {
  let id = CURRENT_ID;
  for (let n = 2; stack.node.tryFindChild(id) !== undefined; n++) id = `${CURRENT_ID}-subscription-${n}`;
  return id;
}
