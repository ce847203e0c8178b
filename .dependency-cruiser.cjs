/**
 * Import rules of src/, checked by `npm run lint` (scripts/check-imports.mjs runs dependency-cruiser
 * with this file; the depcruise CLI reads it too, on a Node it supports).
 *
 * Each folder of src/ is one bundle (esbuild.js), so these rules are what keeps a bundle's promise:
 *  - dist/extension.js is loaded at activation in every window: it must not pull in the command
 *    handlers, the tree or the AWS SDK except through the one lazy loader each (commandsLoader,
 *    treeLoader, awsLayer);
 *  - src/model is vscode-free and SDK-free so that it runs in plain Node (the unit suite) and is
 *    shared by the other bundles; dist/model.js loads at activation, so it holds only what
 *    activation runs: src/model never imports src/requests, nor does src/extension;
 *  - src/requests (request builders, paging guards, field rules) is vscode-free and SDK-free too,
 *    and loads with the first row, command or AWS call; it imports only src/model;
 *  - only src/aws talks to the SDK, so SDK types and errors never leak into the rest.
 *
 * Type-only imports count for cycles on purpose: they cost nothing at run time, but a cycle of
 * types is still two modules that cannot be understood, tested or moved one without the other
 * (the type-only cycle of tree/nodes.ts and tree/regionBranch.ts was such a pair). The one kind of
 * cycle allowed is one closed by a lazy loader's `require` (src/model/awsLayer.ts,
 * src/extension/commandsLoader.ts): src/aws type-imports the AwsLayer shape it satisfies from
 * src/model and awsLayer requires src/aws on first use; that inversion is how the bundles split,
 * and the require runs long after both modules have loaded. Only those two files use require
 * (eslint's no-require-imports; across folders, the rules below).
 * Type-only imports are allowed only where a rule says so (commands may name the tree's types,
 * whose values reach them through CommandContext).
 */

