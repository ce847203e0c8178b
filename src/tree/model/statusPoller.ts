/**
 * Re-polls images and versions while they are CREATING, UPDATING or DELETING, so the tree shows
 * the final status without a manual refresh. Backs off per key (5 s, 10 s, … up to 60 s) so a
 * long build does not keep calling the API every few seconds, and pauses while the view is hidden.
 * Which statuses are transient is model/statuses.ts (isTransient).
 */

/** The timer functions the poller uses; injectable so tests can drive a virtual clock. */
export interface PollTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface StatusPollerOptions {
  /** Delay before the first poll of a key. Default 5000. */
  baseMs?: number;
  /** The backoff never exceeds this. Default 60000. */
  maxMs?: number;
  timers?: PollTimers;
}

const realTimers: PollTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Watch {
  delay: number;
  /** The pending timer, if one is scheduled. */
  timer?: { handle: unknown };
  inFlight: boolean;
}

export class StatusPoller<K> {
  private readonly watches = new Map<K, Watch>();
  private readonly baseMs: number;
  private readonly maxMs: number;
  private readonly timers: PollTimers;
  private active = true;
  private disposed = false;

  /** `poll` resolves true while the key is still transient; false stops watching it. */
  constructor(
    private readonly poll: (key: K) => Promise<boolean>,
    options: StatusPollerOptions = {},
  ) {
    this.baseMs = options.baseMs ?? 5000;
    this.maxMs = Math.max(options.maxMs ?? 60000, this.baseMs);
    this.timers = options.timers ?? realTimers;
  }

  get watchedCount(): number {
    return this.watches.size;
  }

  isWatching(key: K): boolean {
    return this.watches.has(key);
  }

  /** Starts polling a key (first poll after baseMs). Already watched: no change, so a refresh does not reset the backoff. */
  watch(key: K): void {
    if (this.disposed || this.watches.has(key)) return;
    const w: Watch = { delay: this.baseMs, inFlight: false };
    this.watches.set(key, w);
    if (this.active) this.schedule(key, w);
  }

  unwatch(key: K): void {
    const w = this.watches.get(key);
    if (!w) return;
    this.cancelTimer(w);
    this.watches.delete(key);
  }

  /**
   * False pauses every timer (the view is hidden: nobody sees the result). True restarts each
   * key's timer with its current delay; a key whose poll is in flight is rescheduled when it settles.
   */
  setActive(active: boolean): void {
    if (this.disposed || active === this.active) return;
    this.active = active;
    for (const [key, w] of this.watches) {
      if (!active) this.cancelTimer(w);
      else if (!w.inFlight) this.schedule(key, w);
    }
  }

  clear(): void {
    for (const w of this.watches.values()) this.cancelTimer(w);
    this.watches.clear();
  }

  dispose(): void {
    this.clear();
    this.disposed = true;
  }

  private schedule(key: K, w: Watch): void {
    const timer = { handle: undefined as unknown };
    timer.handle = this.timers.setTimeout(() => {
      // Ignore a stale timer (a fake or late clock may still fire one that was replaced).
      if (w.timer !== timer) return;
      w.timer = undefined;
      this.fire(key, w);
    }, w.delay);
    w.timer = timer;
  }

  private cancelTimer(w: Watch): void {
    if (w.timer) this.timers.clearTimeout(w.timer.handle);
    w.timer = undefined;
  }

  private fire(key: K, w: Watch): void {
    if (this.watches.get(key) !== w || !this.active) return;
    w.inFlight = true;
    let result: Promise<boolean>;
    try {
      result = this.poll(key);
    } catch (e) {
      result = Promise.reject(e); // a poll that throws synchronously counts as a failed poll
    }
    // A failed poll (network, throttling) is treated as "still transient": keep trying, backed off.
    // The chain ends in a handler that cannot throw, so no rejection goes unhandled.
    void result
      .then(
        (stillTransient) => stillTransient,
        () => true,
      )
      .then((stillTransient) => {
        w.inFlight = false;
        // Unwatched (or unwatched and watched again) while the poll ran: this watch is over.
        if (this.watches.get(key) !== w) return;
        if (!stillTransient) {
          this.watches.delete(key);
          return;
        }
        w.delay = Math.min(w.delay * 2, this.maxMs);
        if (this.active) this.schedule(key, w);
      });
  }
}
