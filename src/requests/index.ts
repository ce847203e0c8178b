/**
 * Entry point of dist/requests.js: the vscode-free, SDK-free rules of what we send that activation
 * never runs (how list requests are built, how NextToken is followed, what every written field may
 * hold). A bundle of its own, loaded with the first row, command or AWS call, so that activation
 * does not parse them: dist/model.js, which activation loads, holds only what activation needs.
 * The other bundles import its modules by path (`../requests/paging`); esbuild.js turns each such
 * import into a require of this bundle, which is why every module is re-exported here.
 */
export * from './imageFields';
export * from './listRequests';
export * from './paging';
