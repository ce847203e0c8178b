#!/usr/bin/env node
// Measures, in a fresh Node process each time, how long requiring dist/extension.js and calling
// activate() takes with a stub `vscode`, and checks that activation loaded only dist/extension.js
// and dist/model.js: not the SDK, nor the tree, command or request bundles.
// Usage: node scripts/measure-activation.js [runs=20]   (build first: npm run build:production)
'use strict';
const { execFileSync } = require('child_process');
const path = require('path');

const runs = Number(process.argv[2] ?? 20);
const root = path.resolve(__dirname, '..');
const child = `
const t0 = performance.now();
const { installVscodeStub, fakeExtensionContext } = require(${JSON.stringify(path.join(root, 'test/support/vscodeStub.js'))});
installVscodeStub();
const t1 = performance.now();
const ext = require(${JSON.stringify(path.join(root, 'dist/extension.js'))});
const t2 = performance.now();
ext.activate(fakeExtensionContext());
const t3 = performance.now();
const sdk = Object.keys(require.cache).some((f) => f.endsWith('aws.js') || f.includes('@aws-sdk'));
const dist = ${JSON.stringify(path.join(root, 'dist') + path.sep)};
const bundles = Object.keys(require.cache).filter((f) => f.startsWith(dist)).map((f) => f.slice(dist.length)).sort();
process.stdout.write(JSON.stringify({ require: t2 - t1, activate: t3 - t2, total: t3 - t1, sdkLoaded: sdk, bundles }));
`;
const samples = [];
for (let i = 0; i < runs; i++) samples.push(JSON.parse(execFileSync(process.execPath, ['-e', child], { encoding: 'utf8' })));
const pick = (k) => samples.map((s) => s[k]).sort((a, b) => a - b);
const pct = (arr, p) => arr[Math.min(arr.length - 1, Math.floor((p / 100) * arr.length))];
for (const k of ['require', 'activate', 'total']) {
  const a = pick(k);
  console.log(`${k.padEnd(8)} median ${pct(a, 50).toFixed(2)} ms  p90 ${pct(a, 90).toFixed(2)} ms  (n=${runs})`);
}
const loaded = samples.filter((s) => s.sdkLoaded).length;
console.log(`AWS SDK loaded during activation: ${loaded ? `YES in ${loaded} runs` : 'no'}`);
const EXPECTED = 'extension.js,model.js';
const extra = samples.find((s) => s.bundles.join() !== EXPECTED);
console.log(`Bundles loaded during activation: ${(extra ?? samples[0]).bundles.join(', ')}${extra ? ` (expected ${EXPECTED})` : ''}`);
process.exit(loaded || extra ? 1 : 0);
