/**
 * The logging surface src/aws writes to. The extension passes its LogOutputChannel; tests pass a
 * recorder. Callers must never hand it credentials or signed headers: only operation names,
 * parameters (which carry no secrets), status codes, request ids and durations are logged.
 */
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

const SECRET_PATTERNS: [RegExp, string][] = [
  [/(authorization["']?\s*[:=]\s*["']?)[^"',\n]+/gi, '$1[redacted]'],
  [/(x-amz-security-token["']?\s*[:=]\s*["']?)[^"',\n]+/gi, '$1[redacted]'],
  [/(aws_secret_access_key|aws_session_token|secretAccessKey|sessionToken)(["']?\s*[:=]\s*["']?)[^"',\s]+/gi, '$1$2[redacted]'],
  [/\b(A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}\b/g, '[access-key-id]'],
  [/Signature=[0-9a-f]{64}/gi, 'Signature=[redacted]'],
  // User info in a URL (e.g. a proxy or endpoint given as https://user:secret@host).
  [/\b(https?:\/\/)[^/\s@]+@/gi, '$1[redacted]@'],
];

/** A cheap superset of SECRET_PATTERNS: every text they could change matches this. */
const MAY_HOLD_SECRET = /authorization|x-amz-security-token|aws_secret_access_key|aws_session_token|secretaccesskey|sessiontoken|signature=|@|[A-Z0-9]{16}/i;

/**
 * Last line of defence for the "never log credentials" rule: whatever reaches the log passes
 * through here, so an SDK error message that quotes a header or a key id cannot leak it.
 */
export function redact(text: string): string {
  // Most lines hold nothing any pattern could match: skip the six patterns for them.
  if (!MAY_HOLD_SECRET.test(text)) return text;
  let out = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