/** Dependency types esbuild erases: they never make one bundle require another. */
const TYPE_ONLY = ['type-only', 'type-import'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycles in src, type-only imports included (see the header); only a cycle closed by a lazy loader’s require (awsLayer, commandsLoader) is by design.',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['require'] } },
    },
    {
      name: 'sdk-only-in-aws',
      severity: 'error',
      comment: 'Only src/aws may import the AWS SDK (@aws-sdk/*, @smithy/*), types included.',
      from: { path: '^src/', pathNot: '^src/aws/' },
      to: { path: '(^|/)node_modules/@(aws-sdk|smithy)/|^@(aws-sdk|smithy)/' },
    },
    {
      name: 'model-imports-only-model',
      severity: 'error',
      comment:
        'src/model never imports src/extension, src/tree, src/commands, src/aws or src/requests; src/model/awsLayer.ts reaches src/aws by its lazy require only (next rule).',
      from: { path: '^src/model/', pathNot: '^src/model/awsLayer\\.ts$' },
      to: { path: '^src/(extension|tree|commands|aws|requests)/' },
    },
    {
      name: 'requests-imports-only-model',
      severity: 'error',
      comment:
        'src/requests is vscode-free and SDK-free, shared by the tree, the commands and src/aws: it imports src/model and nothing else of src.',
      from: { path: '^src/requests/' },
      to: { path: '^src/(extension|tree|commands|aws)/' },
    },
    {
      name: 'activation-never-loads-requests',
      severity: 'error',
      comment:
        'dist/extension.js and dist/model.js are what activation parses: a value import of src/requests from either would load dist/requests.js in every window at startup.',
      from: { path: '^src/(extension|model)/' },
      to: { path: '^src/requests/', dependencyTypesNot: TYPE_ONLY },
    },
    {
      name: 'awsLayer-requires-aws-lazily',
      severity: 'error',
      comment: 'src/model/awsLayer.ts loads dist/aws.js on the first AWS call: a require (and its types), never a static import.',
      from: { path: '^src/model/awsLayer\\.ts$' },
      to: { path: '^src/aws/', dependencyTypesNot: ['require', ...TYPE_ONLY] },
    },
    {
      name: 'awsLayer-reaches-only-aws',
      severity: 'error',
      comment: 'The lazy loader of dist/aws.js has no business with the extension or the command handlers.',
      from: { path: '^src/model/awsLayer\\.ts$' },
      to: { path: '^src/(extension|tree|commands)/' },
    },
    {
      name: 'commands-only-type-import-extension',
      severity: 'error',
      comment: 'Commands get what they need from src/extension through CommandContext: type-only imports only.',
      from: { path: '^src/commands/' },
      to: { path: '^src/extension/', dependencyTypesNot: TYPE_ONLY },
    },
    {
      name: 'extension-reaches-commands-through-loader',
      severity: 'error',
      comment: 'dist/extension.js is loaded at activation: only src/extension/commandsLoader.ts reaches src/commands (lazily, next rule).',
      from: { path: '^src/extension/', pathNot: '^src/extension/commandsLoader\\.ts$' },
      to: { path: '^src/commands/', dependencyTypesNot: TYPE_ONLY },
    },
    {
      name: 'commandsLoader-requires-commands-lazily',
      severity: 'error',
      comment: 'src/extension/commandsLoader.ts loads dist/commands.js on first use: a require (and its types), never a static import.',
      from: { path: '^src/extension/commandsLoader\\.ts$' },
      to: { path: '^src/commands/', dependencyTypesNot: ['require', ...TYPE_ONLY] },
    },
    {
      name: 'extension-reaches-tree-through-loader',
      severity: 'error',
      comment:
        'dist/extension.js is loaded at activation: only src/extension/treeLoader.ts reaches src/tree (lazily, next rule); elsewhere the tree is named by its types.',
      from: { path: '^src/extension/', pathNot: '^src/extension/treeLoader\\.ts$' },
      to: { path: '^src/tree/', dependencyTypesNot: TYPE_ONLY },
    },
    {
      name: 'treeLoader-requires-tree-lazily',
      severity: 'error',
      comment:
        'src/extension/treeLoader.ts loads dist/tree.js when the view first asks for rows: a require (and its types), never a static import.',
      from: { path: '^src/extension/treeLoader\\.ts$' },
      to: { path: '^src/tree/', dependencyTypesNot: ['require', ...TYPE_ONLY] },
    },
    {
      name: 'tree-imports-only-tree-and-model',
      severity: 'error',
      comment:
        'dist/tree.js is required by dist/extension.js and dist/commands.js: src/tree never imports src/extension, src/commands or src/aws.',
      from: { path: '^src/tree/' },
      to: { path: '^src/(extension|commands|aws)/' },
    },
    {
      name: 'extension-reaches-aws-through-model',
      severity: 'error',
      comment: 'dist/extension.js never loads the SDK bundle itself: src/aws is reached only through src/model/awsLayer.ts (loadAws).',
      from: { path: '^src/extension/' },
      to: { path: '^src/aws/', dependencyTypesNot: TYPE_ONLY },
    },
    {
      name: 'aws-imports-only-aws-and-model',
      severity: 'error',
      comment: 'dist/aws.js is required by dist/model.js: src/aws never imports src/extension or src/commands.',
      from: { path: '^src/aws/' },
      to: { path: '^src/(extension|tree|commands)/' },
    },
    {
      name: 'commands-reach-aws-through-model',
      severity: 'error',
      comment: 'Commands call AWS through the session (src/model/awsLayer.ts loads dist/aws.js): no value import of src/aws.',
      from: { path: '^src/commands/' },
      to: { path: '^src/aws/', dependencyTypesNot: TYPE_ONLY },
    },
    {
      name: 'l10n-only-through-model-l10n',
      severity: 'error',
      comment:
        'One @vscode/l10n instance, in dist/model.js, is configured at activation: every module uses l10n from src/model/l10n.ts (an import of the package elsewhere would bundle a second, unconfigured copy, or its Node build).',
      from: { path: '^src/', pathNot: '^src/model/l10n\\.ts$' },
      to: { path: '(^|/)node_modules/@vscode/l10n/|^@vscode/l10n$', dependencyTypesNot: TYPE_ONLY },
    },
  ],
  options: {
    // Sees type-only imports too (the TypeScript compiler's view, before esbuild erases them).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    // node_modules is not followed but stays in the graph, so the rules about packages can see it.
    exclude: { path: '^(dist|out)/' },
  },
};
