/**
 * scanImageUsage against the emulator through a real SageMakerSession and the real SDK: what a
 * scan calls (the emulator's request log), the concurrency bound (the emulator's in-flight
 * high-water mark), paging and its caps, partial results on AccessDenied, a profile deleted
 * mid-scan, throttling retried and its bound, cancellation, progress; and the helpers
 * referencesTo, pinnedCount and UsageCache.
 */
import * as assert from 'node:assert/strict';
import { isAwsError, isCancelled } from '../../src/model/errors';
import { silentLogger } from '../../src/model/log';
import { SageMakerSession } from '../../src/model/sageMakerSession';
import {
  pinnedCount,
  referencesTo,
  scanImageUsage,
  UsageCache,
  usageCacheKey,
  type StudioCall,
  type UsageReference,
  type UsageScan,
  type UsageScanProgress,
} from '../../src/tree/model/usageScan';
import type { LoggedRequest, SageMakerEmulator } from '../emulator/server';
import { syntheticStudioSpec } from '../emulator/studioFixtures';
import { rejection, useEmulator } from './helpers';

const DA = 'd-scanalpha001';
const DB = 'd-scanbeta0002';

/** Resolves once `check` holds, looking again on every turn of the event loop (no fixed sleep). */
async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function ops(requests: LoggedRequest[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of requests) out[r.operation] = (out[r.operation] ?? 0) + 1;
  return out;
}

function owners(refs: UsageReference[]): string[] {
  return refs.map(
    (r) => `${r.domainId}:${r.owner.kind}${r.owner.name ? `:${r.owner.name}` : ''}:${r.appType}:${r.imageName}@${r.version ?? 'latest'}`,
  );
}

