// Public API of lib/monitoring: re-exports its constructs and helpers.
export * from "./log-categories";
export * from "./retention";
export * from "./monitoring-props";
export * from "./audit-workspace";
export * from "./retention-archive";
export * from "./diagnostic-setting";
export * from "./saved-searches";
export * from "./action-group";
export * from "./metric-alerts";
