import { PropChecks } from "../core/validation";

/**
 * Reports every deployment of a model outside `allowedModels` (the seed's allowed_models):
 * a model nobody approved fails the synth instead of reaching production.
 */
export function checkModelAllowlist(
  c: PropChecks,
  deployments: readonly { readonly name: string; readonly model: string }[],
  allowedModels: readonly string[],
): void {
  for (const d of deployments) {
    if (!allowedModels.includes(d.model)) {
      c.fail(`deployments[${d.name}].model`, d.model, `allowed models in this environment: ${allowedModels.join(", ")}`);
    }
  }
}
