/**
 * The emulator's clock for the service's transient states. SageMaker answers a write at once and
 * finishes it later (CREATING → CREATED, UPDATING → CREATED, DELETING → gone); the store starts a
 * transition and hands its ending here. How it ends depends on the mode:
 *   - `0` (the default for code): at once, inside the request, so a write looks finished when it
 *     is answered (what every test written before the lifecycle expects);
 *   - a number of ms: on a timer, that long after the write (the CLI's `--transition-ms`);
 *   - `'manual'`: only when a test calls `complete()`, so a test can look at the transient state
 *     as long as it likes and never has to sleep to see the end.
 * `settled()` resolves when nothing is pending, whatever the mode: tests wait for that event.
 */

export type TransitionMode = number | 'manual';

export interface PendingTransition {
  region: string;
  image: string;
  /** Absent for a transition of the image itself. */
  version?: number;
  /** The transient state it leaves. */
  from: string;
  /** The state it ends in; 'GONE' when it ends by removing the row. */
  to: string;
  /** When a timed transition is due (epoch ms); absent in manual mode. */
  dueAt?: number;
}

interface Entry {
  info: PendingTransition;
  finish: () => void;
  timer?: NodeJS.Timeout;
}

export class Lifecycle {
  private readonly pending = new Set<Entry>();
  private waiters: (() => void)[] = [];

  constructor(private modeValue: TransitionMode = 0) {
    assertMode(modeValue);
  }

  get mode(): TransitionMode {
    return this.modeValue;
  }

  /** Changes the delay for transitions started from now on; those already pending keep theirs. */
  set mode(mode: TransitionMode) {
    assertMode(mode);
    this.modeValue = mode;
  }

  /** True when writes visibly pass through their transient state (timed or manual). */
  get moves(): boolean {
    return this.modeValue !== 0;
  }

  /**
   * Starts a transition: `finish` moves the row to its end state. `finish` must check that the
   * row is still the one it started with and still in `from` (a test may have edited or deleted
   * it meanwhile); a transition never resurrects or overwrites what someone else changed.
   */
  start(info: Omit<PendingTransition, 'dueAt'>, finish: () => void): void {
    if (this.modeValue === 0) {
      finish();
      return;
    }
    const entry: Entry = { info: { ...info }, finish };
    if (typeof this.modeValue === 'number') {
      entry.info.dueAt = Date.now() + this.modeValue;
      entry.timer = setTimeout(() => this.end(entry), this.modeValue);
      // A pending transition must not keep a test process or the CLI alive on its own.
      entry.timer.unref();
    }
    this.pending.add(entry);
  }

  /** What is in a transient state now and where it goes, oldest first. */
  list(): PendingTransition[] {
    return [...this.pending].map((e) => ({ ...e.info }));
  }

  /** Ends every pending transition now (optionally only those of one image). Returns how many ended. */
  complete(filter: { region?: string; image?: string } = {}): number {
    let ended = 0;
    for (const entry of [...this.pending]) {
      if (filter.region !== undefined && entry.info.region !== filter.region) continue;
      if (filter.image !== undefined && entry.info.image !== filter.image) continue;
      this.end(entry);
      ended++;
    }
    return ended;
  }

  /** Drops every pending transition without ending it (the store they belong to was replaced). */
  cancel(): void {
    for (const entry of this.pending) clearTimeout(entry.timer);
    this.pending.clear();
    this.notify();
  }

  /** Resolves once nothing is pending (at once if nothing is); rejects after `timeoutMs`. */
  settled(timeoutMs = 30_000): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        reject(new Error(`transitions still pending after ${timeoutMs} ms: ${JSON.stringify(this.list())}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(done);
    });
  }

  private end(entry: Entry): void {
    if (!this.pending.delete(entry)) return;
    clearTimeout(entry.timer);
    entry.finish();
    if (this.pending.size === 0) this.notify();
  }

  private notify(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }
}

function assertMode(mode: TransitionMode): void {
  if (mode !== 'manual' && !(typeof mode === 'number' && Number.isFinite(mode) && mode >= 0)) {
    throw new Error(`transitionMs must be a number of milliseconds ≥ 0 or 'manual', not ${String(mode)}`);
  }
}
