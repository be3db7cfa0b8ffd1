// Public API of lib/diagram: the architecture diagram drawn at synthesis (the renderers are internal).
// Listed name by name: a name not here is not public API (the API report in api/ shows the whole surface).

export { ArchitectureDiagram } from "./architecture-diagram";
export type { ArchitectureDiagramProps } from "./architecture-diagram";

export { diagramNodeId, principalKey } from "./model";
export type { ArchitectureModel, DiagramEdge, DiagramEdgeKind, DiagramNode, DiagramNodeKind } from "./model";
