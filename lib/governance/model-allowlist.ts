import type { PropChecks, PropProblem } from "../core/validation";

/**
 * Every deployment of a model outside `allowedModels` (the seed's allowed_models): a model
 * nobody approved fails the synth instead of reaching production. One rule for the config and
 * the platform; `prop` names a deployment's model as the caller's user wrote it.
 */
export function modelAllowlistProblems<T extends { readonly model: string }>(
  deployments: readonly T[],
  allowedModels: readonly string[],
  prop: (deployment: T, index: number) => string,
): PropProblem[] {
  return deployments.flatMap((d, i) =>
    allowedModels.includes(d.model) ? [] : [{ prop: prop(d, i), value: d.model, rule: `allowed models in this environment: ${allowedModels.join(", ")}` }],
  );
}

/**
 * Reports every deployment of a model outside `allowedModels` (the seed's allowed_models), as
 * `deployments[<name>].model`: a model nobody approved fails the synth instead of reaching
 * production. The rule is {@link modelAllowlistProblems}, which the environment config calls too.
 */
export function checkModelAllowlist(
  c: PropChecks,
  deployments: readonly { readonly name: string; readonly model: string }[],
  allowedModels: readonly string[],
): void {
  for (const p of modelAllowlistProblems(deployments, allowedModels, (d) => `deployments[${d.name}].model`)) c.fail(p.prop, p.value, p.rule);
}
