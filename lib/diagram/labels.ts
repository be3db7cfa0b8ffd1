/**
 * Readable words for Terraform expressions in a diagram. A value the synth cannot know is
 * written as `${...}` (a reference to another resource, another stack's output, a variable);
 * printed raw, it fills titles and region headings with `${data.terraform_remote_state...}`.
 */

/** The words for one expression body (the text between `${` and `}`). */
function expressionLabel(expression: string): string {
  const crossStack = /^data\.terraform_remote_state\.cross-stack-reference-input-(.+?)\.outputs\./.exec(expression);
  if (crossStack) return `(from stack ${crossStack[1]})`;
  const remoteState = /^data\.terraform_remote_state\.([A-Za-z0-9_-]+)\./.exec(expression);
  if (remoteState) return `(from remote state ${remoteState[1]})`;
  const variable = /^var\.([A-Za-z0-9_-]+)$/.exec(expression);
  if (variable) return `(variable ${variable[1]}, set at apply)`;
  const attribute = /^((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+)\.([a-z0-9_]+)$/.exec(expression);
  if (attribute) return `(set at apply: ${attribute[2]} of ${attribute[1]})`;
  return "(set at apply)";
}

/** `value` as literal text and `${...}` expressions; braces inside an expression are matched. */
function parts(value: string): { text: string; expression: boolean }[] {
  const out: { text: string; expression: boolean }[] = [];
  let i = 0;
  while (i < value.length) {
    const start = value.indexOf("${", i);
    let end = -1;
    for (let j = start + 2, depth = 0; start !== -1 && j < value.length; j++) {
      if (value[j] === "{") depth++;
      else if (value[j] === "}" && depth-- === 0) {
        end = j;
        break;
      }
    }
    if (start === -1 || end === -1) break;
    if (start > i) out.push({ text: value.slice(i, start), expression: false });
    out.push({ text: value.slice(start + 2, end), expression: true });
    i = end + 1;
  }
  if (i < value.length) out.push({ text: value.slice(i), expression: false });
  return out;
}

/**
 * `value` with every `${...}` expression replaced by readable words: `(from stack hub)` for a
 * cross-stack reference, `(set at apply: location of azurerm_resource_group.rg)` for another
 * resource's attribute, `(set at apply)` for anything else.
 */
export function readableValue(value: string): string {
  return parts(value)
    .map((p) => (p.expression ? expressionLabel(p.text) : p.text))
    .join("");
}

/** True when `value` is one whole `${...}` expression and nothing else. */
export function isWholeExpression(value: string): boolean {
  const all = parts(value);
  return all.length === 1 && all[0].expression;
}
