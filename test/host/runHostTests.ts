/**
 * Runs test/suite inside a real VS Code.
 *   - code-server 4.100.3 (default; here and in CI, where VS Code cannot be downloaded);
 *   - desktop VS Code through @vscode/test-electron when SMIV_TEST_HOST=electron (downloads
 *     VS Code) or VSCODE_EXECUTABLE_PATH names an installed one.
 * The suite, the fake AWS environment and the settings are the same in both.
 *
 * In code-server a second, short launch runs test/pseudo with VS Code's display language set to
 * the pseudo locale qps-ploc, on a copy of the extension holding pseudo-localized bundles made
 * from l10n/bundle.l10n.json and package.nls.json at this moment (scripts/l10n.mjs --pseudo):
 * derived files, so they are never committed and never in the VSIX. It proves that the UI's
 * strings go through the bundles.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runInCodeServer } from './codeServer';

const root = path.resolve(__dirname, '..', '..', '..');
const suitePath = path.join(root, 'out', 'test', 'suite', 'index.js');
const artifactsDir = path.join(root, 'test-results', 'host');
const PSEUDO_LOCALE = 'qps-ploc';

/**
 * What VS Code loads of the extension (as in the VSIX), plus the pseudo-localized bundles, plus
 * the compiled tests: the host gives a test file the `vscode` API of the extension whose folder
 * holds it, and the pseudo tests need the extension's own (vscode.l10n.bundle, and the window
 * functions they stand in for). node_modules is linked for mocha.
 */
function pseudoLocalizedCopy(dir: string): string {
  const copy = path.join(dir, 'extension-pseudo');
  for (const entry of ['package.json', 'package.nls.json', 'dist', 'media', 'l10n', 'out']) {
    fs.cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'));
  const made = spawnSync(process.execPath, [path.join(root, 'scripts', 'l10n.mjs'), '--pseudo', copy], { stdio: 'inherit' });
  if (made.status !== 0) throw new Error('scripts/l10n.mjs --pseudo failed');
  return copy;
}

/** A clean, fake AWS environment: nothing inherited from the developer's machine can leak in. */
function awsEnvironment(dir: string): Record<string, string> {
  const config = path.join(dir, 'aws-config');
  const credentials = path.join(dir, 'aws-credentials');
  fs.writeFileSync(config, '[default]\nregion = us-east-1\n');
  fs.writeFileSync(credentials, '[default]\naws_access_key_id = AKIDHOSTTESTEXAMPLE1\naws_secret_access_key = host-test-secret-not-real\n');
  return {
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: credentials,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_REGION: '',
    AWS_DEFAULT_REGION: '',
    AWS_PROFILE: '',
    AWS_ACCESS_KEY_ID: '',
    AWS_SECRET_ACCESS_KEY: '',
    AWS_SESSION_TOKEN: '',
    AWS_ENDPOINT_URL: '',
    AWS_ENDPOINT_URL_SAGEMAKER: '',
  };
}

const userSettings = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.enableExperiments': false,
};

/** Drops every inherited AWS_* variable (AWS_CA_BUNDLE, AWS_PROFILE…) and returns exactly ours. */
function scrubbedEnv(env: Record<string, string>): Record<string, string> {
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first.');
  if (!fs.existsSync(suitePath)) throw new Error('out/test/suite/index.js is missing: run `npm run compile-tests` first.');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'smiv-env-'));
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  const env = scrubbedEnv(awsEnvironment(tmp));
  const host = process.env.SMIV_TEST_HOST ?? (process.env.VSCODE_EXECUTABLE_PATH ? 'electron' : 'code-server');
  const started = Date.now();
  let code: number;
  if (host === 'electron') {
    const { runTests } = await import('@vscode/test-electron');
    const userDataDir = path.join(tmp, 'user-data');
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
    code = await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: suitePath,
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH,
      extensionTestsEnv: env,
      launchArgs: [workspace, '--disable-extensions', '--user-data-dir', userDataDir, '--disable-workspace-trust'],
    }).catch((e: unknown) => {
      console.error(e);
      return 1;
    });
  } else if (host === 'code-server') {
    // SMIV_TEST_GREP=pseudo runs only the pseudo-localized launch; another grep only the main one.
    const grep = process.env.SMIV_TEST_GREP;
    const pseudoOnly = grep !== undefined && /pseudo/i.test(grep);
    code = pseudoOnly ? 0 : await runInCodeServer({ root, suitePath, env, userSettings, workspace, timeoutMs: 10 * 60_000, artifactsDir });
    if (code === 0 && (grep === undefined || pseudoOnly)) {
      const extensionPath = pseudoLocalizedCopy(tmp);
      code = await runInCodeServer({
        root,
        suitePath: path.join(extensionPath, 'out', 'test', 'pseudo', 'index.js'),
        extensionPath,
        displayLanguage: PSEUDO_LOCALE,
        env,
        userSettings,
        workspace,
        timeoutMs: 5 * 60_000,
        artifactsDir: path.join(root, 'test-results', 'host-pseudo'),
      });
    }
  } else {
    throw new Error(`SMIV_TEST_HOST must be code-server or electron, not ${host}`);
  }
  console.log(`Integration suite in ${host}: ${code === 0 ? 'passed' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(code);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
