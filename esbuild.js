// Bundles the extension. Three bundles, on purpose:
//  - dist/extension.js: activation code only (the tree, settings, command ids). Loads in a few
//    ms; it runs in every window, since ARN hovers need the extension active at startup.
//  - dist/commands.js: the command handlers and the ARN hover provider, required on the first
//    command or hover through src/commands/lazy.ts.
//  - dist/aws.js: the AWS SDK and src/aws, required on first use through src/aws/lazy.ts, so
//    activation never pays for parsing and evaluating the SDK.
// `--production` minifies; `--watch` rebuilds on change (F5). A metafile is written for each
// build (dist/meta.json) and the bundle sizes are printed every time.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * Turns `require('./awsBundle')` in src/aws/lazy.ts and `require('./commandsBundle')` in
 * src/commands/lazy.ts into runtime requires of the other bundles.
 */
const lazyBundlesExternal = {
  name: 'lazy-bundles-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/awsBundle$/ }, (args) =>
      args.importer.endsWith(path.join('src', 'aws', 'lazy.ts')) ? { path: './aws.js', external: true } : undefined,
    );
    build.onResolve({ filter: /^\.\/commandsBundle$/ }, (args) =>
      args.importer.endsWith(path.join('src', 'commands', 'lazy.ts')) ? { path: './commands.js', external: true } : undefined,
    );
  },
};

/** Prints each output's size after every build. */
const reportSizes = {
  name: 'report-sizes',
  setup(build) {
    build.onEnd((result) => {
      for (const e of result.errors) console.error(`✘ ${e.text} ${e.location ? `${e.location.file}:${e.location.line}` : ''}`);
      if (!result.metafile) return;
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
    entryPoints: { extension: 'src/extension.ts', commands: 'src/commands/commandsBundle.ts', aws: 'src/aws/awsBundle.ts' },
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
    plugins: [lazyBundlesExternal, reportSizes],
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
