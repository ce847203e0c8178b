/**
 * npm run bench: measured size, activation, listing speed against the alternatives, memory and
 * first-page overhead. Prints a Markdown table and writes bench/results.json (ignored by git).
 * Not a test: nothing here asserts; targets are reported next to the figures.
 *
 * It must finish on a busy machine: nothing here blocks the event loop (child processes run
 * through the async execFile, so idle sockets are noticed when the server closes them), and the
 * emulator's control requests go through controlRequest (a fresh connection each, bounded retry).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { paginateListImageVersions, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { createConnection } from '../../src/aws/clientFactory';
import { listImageVersionsPage } from '../../src/aws/operations';
import { silentLogger } from '../../src/model/log';
import { PagedList } from '../../src/tree/model/pagedList';
import { SageMakerSession } from '../../src/model/sageMakerSession';
import { scanImageUsage, type StudioCall } from '../../src/tree/model/usageScan';
import { controlRequest, run } from './benchIo';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const OUT_DIR = path.join(ROOT, 'bench');
const RUNS = 5;
const PAGE = 100;
const IMAGE = 'bench-image';

interface Row {
  section: string;
  metric: string;
  value: string;
  target?: string;
  met?: boolean;
}
const rows: Row[] = [];
const json: Record<string, unknown> = {
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  date: new Date().toISOString(),
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

/** A bundled file as its package path, wherever node_modules is (a worktree may link it from elsewhere). */
function packagePath(file: string): string {
  const at = file.lastIndexOf('node_modules/');
  return at < 0 ? file : file.slice(at + 'node_modules/'.length);
}

function size(): void {
  const bundle = (name: string) => fs.statSync(path.join(ROOT, 'dist', `${name}.js`)).size;
  const ext = bundle('extension');
  const model = bundle('model');
  const tree = bundle('tree');
  const commands = bundle('commands');
  const aws = bundle('aws');
  const requests = bundle('requests');
  const vsix = fs.statSync(path.join(ROOT, 'dist-vsix', 'sagemaker-image-versions.vsix')).size;
  rows.push({
    section: 'Size',
    metric: 'dist/extension.js (minified, loaded at activation)',
    value: kb(ext),
    target: '≤ 250 KB',
    met: ext <= 250 * 1024,
  });
  rows.push({ section: 'Size', metric: 'dist/model.js (minified, loaded at activation with it)', value: kb(model) });
  rows.push({ section: 'Size', metric: 'dist/tree.js (minified, loaded when the view first shows a row)', value: kb(tree) });
  rows.push({ section: 'Size', metric: 'dist/commands.js (minified, loaded on first command or hover)', value: kb(commands) });
  rows.push({
    section: 'Size',
    metric: 'dist/requests.js (minified, loaded with the tree, a command or the AWS layer)',
    value: kb(requests),
  });
  rows.push({ section: 'Size', metric: 'dist/aws.js (minified, loaded on first AWS call)', value: kb(aws) });
  rows.push({ section: 'Size', metric: 'VSIX', value: kb(vsix) });
  const meta = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'meta.json'), 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
  };
  const largest: Record<string, [string, number][]> = {};
  for (const [out, info] of Object.entries(meta.outputs)) {
    if (out.endsWith('.map')) continue;
    largest[out] = Object.entries(info.inputs)
      .map(([file, i]) => [packagePath(file), i.bytesInOutput] as [string, number])
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5);
    for (const [file, bytes] of largest[out]) rows.push({ section: `Largest in ${out}`, metric: file, value: kb(bytes) });
  }
  json.size = {
    extensionBytes: ext,
    modelBundleBytes: model,
    treeBundleBytes: tree,
    commandsBundleBytes: commands,
    awsBundleBytes: aws,
    vsixBytes: vsix,
    largestModules: largest,
  };
}

