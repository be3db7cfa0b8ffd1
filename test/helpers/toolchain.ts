/**
 * Which toolchain this test run loads. package.json's jest config loads cdktf; jest.cdktn.config.js
 * maps `cdktf`, `cdktf/*` and `@cdktf/provider-azurerm/*` to CDK Terrain, so the same tests run
 * against cdktn. Read from what `cdktf` resolves to, not from a flag that could disagree with it.
 */
export const TOOLCHAIN: "cdktf" | "cdktn" = require("cdktf/package.json").name;

/** The azurerm provider version that the loaded bindings pin in `required_providers`. */
export const AZURERM_VERSION = { cdktf: "4.55.0", cdktn: "4.73.0" }[TOOLCHAIN];
