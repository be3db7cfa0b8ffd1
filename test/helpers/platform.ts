import { TerraformStack } from "cdktf";
import { OpenAiPlatform, OpenAiPlatformProps, ResourceNaming } from "../../lib";
import { testStack } from "./synth";

/** The facts of a two-region eu platform used on its own (no environment context above it). */
export const PLATFORM_FACTS = {
  owner: "ai-platform@contoso.com",
  naming: new ResourceNaming({ workload: "chat", environment: "prod", uniqueSuffix: "ctso" }),
  resourceGroupName: "chat-prod-rg",
  location: "swedencentral",
  residency: "eu",
  regions: [
    { location: "swedencentral", priority: 1, network: { addressSpace: "10.10.0.0/24" } },
    { location: "francecentral", priority: 2, network: { addressSpace: "10.10.1.0/24" } },
  ],
} as const satisfies Omit<OpenAiPlatformProps, "deployments">;

/** An `OpenAiPlatform` "openai" in a fresh stack "platform", with {@link PLATFORM_FACTS} and `props`. */
export function platformIn(props: Partial<OpenAiPlatformProps> & Pick<OpenAiPlatformProps, "deployments">): { stack: TerraformStack; built: OpenAiPlatform } {
  const stack = testStack("platform");
  const built = new OpenAiPlatform(stack, "openai", { ...PLATFORM_FACTS, ...props });
  return { stack, built };
}
