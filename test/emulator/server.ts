/**
 * A local SageMaker (images subset) speaking awsJson1_1 as the service does: POST / with
 * X-Amz-Target `SageMaker.<Operation>`, JSON bodies with epoch-second timestamps, errors as
 * `{"__type","Message"}` with HTTP 400 and an x-amzn-RequestId on every answer. The region comes
 * from the SigV4 credential scope, so each region is its own account slice.
 *
 * Control paths under /_emulator/ (never used by the SDK) let tests and the demo seed data,
 * inject faults, read the request log and end or await transitions over HTTP; the same is
 * available from code.
 */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ServiceError } from './errors';
import { Faults, type ActiveFault, type FaultSpec } from './faults';
import { Lifecycle, type PendingTransition, type TransitionMode } from './lifecycle';
import { DEFAULT_REGION, demoSpec, FIXTURES, hostileSpec, seed, type FixtureName, type SeedSpec } from './fixtures';
import { isOperation, type OperationName } from './schema';
import { issueToken, readToken, tokenQuery } from './tokens';
import { RegionStore, Store } from './store';
import { StudioAccount, type StudioRegion } from './studio';
import { demoStudioSpec, seedStudio, syntheticStudioSpec, type StudioSeedSpec } from './studioFixtures';
import { isStudioOperation } from './studioSchema';
import { validateInput } from './validation';

export interface LoggedRequest {
  seq: number;
  time: string;
  operation: string;
  region: string;
  /** The request body as sent (parameters only; no headers are ever logged). */
  params: Record<string, unknown>;
  status: number;
  errorCode?: string;
  fault?: string;
}

export interface Activity {
  /** API requests arrived and not yet answered. */
  inFlight: number;
  /** The last request's sequence number. */
  seq: number;
  /** Milliseconds since the last request arrived or was answered. */
  idleMs: number;
  /** The most API requests in progress at once since the log was last cleared (a scan's concurrency bound is checked on it). */
  peakInFlight: number;
}

export interface QuietOptions {
  /** How long nothing must happen, ms (default 400). */
  settleMs?: number;
  /** Give up after, ms (default 30 s). */
  timeoutMs?: number;
}

export interface CallFilter {
  operation?: string;
  region?: string;
  /** Parameters the request must carry with these exact (JSON-equal) values; undefined means absent. */
  params?: Record<string, unknown>;
}

function matches(r: LoggedRequest, f: CallFilter): boolean {
  if (f.operation !== undefined && r.operation !== f.operation) return false;
  if (f.region !== undefined && r.region !== f.region) return false;
  for (const [k, v] of Object.entries(f.params ?? {})) if (JSON.stringify(r.params[k]) !== JSON.stringify(v)) return false;
  return true;
}

export interface EmulatorOptions {
  port?: number;
  host?: string;
  fixture?: FixtureName;
  /** Added before every API answer, ms. */
  latencyMs?: number;
  /** Anchor for the demo fixture's dates; default now. */
  now?: number;
  /**
   * How long a write stays in its transient state (CREATING, UPDATING, DELETING), ms. 0 (the
   * default) ends it inside the request and leaves a fixture's transient rows as they are;
   * 'manual' keeps every transition pending until completeTransitions(). With a number > 0 or
   * 'manual', a fixture's transient rows move too, from the moment the fixture is loaded.
   */
  transitionMs?: TransitionMode;
}

const JSON_TYPE = 'application/x-amz-json-1.1';
const SCOPE = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\/sagemaker\/aws4_request/;
const MAX_BODY = 1_000_000;

export class SageMakerEmulator {
  readonly store: Store;
  /** Studio domains, user profiles and spaces (studio.ts), per region. */
  readonly studio = new StudioAccount();
  readonly faults = new Faults();
  readonly requests: LoggedRequest[] = [];
  latencyMs: number;
  private server?: http.Server;
  private readonly sockets = new Set<Socket>();
  private seq = 0;
  /** API requests arrived and not yet answered (or closed), over all images and regions. */
  private inFlightTotal = 0;
  /** The high-water mark of inFlightTotal since clearRequests. */
  private peakInFlightTotal = 0;
  /** When the last API request arrived or was answered (ms since epoch). */
  private lastActivity = Date.now();
  private urlValue?: string;

