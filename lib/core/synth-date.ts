/**
 * cdktf context key that fixes the date of a synth for every date-dependent check and default
 * in the app (model lifecycle, budget start month), as an ISO date (`2026-12-01`, or a full
 * timestamp). Unset, the clock decides. For tests and reproducible snapshots:
 * `new GuardedApp({ context: { [SYNTH_DATE_CONTEXT_KEY]: "2026-12-01" } })`.
 */
export const SYNTH_DATE_CONTEXT_KEY = "aoai:today";
