#!/usr/bin/env node
// npm run test:unit: the plain-Node unit suite (already compiled by the script) run three times,
// under TZ=UTC, a zone east of UTC and one west of it, because the date filters mean local days
// and a bug that only shows away from UTC (a bound off by the zone's offset) must fail in CI.
// Extra arguments go to mocha (e.g. --grep). Stops at the first zone that fails.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const ZONES = ['UTC', 'Pacific/Auckland', 'America/Los_Angeles'];
const root = path.resolve(__dirname, '..');
const mocha = require.resolve('mocha/bin/mocha.js', { paths: [root] });

for (const zone of ZONES) {
  console.log(`\n=== unit tests with TZ=${zone} ===`);
  const run = spawnSync(process.execPath, [mocha, '--config', '.mocharc.unit.json', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TZ: zone },
  });
  if (run.status !== 0) {
    console.error(`unit tests failed with TZ=${zone}`);
    process.exit(run.status ?? 1);
  }
}
