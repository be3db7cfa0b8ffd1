import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { Testing, TerraformStack } from "cdktf";
import { GuardedApp, SynthValidationError, SYNTH_DATE_CONTEXT_KEY } from "../../lib";
import { validateConstruct } from "../../lib/core/validation";

/** The synth date of every test app, so date-dependent output (budget start, model lifecycle) is stable. */
export const TEST_SYNTH_DATE = "2026-12-01";

/** cdktf context that pins the synth date. */
export const TEST_CONTEXT = { [SYNTH_DATE_CONTEXT_KEY]: TEST_SYNTH_DATE };

/** Synthesized Terraform JSON of one stack. */
export interface TerraformJson {
  resource?: Record<string, Record<string, any>>;
  data?: Record<string, Record<string, any>>;
  output?: Record<string, any>;
  terraform?: any;
  provider?: any;
}

/** Synthesizes a stack with validations on and parses the JSON. */
export function synthJson(stack: TerraformStack): TerraformJson {
  return JSON.parse(Testing.synth(stack, true));
}

/** The resources of one type, keyed by logical id (empty when there are none). */
export function resources(json: TerraformJson, type: string): Record<string, any> {
  return json.resource?.[type] ?? {};
}

/** The resources of one type as a list. */
export function resourceList(json: TerraformJson, type: string): any[] {
  return Object.values(resources(json, type));
}

/** The one resource of a type; fails the test when there is not exactly one. */
export function onlyResource(json: TerraformJson, type: string): any {
  const list = resourceList(json, type);
  if (list.length !== 1) throw new Error(`expected exactly one ${type}, found ${list.length}`);
  return list[0];
}

/** A fresh temporary directory for synth output. */
export function tempOutdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "aoai-synth-"));
}

/** A GuardedApp writing to a temporary directory; its warnings are kept as data (`app.warnings`), not printed. */
export function testApp(outdir = tempOutdir()): GuardedApp {
  return new GuardedApp({ outdir, context: TEST_CONTEXT, printWarnings: false });
}

/** A stack with the azurerm provider in a fresh test app, for construct-level tests. */
export function testStack(id = "test"): TerraformStack {
  const stack = new TerraformStack(Testing.app({ context: TEST_CONTEXT }), id);
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  return stack;
}

/** Synthesizes the app and returns the problems it reported; fails the test if it passed. */
export function synthProblems(app: GuardedApp): readonly string[] {
  try {
    app.synth();
  } catch (error) {
    if (error instanceof SynthValidationError) return error.problems;
    throw error;
  }
  throw new Error("expected the synth to fail, but it passed");
}

/** Runs the validations of every construct under the stack and returns their messages. */
export function validationErrors(stack: TerraformStack): string[] {
  return stack.node.findAll().flatMap((c) => c.node.validate().map((m) => `[${c.node.path}] ${m}`));
}

/** One failed prop check, with the path of its construct (from the structured problems). */
export interface FailedProp {
  readonly path: string;
  readonly prop: string;
  readonly value: unknown;
  readonly rule: string;
}

/**
 * The prop checks that fail under the stack, as data (`failed` and `constructProblems` in
 * ./problems.ts build on the same records). Exact message texts are asserted only in
 * test/core/message-catalogue.test.ts.
 */
export function failedProps(stack: TerraformStack): FailedProp[] {
  return stack.node.findAll().flatMap((c) => validateConstruct(c).problems.map((p) => ({ path: c.node.path, ...p })));
}

/** The props that fail under the stack, one entry per failed check, in construct order. */
export function failingPropNames(stack: TerraformStack): string[] {
  return failedProps(stack).map((p) => p.prop);
}
