/** One sensitive-data pattern kept out of prompts and completions. */
export interface DlpPattern {
  /** Stable name: the blocklist item's name. */
  readonly name: string;
  /** The regular expression. */
  readonly pattern: string;
  /** What it catches, and how it differs from the seed's. */
  readonly description: string;
}

/**
 * The seeds' DLP patterns (seed 000 `DLPFilter.PATTERNS`, seed 001 `blocked_data_patterns`) as
 * blocklist regular expressions. Changes from the seeds, each to avoid blocking ordinary text:
 * the SSN needs its dashes (seed 001's form; seed 000's optional separators match any nine
 * digits), the e-mail's TLD class drops the stray `|`, and the API key keeps only the `sk-`
 * form (the seed's bare 32-character alternative matches every hash and ID).
 */
export const SEED_DLP_PATTERNS: readonly DlpPattern[] = Object.freeze([
  { name: "credit-card", pattern: "\\b\\d{4}[-\\s]?\\d{4}[-\\s]?\\d{4}[-\\s]?\\d{4}\\b", description: "Card numbers: 16 digits in groups of four" },
  { name: "ssn", pattern: "\\b\\d{3}-\\d{2}-\\d{4}\\b", description: "US social security numbers (with dashes)" },
  { name: "iban", pattern: "\\b[A-Z]{2}\\d{2}[A-Z0-9]{4}\\d{7}[A-Z0-9]{0,16}\\b", description: "IBANs" },
  { name: "email", pattern: "\\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}\\b", description: "E-mail addresses" },
  { name: "phone", pattern: "\\b\\d{3}[-.\\s]?\\d{3}[-.\\s]?\\d{4}\\b", description: "Phone numbers (North American form)" },
  { name: "api-key", pattern: "\\bsk-[A-Za-z0-9_-]{32,}\\b", description: "OpenAI-style secret keys" },
]);
