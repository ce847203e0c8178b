/**
 * Guards for following NextToken. The SDK's own paginators stop only when the token is absent or
 * empty: a service that repeats a token makes them loop forever. Everything here that follows a
 * token goes through RepeatedTokenGuard, which turns a repeat into an error.
 */
import { AwsError } from './errors';

export class RepeatedTokenGuard {
  private readonly seen = new Set<string>();

  constructor(private readonly what: string) {}

  /** Records a token the service returned; throws if it was returned before in this listing. */
  accept(token: string | undefined): string | undefined {
    if (token === undefined || token === '') return undefined;
    if (this.seen.has(token)) {
      throw new AwsError(
        'unknown',
        `SageMaker returned the same continuation token twice while listing ${this.what}; stopped instead of looping. Refresh to start over.`,
        false,
        { code: 'RepeatedNextToken' },
      );
    }
    this.seen.add(token);
    return token;
  }

  reset(): void {
    this.seen.clear();
  }
}

/**
 * Follows pages to the end with a hard cap on the number of calls, for small listings (aliases).
 * Never unbounded: a repeated token or more than `maxPages` calls is an error.
 */
export async function collectAllPages<T>(
  fetchPage: (token: string | undefined) => Promise<{ items: T[]; nextToken?: string }>,
  what: string,
  maxPages = 50,
): Promise<T[]> {
  const guard = new RepeatedTokenGuard(what);
  const all: T[] = [];
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(token);
    all.push(...result.items);
    token = guard.accept(result.nextToken);
    if (token === undefined) return all;
  }
  throw new AwsError('unknown', `Listing ${what} needed more than ${maxPages} pages; stopped.`, false, { code: 'TooManyPages' });
}
