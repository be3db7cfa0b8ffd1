// Public API of lib/monitoring: re-exports its constructs and helpers.
export {};
