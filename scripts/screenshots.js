#!/usr/bin/env node
// Takes the README's screenshots from a real run: starts `npm run demo` in code-server mode,
// drives it with Debian Chromium (playwright-core), opens the SageMaker Images view, expands the
// 250-version image, and saves PNGs of the tree in the light and dark themes to docs/screenshots/.
// Usage: node scripts/screenshots.js
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'docs', 'screenshots');
const uiPort = Number(process.env.DEMO_PORT ?? 8087);
const emulatorPort = Number(process.env.EMULATOR_PORT ?? 4587);

function startDemo() {
  return new Promise((resolve, reject) => {
    const demo = spawn(process.execPath, [path.join(root, 'scripts', 'demo.js')], {
      cwd: root,
      env: { ...process.env, DEMO_HOST: 'code-server', DEMO_PORT: String(uiPort), EMULATOR_PORT: String(emulatorPort) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    demo.stdout.on('data', (d) => {
      out += d;
      const m = /open (http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)/.exec(out);
      if (m) resolve({ demo, url: m[1] });
    });
    demo.on('exit', (code) => reject(new Error(`demo exited with ${code}:\n${out}`)));
  });
}

/** Switches the theme through the demo's user settings file and reloads the window to apply it. */
async function setTheme(page, theme) {
  const file = path.join(root, '.vscode-test', 'demo', 'code-server-user-data', 'User', 'settings.json');
  const settings = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (settings['workbench.colorTheme'] === theme) return;
  settings['workbench.colorTheme'] = theme;
  fs.writeFileSync(file, JSON.stringify(settings, null, 2));
  await page.reload();
  await openTree(page);
}

const row = (page, label) => page.locator('.monaco-list-row', { hasText: label }).first();

/** Opens the view and expands two images (a no-op for those already expanded). */
async function openTree(page) {
  const tab = page.locator('.activitybar a[aria-label*="SageMaker Images"]').first();
  await tab.waitFor({ timeout: 30_000 });
  if ((await page.locator('.part.sidebar .monaco-list-row').count()) === 0) await tab.click();
  for (const [image, version] of [
    ['conda-env-kernel', 'Version 12'],
    ['pytorch-nightly-gpu', 'Version 250'],
  ]) {
    await row(page, image).waitFor({ timeout: 30_000 });
    if (!(await row(page, version).isVisible())) await row(page, image).click();
    await row(page, version).waitFor({ timeout: 30_000 });
  }
  await page.mouse.move(900, 700);
  await page.waitForTimeout(500);
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const { demo, url } = await startDemo();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await openTree(page);
    const sidebar = page.locator('.part.sidebar');
    await setTheme(page, 'Default Light Modern');
    await sidebar.screenshot({ path: path.join(outDir, 'tree-light.png') });
    await setTheme(page, 'Default Dark Modern');
    await sidebar.screenshot({ path: path.join(outDir, 'tree-dark.png') });
    await row(page, 'Version 10').hover();
    await page.waitForSelector('.monaco-hover', { timeout: 10_000 }).catch(() => undefined);
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(outDir, 'failed-version-tooltip.png'), clip: { x: 0, y: 0, width: 1000, height: 700 } });
    console.log(`Screenshots written to ${path.relative(root, outDir)}/`);
  } catch (e) {
    const pages = browser.contexts().flatMap((c) => c.pages());
    if (pages[0]) await pages[0].screenshot({ path: path.join(root, 'test-results', 'screenshots-failure.png') }).catch(() => undefined);
    throw e;
  } finally {
    await browser.close();
    demo.kill('SIGTERM');
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
