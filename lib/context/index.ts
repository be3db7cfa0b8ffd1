export { EnvironmentContext, checkLocationResidency } from "./environment-context";
export type { EnvironmentContextProps } from "./environment-context";
export { lockFor, protectionModeOf } from "./deletion-protection";
export type { DeletionProtection, DeletionProtectionScopes, ProtectedKind } from "./deletion-protection";
