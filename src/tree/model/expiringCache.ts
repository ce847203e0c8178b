/**
 * A small async cache for describe-style calls (image details, a version's details) that the
 * hover and the tree ask for repeatedly. Concurrent requests for one key share a single call
 * (single flight), failures are never cached (the next request retries), and values can expire so
 * a status shown in a hover does not stay stale forever.
 */

export interface ExpiringCacheOptions {
  /** How long a loaded value is served, from when its load resolved. Undefined: until deleted or cleared. */
  ttlMs?: number;
  /** The clock; injectable for tests. Default Date.now. */
  now?: () => number;
  /** Above this many entries the oldest (first inserted) is evicted. Default 500. */
  maxEntries?: number;
}

interface Entry<V> {
  /** Identifies the load that created this entry; a load only writes back to its own generation. */
  generation: number;
  promise: Promise<V>;
  settled: boolean;
  value?: V;
  /** Set when the load resolves and a ttl is configured. */
  expiresAt?: number;
}

export class ExpiringCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly ttlMs: number | undefined;
  private readonly now: () => number;
  private readonly maxEntries: number;
  private generation = 0;

  constructor(options: ExpiringCacheOptions = {}) {
    this.ttlMs = options.ttlMs;
    this.now = options.now ?? Date.now;
    this.maxEntries = Math.max(1, options.maxEntries ?? 500);
  }

  /** Entries held: loads in flight and unexpired values. */
  get size(): number {
    for (const [key, entry] of this.entries) {
      if (this.isExpired(entry)) this.entries.delete(key);
    }
    return this.entries.size;
  }

  /** The cached value, or the one being loaded; otherwise starts `load`. */
  get(key: K, load: () => Promise<V>): Promise<V> {
    const existing = this.entries.get(key);
    if (existing && !this.isExpired(existing)) return existing.promise;
    if (existing) this.entries.delete(key);

    const generation = ++this.generation;
    const isCurrent = () => this.entries.get(key)?.generation === generation;
    let started: Promise<V>;
    try {
      started = load();
    } catch (e) {
      started = Promise.reject(e); // a loader that throws synchronously fails like a rejected one
    }
    const entry: Entry<V> = {
      generation,
      settled: false,
      promise: started.then(
        (value) => {
          // After delete()/clear() (or eviction) this load no longer owns the key: hand the value
          // to its callers but do not put it back in the cache.
          if (isCurrent()) {
            entry.settled = true;
            entry.value = value;
            if (this.ttlMs !== undefined) entry.expiresAt = this.now() + this.ttlMs;
          }
          return value;
        },
        (error: unknown) => {
          if (isCurrent()) this.entries.delete(key); // not cached: the next get loads again
          throw error;
        },
      ),
    };
    this.entries.set(key, entry);
    this.evict();
    return entry.promise;
  }

  /** A loaded, unexpired value; undefined while loading or when absent. */
  peek(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry || !entry.settled) return undefined;
    if (this.isExpired(entry)) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  private isExpired(entry: Entry<V>): boolean {
    return entry.expiresAt !== undefined && this.now() >= entry.expiresAt;
  }

  private evict(): void {
    // Map iteration order is insertion order, so the first keys are the oldest.
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}
