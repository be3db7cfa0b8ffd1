// "Did you mean": the one suggestion function for config keys, enum values and construct props.

const MAX_SUGGESTION_INPUT = 64;

/**
 * The candidate `input` most likely meant: equal ignoring case, or within a small edit
 * distance. Bounded work: inputs longer than 64 characters get no suggestion.
 */
export function closestMatch(input: unknown, candidates: readonly string[]): string | undefined {
  if (typeof input !== "string" || input.length === 0 || input.length > MAX_SUGGESTION_INPUT) return undefined;
  const lower = input.toLowerCase();
  const sameCase = candidates.find((c) => c.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(input.length / 3)) + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - input.length) >= bestDistance) continue;
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** `; did you mean "x"?` or nothing. */
export function didYouMean(input: unknown, candidates: readonly string[]): string {
  const match = closestMatch(input, candidates);
  return match === undefined ? "" : `; did you mean ${JSON.stringify(match)}?`;
}

/**
 * Edits from `a` to `b`: insertions, deletions, substitutions and swaps of two neighbouring
 * characters (optimal string alignment), so the common typo `lcok` is one edit from `lock`.
 */
function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j], before[j - 2] + 1);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length];
}
