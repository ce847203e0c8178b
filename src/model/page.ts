/**
 * One page of a list call, in its own module so that both operation tables (src/model/types.ts
 * for images, src/model/studioTypes.ts for Studio domains, profiles and spaces) can name it
 * without importing each other: types.ts re-exports it, and Operations extends StudioOperations.
 */

/** One page of a list call. `nextToken` is absent on the last page (an empty string counts as absent). */
export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
  /** x-amzn-RequestId of the call that produced the page, for logs and error reports. */
  readonly requestId?: string;
}
