// Not part of the public API: the governance constructs' route to the stack's one client config.
export { clientConfig } from "../../core/client-config";
