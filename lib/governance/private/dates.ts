// Not part of the public API.

/** `YYYY-MM-01` of the month `date` falls in, in UTC. */
export function firstOfMonth(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-01`;
}
