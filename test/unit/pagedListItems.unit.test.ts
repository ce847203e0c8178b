/**
 * PagedList's state getters and in-place updates (the live-status poll rewrites rows through
 * updateItems): what `started` and `hasMore` say before and after pages, which errors are kept,
 * and that an update replaces, keeps or drops items and reports whether anything changed.
 */
import * as assert from 'node:assert/strict';
import { RequestCancelledError } from '../../src/model/errors';
import type { Page } from '../../src/model/types';
import { PagedList } from '../../src/tree/model/pagedList';

interface Row {
  id: string;
  status: string;
}

function served(...pages: Page<Row>[]): (token: string | undefined) => Promise<Page<Row>> {
  return (token) => Promise.resolve(pages[token === undefined ? 0 : Number(token)]);
}

const row = (id: string, status = 'CREATED'): Row => ({ id, status });

describe('PagedList state and updateItems', () => {
  it('started and hasMore: false before the first page, then as the token says', async () => {
    const list = new PagedList(served({ items: [row('a')], nextToken: '1' }, { items: [row('b')] }), 'rows', (r) => r.id);
    assert.equal(list.started, false);
    assert.equal(list.hasMore, false, 'nothing loaded is not "more"');
    await list.loadNext();
    assert.equal(list.started, true);
    assert.equal(list.hasMore, true);
    await list.loadNext();
    assert.equal(list.hasMore, false);
    await list.loadNext();
    assert.deepEqual(
      list.items.map((r) => r.id),
      ['a', 'b'],
      'no call after the last page',
    );
  });

  it('a cancelled request leaves no error; another failure is kept until the next success', async () => {
    let fail: unknown = new RequestCancelledError('ListImageVersions');
    const list = new PagedList<Row>(() => (fail ? Promise.reject(fail) : Promise.resolve({ items: [row('a')] })), 'rows');
    await list.loadNext();
    assert.equal(list.error, undefined, 'a cancel is not an error');
    assert.equal(list.started, false);
    fail = new Error('boom');
    await list.loadNext();
    assert.equal(String((list.error as { message?: string } | undefined)?.message), 'boom');
    fail = undefined;
    await list.loadNext();
    assert.equal(list.error, undefined);
    assert.deepEqual(
      list.items.map((r) => r.id),
      ['a'],
    );
  });

  it('an error that arrives after a reset is not kept', async () => {
    let reject!: (e: unknown) => void;
    const list = new PagedList<Row>(() => new Promise((_, r) => (reject = r)), 'rows');
    const loading = list.loadNext();
    await new Promise((r) => setImmediate(r));
    list.reset();
    reject(new Error('late failure'));
    await loading;
    assert.equal(list.error, undefined);
  });

  it('updateItems replaces changed items in place and says so; an unchanged pass says false and keeps the array', async () => {
    const list = new PagedList(served({ items: [row('a', 'CREATING'), row('b'), row('c')] }), 'rows', (r) => r.id);
    await list.loadNext();
    const before = list.items;
    assert.equal(
      list.updateItems((r) => r),
      false,
    );
    assert.equal(list.items, before, 'no change, same array');
    const changed = list.updateItems((r) => (r.id === 'a' ? { ...r, status: 'CREATED' } : r));
    assert.equal(changed, true);
    assert.deepEqual(list.items, [row('a'), row('b'), row('c')]);
    assert.equal(list.items[1], before[1], 'untouched items are the same objects');
  });

  it('updateItems drops items updated to undefined and forgets their keys, so a later page may bring them back', async () => {
    const list = new PagedList(
      served({ items: [row('a'), row('b')], nextToken: '1' }, { items: [row('a', 'NEW'), row('c')] }),
      'rows',
      (r) => r.id,
    );
    await list.loadNext();
    assert.equal(
      list.updateItems((r) => (r.id === 'a' ? undefined : r)),
      true,
    );
    assert.deepEqual(
      list.items.map((r) => r.id),
      ['b'],
    );
    await list.loadNext();
    assert.deepEqual(
      list.items.map((r) => `${r.id}:${r.status}`),
      ['b:CREATED', 'a:NEW', 'c:CREATED'],
    );
  });

  it('a reset while the previous request is still settling: the load started before the reset does not run', async () => {
    let calls = 0;
    let release!: (p: Page<Row>) => void;
    const list = new PagedList<Row>(() => {
      calls++;
      return new Promise((r) => (release = r));
    }, 'rows');
    void list.loadNext();
    await new Promise((r) => setImmediate(r));
    list.reset();
    const waiting = list.loadNext(); // waits for the abandoned request
    list.reset(); // and is itself abandoned before that settles
    release({ items: [row('stale')] });
    await waiting;
    await new Promise((r) => setImmediate(r));
    assert.equal(calls, 1, 'the abandoned load never fetched');
    assert.deepEqual(list.items, []);
  });
});
