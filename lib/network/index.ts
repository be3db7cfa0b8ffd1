// Public API of lib/network: re-exports its constructs and helpers.
export {};
