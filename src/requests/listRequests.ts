/**
 * The ListImages and ListImageVersions requests the extension sends, built in one place: the tree
 * (src/tree/regionBranch.ts), the pickers, Compare, Export and live status all list the
 * same way, so a change to how a listing is asked for (a new filter, another sort) is made once.
 * Also the one definition of what a name filter (ListImages NameContains) may hold, which both the
 * filter's input box and the request's own check (src/aws/inputs.ts) use. vscode-free.
 */
import type { ListImagesInput, ListImageVersionsInput } from '../model/types';
import { toListParameters, type VersionQuery } from '../model/versionQuery';

/** The largest page the service returns: pickers and exports read as few pages as they can. */
export const MAX_PAGE_SIZE = 100;

/**
 * What ListImages NameContains accepts (the service model: letters, digits, hyphens and dots, at
 * most 63). Empty matches too: as a filter it means "no filter". Linear: one bounded class.
 */
export const NAME_FILTER = /^[a-zA-Z0-9\-.]{0,63}$/;

/** True when `text` can be sent as a name filter (the empty text clears the filter). */
export function isNameFilter(text: string): boolean {
  return NAME_FILTER.test(text);
}

/** One page of images by name, A to Z, optionally only those whose name contains `nameContains`. */
export function imagesRequest(nameContains: string | undefined, pageSize: number, nextToken?: string): ListImagesInput {
  return { maxResults: pageSize, nameContains, sortBy: 'IMAGE_NAME', sortOrder: 'ASCENDING', nextToken };
}

/** One page of an image's versions under a version query (sort and date filters). */
export function versionsRequest(imageName: string, query: VersionQuery, pageSize: number, nextToken?: string): ListImageVersionsInput {
  return { imageName, maxResults: pageSize, ...toListParameters(query), nextToken };
}
