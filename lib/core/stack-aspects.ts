// cdktf invokes aspects from each stack down (StackSynthesizer.synthesize -> invokeAspects(stack)),
// so an aspect added to the App, or to any scope above the stacks, never runs. Aspects that judge
// whole stacks (compliance packs: the cdk-nag habit `Aspects.of(app).add(pack)`) mark themselves
// stack-wide, and the app copies them onto every stack below before it synthesizes.
import { Aspects, IAspect, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";

/**
 * An aspect that means "every stack under the scope I was added to". Added above the stacks
 * (to the App), {@link propagateStackWideAspects} adds it to each stack that does not already
 * have an aspect with the same `stackWideKey` (a stack's own one wins: it may carry options).
 */
export interface IStackWideAspect extends IAspect {
  /** Aspects with the same key do the same job: a stack gets at most one of them. */
  readonly stackWideKey: string;
}

/** True for an aspect that declares itself stack-wide. */
export function isStackWideAspect(aspect: unknown): aspect is IStackWideAspect {
  return typeof aspect === "object" && aspect !== null && typeof (aspect as { stackWideKey?: unknown }).stackWideKey === "string";
}

/**
 * Adds the stack-wide aspects of every scope above each stack under `root` to that stack, once,
 * unless an aspect with the same key is already on the stack or a construct inside it. Call it
 * before the stacks are synthesized (`GuardedApp.synth` does); calling it again adds nothing.
 * Returns, per stack path, the keys added.
 */
export function propagateStackWideAspects(root: IConstruct): ReadonlyMap<string, readonly string[]> {
  const added = new Map<string, string[]>();
  for (const stack of root.node.findAll().filter(TerraformStack.isStack)) {
    const above = stack.node.scopes.slice(0, -1).flatMap((scope) => Aspects.of(scope).all.filter(isStackWideAspect));
    if (above.length === 0) continue;
    const present = new Set(
      stack.node.findAll().flatMap((c) => Aspects.of(c).all.filter(isStackWideAspect).map((a) => a.stackWideKey)),
    );
    for (const aspect of above) {
      if (present.has(aspect.stackWideKey)) continue;
      Aspects.of(stack).add(aspect);
      present.add(aspect.stackWideKey);
      added.set(stack.node.path, [...(added.get(stack.node.path) ?? []), aspect.stackWideKey]);
    }
  }
  return added;
}
