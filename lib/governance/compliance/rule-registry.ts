import { IConstruct } from "constructs";
import { isRuleClass } from "./define-rule";
import * as rules from "./rules";

/** The IDs of the library's rules: every rule `rules/index.ts` exports, in alphabetical order. */
export const BUILT_IN_RULE_IDS: readonly string[] = Object.freeze(
  Object.values(rules)
    .flatMap((value) => (isRuleClass(value) ? [value.ID] : []))
    .sort(),
);

// IDs of rules of your own, per app (root construct): registered by the packs that visit one of
// its stacks, so two apps in one process (or two tests) never see each other's rules.
const customRuleIds = new WeakMap<IConstruct, Set<string>>();

/**
 * Records the rule IDs a pack uses in the app of `scope`, so suppressions of custom rules are
 * recognised there. Packs call it when they visit a stack; a stack's aspects run before its
 * validations, so a suppression in a stack the pack judges is always recognised.
 */
export function registerRuleIds(scope: IConstruct, ids: Iterable<string>): void {
  const root = scope.node.root;
  let registered = customRuleIds.get(root);
  if (!registered) customRuleIds.set(root, (registered = new Set()));
  for (const id of ids) if (!BUILT_IN_RULE_IDS.includes(id)) registered.add(id);
}

/** Every rule ID a suppression in the app of `scope` may name: the built-in ones and those registered there. */
export function knownRuleIds(scope: IConstruct): string[] {
  return [...BUILT_IN_RULE_IDS, ...(customRuleIds.get(scope.node.root) ?? [])];
}
