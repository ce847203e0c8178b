/**
 * NextTokens: opaque, signed, and bound to the query that produced them. A token carries the
 * offset of the next page and a hash of the query (operation, region, image, sort, filters:
 * everything but MaxResults), so reusing it with another image, sort or filter is refused, and a
 * forged or truncated token is refused. Each token names a strictly larger offset than the
 * request it answered, so tokens always advance.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { validationError } from './errors';

const secret = randomBytes(32);

interface TokenBody {
  q: string;
  o: number;
  /** Optional salt: makes a token distinct from another one to the same position. */
  n?: string;
}

export function queryHash(query: Record<string, unknown>): string {
  const stable = Object.keys(query)
    .sort()
    .map((k) => [k, query[k]]);
  return createHash('sha256').update(JSON.stringify(stable)).digest('base64url').slice(0, 22);
}

function sign(payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 22);
}

export function issueToken(hash: string, offset: number, salt?: string): string {
  const body: TokenBody = salt === undefined ? { q: hash, o: offset } : { q: hash, o: offset, n: salt };
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

/** Returns the offset a token points at; throws ValidationException for a foreign or altered token. */
export function readToken(token: string | undefined, hash: string): number {
  if (token === undefined || token === '') return 0;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined || sign(payload) !== signature) {
    throw validationError('Invalid pagination token: the NextToken was not issued by this service or has been altered.');
  }
  let body: TokenBody;
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenBody;
  } catch {
    throw validationError('Invalid pagination token.');
  }
  if (body.q !== hash) {
    throw validationError(
      'Invalid pagination token: the NextToken belongs to a different request. Use it only with the same image, sort order and filters it was issued for.',
    );
  }
  if (!Number.isInteger(body.o) || body.o < 0) throw validationError('Invalid pagination token.');
  return body.o;
}

/** The query hash a token we issued is bound to (no verification: for re-issuing only). */
export function tokenQuery(token: string): string {
  return (JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as TokenBody).q;
}

/** Slices one page and issues the token for the next, if any remains. */
export function paginate<T>(
  all: readonly T[],
  body: { NextToken?: string; MaxResults?: number },
  hash: string,
): { items: T[]; nextToken?: string } {
  const offset = readToken(body.NextToken, hash);
  const size = body.MaxResults ?? 10;
  const items = all.slice(offset, offset + size);
  const end = offset + items.length;
  return end < all.length ? { items, nextToken: issueToken(hash, end) } : { items };
}
