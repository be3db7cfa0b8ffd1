import * as fs from "fs";
import * as path from "path";
import { OpenAiEnvironmentStack } from "../../lib";
import { environment } from "./environment";
import { tempOutdir, testApp } from "./synth";

/** The Mermaid block of the default prod stack's architecture.md. */
export function synthesizedProdDiagram(): string | undefined {
  const outdir = tempOutdir();
  const app = testApp(outdir);
  new OpenAiEnvironmentStack(app, environment("prod"));
  app.synth();
  const markdown = fs.readFileSync(path.join(outdir, "stacks/prod/architecture.md"), "utf8");
  fs.rmSync(outdir, { recursive: true, force: true });
  return /```mermaid\n[\s\S]*?```\n/.exec(markdown)?.[0];
}
