/**
 * Turns anything an SDK call can throw (service errors, credential-chain failures, socket
 * errors, timeouts, unreadable bodies) into one AwsError the UI can show, with a message written
 * for a person that names the image when there is one.
 *
 * Matching is by `name`/`code`, never by `instanceof`: ValidationException and
 * ThrottlingException are unmodelled in the SDK (they arrive as SageMakerServiceException with
 * `name` set to the code). It lives in src/aws because only the SDK's callers need it.
 *
 * Messages are outside text (any endpoint writes them): the error name is checked first, message
 * patterns run only for the names they apply to, over a bounded prefix, and each is linear.
 *
 * Messages go through l10n from src/model (the one configured @vscode/l10n instance, in
 * dist/model.js). The service's own text and names are arguments, never part of a key.
 */
import { AwsError, isAwsError, type AwsErrorKind, type ErrorContext } from '../model/errors';
import { l10n } from '../model/l10n';
import { MAX_PROFILE_NAME, ssoLoginCommand } from '../model/shellQuote';

const NOT_FOUND = new Set(['ResourceNotFound', 'ResourceNotFoundException', 'NotFoundException']);
const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedException', 'NotAuthorized']);
const BAD_CREDENTIALS = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'MissingAuthenticationToken',
]);
const THROTTLED = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ProvisionedThroughputExceededException',
]);
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);
const VALIDATION = new Set(['ValidationException', 'SerializationException', 'InvalidParameterValue', 'InvalidParameterException']);
const IN_USE = new Set(['ResourceInUse', 'ResourceInUseException', 'ConflictException']);
const LIMIT_EXCEEDED = new Set([
  'ResourceLimitExceeded',
  'ResourceLimitExceededException',
  'ServiceQuotaExceededException',
  'LimitExceededException',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
  'EPROTO',
  'UND_ERR_SOCKET',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $response?: { statusCode?: number };
  cause?: unknown;
}

/** Errors the SDK's credential and token providers throw: the only ones whose message is parsed for credential hints. */
const PROVIDER_ERRORS = new Set(['CredentialsProviderError', 'TokenProviderError']);

/** Patterns see at most this much of a message: the hints they look for are near the start. */
const MAX_MATCHED = 2_000;
/** The service's own text shown in a validation message is cut to this. */
const MAX_SHOWN = 1_000;

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** What the call was about, as the object of a sentence ("… for {subject}"). */
function subject(ctx: ErrorContext): string {
  if (ctx.imageName !== undefined && ctx.version !== undefined) return l10n.t('version {0} of image “{1}”', ctx.version, ctx.imageName);
  if (ctx.imageName !== undefined && ctx.alias !== undefined)
    return l10n.t('the version of image “{0}” with alias “{1}”', ctx.imageName, ctx.alias);
  if (ctx.imageName !== undefined) return l10n.t('image “{0}”', ctx.imageName);
  return l10n.t('SageMaker images');
}

/** " in REGION" appended to a phrase, or nothing without a region. */
function where(ctx: ErrorContext): string {
  return ctx.region ? l10n.t(' in {0}', ctx.region) : '';
}

/** The not-found message, a whole sentence per case (a capitalized fragment would not translate). */
function notFoundMessage(ctx: ErrorContext, loc: string): string {
  // By alias, the service does not say whether the image or the alias is missing.
  if (ctx.imageName !== undefined && ctx.alias !== undefined && ctx.version === undefined)
    return l10n.t(
      'Image “{0}” or its alias “{1}” was not found{2}. It may have been deleted or moved; refresh to see the current list.',
      ctx.imageName,
      ctx.alias,
      loc,
    );
  if (ctx.imageName !== undefined && ctx.version !== undefined)
    return l10n.t(
      'Version {0} of image “{1}” was not found{2}. It may have been deleted; refresh to see the current list.',
      ctx.version,
      ctx.imageName,
      loc,
    );
  if (ctx.imageName !== undefined)
    return l10n.t('Image “{0}” was not found{1}. It may have been deleted; refresh to see the current list.', ctx.imageName, loc);
  return l10n.t('The requested resource was not found{0}. It may have been deleted; refresh to see the current list.', loc);
}

/**
 * ResourceInUse: CreateImage of a name that exists (or is still being deleted), or a write to
 * something CREATING, UPDATING or DELETING. `text` is the service's own, shown as data.
 */
function conflictMessage(ctx: ErrorContext, what: string, loc: string, text: string): string {
  if (ctx.operation === 'CreateImage' && ctx.imageName !== undefined)
    return l10n.t('An image named “{0}” already exists{1} (or is still being deleted): {2} Choose another name.', ctx.imageName, loc, text);
  return l10n.t(
    'SageMaker refused {0} for {1}{2} because it is in use or still changing: {3} If it is being created, updated or deleted, wait for that to finish, then retry.',
    ctx.operation,
    what,
    loc,
    text,
  );
}

/** "The response … could not be read (HTTP n)": the body was not the service's JSON. */
function unreadable(loc: string, httpStatus: number | undefined): string {
  return httpStatus
    ? l10n.t('The response from SageMaker{0} could not be read (HTTP {1}). A proxy or a wrong endpoint may be in the way.', loc, httpStatus)
    : l10n.t('The response from SageMaker{0} could not be read. A proxy or a wrong endpoint may be in the way.', loc);
}

/** Maps any thrown value to an AwsError. AwsErrors pass through unchanged. */
export function toAwsError(e: unknown, ctx: ErrorContext): AwsError {
  if (isAwsError(e)) return e;
  const err = (typeof e === 'object' && e !== null ? e : { message: String(e) }) as ErrorLike;
  const name = str(err.name) ?? 'Error';
  const code = str(err.code);
  const raw = str(err.message) ?? name;
  const httpStatus = err.$metadata?.httpStatusCode ?? err.$response?.statusCode;
  const requestId = err.$metadata?.requestId;
  const details = { code: code && !name.startsWith(code) ? `${name}/${code}` : name, httpStatus, requestId, rawMessage: raw };
  const what = subject(ctx);
  const loc = where(ctx);
  const make = (kind: AwsErrorKind, message: string, retryable: boolean) => new AwsError(kind, message, retryable, details);

  if (NOT_FOUND.has(name)) return make('notFound', notFoundMessage(ctx, loc), false);
  const profile = ctx.profile ?? 'default';
  // The name decides which message patterns may run at all: text from a service or an endpoint
  // never steers the credential branches, and each pattern sees at most MAX_MATCHED chars.
  if (PROVIDER_ERRORS.has(name)) {
    const probe = raw.slice(0, MAX_MATCHED);
    if (/aws sso login|SSO session/i.test(probe)) return ssoExpired(profile, details);
    const missing = missingProfileName(probe);
    if (missing !== undefined) {
      return make(
        'noCredentials',
        l10n.t(
          'Profile “{0}” was not found in the shared AWS config or credentials file, or it has no usable credentials. Choose another with Select AWS Profile….',
          missing,
        ),
        false,
      );
    }
  }
  if (EXPIRED.has(name) || (PROVIDER_ERRORS.has(name) && /expired|refresh failed/i.test(raw.slice(0, MAX_MATCHED)))) {
    return make(
      'expiredCredentials',
      l10n.t(
        "Your AWS credentials have expired ({0}). Sign in again (for SSO: aws sso login) or refresh the profile's credentials, then retry.",
        name,
      ),
      false,
    );
  }
  if (PROVIDER_ERRORS.has(name)) {
    return make(
      'noCredentials',
      l10n.t(
        'No AWS credentials were found. Configure a profile (aws configure or aws configure sso), set AWS_PROFILE, or choose a profile in the SageMaker Images settings.',
      ),
      false,
    );
  }
  if (BAD_CREDENTIALS.has(name)) {
    return make(
      'accessDenied',
      l10n.t(
        "AWS did not accept the credentials of profile “{0}” for {1}{2} ({3}). Check the profile's access key or sign in again.",
        profile,
        what,
        loc,
        name,
      ),
      false,
    );
  }
  if (ACCESS_DENIED.has(name) || httpStatus === 403) {
    return make(
      'accessDenied',
      l10n
        .t(
          'Access denied for {0}{1}: profile “{2}” is not allowed sagemaker:{3}. {4}',
          what,
          loc,
          profile,
          ctx.operation,
          firstSentence(raw),
        )
        .trim(),
      false,
    );
  }
  if (THROTTLED.has(name) || httpStatus === 429) {
    return make(
      'throttled',
      l10n.t('The account is being throttled by SageMaker ({0}{1}). Wait a moment and retry.', ctx.operation, loc),
      true,
    );
  }
  if (VALIDATION.has(name)) {
    // The service's answer to a version created while its image is not CREATED (recorded in the
    // reference model): a literal search of a bounded prefix, so the hint costs one linear pass.
    if (ctx.operation === 'CreateImageVersion' && raw.slice(0, MAX_MATCHED).includes('is in an invalid state')) {
      return make(
        'validation',
        l10n.t(
          'SageMaker refused to create a version of {0}: {1} Versions can be created once the image is CREATED; wait for it to finish, then retry.',
          what,
          bounded(raw, MAX_SHOWN),
        ),
        false,
      );
    }
    return make('validation', l10n.t('SageMaker rejected the request for {0}: {1}', what, bounded(raw, MAX_SHOWN)), false);
  }
  if (IN_USE.has(name)) return make('conflict', conflictMessage(ctx, what, loc, bounded(raw, MAX_SHOWN)), false);
  if (LIMIT_EXCEEDED.has(name)) {
    return make(
      'limitExceeded',
      l10n.t(
        'SageMaker refused {0} for {1}{2}: the account has reached a SageMaker limit. {3} Delete unused images or versions, or request a higher quota, then retry.',
        ctx.operation,
        what,
        loc,
        bounded(raw, MAX_SHOWN),
      ),
      false,
    );
  }
  // Below, only errors no name above recognised: the runtime's and the SDK's own failures, whose
  // messages are the only hint. Literal alternations over a bounded prefix: linear.
  const probe = raw.slice(0, MAX_MATCHED);
  const netCode = code ?? str((err.cause as ErrorLike | undefined)?.code);
  // The SDK's node handler renames ECONNRESET/EPIPE socket errors to TimeoutError (for its retry
  // logic): those are network failures, not timeouts.
  const networkCode = netCode !== undefined && NETWORK_CODES.has(netCode);
  if (
    !networkCode &&
    (name === 'TimeoutError' ||
      name === 'RequestTimeout' ||
      name === 'RequestTimeoutException' ||
      code === 'ETIMEDOUT' ||
      (/timed out|timeout/i.test(probe) && !httpStatus))
  ) {
    return make(
      'timeout',
      l10n.t('SageMaker did not answer in time ({0} for {1}{2}). Check your network or endpoint, then retry.', ctx.operation, what, loc),
      true,
    );
  }
  if (networkCode || /socket hang up|network|ECONNREFUSED|ECONNRESET/i.test(probe)) {
    return make(
      'network',
      l10n.t(
        'Could not reach SageMaker{0} ({1}). Check your network, proxy or the configured endpoint, then retry.',
        loc,
        netCode ?? firstSentence(raw),
      ),
      true,
    );
  }
  // An unparsable body (e.g. a proxy's HTML 502 page) is checked before the status: a 5xx whose
  // body is not the service's JSON did not come from SageMaker.
  if (name === 'SyntaxError' || /deserializ/i.test(probe)) {
    return make('unknown', unreadable(loc, httpStatus), true);
  }
  if (httpStatus !== undefined && httpStatus >= 500) {
    return make(
      'unknown',
      l10n.t('SageMaker returned an internal error (HTTP {0}) for {1}{2}. Retry in a moment.', httpStatus, what, loc),
      true,
    );
  }
  if (/deserializ|unexpected token|JSON|expected real number/i.test(probe) || name === 'SyntaxError') {
    return make('unknown', unreadable(loc, httpStatus), true);
  }
  return make('unknown', l10n.t('{0} failed for {1}{2}: {3}', ctx.operation, what, loc, firstSentence(raw)), false);
}

function bounded(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

function firstSentence(s: string): string {
  const newline = s.indexOf('\n');
  return bounded(newline === -1 ? s : s.slice(0, newline), 300);
}

/**
 * The profile a credential provider says it could not find, from the SDK's own messages:
 *   Could not resolve credentials using profile: [NAME] in configuration/credentials file(s).
 *   Profile NAME could not be found in shared credentials file.
 *   Profile 'NAME' could not be found in shared credentials file.   (token provider)
 *   Profile NAME was not found.
 * No regex: the prefix is found with indexOf and the name read up to a fixed delimiter, so the
 * cost is one pass over the (already bounded) message whatever it holds.
 */
function missingProfileName(message: string): string | undefined {
  // Lower-cased for case-insensitive search, unless that changes the length (a few non-ASCII
  // letters): indexes into it must be indexes into the message.
  const folded = message.toLowerCase();
  const lower = folded.length === message.length ? folded : message;
  // Each candidate name is looked for in a window of MAX_PROFILE_NAME + 1 characters, so every
  // occurrence of the prefix costs at most that much.
  const nameBefore = (start: number, delimiter: string): string | undefined => {
    const end = message.slice(start, start + MAX_PROFILE_NAME + delimiter.length).indexOf(delimiter);
    return end > 0 ? message.slice(start, start + end) : undefined;
  };
  const resolvePrefix = 'could not resolve credentials using profile: [';
  const at = lower.indexOf(resolvePrefix);
  if (at !== -1) {
    const name = nameBefore(at + resolvePrefix.length, ']');
    if (name !== undefined) return name;
  }
  const profilePrefix = 'profile ';
  for (let i = lower.indexOf(profilePrefix); i !== -1; i = lower.indexOf(profilePrefix, i + 1)) {
    const quoted = message[i + profilePrefix.length] === "'";
    const start = i + profilePrefix.length + (quoted ? 1 : 0);
    const name = nameBefore(start, quoted ? "' " : ' ');
    if (name === undefined) continue;
    const rest = lower.slice(start + name.length + (quoted ? 1 : 0), start + name.length + 21);
    if (rest.startsWith(' could not be found') || rest.startsWith(' was not found')) return name;
  }
  return undefined;
}

function ssoExpired(profile: string, details: AwsError['details']): AwsError {
  const login = ssoLoginCommand(profile);
  const message = login.ok
    ? l10n.t('The SSO session of profile “{0}” has expired or was never started. Run {1}, then retry.', profile, login.command)
    : l10n.t('The SSO session of the profile in use has expired or was never started. {0}', login.message);
  return new AwsError('expiredCredentials', message, false, { ...details, ssoLoginProfile: profile });
}