  constructor(private readonly options: EmulatorOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0;
    this.store = new Store(new Lifecycle(options.transitionMs ?? 0));
    this.loadFixture(options.fixture ?? 'empty');
  }

  get url(): string {
    if (!this.urlValue) throw new Error('emulator not started');
    return this.urlValue;
  }

  region(name = DEFAULT_REGION): RegionStore {
    return this.store.region(name);
  }

  /** Replaces all data with a fixture. */
  loadFixture(name: FixtureName): void {
    this.store.clear();
    this.studio.clear();
    if (name === 'demo' || name === 'hostile') {
      const spec = name === 'demo' ? demoSpec(this.options.now) : hostileSpec(this.options.now);
      seed(this.store.region(spec.region ?? DEFAULT_REGION), spec, this.options.now);
    }
    if (name === 'demo') this.seedStudio(demoStudioSpec(this.options.now), this.options.now);
    // A fixture's CREATING/UPDATING/DELETING rows move like fresh writes when transitions are on.
    if (this.store.lifecycle.moves) this.store.startTransientRows();
  }

  /** The delay of transitions started from now on (see EmulatorOptions.transitionMs). */
  get transitionMs(): TransitionMode {
    return this.store.lifecycle.mode;
  }

  set transitionMs(mode: TransitionMode) {
    this.store.lifecycle.mode = mode;
  }

  /** The rows in a transient state whose end is pending, and where each goes. */
  pendingTransitions(): PendingTransition[] {
    return this.store.lifecycle.list();
  }

  /** Ends pending transitions now (all, or one region's or image's). Returns how many ended. */
  completeTransitions(filter: { region?: string; image?: string } = {}): number {
    return this.store.lifecycle.complete(filter);
  }

  /** Resolves once no transition is pending: the event a test waits for instead of sleeping. */
  transitionsSettled(timeoutMs?: number): Promise<void> {
    return this.store.lifecycle.settled(timeoutMs);
  }

  seed(spec: SeedSpec, now?: number): number {
    return seed(this.store.region(spec.region ?? DEFAULT_REGION), spec, now);
  }

  /** Adds Studio domains, profiles and spaces (studioFixtures.ts). Returns how many domains. */
  seedStudio(spec: StudioSeedSpec, now?: number): number {
    return seedStudio(this.studio.region(spec.region ?? DEFAULT_REGION), spec, now);
  }

  /** One region's Studio resources (for a test that deletes a profile or space mid-scan). */
  studioRegion(name = DEFAULT_REGION): StudioRegion {
    return this.studio.region(name);
  }

  addFault(spec: FaultSpec): void {
    this.faults.add(spec);
  }

  clearRequests(): void {
    this.requests.length = 0;
    this.peakInFlight.clear();
    this.peakInFlightTotal = this.inFlightTotal;
  }

  /** Requests per image in progress now (arrived, not yet answered, socket still open). */
  private readonly inFlight = new Map<string, number>();
  /** The most requests for one image that were in progress at once, since the log was cleared. */
  readonly peakInFlight = new Map<string, number>();

  private trackTotal(res: http.ServerResponse): void {
    this.inFlightTotal++;
    this.peakInFlightTotal = Math.max(this.peakInFlightTotal, this.inFlightTotal);
    this.lastActivity = Date.now();
    let done = false;
    const release = () => {
      if (done) return;
      done = true;
      this.inFlightTotal--;
      this.lastActivity = Date.now();
    };
    res.on('finish', release);
    res.on('close', release);
  }

  private track(key: string, res: http.ServerResponse): void {
    const now = (this.inFlight.get(key) ?? 0) + 1;
    this.inFlight.set(key, now);
    this.peakInFlight.set(key, Math.max(now, this.peakInFlight.get(key) ?? 0));
    let done = false;
    const release = () => {
      if (done) return;
      done = true;
      this.inFlight.set(key, (this.inFlight.get(key) ?? 1) - 1);
    };
    res.on('finish', release);
    res.on('close', release);
  }

  /** Logged API requests, optionally of one operation. */
  calls(operation?: string): LoggedRequest[] {
    return operation ? this.requests.filter((r) => r.operation === operation) : [...this.requests];
  }

  /**
   * The sequence number of the last API request received (0 before any). Never reset, not even by
   * clearRequests: take it after waitForQuiet and count only what came after with callsSince.
   */
  get lastSeq(): number {
    return this.seq;
  }

