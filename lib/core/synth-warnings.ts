// Warnings of a synth: read from the annotations, or added after a stack's synthesizer has run
// (then also into the manifest, which the cdktf CLI prints from).
import * as fs from "fs";
import * as path from "path";
import { AnnotationMetadataEntryType, Annotations, App, TerraformStack } from "cdktf";
import { placeholdersIn, placeholderWarning } from "./placeholder-values";

/** Warning annotations of every construct of the stack, as problems (path and message). */
export function warningsOf(stack: TerraformStack): { path: string; message: string }[] {
  return stack.node
    .findAll()
    .flatMap((c) => c.node.metadata.filter((e) => e.type === AnnotationMetadataEntryType.WARN).map((e) => ({ path: c.node.path, message: String(e.data) })));
}

/**
 * Warns once about the placeholder values (a principal ID whose variable was not set) the stack's
 * synthesized file contains: as an annotation, and in the manifest the synthesizer has already
 * written its annotations to, so the cdktf CLI prints it too.
 */
export function warnAboutPlaceholders(stack: TerraformStack, outdir: string, manifest: App["manifest"]): void {
  const stackManifest = manifest.forStack(stack);
  const file = path.join(outdir, stackManifest.synthesizedStackPath);
  if (!fs.existsSync(file)) return;
  const text = fs.readFileSync(file, "utf8");
  const warning = placeholderWarning(placeholdersIn(text));
  if (warning) addWarning(stack, warning, manifest);
}

/** A warning on `stack` after its synthesizer ran: an annotation, and an entry in the manifest (which the CLI prints). */
export function addWarning(stack: TerraformStack, message: string, manifest: App["manifest"]): void {
  Annotations.of(stack).addWarning(message);
  manifest.forStack(stack).annotations.push({ constructPath: stack.node.path, level: AnnotationMetadataEntryType.WARN, message });
}