async function activation(): Promise<void> {
  const stub = path.join(ROOT, 'test', 'support', 'vscodeStub.js');
  const probe = `
const { installVscodeStub, fakeExtensionContext } = require(${JSON.stringify(stub)});
installVscodeStub();
let t = performance.now();
const ext = require(${JSON.stringify(path.join(ROOT, 'dist', 'extension.js'))});
ext.activate(fakeExtensionContext());
const activate = performance.now() - t;
const sdkLoaded = Object.keys(require.cache).some((f) => f.endsWith('aws.js') || f.includes('@aws-sdk'));
t = performance.now();
require(${JSON.stringify(path.join(ROOT, 'dist', 'aws.js'))});
const sdk = performance.now() - t;
process.stdout.write(JSON.stringify({ activate, sdk, sdkLoaded }));`;
  // One after the other: fresh processes measured in parallel would measure each other.
  const samples: { activate: number; sdk: number; sdkLoaded: boolean }[] = [];
  for (let i = 0; i < 20; i++)
    samples.push(JSON.parse(await run(process.execPath, ['-e', probe])) as { activate: number; sdk: number; sdkLoaded: boolean });
  const act = samples.map((s) => s.activate);
  const sdk = samples.map((s) => s.sdk);
  rows.push({
    section: 'Activation (20 fresh processes)',
    metric: 'require dist/extension.js + activate(), median',
    value: ms(median(act)),
    target: '≤ 5 ms',
    met: median(act) <= 5,
  });
  rows.push({ section: 'Activation (20 fresh processes)', metric: 'same, p90', value: ms(pct(act, 90)) });
  rows.push({
    section: 'Activation (20 fresh processes)',
    metric: 'require the SDK bundle alone (paid on first use), median',
    value: ms(median(sdk)),
  });
  rows.push({
    section: 'Activation (20 fresh processes)',
    metric: 'SDK cost ÷ activation cost',
    value: `${(median(sdk) / median(act)).toFixed(1)}×`,
  });
  rows.push({
    section: 'Activation (20 fresh processes)',
    metric: 'SDK loaded during activation',
    value: samples.some((s) => s.sdkLoaded) ? 'yes' : 'no',
    target: 'no',
    met: !samples.some((s) => s.sdkLoaded),
  });
  json.activation = {
    medianMs: median(act),
    p90Ms: pct(act, 90),
    sdkMedianMs: median(sdk),
    sdkLoadedAtActivation: samples.some((s) => s.sdkLoaded),
  };
}

async function control(url: string, route: string, body: unknown): Promise<unknown> {
  return JSON.parse(await controlRequest(url, 'POST', `/_emulator/${route}`, JSON.stringify(body)));
}

async function callCount(url: string): Promise<number> {
  return (JSON.parse(await controlRequest(url, 'GET', '/_emulator/requests?operation=ListImageVersions')) as unknown[]).length;
}

async function clearLog(url: string): Promise<void> {
  await controlRequest(url, 'DELETE', '/_emulator/requests');
}

async function startEmulator(): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, [path.join(ROOT, 'out', 'emulator', 'cli.js'), '--port', '0', '--fixture', 'empty'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    proc.on('exit', (c) => reject(new Error(`emulator exited ${c}`)));
  });
  return { url, proc };
}

async function timed(fn: () => Promise<number>): Promise<{ ms: number; items: number }> {
  const t = performance.now();
  const items = await fn();
  return { ms: performance.now() - t, items };
}

