/**
 * The emulator's quiet detection, which every counting assertion of the host and e2e suites waits
 * on: an in-flight counter, a sequence number that never goes back, and waitForQuiet, which holds
 * while a request is in progress and until nothing has happened for the settle window.
 */
import * as assert from 'node:assert/strict';
import { control, rawCall, useEmulator } from './helpers';

describe('emulator: quiet before counting', function () {
  const emulator = useEmulator('empty');

  beforeEach(() => {
    emulator().faults.clear();
    emulator().clearRequests();
  });

  it('counts requests in flight and numbers them monotonically, across clearRequests', async () => {
    const e = emulator();
    e.seed({ images: [{ name: 'q-a', versions: 1 }] });
    const before = e.lastSeq;
    e.addFault({ kind: 'delay', operation: 'ListImages', delayMs: 400 });
    const slow = rawCall(e.url, 'ListImages', {});
    await waitUntil(() => e.activity().inFlight === 1);
    assert.equal(e.activity().seq, before + 1);
    await slow;
    assert.equal(e.activity().inFlight, 0);
    e.clearRequests();
    await rawCall(e.url, 'DescribeImage', { ImageName: 'q-a' });
    assert.equal(e.lastSeq, before + 2, 'clearing the log does not reset the sequence');
    assert.deepEqual(
      e.callsSince(before + 1).map((r) => r.operation),
      ['DescribeImage'],
    );
  });

  it('waitForQuiet holds while a request is in flight and resolves with the mark after it', async () => {
    const e = emulator();
    e.addFault({ kind: 'delay', operation: 'ListImages', delayMs: 600 });
    const started = Date.now();
    const slow = rawCall(e.url, 'ListImages', {});
    await waitUntil(() => e.activity().inFlight === 1);
    const mark = await e.waitForQuiet({ settleMs: 100 });
    assert.ok(Date.now() - started >= 600, 'returned before the delayed answer');
    assert.equal(e.activity().inFlight, 0);
    assert.equal(mark, e.lastSeq);
    await slow;
  });

  it('waitForQuiet waits out a settle window after the last request, and times out while requests keep coming', async () => {
    const e = emulator();
    await rawCall(e.url, 'ListImages', {});
    const t0 = Date.now();
    await e.waitForQuiet({ settleMs: 300 });
    assert.ok(Date.now() - t0 >= 250, `settled after ${Date.now() - t0} ms`);

    let stop = false;
    const chatter = (async () => {
      while (!stop) await rawCall(e.url, 'ListImages', {});
    })();
    const seq = e.lastSeq;
    await waitUntil(() => e.lastSeq > seq);
    await assert.rejects(e.waitForQuiet({ settleMs: 200, timeoutMs: 500 }), /not quiet/);
    stop = true;
    await chatter;
  });

  it('callsSince narrows by operation, region and exact parameters', async () => {
    const e = emulator();
    e.seed({
      images: [
        { name: 'q-b', versions: 2 },
        { name: 'q-c', versions: 1 },
      ],
    });
    const mark = await e.waitForQuiet({ settleMs: 50 });
    await rawCall(e.url, 'ListImageVersions', { ImageName: 'q-b', MaxResults: 50 });
    await rawCall(e.url, 'ListImageVersions', { ImageName: 'q-c', MaxResults: 50 });
    await rawCall(e.url, 'ListImageVersions', { ImageName: 'q-b', MaxResults: 100 });
    await rawCall(e.url, 'ListImages', {}, 'eu-west-1');
    assert.equal(e.callsSince(mark, { operation: 'ListImageVersions' }).length, 3);
    assert.equal(e.callsSince(mark, { params: { ImageName: 'q-b' } }).length, 2);
    assert.deepEqual(
      e.callsSince(mark, { params: { ImageName: 'q-b', MaxResults: 50 } }).map((r) => r.params.MaxResults),
      [50],
    );
    assert.deepEqual(
      e.callsSince(mark, { region: 'eu-west-1' }).map((r) => r.operation),
      ['ListImages'],
    );
    assert.equal(e.callsSince(mark + 3).length, 1, JSON.stringify(e.callsSince(mark)));
  });

  it('exposes activity, quiet and requests since a mark over /_emulator/*', async () => {
    const e = emulator();
    e.seed({ images: [{ name: 'q-d', versions: 1 }] });
    const activity = (await control(e.url, 'GET', '/_emulator/activity')).json();
    assert.equal(activity.inFlight, 0);
    assert.equal(activity.seq, e.lastSeq);
    const mark = Number((await control(e.url, 'GET', '/_emulator/quiet?settleMs=50')).json().seq);
    await rawCall(e.url, 'DescribeImage', { ImageName: 'q-d' });
    await rawCall(e.url, 'ListImages', {});
    const since = (await control(e.url, 'GET', `/_emulator/requests?since=${mark}&image=q-d`)).json() as unknown as { operation: string }[];
    assert.deepEqual(
      since.map((r) => r.operation),
      ['DescribeImage'],
    );
    // A request in flight longer than the timeout: the quiet route says so with a 504.
    e.addFault({ kind: 'delay', operation: 'ListImages', delayMs: 700 });
    const slow = rawCall(e.url, 'ListImages', {});
    await waitUntil(() => e.activity().inFlight === 1);
    assert.equal((await control(e.url, 'GET', '/_emulator/quiet?settleMs=50&timeoutMs=200')).status, 504);
    await slow;
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met');
    await new Promise((r) => setTimeout(r, 5));
  }
}
