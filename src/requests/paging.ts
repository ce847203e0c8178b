/**
 * Guards for following NextToken. The SDK's own paginators stop only when the token is absent or
 * empty: a service that repeats a token makes them loop forever. Everything here that follows a
 * token goes through RepeatedTokenGuard, which turns a repeat into an error.
 */
import { AwsError } from '../model/errors';
import { l10n } from '../model/l10n';

export class RepeatedTokenGuard {
  private readonly seen = new Set<string>();

  constructor(private readonly what: string) {}

  /** Records a token the service returned; throws if it was returned before in this listing. */
  accept(token: string | undefined): string | undefined {
    if (token === undefined || token === '') return undefined;
    if (this.seen.has(token)) {
      throw new AwsError(
        'unknown',
        l10n.t(
          'SageMaker returned the same continuation token twice while listing {0}; stopped instead of looping. Refresh to start over.',
          this.what,
        ),
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
  throw tooManyPages(what, maxPages);
}

/** The failure of a listing stopped at its page cap; `what` names the list ("the versions of image “x”"). */
export function tooManyPages(what: string, maxPages: number): AwsError {
  return new AwsError('unknown', l10n.t('Listing {0} needed more than {1} pages; stopped.', what, maxPages), false, {
    code: 'TooManyPages',
  });
}