async function listing(): Promise<void> {
  const { url, proc } = await startEmulator();
  const env = {
    AWS_ACCESS_KEY_ID: 'AKIDBENCHEXAMPLE0001',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  Object.assign(process.env, env, { AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' });
  const conn = await createConnection({ region: 'us-east-1', endpoint: url }, { maxAttempts: 1 });
  const bare = new SageMakerClient({
    region: 'us-east-1',
    endpoint: url,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
  });
  // Absent CLI: the (c) rows say "not installed" and the rest runs.
  const aws = (await run('sh', ['-c', 'command -v aws || true'])).trim();
  const results: Record<string, unknown>[] = [];
  try {
    for (const n of [1_000, 10_000]) {
      await control(url, 'seed', { images: [{ name: IMAGE, versions: n }] });
      for (const latency of [0, 20]) {
        await control(url, 'latency', { ms: latency });
        const expected = Math.ceil(n / PAGE);
        // Each contender lists everything once to warm up (JIT, sockets), then the runs are
        // interleaved a, b, c, a, b, c… so neither load nor warm-up favours one of them.
        const contenders: [string, () => Promise<number>][] = [
          [
            'extension',
            async () => {
              // (a) the extension's path: one PagedList page per "Load more".
              const list = new PagedList(
                (nextToken, signal) =>
                  listImageVersionsPage(conn, { imageName: IMAGE, maxResults: PAGE, nextToken }, { abortSignal: signal }),
                'bench',
              );
              do await list.loadNext();
              while (list.hasMore && !list.error);
              if (list.error) throw list.error;
              return list.items.length;
            },
          ],
          [
            'sdk',
            async () => {
              // (b) a bare SDK loop with the SDK's own paginator.
              let count = 0;
              for await (const page of paginateListImageVersions({ client: bare, pageSize: PAGE }, { ImageName: IMAGE }))
                count += page.ImageVersions?.length ?? 0;
              return count;
            },
          ],
        ];
        if (aws) {
          contenders.push([
            'cli',
            async () => {
              // (c) the AWS CLI.
              const out = await run(
                aws,
                [
                  'sagemaker',
                  'list-image-versions',
                  '--image-name',
                  IMAGE,
                  '--endpoint-url',
                  url,
                  '--region',
                  'us-east-1',
                  '--page-size',
                  String(PAGE),
                  '--output',
                  'json',
                ],
                { env: { ...process.env, ...env } },
              );
              return (JSON.parse(out) as { ImageVersions: unknown[] }).ImageVersions.length;
            },
          ]);
        }
        const times = new Map<string, number[]>(contenders.map(([label]) => [label, []]));
        const callsMade = new Map<string, number>();
        for (let i = -1; i < RUNS; i++) {
          for (const [label, fn] of contenders) {
            await clearLog(url);
            const r = await timed(fn);
            if (r.items !== n) throw new Error(`${label} listed ${r.items} of ${n}`);
            if (i >= 0) times.get(label)!.push(r.ms);
            callsMade.set(label, await callCount(url));
          }
        }
        const result = (label: string) => ({ ms: median(times.get(label)!), calls: callsMade.get(label)! });
        const a = result('extension');
        const b = result('sdk');
        const c = aws ? result('cli') : undefined;
        const entry = {
          n,
          latencyMs: latency,
          expectedCalls: expected,
          extension: a,
          sdk: b,
          cli: c ?? 'not installed',
          aOverB: a.ms / b.ms,
          cOverA: c ? c.ms / a.ms : null,
        };
        results.push(entry);
        const section = `Listing ${n.toLocaleString('en')} versions, latency ${latency} ms (median of ${RUNS})`;
        rows.push({
          section,
          metric: '(a) extension paged list',
          value: `${ms(a.ms)}, ${a.calls} calls`,
          target: `${expected} calls`,
          met: a.calls === expected,
        });
        rows.push({ section, metric: '(b) SDK paginateListImageVersions', value: `${ms(b.ms)}, ${b.calls} calls` });
        rows.push({ section, metric: '(c) AWS CLI', value: c ? `${ms(c.ms)}, ${c.calls} calls (${aws})` : 'not installed' });
        rows.push({ section, metric: 'a/b', value: (a.ms / b.ms).toFixed(2), target: '≤ 1.05', met: a.ms / b.ms <= 1.05 });
        if (c)
          rows.push({
            section,
            metric: 'c/a',
            value: (c.ms / a.ms).toFixed(1),
            target: latency === 0 ? '≥ 5' : undefined,
            met: latency === 0 ? c.ms / a.ms >= 5 : undefined,
          });
      }
    }
  } finally {
    conn.client.destroy();
    bare.destroy();
    proc.kill();
  }
  json.listing = results;
}

/** An account's shape for the usage scan: domains, and user profiles and spaces per domain. */
interface AccountShape {
  domains: number;
  profiles: number[];
  spaces: number[];
}

const pages = (n: number) => Math.max(1, Math.ceil(n / PAGE));

/** Requests a full scan makes: the domain list's pages, a Describe per resource, and each domain's two lists' pages. */
function scanCalls(a: AccountShape): number {
  let calls = pages(a.domains) + a.domains;
  for (let d = 0; d < a.domains; d++) calls += pages(a.profiles[d]) + a.profiles[d] + pages(a.spaces[d]) + a.spaces[d];
  return calls;
}

/**
 * The fewest sequential round trips a scan can take at `concurrency`: the domain list's pages come
 * first, one at a time (nothing else is known before them); after them at most `concurrency`
 * requests share each round trip; and no schedule beats the longest dependency chain (the domain
 * pages, then a domain's profile or space pages one after the other, then one Describe).
 */
function scanFloor(a: AccountShape, concurrency: number): number {
  const first = pages(a.domains);
  const rest = scanCalls(a) - first;
  const chain = first + Math.max(1, ...a.profiles.map(pages), ...a.spaces.map(pages)) + 1;
  return Math.max(chain, first + Math.ceil(rest / concurrency));
}

/**
 * Issue 16's scan ("where is this image used") against the emulator in a child process at 20 ms
 * latency: the demo account and a synthetic 5 domains × 200 user profiles × 50 spaces (per
 * domain), at concurrency 2, 4 and 8, each the median of RUNS_SCAN scans after one warm-up.
 */
async function usage(): Promise<void> {
  const LATENCY = 20;
  const RUNS_SCAN = 3;
  const { url, proc } = await startEmulator();
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: 'AKIDBENCHEXAMPLE0001',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
  });
  const session = new SageMakerSession({ region: 'us-east-1', endpoint: url }, silentLogger, 'bench');
  const call: StudioCall = (operation, input, scope) => session.call(operation, input, scope);
  const results: Record<string, unknown>[] = [];
  const accounts: [string, AccountShape, () => Promise<void>][] = [
    [
      'demo account (2 domains, 7 profiles, 4 spaces)',
      { domains: 2, profiles: [4, 3], spaces: [3, 1] },
      async () => {
        await controlRequest(url, 'POST', '/_emulator/reset?fixture=demo');
      },
    ],
    [
      'synthetic 5 domains × 200 profiles × 50 spaces',
      { domains: 5, profiles: [200, 200, 200, 200, 200], spaces: [50, 50, 50, 50, 50] },
      async () => {
        await controlRequest(url, 'POST', '/_emulator/reset?fixture=empty');
        await control(url, 'studio/synthetic', { domains: 5, profiles: 200, spaces: 50 });
      },
    ],
  ];
  try {
    for (const [label, shape, load] of accounts) {
      await load();
      await control(url, 'latency', { ms: LATENCY });
      const expected = scanCalls(shape);
      await scanImageUsage(call, { concurrency: 4 }); // warm-up: JIT, sockets, the SDK's first load
      for (const concurrency of [2, 4, 8]) {
        const times: number[] = [];
        let calls = 0;
        let logged = 0;
        let references = 0;
        for (let i = 0; i < RUNS_SCAN; i++) {
          await clearLog(url);
          const t = performance.now();
          const scan = await scanImageUsage(call, { concurrency });
          times.push(performance.now() - t);
          calls = scan.calls;
          references = scan.references.length;
          logged = (JSON.parse(await controlRequest(url, 'GET', '/_emulator/requests')) as unknown[]).length;
        }
        const floorTrips = scanFloor(shape, concurrency);
        const floorMs = floorTrips * LATENCY;
        const wall = median(times);
        const section = `Usage scan, ${label}, latency ${LATENCY} ms (median of ${RUNS_SCAN})`;
        rows.push({
          section,
          metric: `concurrency ${concurrency}${concurrency === 4 ? ' (the default)' : ''}: calls, wall time`,
          value: `${calls} calls (log ${logged}), ${ms(wall)}, ${references} references`,
          target: `${expected} calls`,
          met: calls === expected && logged === expected,
        });
        rows.push({
          section,
          metric: `concurrency ${concurrency}: floor (${floorTrips} round trips × ${LATENCY} ms), wall ÷ floor`,
          value: `${ms(floorMs)}, ${(wall / floorMs).toFixed(2)}×`,
        });
        results.push({
          account: label,
          concurrency,
          calls,
          logged,
          expectedCalls: expected,
          wallMs: wall,
          floorRoundTrips: floorTrips,
          floorMs,
          references,
        });
      }
    }
  } finally {
    session.dispose();
    proc.kill();
  }
  json.usageScan = results;
}

/** Heap growth per version after 10,000 versions are loaded into the tree model, in a child with --expose-gc. */
async function memory(): Promise<void> {
  const probe = `
const { PagedList } = require(${JSON.stringify(path.join(ROOT, 'out', 'src', 'tree', 'model', 'pagedList.js'))});
const N = 10000;
const page = (i) => ({
  imageArn: 'arn:aws:sagemaker:us-east-1:123456789012:image/bench-image',
  imageVersionArn: 'arn:aws:sagemaker:us-east-1:123456789012:image-version/bench-image/' + (i + 1),
  version: i + 1,
  imageVersionStatus: 'CREATED',
  creationTime: new Date(1700000000000 + i * 1000),
  lastModifiedTime: new Date(1700000000000 + i * 1000),
});
(async () => {
  // Parse as the SDK would: each page arrives as JSON and is turned into objects.
  const pages = [];
  for (let p = 0; p < N / 100; p++) pages.push(JSON.stringify(Array.from({ length: 100 }, (_, k) => p * 100 + k)));
  global.gc(); global.gc();
  const before = process.memoryUsage().heapUsed;
  let p = 0;
  const list = new PagedList(async (token) => {
    const ids = JSON.parse(pages[p]);
    p += 1;
    return { items: ids.map(page), nextToken: p < pages.length ? 't' + p : undefined };
  }, 'bench');
  do await list.loadNext(); while (list.hasMore);
  global.gc(); global.gc();
  const after = process.memoryUsage().heapUsed;
  process.stdout.write(JSON.stringify({ perVersion: (after - before) / list.items.length, items: list.items.length }));
})();`;
  const r = JSON.parse(await run(process.execPath, ['--expose-gc', '-e', probe])) as { perVersion: number };
  rows.push({
    section: 'Memory',
    metric: 'heap growth per loaded version (10,000 in the tree model)',
    value: `${Math.round(r.perVersion)} bytes`,
    target: '≤ 2 KB',
    met: r.perVersion <= 2048,
  });
  json.memory = { bytesPerVersion: r.perVersion };
}

/**
 * Client-side time of an image's getChildren() at 20 ms latency, minus the latency. The
 * emulator runs in its own process so its work is not counted as the client's.
 */
async function firstPage(): Promise<void> {
  const { url, proc } = await startEmulator();
  await control(url, 'seed', { images: [{ name: 'bench-image', versions: 500 }] });
  await control(url, 'latency', { ms: 20 });
  const stub = path.join(ROOT, 'test', 'support', 'vscodeStub.js');
  const probe = `
const { installVscodeStub } = require(${JSON.stringify(stub)});
installVscodeStub();
const { SageMakerSession } = require(${JSON.stringify(path.join(ROOT, 'out', 'src', 'model', 'sageMakerSession.js'))});
const { ImagesTreeProvider } = require(${JSON.stringify(path.join(ROOT, 'out', 'src', 'tree', 'imagesTreeProvider.js'))});
const { silentLogger } = require(${JSON.stringify(path.join(ROOT, 'out', 'src', 'model', 'log.js'))});
(async () => {
  const session = new SageMakerSession({ region: 'us-east-1', endpoint: process.env.BENCH_ENDPOINT }, silentLogger, 'bench');
  const tree = new ImagesTreeProvider(session, { pageSize: () => 100, versionQuery: () => ({ sortBy: 'CREATION_TIME', sortOrder: 'DESCENDING', filters: {} }), imageNameContains: () => undefined, regions: () => [] });
  const [image] = await tree.getChildren();
  await tree.getChildren(image);
  const samples = [];
  for (let i = 0; i < 30; i++) {
    tree.refresh(image);
    const t = performance.now();
    const children = await tree.getChildren(image);
    samples.push(performance.now() - t - 20);
    // The page's 100 version rows (the image's Used by row and Load more come with them).
    const versions = children.filter((c) => c.kind === 'version').length;
    if (versions !== 100) throw new Error('unexpected version rows ' + versions + ' of ' + children.length + ' children');
  }
  // The same page through a bare SDK client, to show what the SDK and the server cost by themselves.
  const { SageMakerClient, ListImageVersionsCommand } = require('@aws-sdk/client-sagemaker');
  const bare = new SageMakerClient({ region: 'us-east-1', endpoint: process.env.BENCH_ENDPOINT, credentials: { accessKeyId: 'AKIDBENCHEXAMPLE0001', secretAccessKey: 'bench' } });
  await bare.send(new ListImageVersionsCommand({ ImageName: 'bench-image', MaxResults: 100 }));
  const sdk = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    await bare.send(new ListImageVersionsCommand({ ImageName: 'bench-image', MaxResults: 100, SortBy: 'CREATION_TIME', SortOrder: 'DESCENDING' }));
    sdk.push(performance.now() - t - 20);
  }
  bare.destroy();
  session.dispose();
  samples.sort((a, b) => a - b);
  sdk.sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ median: samples[15], p90: samples[27], sdkMedian: sdk[15] }));
})();`;
  const env = {
    ...process.env,
    BENCH_ENDPOINT: url,
    AWS_ACCESS_KEY_ID: 'AKIDBENCHEXAMPLE0001',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  let r: { median: number; p90: number; sdkMedian: number };
  try {
    r = JSON.parse(await run(process.execPath, ['-e', probe], { cwd: ROOT, env })) as { median: number; p90: number; sdkMedian: number };
  } finally {
    proc.kill();
  }
  rows.push({
    section: 'First page (latency 20 ms, 100 versions)',
    metric: 'getChildren(image) − latency, median of 30',
    value: ms(r.median),
    target: '≤ 5 ms',
    met: r.median <= 5,
  });
  rows.push({ section: 'First page (latency 20 ms, 100 versions)', metric: 'same, p90', value: ms(r.p90) });
  rows.push({
    section: 'First page (latency 20 ms, 100 versions)',
    metric: 'the same page by a bare SDK send − latency (SDK + server), median',
    value: ms(r.sdkMedian),
  });
  rows.push({
    section: 'First page (latency 20 ms, 100 versions)',
    metric: 'the extension’s own share (difference)',
    value: ms(r.median - r.sdkMedian),
  });
  json.firstPage = { overheadMedianMs: r.median, overheadP90Ms: r.p90, bareSdkMedianMs: r.sdkMedian };
}

function print(): void {
  console.log(`\n## npm run bench — Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'})\n`);
  console.log('| Section | Metric | Value | Target | Met |');
  console.log('|---|---|---|---|---|');
  for (const r of rows)
    console.log(`| ${r.section} | ${r.metric} | ${r.value} | ${r.target ?? ''} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} |`);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  json.rows = rows;
  fs.writeFileSync(path.join(OUT_DIR, 'results.json'), JSON.stringify(json, null, 2));
  console.log(`\nJSON: ${path.relative(ROOT, path.join(OUT_DIR, 'results.json'))}`);
}

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  // `node out/test/bench/bench.js --only <section>` runs one section (after the build steps of npm run bench);
  // CI runs the first page this way, so that a change to the tree cannot break the bench unseen.
  const sections: Record<string, () => void | Promise<void>> = {
    size,
    activation,
    listing,
    memory,
    'first-page': firstPage,
    usage,
  };
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  if (only !== undefined && !(only in sections)) throw new Error(`--only takes one of: ${Object.keys(sections).join(', ')}`);
  for (const [name, run] of Object.entries(sections)) if (only === undefined || only === name) await run();
  print();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
