/**
 * One continuation-token list, loaded one page per call. The single paging mechanism behind both
 * the image roots and each image's versions.
 *
 * - single-flight: while a page is loading, loadNext() returns the same promise, so a double
 *   click on "Load more" cannot fetch a page twice;
 * - stale results: reset() bumps a generation and aborts the request in flight; a response that
 *   arrives for an older generation is dropped, so nothing from before a refresh, sort or filter
 *   change lands; the next request waits until the aborted one has settled, so one list never has
 *   two requests in flight;
 * - repeated tokens: a token the service already gave in this listing is an error, not a loop,
 *   and the page that carried it is not appended (no duplicate rows);
 * - a caller's signal (Reveal's Cancel) aborts the page in flight; the list stays as it was, and
 *   the next loadNext() asks for the same page again;
 * - repeated items: with `keyOf`, an item already loaded (e.g. shifted onto the next page by a
 *   version created meanwhile) is not appended twice; a tree cannot show two rows with one id.
 */
import { isCancelled } from '../../model/errors';
import { RepeatedTokenGuard } from '../../requests/paging';
import type { Page } from '../../model/types';

export type FetchPage<T> = (nextToken: string | undefined, signal: AbortSignal) => Promise<Page<T>>;

export class PagedList<T> {
  private loadedItems: T[] = [];
  private token: string | undefined;
  private pagesLoaded = 0;
  private inFlight: Promise<void> | undefined;
  /** The request a reset abandoned, until it has settled (see loadNext). */
  private abandoned: Promise<void> | undefined;
  private controller: AbortController | undefined;
  private generation = 0;
  private lastError: unknown;
  private readonly guard: RepeatedTokenGuard;
  private readonly keys = new Set<string>();

  constructor(
    private fetchPage: FetchPage<T>,
    what: string,
    private readonly keyOf?: (item: T) => string,
  ) {
    this.guard = new RepeatedTokenGuard(what);
  }

  /** Changes on every reset: a caller that awaited a load can tell the list was reset meanwhile. */
  get generationId(): number {
    return this.generation;
  }

  get items(): readonly T[] {
    return this.loadedItems;
  }

  /** The error of the last attempt, cleared by the next success or a reset. */
  get error(): unknown {
    return this.lastError;
  }

  /** At least one page has arrived. */
  get started(): boolean {
    return this.pagesLoaded > 0;
  }

  /** A page was loaded and the service gave a token for another. */
  get hasMore(): boolean {
    return this.pagesLoaded > 0 && this.token !== undefined;
  }

  /**
   * Loads the next page (the first when nothing is loaded). Resolves when it has landed or
   * failed (see `error`); never rejects. A no-op once the last page is in. An abort of `signal`
   * aborts the request (shared with any other caller waiting for the same page).
   */
  loadNext(signal?: AbortSignal): Promise<void> {
    if (this.inFlight) return this.abortOn(signal, this.controller, this.inFlight);
    if (this.pagesLoaded > 0 && this.token === undefined) return Promise.resolve();
    const generation = this.generation;
    const controller = new AbortController();
    this.controller = controller;
    const sentToken = this.token;
    const abandoned = this.abandoned;
    const run = async () => {
      try {
        // Never two requests for one list at once: wait until an aborted one has let go.
        if (abandoned) await abandoned;
        if (generation !== this.generation) return;
        const page = await this.fetchPage(sentToken, controller.signal);
        if (generation !== this.generation) return;
        const next = this.guard.accept(page.nextToken);
        for (const item of page.items) {
          if (this.keyOf) {
            const key = this.keyOf(item);
            if (this.keys.has(key)) continue;
            this.keys.add(key);
          }
          this.loadedItems.push(item);
        }
        this.token = next;
        this.pagesLoaded += 1;
        this.lastError = undefined;
      } catch (e) {
        if (generation !== this.generation || isCancelled(e)) return;
        this.lastError = e;
      } finally {
        if (generation === this.generation) {
          this.inFlight = undefined;
          this.controller = undefined;
        }
      }
    };
    this.inFlight = run();
    return this.abortOn(signal, controller, this.inFlight);
  }

  private abortOn(signal: AbortSignal | undefined, controller: AbortController | undefined, work: Promise<void>): Promise<void> {
    if (!signal || !controller) return work;
    if (signal.aborted) controller.abort();
    const abort = () => controller.abort();
    signal.addEventListener('abort', abort, { once: true });
    return work.finally(() => signal.removeEventListener('abort', abort));
  }

  /**
   * Rewrites loaded items in place (a live status update): `update` returns the new item, the
   * same one, or undefined to drop it (deleted meanwhile). Tokens and pages are untouched.
   * Returns whether anything changed.
   */
  updateItems(update: (item: T) => T | undefined): boolean {
    let changed = false;
    const next: T[] = [];
    for (const item of this.loadedItems) {
      const updated = update(item);
      if (updated !== item) changed = true;
      if (updated === undefined) {
        if (this.keyOf) this.keys.delete(this.keyOf(item));
        continue;
      }
      next.push(updated);
    }
    if (changed) this.loadedItems = next;
    return changed;
  }

  /**
   * Puts an item the extension itself just created or changed into what is loaded (after a write,
   * so the row shows at once): an item with the same key is replaced where it is; a new one goes
   * where `position` says, given the loaded items in their order (the end is refused while more
   * pages may follow: it would be on one of those). Returns whether the item is now loaded. A
   * later page holding the same item does not add it twice (its key is known).
   */
  upsertItem(item: T, position: (loaded: readonly T[]) => number | 'end'): boolean {
    const key = this.keyOf?.(item);
    if (key !== undefined && this.keys.has(key)) {
      this.loadedItems = this.loadedItems.map((i) => (this.keyOf?.(i) === key ? item : i));
      return true;
    }
    if (!this.started) return false;
    const at = position(this.loadedItems);
    if (at === 'end' && this.hasMore) return false;
    const index = at === 'end' ? this.loadedItems.length : Math.max(0, Math.min(at, this.loadedItems.length));
    this.loadedItems = [...this.loadedItems.slice(0, index), item, ...this.loadedItems.slice(index)];
    if (key !== undefined) this.keys.add(key);
    return true;
  }

  /** Forgets everything and aborts the request in flight; optionally with a new fetcher (new query). */
  reset(fetchPage?: FetchPage<T>): void {
    this.generation += 1;
    if (this.inFlight) {
      const settled: Promise<void> = this.inFlight.then(() => {
        if (this.abandoned === settled) this.abandoned = undefined;
      });
      this.abandoned = settled;
    }
    this.controller?.abort();
    this.controller = undefined;
    this.inFlight = undefined;
    this.loadedItems = [];
    this.token = undefined;
    this.pagesLoaded = 0;
    this.lastError = undefined;
    this.guard.reset();
    this.keys.clear();
    if (fetchPage) this.fetchPage = fetchPage;
  }
}
