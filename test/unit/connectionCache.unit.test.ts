/**
 * Finding 13/1.10: the client cache holds at most 16 clients, and with more regions in use
 * (hovers on ARNs of many regions) the oldest is evicted. An evicted client must not be destroyed
 * while a request runs on it (destroy() closes its sockets and the request fails), and must be
 * destroyed once that request settles (no socket leak). Real SDK, real HTTP, the emulator.
 */
import * as assert from 'node:assert/strict';
import { ConnectionCache, type SageMakerConnection } from '../../src/aws/clientFactory';
import { silentLogger } from '../../src/model/log';
import { SAGEMAKER_REGIONS } from '../../src/model/regions';
import { listImagesPage } from '../../src/aws/operations';
import { SageMakerSession } from '../../src/model/sageMakerSession';
import { useEmulator } from './helpers';

const A = 'us-east-1';
/** 17 regions other than A: one more than the cache holds, so A is evicted even after a reuse. */
const OTHERS = SAGEMAKER_REGIONS.aws
  .map((r) => r.id)
  .filter((r) => r !== A)
  .slice(0, 17);

/** Waits (polling, never a fixed sleep) until `cond` holds. */
async function until(cond: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('ConnectionCache eviction with a request in flight (13/1.10)', function () {
  this.timeout(30_000);
  const emu = useEmulator('empty');

  beforeEach(function () {
    emu().loadFixture('empty');
    emu().faults.clear();
    emu().clearRequests();
    emu().seed({ region: A, images: [{ name: 'slow-image', versions: 2 }] });
  });

  it('an evicted client finishes its request, then is destroyed', async function () {
    assert.equal(OTHERS.length, 17);
    const session = new SageMakerSession({ region: A, endpoint: emu().url }, silentLogger, 'test', { requestTimeoutMs: 20_000 });
    try {
      // The session's connections are the AWS layer's, SDK client included.
      const a = (await session.connection(A)) as SageMakerConnection;
      let destroyed = 0;
      const destroy = a.client.destroy.bind(a.client);
      a.client.destroy = () => {
        destroyed++;
        destroy();
      };
      // A's ListImageVersions is held by the emulator until the test lets go (60 s at most), so
      // however slow the machine, it is still in flight while the 17 other regions are used.
      let letGo!: () => void;
      const release = new Promise<void>((resolve) => (letGo = resolve));
      emu().faults.add({ kind: 'delay', delayMs: 60_000, release, operation: 'ListImageVersions', region: A });
      let settled = false;
      const slow = session.call('listImageVersions', { imageName: 'slow-image' }, { region: A }).finally(() => {
        settled = true;
      });
      await until(() => emu().calls('ListImageVersions').length === 1, 'the slow request to reach the emulator');

      // 17 other regions in use (as hovers on their ARNs would): A is the least recently used.
      await Promise.all(OTHERS.map((region) => session.call('listImages', {}, { region })));
      assert.equal(
        new Set(
          emu()
            .calls('ListImages')
            .map((c) => c.region),
        ).size,
        17,
        'each region was called',
      );
      assert.notEqual(((await session.connection(A)) as SageMakerConnection).client, a.client, 'A was evicted (a new client for A)');
      assert.ok(!settled, 'the slow request settled before the eviction: the test proved nothing');
      const destroyedInFlight = destroyed;
      letGo();

      // The request on the evicted client completes (before the fix its socket was destroyed).
      const page = await slow;
      assert.deepEqual(page.items.map((v) => v.version).sort(), [1, 2]);
      // On the wire: one call, not a first attempt cut off by destroy() and an SDK retry.
      assert.deepEqual(
        emu()
          .calls('ListImageVersions')
          .map((c) => c.region),
        [A],
        'the slow request was sent again (its socket was destroyed under it)',
      );
      assert.equal(destroyedInFlight, 0, 'a client with a request in flight was destroyed');
      await until(() => destroyed === 1, 'the evicted client to be destroyed after its request settled');
    } finally {
      session.dispose();
    }
  });

  it('clear() (a settings change) also waits for the requests in flight, and destroys every client once', async function () {
    const cache = new ConnectionCache({ maxAttempts: 1 });
    const settings = { region: A, endpoint: emu().url };
    const a = await cache.get(settings);
    let destroyed = 0;
    const destroy = a.client.destroy.bind(a.client);
    a.client.destroy = () => {
      destroyed++;
      destroy();
    };
    let letGo!: () => void;
    const release = new Promise<void>((resolve) => (letGo = resolve));
    emu().faults.add({ kind: 'delay', delayMs: 60_000, release, operation: 'ListImages', region: A });
    let settled = false;
    const slow = cache
      .use(settings, (c) => listImagesPage(c, {}))
      .finally(() => {
        settled = true;
      });
    await until(() => emu().calls('ListImages').length === 1, 'the slow request to reach the emulator');
    cache.clear();
    assert.equal(cache.size, 0);
    cache.clear();
    assert.ok(!settled, 'the slow request settled before clear(): the test proved nothing');
    assert.equal(destroyed, 0, 'a client with a request in flight was destroyed');
    letGo();
    assert.equal((await slow).items[0].imageName, 'slow-image');
    await until(() => destroyed === 1, 'the cleared client to be destroyed');
    await new Promise((r) => setImmediate(r));
    assert.equal(destroyed, 1, 'destroyed once');
  });
});
