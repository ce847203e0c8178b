/**
 * Entry point of dist/tree.js: the Images view's provider, its nodes, branches and live status.
 * Activation does not load it (src/extension/treeLoader.ts does, when the view first asks for rows
 * or a command, a test or the details documents need the tree), so a window whose view stays
 * closed never parses it.
 */
export { ImagesTreeProvider, type TreeOptions, type RevealOutcome, type LocateLimits } from './imagesTreeProvider';
export type { Node } from './nodes';
// vscode-free logic of the tree that the command handlers and the hover provider share (they
// reach it through this bundle, so dist/model.js, loaded at activation, stays without it).
export * from './model/detailsStore';
export * from './model/expiringCache';
export * from './model/pagedList';
export * from './model/statusPoller';
export * from './model/statuses';
export * from './model/timeFormat';
// Where images are used (issue 16): the scan, its cache and its wording, shared with the commands.
export * from './imageUsage';
export * from './usageRows';
export * from './model/usageScan';
