/**
 * OpenAiPlatform used on its own (without the environment stack) still has the guardrails a
 * platform team came for: a capacity cap and a model allowlist, or a warning that there are none.
 */
import { AnnotationMetadataEntryType } from "cdktf";
import { OpenAiPlatformProps } from "../../lib";
import { platformIn } from "../helpers/platform";
import { failedProps, testStack, validationErrors } from "../helpers/synth";
import { constructProblems, failed } from "../helpers/problems";

const deployment = { name: "chat", model: "gpt-5.4", version: "2026-03-05", sku: "DataZoneStandard", capacity: 5_000 } as const;

const platform = (extra: Partial<OpenAiPlatformProps> = {}) => platformIn({ deployments: [deployment], ...extra });

const warnings = (stack: ReturnType<typeof testStack>) =>
  stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => String(m.data)));

test("10,000K TPM under a cap of 2,000K fails the synth with the total and the cap", () => {
  const { stack } = platform({ capacityCapK: 2_000, allowedModels: ["gpt-5.4"] });
  expect(constructProblems(stack)).toContainEqual(failed("deployments", { path: "platform/openai", value: "10000K TPM in total", rule: /capacityCapK = 2000K TPM/ }));
});

test("a cap that is not a whole number of at least 1 is refused, not ignored", () => {
  for (const cap of [Number.NaN, 0, -5, 1.5]) {
    expect(failedProps(platform({ capacityCapK: cap, allowedModels: ["gpt-5.4"] }).stack)).toContainEqual(
      expect.objectContaining({ path: "platform/openai", prop: "capacityCapK", value: cap }),
    );
  }
});

test("without a cap or an allowlist the synth warns instead of staying silent", () => {
  const { stack } = platform();
  expect(validationErrors(stack)).toEqual([]);
  expect(warnings(stack)).toEqual(
    expect.arrayContaining([
      "no capacityCapK: nothing limits the 10000K TPM this platform deploys",
      "no allowedModels: any model may be deployed",
    ]),
  );
});

test("a model outside the allowlist fails", () => {
  const { stack } = platform({ capacityCapK: 20_000, allowedModels: ["gpt-5.5"] });
  expect(failedProps(stack)).toContainEqual(expect.objectContaining({ prop: "deployments[chat].model", value: "gpt-5.4" }));
});
