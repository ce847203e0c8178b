/**
 * Entry point of dist/model.js: the vscode-free, SDK-free layer (logic, helpers, types) that the
 * other three bundles share at run time, so each of its modules is compiled once. The other
 * bundles import its modules by path (`../model/errors`); esbuild.js turns each such import into
 * a require of this bundle, which is why every module is re-exported here (the build refuses an
 * import of a module this file leaves out).
 */
export * from './commands';
export * from './awsLayer';
export * from './endpointSecurity';
export * from './errors';
export * from './l10n';
export * from './log';
export * from './markdownText';
export * from './regions';
export * from './sageMakerSession';
export * from './settings';
export * from './settingsController';
export * from './shellQuote';
export * from './types';
export * from './versionDocument';
export * from './versionQuery';
export * from './page';
export * from './studioTypes';
