/**
 * StatusPoller on a virtual clock: backoff schedule, stop conditions, pause/resume, and the
 * guarantees around a poll in flight (no overlap, no reschedule after unwatch).
 */
import * as assert from 'node:assert/strict';
import { StatusPoller, type PollTimers } from '../../src/tree/model/statusPoller';

/** Timers on a virtual clock that only moves when the test advances it. */
class FakeTimers implements PollTimers {
  now = 0;
  private nextId = 1;
  private readonly pending = new Map<number, { at: number; fn: () => void }>();

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.set(id, { at: this.now + ms, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Moves the clock forward, firing due timers in order (and letting their promises settle). */
  async advance(ms: number): Promise<void> {
    const target = this.now + ms;
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.pending) if (entry[1].at <= target && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.pending.delete(next[0]);
      this.now = next[1].at;
      next[1].fn();
      await flush();
    }
    this.now = target;
  }
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A poll function that records when it was called and answers from a script (default: still transient). */
function recorder(timers: FakeTimers, answer: (call: number) => Promise<boolean> = async () => true) {
  const calls: { key: string; at: number }[] = [];
  return {
    calls,
    poll: (key: string) => {
      calls.push({ key, at: timers.now });
      return answer(calls.length);
    },
  };
}

describe('StatusPoller', () => {
  it('backs off 5, 10, 20, 40, 60, 60 seconds', async () => {
    const timers = new FakeTimers();
    const r = recorder(timers);
    const poller = new StatusPoller(r.poll, { timers });
    poller.watch('img');
    await timers.advance(4999);
    assert.equal(r.calls.length, 0, 'not before baseMs');
    await timers.advance(1 + 10_000 + 20_000 + 40_000 + 60_000 + 60_000);
    const gaps = r.calls.map((c, i) => c.at - (i === 0 ? 0 : r.calls[i - 1].at));
    assert.deepEqual(gaps, [5000, 10_000, 20_000, 40_000, 60_000, 60_000]);
    assert.equal(poller.isWatching('img'), true);
    poller.dispose();
  });

  it('stops watching when the poll reports a settled status', async () => {
    const timers = new FakeTimers();
    const r = recorder(timers, async (n) => n < 2);
    const poller = new StatusPoller(r.poll, { timers, baseMs: 100, maxMs: 1000 });
    poller.watch('img');
    await timers.advance(10_000);
    assert.equal(r.calls.length, 2);
    assert.equal(poller.isWatching('img'), false);
    assert.equal(poller.watchedCount, 0);
    assert.equal(timers.pendingCount, 0);
  });

  it('does not poll while inactive and resumes each key with its current delay', async () => {
    const timers = new FakeTimers();
    const r = recorder(timers);
    const poller = new StatusPoller(r.poll, { timers, baseMs: 100, maxMs: 10_000 });
    poller.watch('a');
    await timers.advance(100); // first poll at 100; next delay 200
    assert.equal(r.calls.length, 1);
    poller.setActive(false);
    assert.equal(timers.pendingCount, 0, 'timers cleared while hidden');
    poller.watch('b'); // watched while hidden: waits for the view to show
    await timers.advance(100_000);
    assert.equal(r.calls.length, 1, 'no polls while inactive');
    poller.setActive(true);
    const resumedAt = timers.now;
    await timers.advance(200);
    assert.deepEqual(
      r.calls.slice(1).map((c) => [c.key, c.at - resumedAt]),
      [
        ['b', 100],
        ['a', 200],
      ],
    );
    poller.dispose();
  });

  it('never has two polls in flight for one key', async () => {
    const timers = new FakeTimers();
    let inFlight = 0;
    let maxInFlight = 0;
    const releases: (() => void)[] = [];
    const poller = new StatusPoller(
      () =>
        new Promise<boolean>((resolve) => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          releases.push(() => {
            inFlight--;
            resolve(true);
          });
        }),
      { timers, baseMs: 100, maxMs: 100 },
    );
    poller.watch('a');
    await timers.advance(100);
    assert.equal(releases.length, 1);
    await timers.advance(10_000);
    assert.equal(releases.length, 1, 'no second poll while the first is unanswered');
    poller.setActive(false);
    poller.setActive(true); // resuming must not start a poll beside the one in flight
    await timers.advance(10_000);
    assert.equal(releases.length, 1);
    releases[0]();
    await flush();
    await timers.advance(100);
    assert.equal(releases.length, 2, 'the next poll is scheduled once the previous settles');
    assert.equal(maxInFlight, 1);
    poller.dispose();
  });

  it('keeps polling, backed off, after a rejected poll, without an unhandled rejection', async () => {
    const timers = new FakeTimers();
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const r = recorder(timers, async (n) => {
        if (n <= 2) throw new Error('ThrottlingException');
        return n < 4;
      });
      const poller = new StatusPoller(r.poll, { timers, baseMs: 100, maxMs: 1000 });
      poller.watch('a');
      await timers.advance(10_000);
      assert.deepEqual(
        r.calls.map((c) => c.at),
        [100, 300, 700, 1500],
      );
      assert.equal(poller.isWatching('a'), false);
      await flush();
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('does not reschedule a poll that was in flight when the key was unwatched', async () => {
    const timers = new FakeTimers();
    let release: ((v: boolean) => void) | undefined;
    let calls = 0;
    const poller = new StatusPoller(
      () => {
        calls++;
        return new Promise<boolean>((resolve) => (release = resolve));
      },
      { timers, baseMs: 100 },
    );
    poller.watch('a');
    await timers.advance(100);
    assert.equal(calls, 1);
    poller.unwatch('a');
    release?.(true);
    await flush();
    assert.equal(timers.pendingCount, 0);
    await timers.advance(100_000);
    assert.equal(calls, 1);
    assert.equal(poller.isWatching('a'), false);
  });

  it('a fresh watch during an in-flight poll of an unwatched key starts its own schedule', async () => {
    const timers = new FakeTimers();
    const releases: ((v: boolean) => void)[] = [];
    const at: number[] = [];
    const poller = new StatusPoller(
      () =>
        new Promise<boolean>((resolve) => {
          at.push(timers.now);
          releases.push(resolve);
        }),
      { timers, baseMs: 100 },
    );
    poller.watch('a');
    await timers.advance(100);
    poller.unwatch('a');
    poller.watch('a');
    releases[0](false); // the old poll's answer must not end the new watch
    await flush();
    assert.equal(poller.isWatching('a'), true);
    await timers.advance(100);
    assert.deepEqual(at, [100, 200]);
    poller.dispose();
  });

  it('ignores watch() of a watched key, and stops everything on clear() and dispose()', async () => {
    const timers = new FakeTimers();
    const r = recorder(timers);
    const poller = new StatusPoller(r.poll, { timers, baseMs: 100 });
    poller.watch('a');
    await timers.advance(100); // delay now 200
    poller.watch('a');
    await timers.advance(200);
    assert.deepEqual(
      r.calls.map((c) => c.at),
      [100, 300],
      'the backoff was not reset',
    );
    poller.watch('b');
    assert.equal(poller.watchedCount, 2);
    poller.clear();
    assert.equal(poller.watchedCount, 0);
    assert.equal(timers.pendingCount, 0);
    poller.dispose();
    poller.watch('c');
    assert.equal(poller.isWatching('c'), false, 'no watching after dispose');
    await timers.advance(100_000);
    assert.equal(r.calls.length, 2);
  });
});
