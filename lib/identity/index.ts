// Public API of lib/identity: re-exports its constructs and helpers.
export {};
