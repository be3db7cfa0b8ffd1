// Public API of lib/environment: the governed environment stack, its config, backends, state bootstrap.
export * from "./environment-config";
export * from "./openai-environment-stack";
export * from "./backend";
export * from "./state-bootstrap-stack";
export * from "./validate-environment-config";