  /** What is happening now: requests in progress, the last sequence number, ms since the last arrival or answer. */
  activity(): Activity {
    return { inFlight: this.inFlightTotal, seq: this.seq, idleMs: Date.now() - this.lastActivity, peakInFlight: this.peakInFlightTotal };
  }

  /**
   * Logged requests after sequence number `since`, narrowed to what an action can cause: one
   * operation, one region, and request parameters that must all equal the given ones (use
   * `ImageName` to count only what concerns one image).
   */
  callsSince(since: number, filter: CallFilter = {}): LoggedRequest[] {
    return this.requests.filter((r) => r.seq > since && matches(r, filter));
  }

  /**
   * Resolves once the emulator is quiet: nothing in flight and no request arrived or answered for
   * `settleMs`, checked by polling (work that a busy machine delays is waited for, not raced).
   * Returns the sequence number at that moment, the mark to count from with callsSince.
   */
  async waitForQuiet(options: QuietOptions = {}): Promise<number> {
    const settleMs = options.settleMs ?? 400;
    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    for (;;) {
      const a = this.activity();
      if (a.inFlight === 0 && a.idleMs >= settleMs) return a.seq;
      if (Date.now() > deadline)
        throw new Error(`the emulator was not quiet for ${settleMs} ms: ${a.inFlight} in flight, last activity ${a.idleMs} ms ago`);
      await sleep(Math.min(50, Math.max(10, settleMs - a.idleMs)));
    }
  }

