// The public API of the library, by floor, bottom first. Each folder's index.ts lists its names
// one by one; helpers in private/ folders, and names no index lists, are not public. The API
// report (api/cdktf-azure-openai.api.md, checked by `npm test`) shows every change in review.

// Apps, input checks, the shared feature props, governance tags, naming, the region catalog, azapi.
export * from "./core";
// Data residency and where deployment SKUs process data.
export * from "./regions";
// The environment context constructs look facts up through the tree (residency, naming, locks).
export * from "./context";
// Role assignments and workload identities; private networking.
export * from "./identity";
export * from "./network";
// Audit workspace, archives, diagnostic settings, alerts.
export * from "./monitoring";
// Azure OpenAI accounts, deployments, content filters, model lifecycle.
export * from "./openai";
// Compliance packs and report, customer-managed-key vaults, budgets, policies.
export * from "./governance";
// The multi-region platform and its routing manifest; architecture diagrams.
export * from "./platform";
export * from "./diagram";
// The AI gateway in front of the accounts.
export * from "./gateway";
// The governed environment stack.
export * from "./environment";
