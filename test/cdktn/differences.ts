/**
 * Every difference between what the cdktf build (cdktf 0.21, azurerm 4.55 bindings) and the CDK
 * Terrain build (cdktn 0.24, azurerm 4.73 bindings) write for the same app. The comparison test
 * fails on any difference that is not here and on any entry here that no output shows;
 * docs/CDK-TERRAIN.md lists each with what it means.
 */
export interface ToolchainDifference {
  /** The files that show it: names inside a stack directory, or `manifest.json` at the output root. */
  readonly files: readonly string[];
  /** Where in the file: a JSON path, `(format)` for the JSON layout, `(line)` for an HCL line. */
  readonly path: string;
  /** The value the cdktf build writes. */
  readonly cdktf: unknown;
  /** The value the cdktn build writes. */
  readonly cdktn: unknown;
}

/** The JSON layout of cdktf's own files: empty arrays and objects over two lines (`[` newline `]`). */
export const CDKTF_LAYOUT = "2-space JSON, empty [] and {} split over two lines";
/** The JSON layout of cdktn's own files: `JSON.stringify(value, null, 2)` exactly. */
export const CDKTN_LAYOUT = "2-space JSON, empty [] and {} on one line";

export const DOCUMENTED_DIFFERENCES: readonly ToolchainDifference[] = [
  { files: ["cdk.tf.json", "metadata.json"], path: "terraform.required_providers.azurerm.version", cdktf: "4.55.0", cdktn: "4.73.0" },
  { files: ["cdk.tf"], path: "(line)", cdktf: 'version = "4.55.0"', cdktn: 'version = "4.73.0"' },
  { files: ["cdk.tf.json", "metadata.json"], path: "//.metadata.version", cdktf: "0.21.0", cdktn: "0.24.0" },
  { files: ["manifest.json"], path: "version", cdktf: "0.21.0", cdktn: "0.24.0" },
  { files: ["cdk.tf.json", "manifest.json"], path: "(format)", cdktf: CDKTF_LAYOUT, cdktn: CDKTN_LAYOUT },
];
