// The extension's string bundle, l10n/bundle.l10n.json: every literal first argument of
// vscode.l10n.t and of l10n.t (@vscode/l10n, directly or through src/model/l10n.ts) in src/,
// extracted by @vscode/l10n-dev (the extractor of `vscode-l10n-dev export`, called through its
// API so the file order, and so the bundle's key order, is stable).
//   node scripts/l10n.mjs            writes l10n/bundle.l10n.json           (npm run l10n)
//   node scripts/l10n.mjs --check    fails when the committed file differs   (npm run lint)
//   node scripts/l10n.mjs --pseudo DIR
//                                    writes DIR/l10n/bundle.l10n.qps-ploc.json and
//                                    DIR/package.nls.qps-ploc.json (the pseudo-localized run of
//                                    the host suite; generated at test time, never committed)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import l10nDev from '@vscode/l10n-dev';

const { getL10nJson, getL10nPseudoLocalized } = l10nDev;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundlePath = path.join(root, 'l10n', 'bundle.l10n.json');
export const PSEUDO_LOCALE = 'qps-ploc';

function sourceFiles(dir) {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * Modules take `l10n` from src/model/l10n.ts (the one configured instance, see there) instead of
 * importing @vscode/l10n. The extractor only follows imports of 'vscode' and '@vscode/l10n', so
 * such an import is shown to it as the package import it stands for.
 */
const REEXPORT_IMPORT = /^import \{ l10n \} from '(?:\.\/|(?:\.\.\/)+model\/)l10n';$/m;

function asExtractorSees(contents) {
  return contents.replace(REEXPORT_IMPORT, "import * as l10n from '@vscode/l10n';");
}

/** The bundle as the sources say it should be, serialized as committed. */
async function extractedBundle() {
  const files = sourceFiles(path.join(root, 'src')).map((f) => ({
    extension: '.ts',
    contents: asExtractorSees(fs.readFileSync(f, 'utf8')),
  }));
  return `${JSON.stringify(await getL10nJson(files), null, 2)}\n`;
}

async function main(args) {
  if (args[0] === '--check') {
    const expected = await extractedBundle();
    const actual = fs.existsSync(bundlePath) ? fs.readFileSync(bundlePath, 'utf8') : '';
    if (actual !== expected) {
      const keys = (text) => new Set(text ? Object.keys(JSON.parse(text)) : []);
      const [want, have] = [keys(expected), keys(actual)];
      for (const k of want) if (!have.has(k)) console.error(`✘ missing from l10n/bundle.l10n.json: ${JSON.stringify(k)}`);
      for (const k of have) if (!want.has(k)) console.error(`✘ no longer in the sources: ${JSON.stringify(k)}`);
      console.error('✘ l10n/bundle.l10n.json is out of date with src/: run `npm run l10n` and commit it.');
      process.exitCode = 1;
      return;
    }
    console.log(`l10n/bundle.l10n.json is up to date (${Object.keys(JSON.parse(expected)).length} strings).`);
  } else if (args[0] === '--pseudo') {
    const out = args[1];
    if (!out) throw new Error('--pseudo needs the folder of the extension copy to write into');
    const bundle = JSON.parse(fs.readFileSync(bundlePath, 'utf8'));
    const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
    fs.mkdirSync(path.join(out, 'l10n'), { recursive: true });
    fs.writeFileSync(path.join(out, 'l10n', `bundle.l10n.${PSEUDO_LOCALE}.json`), JSON.stringify(getL10nPseudoLocalized(bundle), null, 2));
    fs.writeFileSync(path.join(out, `package.nls.${PSEUDO_LOCALE}.json`), JSON.stringify(getL10nPseudoLocalized(nls), null, 2));
  } else {
    fs.mkdirSync(path.dirname(bundlePath), { recursive: true });
    const text = await extractedBundle();
    fs.writeFileSync(bundlePath, text);
    console.log(`Wrote l10n/bundle.l10n.json (${Object.keys(JSON.parse(text)).length} strings).`);
  }
}

await main(process.argv.slice(2));
