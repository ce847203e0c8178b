/**
 * ExpiringCache: single flight, time-to-live on an injected clock, failures not cached, and no
 * stale write-back from a load that outlived a clear() or delete().
 */
import * as assert from 'node:assert/strict';
import { ExpiringCache } from '../../src/tree/model/expiringCache';

/** A load the test resolves or rejects by hand, counting how often it was started. */
function manualLoad<V>() {
  const pending: { resolve(v: V): void; reject(e: unknown): void }[] = [];
  return {
    pending,
    load: () =>
      new Promise<V>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
  };
}

describe('ExpiringCache', () => {
  it('shares one load between concurrent gets of a key', async () => {
    const cache = new ExpiringCache<string, number>();
    const l = manualLoad<number>();
    const a = cache.get('k', l.load);
    const b = cache.get('k', l.load);
    assert.equal(l.pending.length, 1);
    l.pending[0].resolve(7);
    assert.deepEqual(await Promise.all([a, b]), [7, 7]);
    assert.equal(await cache.get('k', l.load), 7, 'served from the cache');
    assert.equal(l.pending.length, 1);
    const other = cache.get('other', l.load);
    assert.equal(l.pending.length, 2, 'another key loads on its own');
    l.pending[1].resolve(8);
    assert.equal(await other, 8);
  });

  it('expires a value after the ttl on the injected clock', async () => {
    let now = 1_000_000;
    const cache = new ExpiringCache<string, string>({ ttlMs: 60_000, now: () => now });
    let loads = 0;
    const load = async () => `v${++loads}`;
    assert.equal(await cache.get('k', load), 'v1');
    now += 59_999;
    assert.equal(await cache.get('k', load), 'v1');
    assert.equal(cache.peek('k'), 'v1');
    now += 1;
    assert.equal(cache.peek('k'), undefined, 'expired at exactly 60 s');
    assert.equal(cache.size, 0);
    assert.equal(await cache.get('k', load), 'v2');
    assert.equal(loads, 2);
  });

  it('keeps a value without a ttl until it is deleted or cleared', async () => {
    let now = 0;
    const cache = new ExpiringCache<string, number>({ now: () => now });
    let loads = 0;
    const load = async () => ++loads;
    await cache.get('a', load);
    await cache.get('b', load);
    now += 1e12;
    assert.equal(cache.peek('a'), 1);
    cache.delete('a');
    assert.equal(cache.peek('a'), undefined);
    assert.equal(cache.peek('b'), 2);
    cache.clear();
    assert.equal(cache.size, 0);
    assert.equal(await cache.get('b', load), 3);
  });

  it('does not cache a rejected load: the next get loads again', async () => {
    const cache = new ExpiringCache<string, number>();
    let calls = 0;
    const load = async () => {
      calls++;
      if (calls === 1) throw new Error('Throttled');
      return 42;
    };
    await assert.rejects(cache.get('k', load), /Throttled/);
    assert.equal(cache.size, 0);
    assert.equal(cache.peek('k'), undefined);
    assert.equal(await cache.get('k', load), 42);
    assert.equal(calls, 2);
    await assert.rejects(
      cache.get('sync', () => {
        throw new Error('sync failure');
      }),
      /sync failure/,
    );
    assert.equal(cache.size, 1, 'only k');
  });

  it('does not let a load that was in flight during clear() or delete() repopulate the cache', async () => {
    const cache = new ExpiringCache<string, string>();
    const l = manualLoad<string>();
    const before = cache.get('k', l.load);
    cache.clear();
    const after = cache.get('k', l.load);
    assert.equal(l.pending.length, 2, 'a get after clear() starts a new load');
    l.pending[1].resolve('new');
    l.pending[0].resolve('old');
    assert.equal(await before, 'old', 'its own callers still get the value');
    assert.equal(await after, 'new');
    assert.equal(cache.peek('k'), 'new');

    const stale = cache.get('d', l.load);
    cache.delete('d');
    l.pending[2].resolve('stale');
    assert.equal(await stale, 'stale');
    assert.equal(cache.peek('d'), undefined);
    assert.equal(cache.size, 1);

    const failing = cache.get('f', l.load);
    cache.clear();
    const fresh = cache.get('f', l.load);
    l.pending[3].reject(new Error('old failure'));
    await assert.rejects(failing, /old failure/);
    assert.equal(cache.size, 1, 'the old failure does not remove the new load');
    l.pending[4].resolve('ok');
    assert.equal(await fresh, 'ok');
  });

  it('peek returns only settled values', async () => {
    const cache = new ExpiringCache<string, number>();
    const l = manualLoad<number>();
    const p = cache.get('k', l.load);
    assert.equal(cache.peek('k'), undefined, 'not while loading');
    assert.equal(cache.size, 1);
    l.pending[0].resolve(5);
    await p;
    assert.equal(cache.peek('k'), 5);
    assert.equal(cache.peek('missing'), undefined);
  });

  it('evicts the oldest entries above maxEntries', async () => {
    const cache = new ExpiringCache<number, number>({ maxEntries: 3 });
    for (let i = 1; i <= 5; i++) await cache.get(i, async () => i * 10);
    assert.equal(cache.size, 3);
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((k) => cache.peek(k)),
      [undefined, undefined, 30, 40, 50],
    );
    let reloaded = false;
    assert.equal(
      await cache.get(1, async () => {
        reloaded = true;
        return 11;
      }),
      11,
    );
    assert.equal(reloaded, true);
    assert.equal(cache.peek(3), undefined, 'adding 1 again evicted the then-oldest, 3');
  });
});
