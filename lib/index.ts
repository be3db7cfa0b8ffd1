// The public API of the library: everything a platform team may import, nothing else.
export * from "./core/guarded-app";
export * from "./core/naming";
export * from "./core/tags";
export * from "./core/validation";
export * from "./regions/catalog";
export * from "./openai/deployment-options";
export * from "./openai/model-deployment";
export * from "./openai/openai-account";
export * from "./openai/openai-account-ref";
export * from "./openai/content-filter";
export * from "./network";
export * from "./identity";
export * from "./monitoring";
export * from "./regions/residency";
export * from "./core/stack-artifact";
export * from "./platform/routing-manifest";
export * from "./platform/openai-platform";
export * from "./governance";
export * from "./platform/platform-options";
export * from "./environment";
export * from "./core/synth-date";
export * from "./openai/model-lifecycle";
export * from "./core/azapi";
export * from "./diagram";
// The AI gateway in front of the accounts (issue 15).
export * from "./gateway";
