import { TerraformElement, TerraformResource, TerraformStack } from "cdktf";
import { makeUniqueId } from "cdktf/lib/private/unique";
import { IConstruct } from "constructs";
import { execFileSync } from "child_process";

/**
 * Context key (`cdktf.json` `context`, `new GuardedApp({ context })`, or the CLI's
 * `CDKTF_CONTEXT_JSON`): `true` in a project whose stacks have Terraform state from release 0.1.
 * Only then does the library write the `moved` blocks that carry that state to the addresses of
 * 0.2, and only then does the synth need Terraform >= 1.8 on the PATH (checked once per app by
 * `GuardedApp`). Off by default: 0.1 was never published, so a new project has no such
 * state, writes no `moved` block and needs no terraform binary to synth.
 */
export const LEGACY_MOVES_CONTEXT_KEY = "aoai:legacyMoves";

/**
 * The key that switched legacy moves off while they were on by default.
 * @deprecated Since 0.2 legacy moves are off unless {@link LEGACY_MOVES_CONTEXT_KEY} is `true`;
 * this key has no effect and will be removed.
 */
export const NO_LEGACY_MOVES_CONTEXT_KEY = "aoai:noLegacyMoves";

/**
 * Terraform version the library's legacy `moved` blocks need. cdktf 0.21 sets 1.5 for any stack
 * with a `moved` block (its `ValidateTerraformVersion(">=1.5")`); the prod key's move from
 * `azurerm_key_vault_key` to `azapi_resource` crosses resource types, which Terraform supports
 * from 1.8 (provider-defined moves), so the floor is 1.8.
 */
export const LEGACY_MOVES_TERRAFORM_VERSION = ">=1.8";
const LEGACY_MOVES_MINOR = 8;

/** True when `scope`'s app asks for legacy moves ({@link LEGACY_MOVES_CONTEXT_KEY} is `true` or `"true"`). */
export function legacyMovesEnabled(scope: IConstruct): boolean {
  const value = scope.node.tryGetContext(LEGACY_MOVES_CONTEXT_KEY);
  return value === true || value === "true";
}

/**
 * One legacy `moved` block, written as a stack-level element rather than through cdktf's
 * `moveFromId`: cdktf adds a `terraform version` check (a process) to every stack with a
 * `moveFromId`, while `GuardedApp` checks once per app.
 */
class LegacyMove extends TerraformElement {
  constructor(
    private readonly resource: TerraformResource,
    private readonly from: string,
  ) {
    super(resource, "legacy-move");
  }

  /** The address the resource has now. */
  public get to(): string {
    return `${this.resource.terraformResourceType}.${this.resource.friendlyUniqueId}`;
  }

  /** False when the old address is the current one (nothing to move). */
  public get moves(): boolean {
    return this.from !== this.to;
  }

  public override toTerraform(): any {
    return this.moves ? { moved: [{ to: this.to, from: this.from }] } : {};
  }

  public override toHclTerraform(): any {
    if (!this.moves) return {};
    const reference = (value: string) => ({ value, isBlock: false, type: "simple", storageClassType: "reference" });
    return { moved: [{ to: reference(this.to), from: reference(this.from) }] };
  }
}

/**
 * Declares that `resource` was at the address a construct path under the stack used to give it
 * in 0.1 (`["locks", "openai-swedencentral"]`), so Terraform moves the state instead of
 * replacing the resource (a `moved` block). cdktf derives an address from the path with
 * `makeUniqueId`, the function used here, so the old address is computed, never copied by hand.
 * Written only when {@link LEGACY_MOVES_CONTEXT_KEY} is `true`.
 */
export function moveFromLegacyPath(resource: TerraformResource, legacyPath: readonly string[]): void {
  moveFromLegacyAddress(resource, `${resource.terraformResourceType}.${makeUniqueId([...legacyPath])}`);
}

/**
 * Declares that `resource` was at `fromAddress` (`<type>.<logical id>`, the type possibly another
 * one) in 0.1: one `moved` block, written only when {@link LEGACY_MOVES_CONTEXT_KEY} is `true`,
 * and checked by the app's one Terraform check (not cdktf's per-stack one).
 */
export function moveFromLegacyAddress(resource: TerraformResource, fromAddress: string): void {
  if (!legacyMovesEnabled(resource)) return;
  new LegacyMove(resource, fromAddress);
}

/** True when `stack` carries at least one legacy `moved` block. */
export function hasLegacyMoves(stack: TerraformStack): boolean {
  return stack.node.findAll().some((c) => c instanceof LegacyMove && TerraformStack.of(c) === stack && c.moves);
}

/** The outcome of the Terraform check for legacy moves: nothing to say, a warning, or an error. */
export interface LegacyMovesTerraformCheck {
  /** `error` when the Terraform found cannot read the blocks; `warning` when none could be asked. */
  readonly level: "error" | "warning";
  /** What was found, why it matters and what to do. */
  readonly message: string;
}

/**
 * The one `terraform version` check an app with legacy `moved` blocks needs. The binary is
 * `TERRAFORM_BINARY_NAME` when set, as for cdktf, else `terraform` on the PATH.
 * - a Terraform older than {@link LEGACY_MOVES_TERRAFORM_VERSION}, or one whose version cannot be
 *   read: an error, as cdktf's own check gives;
 * - no Terraform at all: a warning, unlike cdktf. The synth writes the same files either way, and
 *   the Terraform that plans them later is the one that matters (a synth machine, such as a fresh
 *   clone running `npm run synth`, need not have one).
 * Undefined when the Terraform found is new enough.
 */
export function checkTerraformForLegacyMoves(env: Readonly<Record<string, string | undefined>> = process.env): LegacyMovesTerraformCheck | undefined {
  const binary = env.TERRAFORM_BINARY_NAME || "terraform";
  const why =
    `the stacks carry moved blocks for Terraform state from release 0.1 (context "${LEGACY_MOVES_CONTEXT_KEY}": true), ` +
    `which need Terraform 1.8 or newer (moves across resource types)`;
  const fix = `use Terraform 1.8 or newer, or remove "${LEGACY_MOVES_CONTEXT_KEY}" if no stack has state from 0.1`;
  let output: string;
  try {
    output = execFileSync(binary, ["version"], { stdio: "pipe", env: { ...process.env, ...env } }).toString();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return { level: "warning", message: `${binary} was not found, so its version was not checked; ${why}: plan them with Terraform 1.8 or newer` };
    }
    return { level: "error", message: `"${binary} version" failed; ${why}: ${fix}` };
  }
  const version = /(\d+)\.(\d+)\.(\d+)/.exec(output);
  if (!version) return { level: "error", message: `"${binary} version" printed no version; ${why}: ${fix}` };
  const [major, minor] = [Number(version[1]), Number(version[2])];
  if (major > 1 || (major === 1 && minor >= LEGACY_MOVES_MINOR)) return undefined;
  return { level: "error", message: `${binary} is version ${version[0]}; ${why}: ${fix}` };
}
