/** Longest retention any log destination offers: a workspace table's total retention, 12 years. */
export const MAX_LOG_RETENTION_DAYS = 4383;
