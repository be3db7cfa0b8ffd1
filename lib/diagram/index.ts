// Architecture diagrams of a stack, drawn at synthesis from its resources: Mermaid in Markdown and an offline HTML page.
export * from "./model";
export * from "./extract";
export * from "./escape";
export * from "./mermaid";
export * from "./html";
export * from "./architecture-diagram";
