import * as fs from "fs";
import * as path from "path";
import { ISynthesisSession, TerraformStack } from "cdktf";
// cdktf does not re-export addCustomSynthesis from its root; this is its documented hook for
// constructs that write files during synthesis (cdktf's own assets use it).
import { addCustomSynthesis } from "cdktf/lib/synthesize/synthesizer";
import { Construct } from "constructs";

/**
 * Writes a file beside the stack's synthesized `cdk.tf.json` (`<outdir>/stacks/<stack>/<fileName>`)
 * each time the stack is synthesized. `render` runs at synthesis, after every construct exists;
 * it gets the synthesis session, so the artifacts of one synthesis can share what they read.
 */
export function addStackArtifact(scope: Construct, fileName: string, render: (session: ISynthesisSession) => string): void {
  const stack = TerraformStack.of(scope);
  addCustomSynthesis(scope, {
    onSynthesize: (session) => {
      const directory = path.join(session.outdir, session.manifest.forStack(stack).workingDirectory);
      fs.mkdirSync(directory, { recursive: true });
      fs.writeFileSync(path.join(directory, fileName), render(session));
    },
  });
}
