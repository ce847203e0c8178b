/**
 * Entry point of the integration suite, with @vscode/test-electron's contract: `run()` resolves
 * when every test passed and rejects otherwise. The same file runs inside desktop VS Code
 * (test-electron) and inside code-server's extension host (test/host/codeServer.ts).
 *
 * When SMIV_TEST_REPORT names a file, everything the reporter prints is also appended there,
 * because code-server's extension host has no terminal of its own: the runner streams that file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type MochaType from 'mocha';
import * as MochaModule from 'mocha';
import { format } from 'node:util';

type ConsoleLog = (...args: unknown[]) => void;

/** Makes mocha's reporter also append its lines to `file`. Returns the undo. */
function teeReporter(Mocha: typeof MochaType, file: string): () => void {
  // Reporters print through Base.consoleLog (a copy of console.log taken when mocha loaded).
  const base = Mocha.reporters.Base as unknown as { consoleLog: ConsoleLog };
  const original = base.consoleLog;
  base.consoleLog = (...args: unknown[]) => {
    fs.appendFileSync(file, `${format(...args)}\n`);
    original(...args);
  };
  return () => {
    base.consoleLog = original;
  };
}

export function run(): Promise<void> {
  return runSuiteIn(__dirname);
}

/** Runs every *.test.js under `dir` (test/pseudo reuses this for its own folder). */
export async function runSuiteIn(dir: string): Promise<void> {
  // mocha 12 is an ES module compiled to CommonJS: the class is its default export.
  const Mocha = 'default' in MochaModule ? (MochaModule as { default: typeof MochaType }).default : MochaModule;
  const report = process.env.SMIV_TEST_REPORT;
  const restore = report ? teeReporter(Mocha, report) : () => undefined;
  // SMIV_TEST_GREP runs a subset while working on one suite (never set in CI).
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 60_000,
    reporter: 'spec',
    ...(process.env.SMIV_TEST_GREP ? { grep: process.env.SMIV_TEST_GREP } : {}),
  });
  const files = fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(dir, f));
  try {
    await new Promise<void>((resolve, reject) => {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
    });
  } finally {
    restore();
  }
}