  async start(): Promise<string> {
    const server = http.createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        // A bug in the emulator must surface, not hang the client.
        if (!res.headersSent) respond(res, 500, { __type: 'InternalFailure', Message: `emulator error: ${String(e)}` });
      });
    });
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    this.urlValue = `http://${this.options.host ?? '127.0.0.1'}:${port}`;
    return this.urlValue;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? '/').split('?')[0];
    if (path.startsWith('/_emulator/'))
      return this.control(req.method ?? 'GET', path, new URL(req.url ?? '/', 'http://x').searchParams, raw, res);

    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.startsWith('SageMaker.') ? target.slice('SageMaker.'.length) : target;
    const region = SCOPE.exec(String(req.headers.authorization ?? ''))?.[1] ?? DEFAULT_REGION;
    let params: Record<string, unknown> = {};
    const entry: LoggedRequest = { seq: ++this.seq, time: new Date().toISOString(), operation, region, params, status: 200 };
    this.requests.push(entry);
    this.trackTotal(res);

    const fail = (status: number, code: string, message: string) => {
      entry.status = status;
      entry.errorCode = code;
      respond(res, status, { __type: code, Message: message });
    };

    if (req.method !== 'POST' || path !== '/') return fail(404, 'UnknownOperationException', 'Only POST / is served.');
    if (!req.headers.authorization) return fail(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
    try {
      const parsed: unknown = raw.length ? JSON.parse(raw) : {};
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      params = parsed as Record<string, unknown>;
      entry.params = params;
    } catch {
      return fail(400, 'SerializationException', 'Start of structure or map found where not expected.');
    }
    if (!isOperation(operation)) return fail(400, 'UnknownOperationException', `Unknown operation ${target}`);

    if (typeof params.ImageName === 'string') this.track(`${region}/${params.ImageName}`, res);
    const fault = this.faults.take(operation, params, region);
    if (fault) entry.fault = fault.kind;
    if (this.latencyMs > 0) await sleep(this.latencyMs);
    if (fault && (await this.applyFault(fault, entry, req, res))) return;

    const invalid = validateInput(operation, params);
    if (invalid) return fail(400, 'ValidationException', invalid);
    try {
      let result = this.execute(operation, region, params);
      if (fault?.kind === 'dropResponse') {
        entry.status = 0;
        entry.errorCode = 'ResponseDropped';
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'repeatToken') result = { ...result, NextToken: params.NextToken };
      if (fault?.kind === 'emptyPageWithToken') result = this.emptyPage(result, params);
      respond(res, 200, result);
    } catch (e) {
      if (e instanceof ServiceError) return fail(e.status, e.code, e.message);
      throw e;
    }
  }

  private execute(operation: OperationName, region: string, params: Record<string, unknown>): Record<string, unknown> {
    if (isStudioOperation(operation)) return this.studio.execute(operation, region, params);
    const r = this.store.region(region);
    return r[operation](params);
  }

  /**
   * Serves no items but a valid token pointing where this page started, so following it returns
   * the real page. The token is a fresh one (salted), not the request's own: a byte-identical
   * token would be the repeatToken fault. A last page (no token to keep) is served unchanged.
   */
  private emptyPage(result: Record<string, unknown>, params: Record<string, unknown>): Record<string, unknown> {
    const listKey = Object.keys(result).find((k) => Array.isArray(result[k]));
    if (!listKey || typeof result.NextToken !== 'string') return result;
    const hash = tokenQuery(result.NextToken);
    const start = readToken(params.NextToken as string | undefined, hash);
    return { ...result, [listKey]: [], NextToken: issueToken(hash, start, randomUUID().slice(0, 8)) };
  }

  /** Returns true when the fault produced the whole answer. */
  private async applyFault(f: ActiveFault, entry: LoggedRequest, req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
    const fail = (status: number, code: string, message: string) => {
      entry.status = status;
      entry.errorCode = code;
      respond(res, status, { __type: code, Message: message });
      return true;
    };
    switch (f.kind) {
      case 'throttle':
        entry.status = 400;
        entry.errorCode = 'ThrottlingException';
        respond(res, 400, { __type: 'ThrottlingException', message: 'Rate exceeded' });
        return true;
      case 'http500':
        return fail(
          f.status ?? 500,
          f.status === 503 ? 'ServiceUnavailable' : 'InternalFailure',
          f.message ?? 'We encountered an internal error. Please try again.',
        );
      case 'error':
        return fail(f.status ?? 400, f.code ?? 'InternalFailure', f.message ?? `${f.code} (injected)`);
      case 'reset':
        entry.status = 0;
        entry.errorCode = 'ConnectionReset';
        req.socket.destroy();
        return true;
      case 'delay':
        await (f.release ? held(f.delayMs ?? 0, f.release) : sleep(f.delayMs ?? 0));
        return res.destroyed || req.socket.destroyed;
      case 'malformed':
        entry.status = 200;
        entry.errorCode = 'MalformedBody';
        res.writeHead(200, { 'content-type': JSON_TYPE, 'x-amzn-requestid': randomUUID() });
        res.end('{"ImageVersions": [{"ImageArn": "arn:aws:sagemaker:us-ea');
        return true;
      case 'html':
        entry.status = 502;
        entry.errorCode = 'ProxyHtml';
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end(
          '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
        );
        return true;
      case 'repeatToken':
      case 'emptyPageWithToken':
      case 'dropResponse':
        return false;
    }
  }

  private control(method: string, path: string, query: URLSearchParams, raw: string, res: http.ServerResponse): void {
    const ok = (body: unknown = { ok: true }) => respond(res, 200, body, 'application/json');
    const bad = (message: string) => respond(res, 400, { error: message }, 'application/json');
    try {
      const body: unknown = raw ? JSON.parse(raw) : undefined;
      const route = `${method} ${path}`;
      switch (route) {
        case 'GET /_emulator/health':
          return ok({
            ok: true,
            ...this.store.counts(),
            ...this.studio.counts(),
            latencyMs: this.latencyMs,
            transitionMs: this.transitionMs,
          });
        case 'GET /_emulator/transitions':
          return ok(this.pendingTransitions());
        case 'POST /_emulator/transitions/complete': {
          const region = query.get('region') ?? undefined;
          const image = query.get('image') ?? undefined;
          return ok({ completed: this.completeTransitions({ region, image }) });
        }
        case 'GET /_emulator/transitions/settled': {
          const timeoutMs = Number(query.get('timeoutMs') ?? 30_000);
          void this.transitionsSettled(timeoutMs).then(
            () => ok({ settled: true }),
            (e: unknown) => respond(res, 504, { error: e instanceof Error ? e.message : String(e) }, 'application/json'),
          );
          return;
        }
        case 'POST /_emulator/transition-ms': {
          const ms = (body as { ms?: unknown } | undefined)?.ms;
          if (ms !== 'manual' && (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0))
            return bad('body must be {"ms": <number ≥ 0> | "manual"}');
          this.transitionMs = ms;
          return ok();
        }
        case 'GET /_emulator/requests': {
          const op = query.get('operation') ?? undefined;
          const since = query.get('since');
          const image = query.get('image') ?? undefined;
          if (since === null && image === undefined) return ok(this.calls(op));
          return ok(this.callsSince(Number(since ?? 0), { operation: op, params: image === undefined ? undefined : { ImageName: image } }));
        }
        case 'GET /_emulator/activity':
          return ok(this.activity());
        case 'GET /_emulator/quiet': {
          const settleMs = Number(query.get('settleMs') ?? 400);
          const timeoutMs = Number(query.get('timeoutMs') ?? 30_000);
          void this.waitForQuiet({ settleMs, timeoutMs }).then(
            (seq) => ok({ seq }),
            (e: unknown) => respond(res, 504, { error: e instanceof Error ? e.message : String(e) }, 'application/json'),
          );
          return;
        }
        case 'DELETE /_emulator/requests':
          this.clearRequests();
          return ok();
        case 'GET /_emulator/faults':
          return ok(this.faults.list());
        case 'POST /_emulator/faults':
          for (const f of Array.isArray(body) ? body : [body]) this.faults.add(f as FaultSpec);
          return ok(this.faults.list());
        case 'DELETE /_emulator/faults':
          this.faults.clear();
          return ok();
        case 'POST /_emulator/seed':
          return ok({ added: this.seed(body as SeedSpec) });
        case 'POST /_emulator/studio/seed':
          return ok({ added: this.seedStudio(body as StudioSeedSpec) });
        case 'POST /_emulator/studio/synthetic': {
          const shape = (body ?? {}) as { domains?: unknown; profiles?: unknown; spaces?: unknown; images?: unknown; region?: unknown };
          const count = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10_000;
          if (!count(shape.domains) || !count(shape.profiles) || !count(shape.spaces))
            return bad('body must be {"domains": n, "profiles": n, "spaces": n} (whole numbers 0–10000), optionally "images": [names]');
          const images = Array.isArray(shape.images) ? shape.images.map(String) : undefined;
          const spec = syntheticStudioSpec({
            domains: shape.domains as number,
            profiles: shape.profiles as number,
            spaces: shape.spaces as number,
            images,
          });
          return ok({
            added: this.seedStudio({ ...spec, region: typeof shape.region === 'string' ? shape.region : undefined }),
            ...this.studio.counts(),
          });
        }
        case 'POST /_emulator/studio/delete': {
          const b = (body ?? {}) as { region?: string; domainId?: string; userProfileName?: string; spaceName?: string };
          if (typeof b.domainId !== 'string')
            return bad('body must name a domainId, and a userProfileName or spaceName to delete only that');
          const r = this.studio.region(b.region ?? DEFAULT_REGION);
          const deleted =
            b.userProfileName !== undefined
              ? r.deleteUserProfile(b.domainId, b.userProfileName)
              : b.spaceName !== undefined
                ? r.deleteSpace(b.domainId, b.spaceName)
                : r.deleteDomain(b.domainId);
          return ok({ deleted });
        }
        case 'POST /_emulator/reset': {
          const fixture = (query.get('fixture') ?? 'empty') as FixtureName;
          if (!(FIXTURES as readonly string[]).includes(fixture)) return bad(`fixture must be one of ${FIXTURES.join(', ')}`);
          this.loadFixture(fixture);
          this.faults.clear();
          this.clearRequests();
          return ok(this.store.counts());
        }
        case 'POST /_emulator/latency': {
          const ms = (body as { ms?: unknown } | undefined)?.ms;
          if (typeof ms !== 'number' || ms < 0) return bad('body must be {"ms": <number ≥ 0>}');
          this.latencyMs = ms;
          return ok();
        }
        default:
          return respond(res, 404, { error: `no control route ${route}` }, 'application/json');
      }
    } catch (e) {
      return bad(e instanceof Error ? e.message : String(e));
    }
  }
}

function respond(res: http.ServerResponse, status: number, body: unknown, type = JSON_TYPE): void {
  if (res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': randomUUID() });
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Waits `ms`, or less when `release` settles first; then its timer is cleared, so a released hold keeps no process alive. */
function held(ms: number, release: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    release.then(done, done);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
