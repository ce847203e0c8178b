/**
 * Runs the integration suite inside code-server 4.100.3 (VS Code 1.100.3, Node extension host),
 * driven by Debian Chromium through playwright-core. The workbench's `payload` parameter loads
 * the extension from its folder (extensionDevelopmentPath) and runs the suite
 * (extensionTestsPath); it calls window.codeAutomationExit(code) when run() settles.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';

/** scripts/codeServerLaunch.js: the code-server and Chromium flags the demo and both suites share. */
// out/test/host → the repository root: the module is plain JavaScript (the demo runs it uncompiled).
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const codeServerLaunch = require(path.resolve(__dirname, '..', '..', '..', 'scripts', 'codeServerLaunch.js')) as {
  codeServerArgs(o: {
    entry: string;
    port: number;
    extensionsDir: string;
    userDataDir: string;
    workspace: string;
    trusted?: boolean;
    locale?: string;
  }): string[];
  CHROMIUM_ARGS: string[];
};

export interface CodeServerRun {
  root: string;
  suitePath: string;
  env: Record<string, string>;
  userSettings: Record<string, unknown>;
  /** Folder to open as the workspace. */
  workspace: string;
  timeoutMs: number;
  /** Where logs and screenshots go on failure. */
  artifactsDir: string;
  /** The extension folder to load (extensionDevelopmentPath); default `root`. */
  extensionPath?: string;
  /**
   * VS Code's display language, e.g. 'qps-ploc'. code-server takes it from --locale, but only
   * for a language a language pack provides (else it falls back to English, and so does every
   * extension's vscode.l10n): a pack with no translations of VS Code's own strings is declared in
   * the user-data dir's languagepacks.json, which is what makes the workbench, and through it the
   * extension host (vscode.env.language), run in that language.
   */
  displayLanguage?: string;
}

/** Declares an empty language pack for `language` (VS Code's own strings stay English). */
function declareLanguagePack(userDataDir: string, language: string): void {
  const translations = path.join(userDataDir, `empty-${language}.i18n.json`);
  fs.writeFileSync(translations, JSON.stringify({ contents: {} }));
  const pack = {
    hash: `smiv-${language}`,
    extensions: [{ extensionIdentifier: { id: `smiv-test.language-pack-${language}` }, version: '0.0.0' }],
    translations: { vscode: translations },
    label: language,
  };
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({ [language]: pack }));
}

export function codeServerEntry(root: string): string {
  const cache = process.env.CODE_SERVER_CACHE ?? path.join(root, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
  return path.join(cache, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** Installs code-server on demand (scripts/install-host.sh is idempotent and quick once done). */
export function ensureCodeServer(root: string): string {
  const entry = codeServerEntry(root);
  const stamp = path.join(path.dirname(entry), '..', '..', '..', '..', '.installed');
  if (!fs.existsSync(entry) || !fs.existsSync(stamp)) {
    console.log(`Installing code-server ${CODE_SERVER_VERSION} (one time)…`);
    const r = spawnSync('bash', [path.join(root, 'scripts', 'install-host.sh')], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('code-server installation failed (see above)');
  }
  return entry;
}

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(
    (p): p is string => !!p,
  );
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error('Chromium is missing: install it with `apt-get install chromium` (or set CHROMIUM_PATH).');
  return found;
}

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, deadline: number, proc: ChildProcess): Promise<void> {
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`code-server exited early with code ${proc.exitCode}`);
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer at ${url}`);
}

/** Streams lines appended to a file (the suite's report) to our stdout. */
function follow(file: string): () => void {
  let offset = 0;
  const pump = () => {
    if (!fs.existsSync(file)) return;
    const size = fs.statSync(file).size;
    if (size <= offset) return;
    const fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(size - offset);
    fs.readSync(fd, buf, 0, buf.length, offset);
    fs.closeSync(fd);
    offset = size;
    process.stdout.write(buf.toString('utf8'));
  };
  const timer = setInterval(pump, 250);
  return () => {
    clearInterval(timer);
    pump();
  };
}

export async function runInCodeServer(opts: CodeServerRun): Promise<number> {
  const entry = ensureCodeServer(opts.root);
  const { chromium } = await import('playwright-core');
  const executablePath = chromiumPath();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'smiv-host-'));
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(path.join(userDataDir, 'Machine'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(opts.userSettings, null, 2));
  if (opts.displayLanguage) declareLanguagePack(userDataDir, opts.displayLanguage);
  fs.mkdirSync(opts.artifactsDir, { recursive: true });
  const report = path.join(tmp, 'report.txt');
  const serverLog = path.join(opts.artifactsDir, 'code-server.log');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;

  const proc = spawn(
    process.execPath,
    codeServerLaunch.codeServerArgs({ entry, port, extensionsDir, userDataDir, workspace: opts.workspace, locale: opts.displayLanguage }),
    { env: { ...process.env, ...opts.env, SMIV_TEST_REPORT: report }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const logStream = fs.createWriteStream(serverLog);
  proc.stdout?.pipe(logStream);
  proc.stderr?.pipe(logStream);
  const stopFollowing = follow(report);
  const browser = await chromium.launch({
    executablePath,
    args: codeServerLaunch.CHROMIUM_ARGS,
  });
  try {
    await waitForHttp(`${base}/healthz`, Date.now() + 60_000, proc);
    const page = await browser.newPage();
    const exit = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      if (process.env.SMIV_HOST_VERBOSE) console.log(`[host ${type}]`, ...(Array.isArray(args) ? args : [args]));
    });
    const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(opts.extensionPath ?? opts.root)],
      ['extensionTestsPath', remote(opts.suitePath)],
    ];
    const url = `${base}/?folder=${encodeURIComponent(opts.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(-1), opts.timeoutMs));
    const code = await Promise.race([exit, timeout]);
    if (code !== 0) {
      const shot = path.join(opts.artifactsDir, 'host-failure.png');
      await page.screenshot({ path: shot }).catch(() => undefined);
      console.error(code === -1 ? `The suite did not finish within ${opts.timeoutMs / 1000} s.` : `The suite failed (exit code ${code}).`);
      console.error(`Artifacts: ${shot} and ${serverLog}`);
    }
    return code === -1 ? 1 : code;
  } finally {
    stopFollowing();
    await browser.close().catch(() => undefined);
    proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    if (proc.exitCode === null) proc.kill('SIGKILL');
    logStream.end();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
