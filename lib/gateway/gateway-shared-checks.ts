import { checkManagedIdentities, ManagedIdentitiesProps } from "../core/features/managed-identities";
import type { Justification } from "../core/justification";
import { PropChecks } from "../core/validation";
import { GatewayBackendTarget, ROUTABLE_DEPLOYMENT_NAME } from "./backends";
import type { GatewaySecurityExceptions } from "./gateway-props";

/** The gateway's facts after the EnvironmentContext filled in what the props left out. */
export interface ResolvedGatewayFacts {
  readonly name?: string;
  readonly location?: string;
  readonly environment?: string;
  readonly publisherName?: string;
}

/**
 * The facts an environment supplies must be given outside one: a missing one is a problem on
 * its prop, not a crash.
 */
export function checkResolvedFacts(c: PropChecks, facts: ResolvedGatewayFacts): void {
  const outside = "(outside an environment; inside one the EnvironmentContext supplies it)";
  c.required("name", facts.name, `the API Management service name ${outside}`);
  c.required("location", facts.location, `an Azure location ${outside}`);
  c.required("environment", facts.environment, `the environment name ${outside}`);
  c.required("publisherName", facts.publisherName, `the publisher name API Management requires ${outside}`);
}

/** The shared props' rules the gateway adds to its own: weakenings, identities, provisioned deployments. */
export function checkGatewaySharedProps(
  c: PropChecks,
  props: {
    readonly securityExceptions?: GatewaySecurityExceptions;
    readonly publicGateway?: Justification;
    readonly managedIdentities?: ManagedIdentitiesProps;
    readonly backends: readonly GatewayBackendTarget[];
  },
): void {
  // The reason of securityExceptions.publicNetworkAccess is checked with the network rules (gateway-checks.ts).
  if (props.publicGateway && props.securityExceptions?.publicNetworkAccess) {
    c.fail("publicGateway", props.publicGateway, "allowed: securityExceptions.publicNetworkAccess alone (publicGateway is its deprecated name; give one)");
  }
  checkManagedIdentities(c, props.managedIdentities);
  if (props.managedIdentities?.systemAssigned === false) {
    c.fail("managedIdentities.systemAssigned", false, "allowed: true (the gateway calls the accounts, Application Insights and Content Safety with its system-assigned identity)");
  }
  props.backends.forEach((t, i) => {
    (t.provisionedDeployments ?? []).forEach((d, j) => {
      const at = `backends[${i}].provisionedDeployments[${j}]`;
      c.matches(at, d, ROUTABLE_DEPLOYMENT_NAME, "1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
      if (t.deployments && !t.deployments.includes(d)) c.fail(at, d, `allowed: one of backends[${i}].deployments (${t.deployments.join(", ") || "none"})`);
    });
    c.unique(`backends[${i}].provisionedDeployments`, t.provisionedDeployments ?? [], "deployment");
  });
}
