/**
 * The e2e world: the demo emulator (in this process, so tests read its request log and inject
 * faults from code), code-server 4.100.3 with the packaged VSIX installed by --install-extension,
 * and Debian Chromium driven by playwright-core with clipboard permissions.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SageMakerEmulator } from '../emulator/server';
import { chromiumPath, codeServerLaunch, ensureCodeServer, freePort } from '../host/codeServer';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const VSIX = path.join(ROOT, 'dist-vsix', 'sagemaker-image-versions.vsix');
/** Where failure artifacts go. */
export const ARTIFACTS = path.join(ROOT, 'test-results', 'e2e');
/** The README's screenshots folder: this run's PNGs replace the previous run's. */
export const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');

export interface World {
  emulator: SageMakerEmulator;
  page: Page;
  context: BrowserContext;
  browser: Browser;
  server: ChildProcess;
  userDataDir: string;
  workspace: string;
  url: string;
  serverLog: string;
  tmp: string;
}

/**
 * Merges settings into the user settings and the remote machine settings. code-server's window is
 * a remote one: machine-scoped settings (the endpoint) belong in Machine/settings.json, and a
 * reloaded window may read them only from there.
 */
export function writeUserSettings(userDataDir: string, extra: Record<string, unknown>): void {
  for (const scope of ['User', 'Machine']) {
    const file = path.join(userDataDir, scope, 'settings.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const current = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
    fs.writeFileSync(file, JSON.stringify({ ...current, ...extra }, null, 2));
  }
}

export interface WorldOptions {
  /**
   * false: workspace trust is on and the folder is not trusted, so the window opens in Restricted
   * Mode (no start-up prompt; the user grants trust later). Default true: trust is off.
   */
  readonly trusted?: boolean;
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const trusted = options.trusted ?? true;
  if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`npm run package\` first.`);
  const entry = ensureCodeServer(ROOT);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const emulator = new SageMakerEmulator({ fixture: 'demo' });
  await emulator.start();

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'smiv-e2e-'));
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const workspace = path.join(tmp, 'workspace');
  for (const d of [path.join(userDataDir, 'User'), extensionsDir, workspace]) fs.mkdirSync(d, { recursive: true });
  writeUserSettings(userDataDir, {
    'sagemakerImages.endpoint': emulator.url,
    'security.workspace.trust.enabled': !trusted,
    'security.workspace.trust.startupPrompt': 'never',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.colorTheme': 'Default Light Modern',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'git.enabled': false,
    'window.commandCenter': false,
  });

  const install = spawnSync(
    process.execPath,
    [entry, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', VSIX],
    { encoding: 'utf8' },
  );
  if (install.status !== 0 || !/successfully installed/i.test(install.stdout + install.stderr)) {
    throw new Error(`installing the VSIX failed:\n${install.stdout}\n${install.stderr}`);
  }

  const awsDir = path.join(tmp, 'aws');
  fs.mkdirSync(awsDir);
  fs.writeFileSync(path.join(awsDir, 'config'), '[default]\nregion = us-east-1\n');
  fs.writeFileSync(
    path.join(awsDir, 'credentials'),
    '[default]\naws_access_key_id = AKIDE2ETESTEXAMPLE01\naws_secret_access_key = e2e-secret-not-real\n',
  );
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('AWS_')) delete env[k];
  Object.assign(env, {
    AWS_CONFIG_FILE: path.join(awsDir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(awsDir, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  });

  const port = await freePort();
  const serverLog = path.join(ARTIFACTS, 'code-server.log');
  const logStream = fs.createWriteStream(serverLog);
  const server = spawn(process.execPath, codeServerLaunch.codeServerArgs({ entry, port, extensionsDir, userDataDir, workspace, trusted }), {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.pipe(logStream);
  server.stderr?.pipe(logStream);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not yet
    }
    if (i > 300 || server.exitCode !== null) throw new Error(`code-server did not start; see ${serverLog}`);
    await new Promise((r) => setTimeout(r, 200));
  }

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: codeServerLaunch.CHROMIUM_ARGS,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const page = await context.newPage();
  const url = `${base}/?folder=${encodeURIComponent(workspace)}`;
  await page.goto(url);
  await page.locator('.activitybar').waitFor({ timeout: 60_000 });
  return { emulator, page, context, browser, server, userDataDir, workspace, url, serverLog, tmp };
}

export async function stopWorld(w: World | undefined): Promise<void> {
  if (!w) return;
  await w.browser.close().catch(() => undefined);
  w.server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  if (w.server.exitCode === null) w.server.kill('SIGKILL');
  await w.emulator.stop();
  fs.rmSync(w.tmp, { recursive: true, force: true });
}
