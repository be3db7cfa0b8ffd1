import { IConstruct } from "constructs";

/** `id`, or `id-2`, `id-3`, ... when `scope` already has a child with that ID (never throws). */
export function freeChildId(scope: IConstruct, id: string): string {
  let candidate = id;
  for (let n = 2; scope.node.tryFindChild(candidate) !== undefined; n++) candidate = `${id}-${n}`;
  return candidate;
}
