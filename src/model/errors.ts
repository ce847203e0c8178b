/**
 * The one shape every failure takes in the UI: `AwsError { kind, message, retryable, details }`
 * (src/aws/errorMapping.ts builds it from whatever an SDK call throws), cancellation, and the
 * message to show for any error. Compiled once (dist/model.js), so `instanceof` holds across
 * bundles.
 */

/**
 * What went wrong, for the code that reacts to it. `conflict` (ResourceInUse: the subject exists
 * already, or is CREATING, UPDATING or DELETING) and `limitExceeded` (ResourceLimitExceeded) come
 * only from writes; neither is retryable as it is (a conflict may pass once the subject settles,
 * which the message says).
 */
export type AwsErrorKind =
  | 'notFound'
  | 'accessDenied'
  | 'throttled'
  | 'expiredCredentials'
  | 'noCredentials'
  | 'network'
  | 'timeout'
  | 'validation'
  | 'conflict'
  | 'limitExceeded'
  | 'unknown';

/** What the failing call was about, so the message can name it. */
export interface ErrorContext {
  operation: string;
  imageName?: string;
  version?: number;
  /** The alias the call chose its version by, when it chose by alias. */
  alias?: string;
  region?: string;
  /** The profile in use, when one was chosen or named by AWS_PROFILE. */
  profile?: string;
}

export class AwsError extends Error {
  constructor(
    readonly kind: AwsErrorKind,
    message: string,
    readonly retryable: boolean,
    readonly details: {
      /** The service's error code or the JS error name. */
      code?: string;
      httpStatus?: number;
      requestId?: string;
      /** The service's or runtime's own text, kept for the log. */
      rawMessage?: string;
      /** Set when an SSO login would fix it: the profile to pass to `aws sso login`. */
      ssoLoginProfile?: string;
    } = {},
  ) {
    super(message);
    this.name = 'AwsError';
  }
}

export function isAwsError(e: unknown): e is AwsError {
  return e instanceof AwsError;
}

/** Thrown when the caller aborted the request; not a failure to show. */
export class RequestCancelledError extends Error {
  readonly cancelled = true;
  constructor(operation: string) {
    super(`${operation} was cancelled`);
    this.name = 'RequestCancelledError';
  }
}

export function isCancelled(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { cancelled?: unknown }).cancelled === true;
}

/**
 * A failure a command words itself ("Export of x failed; nothing was written: …"): the command
 * boundary shows this message as it is, instead of the command's title and the cause's message,
 * and logs the cause (kind, code, request id).
 */
export class CommandFailure extends Error {
  constructor(
    message: string,
    readonly reason: unknown,
  ) {
    super(message);
    this.name = 'CommandFailure';
  }
}

/** The message to show for any failure: an AwsError's own, else the error's text. */
export function errorMessage(error: unknown): string {
  if (isAwsError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}
