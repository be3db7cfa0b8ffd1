import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { ModelDeploymentOptions, OpenAiAccount, OpenAiAccountProps } from "../../lib/openai";

/** Deployment options for construct tests (a catalog-known model; test apps pin the synth date). */
export const gpt = (name: string, extra: Partial<ModelDeploymentOptions> = {}): ModelDeploymentOptions => ({
  name,
  model: "gpt-4.1",
  version: "2025-04-14",
  sku: "DataZoneStandard",
  capacity: 10,
  ...extra,
});

/** The props {@link openAiAccount} gives an account unless told otherwise. */
export const ACCOUNT_DEFAULTS: OpenAiAccountProps = {
  name: "aoai-test-sdc-oai",
  resourceGroupName: "rg-test",
  location: "swedencentral",
};

/** An OpenAI account (ID `openai` unless given) in `scope`, with test defaults that `props` override. */
export function openAiAccount(scope: TerraformStack | Construct, props: Partial<OpenAiAccountProps> = {}, id = "openai"): OpenAiAccount {
  return new OpenAiAccount(scope, id, { ...ACCOUNT_DEFAULTS, ...props });
}
