/**
 * A PagedList fetcher whose answers a test releases by hand, to control timing exactly. Like the
 * SDK, an aborted request rejects as cancelled. Shared by the PagedList unit tests.
 */
import { RequestCancelledError } from '../../src/model/errors';
import type { Page } from '../../src/model/types';

export interface ScriptedCall {
  token: string | undefined;
  signal: AbortSignal;
  resolve(page: Page<number>): void;
  reject(e: unknown): void;
}

export function scripted(operation = 'ListImageVersions'): {
  calls: ScriptedCall[];
  fetch: (token: string | undefined, signal: AbortSignal) => Promise<Page<number>>;
} {
  const calls: ScriptedCall[] = [];
  return {
    calls,
    fetch: (token, signal) =>
      new Promise<Page<number>>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(new RequestCancelledError(operation)));
        calls.push({ token, signal, resolve, reject });
      }),
  };
}
