import { TerraformStack } from "cdktf";
import { ModelDeploymentOptions, OpenAiAccount, OpenAiAccountProps } from "../../lib";

/** Deployment options for construct tests (a catalog-known model; test apps pin the synth date). */
export const gpt = (name: string, extra: Partial<ModelDeploymentOptions> = {}): ModelDeploymentOptions => ({
  name,
  model: "gpt-4.1",
  version: "2025-04-14",
  sku: "DataZoneStandard",
  capacity: 10,
  ...extra,
});

/** An OpenAI account `openai` in `stack`, with test defaults that `props` override. */
export function openAiAccount(stack: TerraformStack, props: Partial<OpenAiAccountProps> = {}): OpenAiAccount {
  return new OpenAiAccount(stack, "openai", {
    name: "aoai-test-sdc-oai",
    resourceGroupName: "rg-test",
    location: "swedencentral",
    environment: "test",
    owner: "platform-team",
    ...props,
  });
}
