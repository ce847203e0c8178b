// Bundles the extension. Each folder of src/ is one bundle, and the folder says which:
//  - src/extension -> dist/extension.js: activation (settings, status bar, command registration,
//    the view's deferred provider). Runs in every window at startup (ARN hovers need the extension
//    active), so it stays small.
//  - src/tree      -> dist/tree.js: the Images view's provider, nodes and live status, required
//    when the view first asks for rows or something needs the tree (src/extension/treeLoader.ts).
//  - src/commands  -> dist/commands.js: the command handlers and the ARN hover provider, required
//    on the first command or hover (src/extension/commandsLoader.ts).
//  - src/aws       -> dist/aws.js: the AWS SDK and our calls through it, required on the first
//    AWS call (src/model/awsLayer.ts), so activation never parses the SDK.
//  - src/model     -> dist/model.js: vscode-free and SDK-free logic and helpers, shared by the
//    others at run time (required with dist/extension.js, so it holds only what activation runs).
//  - src/requests  -> dist/requests.js: vscode-free and SDK-free rules of what we send (list
//    request builders, paging guards, field checks), shared by tree, commands and aws; loaded
//    with the first of them, never at activation.
// An import that crosses folders becomes a runtime require of the other bundle (bundleFolders
// below), so no module is compiled twice; the build fails if one is (see checkBundles).
// `--production` minifies; `--watch` rebuilds on change (F5). Each build writes dist/meta.json
// and prints the bundle sizes.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const SRC = path.join(__dirname, 'src');
const BUNDLES = ['extension', 'tree', 'commands', 'aws', 'model', 'requests'];

/** The bundle a source path (with or without extension) belongs to: its folder under src/. */
function bundleOf(file) {
  const [folder] = path.relative(SRC, file).split(path.sep);
  return BUNDLES.includes(folder) ? folder : undefined;
}

/** True when src/<bundle>/index.ts re-exports the module `name` whole (`export * from './name'`). */
function reExported(bundle, name) {
  const index = fs.readFileSync(path.join(SRC, bundle, 'index.ts'), 'utf8');
  return index.includes(`export * from './${name.split(path.sep).join('/')}';`);
}

/**
 * Turns an import of another bundle's folder (`../aws`) or of a module that folder's index
 * re-exports whole (`../model/errors`) into `require('./<bundle>.js')`; any other import across
 * folders fails the build, so a module can never be compiled into two bundles.
 */
const bundleFolders = {
  name: 'bundle-folders',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const from = bundleOf(args.importer);
      const target = path.resolve(args.resolveDir, args.path);
      const to = bundleOf(target);
      if (!from || !to || from === to) return undefined;
      const inner = path.relative(path.join(SRC, to), target);
      if (inner !== '' && !reExported(to, inner)) {
        return {
          errors: [
            { text: `${args.path} belongs to dist/${to}.js: src/${to}/index.ts must re-export it whole, or import src/${to} itself` },
          ],
        };
      }
      return { path: `./${to}.js`, external: true };
    });
  },
};

/** Fails the build when a module of src/ is compiled into a bundle other than its folder's. */
function checkBundles(metafile) {
  const problems = [];
  for (const [output, info] of Object.entries(metafile.outputs)) {
    if (output.endsWith('.map')) continue;
    const bundle = path.basename(output, '.js');
    for (const input of Object.keys(info.inputs)) {
      const owner = bundleOf(path.resolve(__dirname, input));
      if (input.startsWith('src/') && owner !== bundle)
        problems.push(`${input} is compiled into ${output} (its folder says dist/${owner}.js)`);
    }
  }
  return problems;
}

/** Prints each output's size after every build. */
const reportSizes = {
  name: 'report-sizes',
  setup(build) {
    build.onEnd((result) => {
      for (const e of result.errors) console.error(`✘ ${e.text} ${e.location ? `${e.location.file}:${e.location.line}` : ''}`);
      if (!result.metafile) return;
      const problems = checkBundles(result.metafile);
      for (const p of problems) console.error(`✘ ${p}`);
      if (problems.length && !watch) process.exitCode = 1;
      fs.mkdirSync('dist', { recursive: true });
      fs.writeFileSync(path.join('dist', 'meta.json'), JSON.stringify(result.metafile));
      for (const [file, info] of Object.entries(result.metafile.outputs)) {
        if (file.endsWith('.map')) continue;
        console.log(`${file}  ${(info.bytes / 1024).toFixed(1)} KB${production ? ' (minified)' : ''}`);
      }
    });
  },
};

async function main() {
  const ctx = await esbuild.context({
    entryPoints: Object.fromEntries(BUNDLES.map((b) => [b, `src/${b}/index.ts`])),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outdir: 'dist',
    external: ['vscode'],
    // The SDK's ESM entry points tree-shake far better: 846 KB -> 304 KB for the client here.
    mainFields: ['module', 'main'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    metafile: true,
    legalComments: production ? 'none' : 'inline',
    logLevel: 'warning',
    plugins: [bundleFolders, reportSizes],
  });
  if (watch) {
    await ctx.watch();
    console.log('[watch] build finished, watching for changes…');
  } else {
    await ctx.rebuild();
    await ctx.dispose();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
