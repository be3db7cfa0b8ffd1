import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { SEED_COST_LIMITS, SEED_PROJECT_LIMITS } from "../../lib";
import { EnvironmentContext, EnvironmentContextProps } from "../../lib/context/environment-context";
import type { GatewayBackendTarget } from "../../lib/gateway/backends";
import type { OpenAiGatewayProps } from "../../lib/gateway/gateway-props";
import { OpenAiGateway } from "../../lib/gateway/openai-gateway";
import { testStack } from "../helpers/synth";

/** An account the gateway fronts, known by location. */
export const account = (location: string) => ({
  accountId: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/acc-${location}`,
  accountName: `acc-${location}`,
  location,
  customSubdomainName: `acc-${location}`,
});

/** A backend target. */
export const target = (location: string, priority: number, deployments?: string[], provisionedDeployments?: string[]): GatewayBackendTarget => ({
  account: account(location),
  priority,
  deployments,
  provisionedDeployments,
});

/** Complete props of a gateway outside an environment (every fact given). */
export const GATEWAY_PROPS: OpenAiGatewayProps = {
  name: "aoai-test-apim",
  resourceGroupName: "rg",
  location: "swedencentral",
  environment: "test",
  publisherName: "Platform",
  publisherEmail: "platform@contoso.com",
  backends: [target("swedencentral", 1)],
  network: { subnetId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/apim" },
  workspace: { workspaceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ws", location: "swedencentral" },
  limits: SEED_PROJECT_LIMITS.prod,
  costLimits: SEED_COST_LIMITS,
  models: ["gpt-5.4"],
  tenantId: "00000000-0000-0000-0000-0000000000aa",
  workloads: [{ key: "svc-a", clientId: "00000000-0000-0000-0000-000000000001", requestsPerMinute: 10, tokensPerMinute: 1_000 }],
};

/** The facts an environment supplies, left out. */
export const { name: _name, location: _location, environment: _environment, publisherName: _publisherName, ...PROPS_WITHOUT_FACTS } = GATEWAY_PROPS;

/** A gateway in a fresh test stack (with the azurerm provider). */
export function gatewayIn(props: Partial<OpenAiGatewayProps> = {}, scope: Construct = testStack()): { stack: TerraformStack; gateway: OpenAiGateway } {
  const gateway = new OpenAiGateway(scope, "gateway", { ...GATEWAY_PROPS, ...props });
  return { stack: TerraformStack.of(gateway), gateway };
}

/** An environment's facts, for `EnvironmentContext.establish`. */
export const CONTEXT: EnvironmentContextProps = { name: "prod", workload: "chat", owner: "ai-platform@contoso.com", location: "swedencentral", residency: "eu", uniqueSuffix: "ctso" };

/** A test stack with an environment context. */
export function environmentScope(props: Partial<EnvironmentContextProps> = {}): TerraformStack {
  const stack = testStack();
  EnvironmentContext.establish(stack, { ...CONTEXT, ...props });
  return stack;
}
