#!/usr/bin/env node
// npm run demo: starts the SageMaker emulator with the demo fixture and opens VS Code with the
// extension pointed at it.
//   - desktop VS Code when `code` is on PATH (a separate window and profile, extension loaded
//     from this folder);
//   - otherwise code-server 4.100.3 on 127.0.0.1 (installed on demand), with the packaged VSIX
//     installed, and the URL printed.
// Fake credentials only: your own AWS profiles are never read or sent anywhere.
// Env: DEMO_HOST=code-server|desktop, DEMO_PORT (code-server, default 8080), EMULATOR_PORT (4566).
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { codeServerArgs } = require('./codeServerLaunch');

const root = path.resolve(__dirname, '..');
const demoDir = path.join(root, '.vscode-test', 'demo');
const emulatorPort = Number(process.env.EMULATOR_PORT ?? 4566);
const uiPort = Number(process.env.DEMO_PORT ?? 8080);
const children = [];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function stopAll() {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
}
process.on('SIGINT', () => {
  stopAll();
  process.exit(0);
});
process.on('SIGTERM', () => {
  stopAll();
  process.exit(0);
});

async function waitFor(url, what) {
  for (let i = 0; i < 300; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${what} did not start at ${url}`);
}

function fakeAwsEnv() {
  fs.mkdirSync(demoDir, { recursive: true });
  const config = path.join(demoDir, 'aws-config');
  const credentials = path.join(demoDir, 'aws-credentials');
  fs.writeFileSync(config, '[default]\nregion = us-east-1\n');
  fs.writeFileSync(credentials, '[default]\naws_access_key_id = AKIDDEMOEXAMPLE00001\naws_secret_access_key = demo-secret-not-real\n');
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('AWS_')) delete env[k];
  return { ...env, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_EC2_METADATA_DISABLED: 'true' };
}

function writeSettings(userDataDir, endpoint) {
  const settings = {
    'sagemakerImages.endpoint': endpoint,
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'extensions.autoCheckUpdates': false,
    'telemetry.telemetryLevel': 'off',
    'git.enabled': false,
    'workbench.tips.enabled': false,
  };
  for (const scope of ['User', 'Machine']) {
    fs.mkdirSync(path.join(userDataDir, scope), { recursive: true });
    fs.writeFileSync(path.join(userDataDir, scope, 'settings.json'), JSON.stringify(settings, null, 2));
  }
}

async function main() {
  const host = process.env.DEMO_HOST ?? (onPath('code') && !process.env.CI ? 'desktop' : 'code-server');
  console.log('Building the emulator…');
  require('esbuild').buildSync({
    entryPoints: [path.join(root, 'test/emulator/cli.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    outfile: path.join(root, 'out/emulator/cli.js'),
    logLevel: 'warning',
  });
  const emulator = spawn(process.execPath, ['out/emulator/cli.js', '--port', String(emulatorPort), '--fixture', 'demo'], {
    cwd: root,
    stdio: 'inherit',
  });
  children.push(emulator);
  const endpoint = `http://127.0.0.1:${emulatorPort}`;
  await waitFor(`${endpoint}/_emulator/health`, 'the emulator');
  const env = fakeAwsEnv();
  const workspace = path.join(demoDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });

  if (host === 'desktop') {
    console.log('Building the extension…');
    run('npm', ['run', 'build', '--silent']);
    const userDataDir = path.join(demoDir, 'desktop-user-data');
    writeSettings(userDataDir, endpoint);
    const code = spawn('code', ['--new-window', '--user-data-dir', userDataDir, `--extensionDevelopmentPath=${root}`, workspace], {
      env,
      stdio: 'inherit',
    });
    children.push(code);
    console.log('VS Code is opening with the extension; open the SageMaker Images view in the activity bar. Ctrl+C stops the emulator.');
    return;
  }

  run('bash', [path.join(root, 'scripts', 'install-host.sh')]);
  console.log('Packaging the extension…');
  run('npm', ['run', 'package', '--silent']);
  const entry = path.join(
    process.env.CODE_SERVER_CACHE ?? path.join(root, '.vscode-test', 'code-server-4.100.3'),
    'node_modules',
    'code-server',
    'out',
    'node',
    'entry.js',
  );
  const userDataDir = path.join(demoDir, 'code-server-user-data');
  const extensionsDir = path.join(demoDir, 'code-server-extensions');
  writeSettings(userDataDir, endpoint);
  run(
    process.execPath,
    [
      entry,
      '--extensions-dir',
      extensionsDir,
      '--user-data-dir',
      userDataDir,
      '--install-extension',
      path.join(root, 'dist-vsix', 'sagemaker-image-versions.vsix'),
      '--force',
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const server = spawn(process.execPath, codeServerArgs({ entry, port: uiPort, extensionsDir, userDataDir, workspace }), {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(server);
  await waitFor(`http://127.0.0.1:${uiPort}/healthz`, 'code-server');
  console.log(`\nSageMaker Image Versions demo: open http://127.0.0.1:${uiPort}/?folder=${encodeURIComponent(workspace)}`);
  console.log('Then click "SageMaker Images" in the activity bar. Ctrl+C stops everything.');
}

main().catch((e) => {
  console.error(`demo: ${e.message}`);
  stopAll();
  process.exit(1);
});
