// Public API of lib/platform: the governed multi-region platform and its routing manifest.
// Listed name by name: a name not here is not public API (the API report in api/ shows the whole surface).

export { OpenAiPlatform } from "./openai-platform";
export type { OpenAiPlatformProps, PlatformDeletionProtection, PlatformRegionResources } from "./openai-platform";

export type { PlatformLogging, PlatformNetwork, PlatformPrivateDns, PlatformRegion } from "./platform-options";

export { RoutingManifest } from "./routing-manifest";
export type { RoutingDeployment, RoutingEntryPoint, RoutingManifestDocument, RoutingManifestProps, RoutingRegion } from "./routing-manifest";
