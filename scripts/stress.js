#!/usr/bin/env node
// npm run test:stress: the host and e2e suites, three times each, while a CPU burner keeps every
// core busy, as on the busy 2-core machine where counting tests once saw a stray request. Prints
// the pass and fail counts of every run and exits non-zero if any run failed. Not in CI (long).
//   STRESS_RUNS (default 3), STRESS_SUITES (default "host,e2e"), STRESS_BURNERS (default 2),
//   STRESS_MAX_MINUTES (default 90): the burners stop after this even if a run hangs.
'use strict';
const { spawn, spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const runs = Number(process.env.STRESS_RUNS ?? 3);
const suites = (process.env.STRESS_SUITES ?? 'host,e2e')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const burnerCount = Number(process.env.STRESS_BURNERS ?? 2);
const maxMs = Number(process.env.STRESS_MAX_MINUTES ?? 90) * 60_000;

// The burner: a child that spins until its deadline (so it ends even if this script is killed).
const BURN = `const end = Date.now() + ${maxMs}; let x = 0; while (Date.now() < end) { x = (x * 1103515245 + 12345) % 2147483648; }`;

/** The commands of a suite: built once, then run `runs` times. */
const SUITES = {
  host: {
    build: ['npm', ['run', 'build']],
    also: ['npm', ['run', 'compile-tests']],
    run: [process.execPath, ['out/test/host/runHostTests.js']],
  },
  e2e: {
    build: ['npm', ['run', 'package']],
    also: ['npm', ['run', 'compile-tests']],
    run: [process.execPath, ['node_modules/mocha/bin/mocha.js', '--config', '.mocharc.e2e.json']],
  },
};

function sh([cmd, args]) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}

/** Runs a suite once, echoing its output; resolves with its exit code and mocha's counts. */
function runOnce([cmd, args]) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const take = (stream, sink) =>
      stream.on('data', (d) => {
        out += d.toString();
        sink.write(d);
      });
    take(child.stdout, process.stdout);
    take(child.stderr, process.stderr);
    child.on('close', (code) => {
      const passing = Number(/(\d+) passing/.exec(out)?.[1] ?? 0);
      const failing = Number(/(\d+) failing/.exec(out)?.[1] ?? 0);
      resolve({ code: code ?? 1, passing, failing });
    });
  });
}

async function main() {
  const unknown = suites.filter((s) => !SUITES[s]);
  if (unknown.length) throw new Error(`unknown suite(s) ${unknown.join(', ')}: use host and/or e2e`);
  for (const s of suites) {
    sh(SUITES[s].build);
    sh(SUITES[s].also);
  }
  const burners = Array.from({ length: burnerCount }, () => spawn(process.execPath, ['-e', BURN], { stdio: 'ignore' }));
  const stopBurners = () => {
    for (const b of burners) if (b.exitCode === null) b.kill('SIGKILL');
  };
  process.on('exit', stopBurners);
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      stopBurners();
      process.exit(130);
    });
  }
  console.log(
    `stress: ${burners.length} CPU burner(s) running (pids ${burners.map((b) => b.pid).join(', ')}), ${runs} run(s) of ${suites.join(' and ')}`,
  );
  const results = [];
  try {
    for (const s of suites) {
      for (let i = 1; i <= runs; i++) {
        const started = Date.now();
        console.log(`\n=== stress: ${s} run ${i}/${runs} ===`);
        const r = await runOnce(SUITES[s].run);
        results.push({ suite: s, run: i, ...r, seconds: Math.round((Date.now() - started) / 1000) });
      }
    }
  } finally {
    stopBurners();
  }
  console.log('\nstress results (under load):');
  for (const r of results) {
    console.log(`  ${r.suite} run ${r.run}: ${r.passing} passing, ${r.failing} failing, exit ${r.code}, ${r.seconds} s`);
  }
  const failed = results.filter((r) => r.code !== 0 || r.failing > 0);
  if (failed.length) {
    console.error(`stress: ${failed.length} run(s) failed`);
    process.exit(1);
  }
  console.log('stress: every run passed');
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
