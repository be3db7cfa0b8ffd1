/**
 * The Microsoft Entra resource Azure OpenAI, Foundry and the other Cognitive Services accept
 * tokens for: what the gateway's managed identity asks a token for, and the audience callers'
 * tokens carry unless the gateway has its own.
 */
export const COGNITIVE_SERVICES_RESOURCE = "https://cognitiveservices.azure.com";

/** The scope a client requests a token for `resource` with (`<resource>/.default`). */
export function tokenScopeOf(resource: string): string {
  return `${resource}/.default`;
}
