/**
 * What PagedList.reset() must forget, each with a test a mutant that forgets less would fail:
 * the repeated-token guard (after a refresh the service may hand out the same first tokens again),
 * and a page that arrives after the reset from a fetcher that ignores the abort signal (a server
 * that answers anyway, a fetcher that does not pass the signal on): only the generation check
 * keeps such a stale page out, so it is tested with a fetcher that never rejects on abort.
 */
import * as assert from 'node:assert/strict';
import type { Page } from '../../src/model/types';
import { PagedList } from '../../src/tree/model/pagedList';

interface Pending {
  token: string | undefined;
  signal: AbortSignal;
  resolve(page: Page<string>): void;
}

/** A fetcher that ignores its abort signal: every request is answered when the test says so. */
function deaf(): { calls: Pending[]; fetch: (token: string | undefined, signal: AbortSignal) => Promise<Page<string>> } {
  const calls: Pending[] = [];
  return {
    calls,
    fetch: (token, signal) => new Promise<Page<string>>((resolve) => calls.push({ token, signal, resolve })),
  };
}

/** A fetcher that serves fixed pages by token, like a service would after every refresh. */
function pages(book: Record<string, Page<string>>): {
  tokens: (string | undefined)[];
  fetch: (token: string | undefined) => Promise<Page<string>>;
} {
  const tokens: (string | undefined)[] = [];
  return {
    tokens,
    fetch: (token) => {
      tokens.push(token);
      const page = book[token ?? ''];
      if (!page) throw new Error(`no page for ${token}`);
      return Promise.resolve(page);
    },
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('PagedList.reset()', () => {
  it('forgets the tokens seen: the same tokens after a refresh are a fresh listing, not a repeat', async () => {
    const service = pages({ '': { items: ['a', 'b'], nextToken: 't1' }, t1: { items: ['c'], nextToken: 't2' }, t2: { items: ['d'] } });
    const list = new PagedList(service.fetch, 'letters');
    await list.loadNext();
    await list.loadNext();
    await list.loadNext();
    assert.deepEqual(list.items, ['a', 'b', 'c', 'd']);
    list.reset();
    await list.loadNext();
    await list.loadNext();
    assert.equal(list.error, undefined, `a repeat was reported after reset: ${String(list.error)}`);
    assert.deepEqual(list.items, ['a', 'b', 'c']);
    assert.equal(list.hasMore, true, 'the token t2 is followed again');
    await list.loadNext();
    assert.deepEqual(list.items, ['a', 'b', 'c', 'd']);
    assert.deepEqual(service.tokens, [undefined, 't1', 't2', undefined, 't1', 't2']);
  });

  it('still reports a token repeated within one listing after a reset', async () => {
    const service = pages({ '': { items: ['a'], nextToken: 't1' }, t1: { items: ['b'], nextToken: 't1' } });
    const list = new PagedList(service.fetch, 'letters');
    list.reset();
    await list.loadNext();
    await list.loadNext();
    assert.match(String((list.error as Error | undefined)?.message), /same continuation token twice/);
    assert.deepEqual(list.items, ['a'], 'the page with the repeated token is not appended');
  });

  it('drops a page answered after the reset by a fetcher that ignores the abort', async () => {
    const f = deaf();
    const list = new PagedList(f.fetch, 'letters');
    const stale = list.loadNext();
    await tick();
    assert.equal(f.calls.length, 1);
    list.reset();
    assert.equal(f.calls[0].signal.aborted, true, 'the request in flight is aborted');
    // The next load waits until the abandoned request has let go (one request per list at a time).
    const fresh = list.loadNext();
    await tick();
    assert.equal(f.calls.length, 1, 'no second request while the first is unanswered');
    f.calls[0].resolve({ items: ['stale-1', 'stale-2'], nextToken: 'stale-token' });
    await stale;
    await tick();
    assert.deepEqual(list.items, [], 'the stale page did not land');
    assert.equal(list.started, false);
    assert.equal(list.hasMore, false, 'the stale token was not kept');
    assert.equal(f.calls.length, 2, 'the fresh request went out once the stale one settled');
    assert.equal(f.calls[1].token, undefined, 'the fresh listing starts at page 1, not at the stale token');
    f.calls[1].resolve({ items: ['fresh'] });
    await fresh;
    assert.deepEqual(list.items, ['fresh']);
    assert.equal(list.error, undefined);
  });

  it('drops a stale page even when a later generation is already loaded, and keeps the fresh one intact', async () => {
    const f = deaf();
    const list = new PagedList(f.fetch, 'letters', (s) => s);
    void list.loadNext();
    await tick();
    list.reset();
    list.reset(); // two refreshes in a row
    const fresh = list.loadNext();
    f.calls[0].resolve({ items: ['old'], nextToken: 'old-token' });
    await tick();
    await tick();
    f.calls[1].resolve({ items: ['new'], nextToken: 'n1' });
    await fresh;
    assert.deepEqual(list.items, ['new']);
    const second = list.loadNext();
    await tick();
    assert.equal(f.calls[2].token, 'n1', 'the fresh token is followed, not the stale one');
    f.calls[2].resolve({ items: ['old'] });
    await second;
    assert.deepEqual(list.items, ['new', 'old'], 'an item of the stale page is not a known key after the reset');
  });
});
