/**
 * PagedList is the single paging mechanism of the tree. Its guards are tested here with a
 * scripted fetcher (to control timing exactly) and once end to end against the emulator.
 */
import * as assert from 'node:assert/strict';
import { isAwsError } from '../../src/model/errors';
import { PagedList } from '../../src/tree/model/pagedList';
import { scripted } from './scriptedFetcher';

const tick = () => new Promise((r) => setImmediate(r));

describe('PagedList', () => {
  it('loads one page per call and stops when the token is gone', async () => {
    const s = scripted();
    const list = new PagedList(s.fetch, 'numbers');
    const first = list.loadNext();
    s.calls[0].resolve({ items: [1, 2], nextToken: 't1' });
    await first;
    assert.deepEqual(list.items, [1, 2]);
    assert.equal(list.hasMore, true);
    const second = list.loadNext();
    assert.equal(s.calls[1].token, 't1');
    s.calls[1].resolve({ items: [3] });
    await second;
    assert.deepEqual(list.items, [1, 2, 3]);
    assert.equal(list.hasMore, false);
    await list.loadNext();
    assert.equal(s.calls.length, 2, 'no call after the last page');
  });

  it('is single-flight: a second loadNext while loading returns the same page', async () => {
    const s = scripted();
    const list = new PagedList(s.fetch, 'numbers');
    const a = list.loadNext();
    const b = list.loadNext();
    assert.equal(a, b);
    assert.equal(s.calls.length, 1);
    s.calls[0].resolve({ items: [1], nextToken: 'x' });
    await Promise.all([a, b]);
    assert.deepEqual(list.items, [1]);
  });

  it('drops a response that arrives after a reset, and aborts its request', async () => {
    const s = scripted();
    const list = new PagedList(s.fetch, 'numbers');
    const stale = list.loadNext();
    list.reset();
    assert.equal(s.calls[0].signal.aborted, true);
    const fresh = list.loadNext();
    assert.equal(s.calls.length, 1, 'not while the aborted request is still settling');
    await tick();
    assert.equal(s.calls.length, 2, 'the next request is sent once the aborted one has settled');
    s.calls[1].resolve({ items: [10] });
    s.calls[0].resolve({ items: [99], nextToken: 'old' });
    await Promise.all([stale, fresh]);
    await tick();
    assert.deepEqual(list.items, [10]);
    assert.equal(list.hasMore, false);
  });

  it('uses the new fetcher after reset(fetcher)', async () => {
    const s1 = scripted();
    const s2 = scripted();
    const list = new PagedList(s1.fetch, 'numbers');
    list.reset(s2.fetch);
    const p = list.loadNext();
    assert.equal(s1.calls.length, 0);
    s2.calls[0].resolve({ items: [5] });
    await p;
    assert.deepEqual(list.items, [5]);
  });

  it('turns a repeated token into an error without appending the page again', async () => {
    const s = scripted();
    const list = new PagedList(s.fetch, 'numbers');
    const p1 = list.loadNext();
    s.calls[0].resolve({ items: [1], nextToken: 'same' });
    await p1;
    const p2 = list.loadNext();
    s.calls[1].resolve({ items: [1], nextToken: 'same' });
    await p2;
    assert.deepEqual(list.items, [1], 'no duplicate rows');
    assert.ok(isAwsError(list.error));
    assert.match(String((list.error as Error).message), /same continuation token/);
  });

  it('keeps the items on a failed page and retries the same token', async () => {
    const s = scripted();
    const list = new PagedList(s.fetch, 'numbers');
    const p1 = list.loadNext();
    s.calls[0].resolve({ items: [1], nextToken: 't1' });
    await p1;
    const p2 = list.loadNext();
    s.calls[1].reject(new Error('boom'));
    await p2;
    assert.deepEqual(list.items, [1]);
    assert.equal((list.error as Error).message, 'boom');
    const p3 = list.loadNext();
    assert.equal(s.calls[2].token, 't1', 'the retry asks for the page that failed');
    s.calls[2].resolve({ items: [2] });
    await p3;
    assert.equal(list.error, undefined);
    assert.deepEqual(list.items, [1, 2]);
  });

  it('keeps "more" after an empty page that carries a token, without fetching on its own', async () => {
    const s = scripted();
    const list = new PagedList(s.fetch, 'numbers');
    const p = list.loadNext();
    s.calls[0].resolve({ items: [], nextToken: 'later' });
    await p;
    await tick();
    assert.equal(list.hasMore, true);
    assert.equal(list.items.length, 0);
    assert.equal(s.calls.length, 1);
  });

  it('with keyOf, does not append an item a later page repeats', async () => {
    const s = scripted();
    const list = new PagedList(s.fetch, 'numbers', (n) => String(n));
    const p1 = list.loadNext();
    s.calls[0].resolve({ items: [1, 2], nextToken: 'a' });
    await p1;
    const p2 = list.loadNext();
    s.calls[1].resolve({ items: [2, 3] });
    await p2;
    assert.deepEqual(list.items, [1, 2, 3]);
    list.reset();
    const p3 = list.loadNext();
    s.calls[2].resolve({ items: [2] });
    await p3;
    assert.deepEqual(list.items, [2], 'keys are forgotten on reset');
  });

  it('changes generationId on reset, so a waiting caller can tell', async () => {
    const s = scripted();
    const list = new PagedList(s.fetch, 'numbers');
    const before = list.generationId;
    const pending = list.loadNext();
    list.reset();
    assert.notEqual(list.generationId, before);
    s.calls[0].resolve({ items: [1] });
    await pending;
    assert.equal(list.started, false, 'the page of the old generation did not land');
  });
});
