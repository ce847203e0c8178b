/**
 * Fault injection: a queue of rules, each consumed by the requests it matches. Set from code
 * (emulator.faults.add) or over HTTP (POST /_emulator/faults), on paths the SDK never uses.
 */

export type FaultKind =
  /** ThrottlingException, HTTP 400 (the SDK retries it). */
  | 'throttle'
  /** InternalFailure with the given status (default 500; 503 for ServiceUnavailable). */
  | 'http500'
  /** The socket is destroyed before any response. */
  | 'reset'
  /** The response is sent after delayMs (then the request proceeds normally). */
  | 'delay'
  /**
   * The request is carried out, then the socket is destroyed before the answer: the write
   * happened but the client never heard (the case a ClientToken exists for).
   */
  | 'dropResponse'
  /** HTTP 200 with a truncated JSON body. */
  | 'malformed'
  /** HTTP 502 with an HTML page, as a proxy would send. */
  | 'html'
  /** The page is served but its NextToken is the request's own token (requests that carry one). */
  | 'repeatToken'
  /** An empty page that still carries a (valid) token to the same position. */
  | 'emptyPageWithToken'
  /** Any service error: code, status and message as given. */
  | 'error';

export interface FaultSpec {
  kind: FaultKind;
  /** Only requests for this operation (e.g. "ListImageVersions"); any when absent. */
  operation?: string;
  /** Only requests whose ImageName is this. */
  imageName?: string;
  /** Only requests signed for this region (regions side by side). */
  region?: string;
  /** How many matching requests it affects; default 1. */
  times?: number;
  delayMs?: number;
  /** A delay ends early when this settles (in-process use only): a test holds a request until it lets go. */
  release?: Promise<unknown>;
  status?: number;
  code?: string;
  message?: string;
}

export interface ActiveFault extends FaultSpec {
  remaining: number;
}

const KINDS: readonly FaultKind[] = [
  'throttle',
  'http500',
  'reset',
  'dropResponse',
  'delay',
  'malformed',
  'html',
  'repeatToken',
  'emptyPageWithToken',
  'error',
];

export function checkFaultSpec(x: unknown): FaultSpec {
  const f = x as FaultSpec;
  if (typeof f !== 'object' || f === null || !KINDS.includes(f.kind)) throw new Error(`fault.kind must be one of ${KINDS.join(', ')}`);
  if (f.times !== undefined && (!Number.isInteger(f.times) || f.times < 1)) throw new Error('fault.times must be a positive integer');
  if (f.kind === 'delay' && (typeof f.delayMs !== 'number' || f.delayMs < 0)) throw new Error('a delay fault needs delayMs ≥ 0');
  if (f.kind === 'error' && typeof f.code !== 'string') throw new Error('an error fault needs a code');
  return f;
}

export class Faults {
  private active: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    const f = checkFaultSpec(spec);
    this.active.push({ ...f, remaining: f.times ?? 1 });
  }

  clear(): void {
    this.active = [];
  }

  list(): readonly ActiveFault[] {
    return this.active;
  }

  /** Takes the first rule that matches this request, consuming one of its uses. */
  take(operation: string, body: Record<string, unknown>, region?: string): ActiveFault | undefined {
    const i = this.active.findIndex(
      (f) =>
        (f.operation === undefined || f.operation === operation) &&
        (f.imageName === undefined || f.imageName === body.ImageName) &&
        (f.region === undefined || f.region === region) &&
        (f.kind !== 'repeatToken' || typeof body.NextToken === 'string'),
    );
    if (i < 0) return undefined;
    const f = this.active[i];
    f.remaining -= 1;
    if (f.remaining <= 0) this.active.splice(i, 1);
    return f;
  }
}
