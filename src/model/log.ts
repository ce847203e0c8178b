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

/**
 * Names under which a secret value follows `=` or `:` (INI, env, JSON, query strings): long-term and
 * session keys in every spelling the CLI, the SDK and the SSO token cache use, and OAuth tokens.
 */
const SECRET_NAMES =
  '(?:aws_)?secret_?access_?key|(?:aws_)?session_?token|(?:aws_)?security_?token|access_?token|refresh_?token|client_?secret';

// Each pattern is linear: a literal start, then runs of one character class that the next part
// cannot also match (no nested or overlapping quantifiers).
const SECRET_PATTERNS: [RegExp, string][] = [
  [/(authorization["']?\s*[:=]\s*["']?)[^"',\n]+/gi, '$1[redacted]'],
  [/(x-amz-security-token["']?\s*[:=]\s*["']?)[^"',\n]+/gi, '$1[redacted]'],
  [new RegExp(`(${SECRET_NAMES})(["']?\\s*[:=]\\s*["']?)[^"',\\s]+`, 'gi'), '$1$2[redacted]'],
  // STS and other XML responses: <SecretAccessKey>…</SecretAccessKey>, <SessionToken>…</SessionToken>.
  // The tag may carry attributes (xmlns=…), bounded.
  [/(<(?:SecretAccessKey|SessionToken|SecurityToken|AccessToken|RefreshToken|ClientSecret)(?:\s[^<>]{0,200})?>)[^<]+/gi, '$1[redacted]'],
  [/\b(A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}\b/g, '[access-key-id]'],
  [/Signature=[0-9a-f]{64}/gi, 'Signature=[redacted]'],
  // User info in a URL (e.g. a proxy or endpoint given as https://user:secret@host). The password
  // may hold raw `@`s: everything up to the LAST `@` before the path or a space is user info, as
  // the URL parser reads it. Greedy, so one backtrack to that `@`; a run ends at the next `/`, and
  // every match starts with `//`, so runs from different starts never overlap. Any scheme (a
  // socks5:// or ftp:// proxy too), read from the start of a word only (the lookbehind), so a long
  // run of letters is scanned once, not from each of its letters.
  [/(?<![a-z0-9+.-])([a-z][a-z0-9+.-]{0,30}:\/\/)[^/\s]*@/gi, '$1[redacted]@'],
];

/** Length of the shortest secret SECRET_PATTERNS finds without a separator: an access key id. */
const KEY_ID_LENGTH = 20;

/**
 * A cheap superset of SECRET_PATTERNS, by one scan and no regular expression (compiling the
 * patterns costs more than most lines take to write, and activation logs a line): every text a
 * pattern could change holds `=` or `:` (after a name), `>` (the end of an XML tag), `@` (the end of
 * user info in a URL) or a run of 20 ASCII letters and digits (an access key id).
 */
export function mayHoldSecret(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d || c === 0x3a || c === 0x3e || c === 0x40) return true; // = : > @
    const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    run = alnum ? run + 1 : 0;
    if (run >= KEY_ID_LENGTH) return true;
  }
  return false;
}

/**
 * Last line of defence for the "never log credentials" rule: whatever reaches the log passes
 * through here, so an SDK error message that quotes a header or a key id cannot leak it.
 */
export function redact(text: string): string {
  // Most lines hold nothing any pattern could match: skip the patterns for them.
  if (!mayHoldSecret(text)) return text;
  let out = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
