// Public API of lib/identity: re-exports its constructs and helpers.
export * from "./role-catalog";
export * from "./role-ref";
export * from "./principal";
export * from "./role-target";
export * from "./subscription";
export * from "./role-assignment";
export * from "./grants";
export * from "./workload-identity";
export * from "./access-matrix";