describe('scanImageUsage through a SageMakerSession', function () {
  const emu = useEmulator('empty');
  let session: SageMakerSession;
  let call: StudioCall;

  const seedSmall = (e: SageMakerEmulator) =>
    e.seedStudio({
      domains: [
        {
          id: DA,
          name: 'alpha',
          defaultUser: { JupyterLab: [{ image: 'kernel', version: 3 }] },
          defaultSpace: { KernelGateway: [{ image: 'kernel' }] },
          userProfiles: [
            { name: 'ann', apps: { JupyterLab: [{ image: 'kernel', version: 2 }], RSession: [{ image: 'rimage' }] } },
            { name: 'ben', apps: { CodeEditor: [{ image: 'kernel' }] } },
            { name: 'cat' },
          ],
          spaces: [{ name: 'lab', owner: 'ann', kernelGatewayImages: [{ image: 'kernel', version: 3 }] }, { name: 'empty-space' }],
        },
        {
          id: DB,
          name: 'beta',
          userProfiles: [{ name: 'dan', apps: { KernelGateway: [{ image: 'other', version: 1 }] } }],
          spaces: [{ name: 'gpu', kernelGatewayImages: [{ image: 'kernel', version: 2 }] }],
        },
      ],
    });

  beforeEach(function () {
    emu().loadFixture('empty');
    emu().faults.clear();
    emu().latencyMs = 0;
    seedSmall(emu());
    emu().clearRequests();
    session = new SageMakerSession({ region: 'us-east-1', endpoint: emu().url }, silentLogger, '0.0.0-test', { requestTimeoutMs: 10_000 });
    call = (operation, input, scope) => session.call(operation, input, scope);
  });
  afterEach(async function () {
    emu().faults.clear();
    session.dispose();
    await emu().waitForQuiet({ settleMs: 20 });
  });

  it('makes one ListDomains, one Describe per resource and one list of profiles and of spaces per domain, and finds every reference', async function () {
    const scan = await scanImageUsage(call);
    assert.deepEqual(ops(emu().calls()), {
      ListDomains: 1,
      DescribeDomain: 2,
      ListUserProfiles: 2,
      DescribeUserProfile: 4,
      ListSpaces: 2,
      DescribeSpace: 3,
    });
    assert.equal(scan.calls, 14, 'calls counts what the log shows');
    assert.deepEqual(
      emu()
        .calls('ListUserProfiles')
        .map((c) => c.params)
        .sort((a, b) => String(a.DomainIdEquals).localeCompare(String(b.DomainIdEquals))),
      [
        { DomainIdEquals: DA, MaxResults: 100 },
        { DomainIdEquals: DB, MaxResults: 100 },
      ],
    );
    assert.deepEqual(
      emu()
        .calls('DescribeUserProfile')
        .map((c) => `${String(c.params.DomainId)}/${String(c.params.UserProfileName)}`)
        .sort(),
      [`${DA}/ann`, `${DA}/ben`, `${DA}/cat`, `${DB}/dan`],
    );
    assert.deepEqual(owners(scan.references), [
      `${DA}:domainDefaultUser:JupyterLab:kernel@3`,
      `${DA}:domainDefaultSpace:KernelGateway:kernel@latest`,
      `${DA}:userProfile:ann:JupyterLab:kernel@2`,
      `${DA}:userProfile:ann:RSession:rimage@latest`,
      `${DA}:userProfile:ben:CodeEditor:kernel@latest`,
      `${DA}:space:lab:KernelGateway:kernel@3`,
      `${DB}:userProfile:dan:KernelGateway:other@1`,
      `${DB}:space:gpu:KernelGateway:kernel@2`,
    ]);
    assert.equal(scan.references[0].domainName, 'alpha');
    assert.deepEqual(scan.partial, []);
    assert.deepEqual(scan.skipped, []);
    assert.deepEqual(scan.truncated, []);
  });

  it('counts references without a version for the latest, and says so', async function () {
    const scan = await scanImageUsage(call);
    const v3 = referencesTo(scan, 'kernel', 3, 3);
    assert.deepEqual(
      v3.map((m) => [m.owner.name ?? m.owner.kind, m.viaLatest]),
      [
        ['domainDefaultUser', false],
        ['domainDefaultSpace', true],
        ['ben', true],
        ['lab', false],
      ],
    );
    assert.equal(pinnedCount(scan, 'kernel', 3, 3), 4);
    assert.equal(pinnedCount(scan, 'kernel', 3, 4), 2, 'not the latest: only what pins 3');
    assert.equal(pinnedCount(scan, 'kernel', 2, 3), 2);
    assert.equal(pinnedCount(scan, 'kernel', 1, undefined), 0);
    assert.equal(referencesTo(scan, 'kernel').length, 6, 'every reference to the image, any version');
    assert.deepEqual(referencesTo(scan, 'no-such-image'), []);
  });

  it('never has more requests in flight than the bound, and fills it', async function () {
    emu().seedStudio(syntheticStudioSpec({ domains: 3, profiles: 25, spaces: 8 }));
    emu().latencyMs = 15;
    for (const concurrency of [1, 3]) {
      emu().clearRequests();
      const scan = await scanImageUsage(call, { concurrency });
      await emu().waitForQuiet({ settleMs: 20 });
      assert.equal(emu().activity().peakInFlight, concurrency, `peak in flight at concurrency ${concurrency}`);
      assert.equal(scan.calls, emu().calls().length);
      assert.equal(emu().calls('DescribeUserProfile').length, 4 + 3 * 25);
    }
  });

  it('follows every page of a long list, 100 at a time, and stops at maxItemsPerList', async function () {
    emu().seedStudio({
      domains: [{ id: 'd-manyprofiles1', name: 'many', userProfiles: Array.from({ length: 250 }, (_, i) => ({ name: `u${i}` })) }],
    });
    emu().clearRequests();
    await scanImageUsage(call);
    const pages = emu().callsSince(0, { operation: 'ListUserProfiles', params: { DomainIdEquals: 'd-manyprofiles1' } });
    assert.deepEqual(
      pages.map((p) => [p.params.MaxResults, typeof p.params.NextToken]),
      [
        [100, 'undefined'],
        [100, 'string'],
        [100, 'string'],
      ],
    );
    assert.equal(emu().callsSince(0, { operation: 'DescribeUserProfile', params: { DomainId: 'd-manyprofiles1' } }).length, 250);

    emu().clearRequests();
    const capped = await scanImageUsage(call, { maxItemsPerList: 150 });
    assert.equal(emu().callsSince(0, { operation: 'ListUserProfiles', params: { DomainIdEquals: 'd-manyprofiles1' } }).length, 2);
    assert.equal(emu().callsSince(0, { operation: 'DescribeUserProfile', params: { DomainId: 'd-manyprofiles1' } }).length, 150);
    assert.deepEqual(capped.truncated, [{ list: 'userProfiles', domainId: 'd-manyprofiles1' }]);
  });

  it('stops on a repeated token instead of looping', async function () {
    emu().seedStudio({
      domains: [{ id: 'd-manyprofiles1', name: 'many', userProfiles: Array.from({ length: 150 }, (_, i) => ({ name: `u${i}` })) }],
    });
    emu().addFault({ kind: 'repeatToken', operation: 'ListUserProfiles' });
    const e = await rejection(scanImageUsage(call));
    assert.ok(isAwsError(e));
    assert.equal(e.details.code, 'RepeatedNextToken');
  });

  it('AccessDenied on DescribeUserProfile: partial, naming the action, with everything else scanned', async function () {
    emu().addFault({ kind: 'error', operation: 'DescribeUserProfile', code: 'AccessDeniedException', status: 400, times: 100 });
    const scan = await scanImageUsage(call);
    assert.deepEqual(scan.partial, [{ action: 'sagemaker:DescribeUserProfile', count: 4 }]);
    assert.ok(!scan.references.some((r) => r.owner.kind === 'userProfile'));
    assert.deepEqual(
      scan.references.filter((r) => r.owner.kind === 'space').map((r) => r.owner.name),
      ['lab', 'gpu'],
    );
    assert.equal(scan.references.filter((r) => r.owner.kind.startsWith('domain')).length, 2);
  });

  it('AccessDenied on ListSpaces: partial, no DescribeSpace sent, profiles still scanned', async function () {
    emu().addFault({ kind: 'error', operation: 'ListSpaces', code: 'AccessDeniedException', status: 400, times: 100 });
    const scan = await scanImageUsage(call);
    assert.deepEqual(scan.partial, [{ action: 'sagemaker:ListSpaces', count: 2 }]);
    assert.equal(emu().calls('DescribeSpace').length, 0);
    assert.equal(scan.references.filter((r) => r.owner.kind === 'userProfile').length, 4);
    assert.ok(!scan.references.some((r) => r.owner.kind === 'space'));
  });

  it('AccessDenied on ListDomains: partial and empty, not a failure', async function () {
    emu().addFault({ kind: 'error', operation: 'ListDomains', code: 'AccessDeniedException', status: 400 });
    const scan = await scanImageUsage(call);
    assert.deepEqual(scan.partial, [{ action: 'sagemaker:ListDomains', count: 1 }]);
    assert.deepEqual(scan.references, []);
    assert.equal(emu().calls().length, 1);
  });

  it('skips a user profile deleted between its listing and its Describe, and says so', async function () {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    emu().addFault({ kind: 'delay', operation: 'DescribeUserProfile', delayMs: 15_000, release: held });
    const scanning = scanImageUsage(call, { concurrency: 2 });
    await until(
      () =>
        emu()
          .calls('DescribeUserProfile')
          .some((c) => c.fault === 'delay'),
      'the held DescribeUserProfile',
    );
    const heldCall = emu()
      .calls('DescribeUserProfile')
      .find((c) => c.fault === 'delay')!;
    const domainId = String(heldCall.params.DomainId);
    const name = String(heldCall.params.UserProfileName);
    assert.equal(emu().studioRegion().deleteUserProfile(domainId, name), true);
    release();
    const scan = await scanning;
    assert.deepEqual(scan.skipped, [{ kind: 'userProfile', id: name, domainId }]);
    assert.ok(!scan.references.some((r) => r.owner.kind === 'userProfile' && r.owner.name === name));
    assert.equal(scan.references.filter((r) => r.owner.kind === 'space').length, 2, 'the rest is scanned');
    assert.deepEqual(scan.partial, []);
  });

  it('retries a throttled request with backoff beyond the SDK’s own retries, and gives up after maxAttempts', async function () {
    // The SDK makes 3 attempts itself; 4 throttles make its first call fail and the scan's second attempt succeed
    // (one request at a time, so the four all hit the first DescribeDomain).
    emu().addFault({ kind: 'throttle', operation: 'DescribeDomain', times: 4 });
    const scan = await scanImageUsage(call, { backoffBaseMs: 1, concurrency: 1 });
    assert.equal(
      emu()
        .calls('DescribeDomain')
        .filter((c) => c.errorCode === 'ThrottlingException').length,
      4,
    );
    assert.equal(
      emu()
        .calls('DescribeDomain')
        .filter((c) => c.status === 200).length,
      2,
    );
    assert.equal(scan.calls, 15, 'the scan’s own retry is one more call');
    assert.equal(scan.references.filter((r) => r.owner.kind.startsWith('domain')).length, 2);

    emu().faults.clear();
    emu().clearRequests();
    emu().addFault({ kind: 'throttle', operation: 'ListDomains', times: 6 });
    const e = await rejection(scanImageUsage(call, { backoffBaseMs: 1, maxAttempts: 2 }));
    assert.ok(isAwsError(e) && e.kind === 'throttled', String(e));
    assert.equal(emu().calls('ListDomains').length, 6, 'two scan attempts of three SDK attempts each, then no more');
  });

  it('a failure other than AccessDenied or a deletion ends the scan with that error and sends nothing more', async function () {
    emu().addFault({ kind: 'error', operation: 'DescribeSpace', code: 'ValidationException', status: 400, times: 100 });
    const e = await rejection(scanImageUsage(call, { concurrency: 1 }));
    assert.ok(isAwsError(e), String(e));
    const firstFailure = emu()
      .calls()
      .find((c) => c.operation === 'DescribeSpace')!;
    await emu().waitForQuiet({ settleMs: 50 });
    assert.deepEqual(emu().callsSince(firstFailure.seq), [], 'no request after the failure');
  });

  it('cancels: aborts the requests in flight, schedules nothing more, rejects with a cancellation', async function () {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    for (const operation of ['DescribeUserProfile', 'DescribeSpace'])
      emu().addFault({ kind: 'delay', operation, delayMs: 15_000, release: held, times: 100 });
    const abort = new AbortController();
    const scanning = scanImageUsage(call, { signal: abort.signal, concurrency: 2 });
    // Both slots held by the emulator: nothing the scan sent is still on its way.
    await until(
      () =>
        emu().activity().inFlight === 2 &&
        emu()
          .calls()
          .filter((c) => c.fault === 'delay').length === 2,
      'two held requests',
    );
    const mark = emu().lastSeq;
    abort.abort();
    const e = await rejection(scanning);
    assert.ok(isCancelled(e), String(e));
    await emu().waitForQuiet({ settleMs: 50 });
    release();
    assert.equal(emu().activity().inFlight, 0, 'the held requests were aborted, not left waiting');
    assert.deepEqual(emu().callsSince(mark), [], 'nothing sent after the cancel');

    emu().clearRequests();
    const before = new AbortController();
    before.abort();
    assert.ok(isCancelled(await rejection(scanImageUsage(call, { signal: before.signal }))));
    assert.equal(emu().calls().length, 0, 'a scan cancelled before it starts sends nothing');
  });

  it('reports progress: counts found, and done reaching total', async function () {
    const seen: UsageScanProgress[] = [];
    const scan = await scanImageUsage(call, { onProgress: (p) => seen.push(p) });
    const last = seen[seen.length - 1];
    assert.deepEqual(last, { domains: 2, profiles: 4, spaces: 3, done: scan.calls, total: scan.calls });
    assert.ok(seen.every((p) => p.done <= p.total));
    assert.ok(
      seen.some((p) => p.done < p.total),
      'progress moves',
    );
  });

  it('scans the region asked for', async function () {
    emu().seedStudio({
      region: 'eu-west-1',
      domains: [{ id: 'd-europe000001', name: 'eu', defaultUser: { KernelGateway: [{ image: 'eu-image' }] } }],
    });
    const scan = await scanImageUsage(call, { region: 'eu-west-1' });
    assert.deepEqual(owners(scan.references), ['d-europe000001:domainDefaultUser:KernelGateway:eu-image@latest']);
    assert.ok(
      emu()
        .calls()
        .every((c) => c.region === 'eu-west-1'),
    );
  });
});

describe('UsageCache', function () {
  const scan = (n: number): UsageScan => ({ references: [], partial: [], skipped: [], truncated: [], calls: n });

  it('keeps scans by connection and region until cleared, dropping the oldest beyond its size', function () {
    const cache = new UsageCache(2);
    const a = usageCacheKey('profile-a', 'us-east-1');
    const b = usageCacheKey('profile-a', 'eu-west-1');
    const c = usageCacheKey('profile-b', 'us-east-1');
    assert.notEqual(a, b);
    cache.set(a, scan(1));
    cache.set(b, scan(2));
    assert.equal(cache.get(a)?.calls, 1);
    cache.set(c, scan(3));
    assert.equal(cache.get(a), undefined, 'the oldest went');
    assert.equal(cache.size, 2);
    cache.delete(b);
    assert.equal(cache.get(b), undefined);
    cache.clear();
    assert.equal(cache.size, 0);
  });
});
