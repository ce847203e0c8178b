/**
 * A caller's signal on PagedList.loadNext (Reveal's Cancel, issue 13): it aborts the request in
 * flight, the list stays as it was (no error, no page), and the next loadNext asks for the same
 * page again. Without a signal nothing changes.
 */
import * as assert from 'node:assert/strict';
import { PagedList } from '../../src/tree/model/pagedList';
import { scripted } from './scriptedFetcher';

describe('PagedList with a caller signal', () => {
  it('an abort stops the page on its way and leaves the list as it was', async () => {
    const s = scripted('ListImages');
    const list = new PagedList(s.fetch, 'numbers');
    const first = list.loadNext();
    s.calls[0].resolve({ items: [1, 2], nextToken: 't1' });
    await first;
    const caller = new AbortController();
    const second = list.loadNext(caller.signal);
    assert.equal(s.calls[1].signal.aborted, false);
    caller.abort();
    assert.equal(s.calls[1].signal.aborted, true, 'the request itself is aborted');
    await second;
    assert.deepEqual(list.items, [1, 2]);
    assert.equal(list.error, undefined, 'a cancel is not a failure');
    assert.equal(list.hasMore, true);
    const third = list.loadNext();
    assert.equal(s.calls.length, 3);
    assert.equal(s.calls[2].token, 't1', 'the same page is asked for again');
    s.calls[2].resolve({ items: [3] });
    await third;
    assert.deepEqual(list.items, [1, 2, 3]);
  });

  it('a caller joining a page in flight can abort it; an already aborted signal aborts at once', async () => {
    const s = scripted('ListImages');
    const list = new PagedList(s.fetch, 'numbers');
    const first = list.loadNext();
    const caller = new AbortController();
    const joined = list.loadNext(caller.signal);
    assert.equal(s.calls.length, 1, 'still single-flight');
    caller.abort();
    assert.equal(s.calls[0].signal.aborted, true);
    await Promise.all([first, joined]);
    assert.equal(list.started, false);

    const aborted = new AbortController();
    aborted.abort();
    await list.loadNext(aborted.signal);
    assert.equal(s.calls[1].signal.aborted, true);
    assert.equal(list.started, false);
  });

  it('a signal that never aborts changes nothing', async () => {
    const s = scripted('ListImages');
    const list = new PagedList(s.fetch, 'numbers');
    const caller = new AbortController();
    const page = list.loadNext(caller.signal);
    s.calls[0].resolve({ items: [1] });
    await page;
    caller.abort();
    assert.deepEqual(list.items, [1]);
    assert.equal(s.calls[0].signal.aborted, false, 'an abort after the page landed reaches nothing');
  });
});
