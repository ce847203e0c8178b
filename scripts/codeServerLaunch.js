// How the project starts code-server, written once for the demo (scripts/demo.js), the host suite
// (test/host/codeServer.ts) and the e2e suite (test/e2e/harness.ts): a flag one of them needs, or
// must not have, is one decision here. Plain JavaScript, because the demo runs before anything is
// compiled.
'use strict';

/**
 * The arguments after `node` for code-server's entry point: no auth, on 127.0.0.1:port, with its
 * own extensions and user data folders, no telemetry or update check, and workspace trust off
 * unless `trusted` is false (then the folder opens in Restricted Mode).
 * @param {{ entry: string, port: number, extensionsDir: string, userDataDir: string, workspace: string, trusted?: boolean, locale?: string }} o
 * @returns {string[]}
 */
function codeServerArgs(o) {
  return [
    o.entry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${o.port}`,
    '--extensions-dir',
    o.extensionsDir,
    '--user-data-dir',
    o.userDataDir,
    '--disable-telemetry',
    '--disable-update-check',
    ...(o.trusted === false ? [] : ['--disable-workspace-trust']),
    ...(o.locale ? ['--locale', o.locale] : []),
    o.workspace,
  ];
}

/** Chromium's flags for the suites that drive it (no sandbox or GPU in a container, nothing phoning home). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

module.exports = { codeServerArgs, CHROMIUM_ARGS };
