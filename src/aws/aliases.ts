/** All aliases of an image or one version: ListAliases followed to the end, never unboundedly. */
import type { SageMakerConnection } from './clientFactory';
import { listAliasesPage, type OperationOptions } from './operations';
import { collectAllPages } from '../model/paging';

export function listAllAliases(
  conn: SageMakerConnection,
  imageName: string,
  version?: number,
  options: OperationOptions = {},
): Promise<string[]> {
  const what = version === undefined ? `the aliases of image “${imageName}”` : `the aliases of version ${version} of image “${imageName}”`;
  return collectAllPages((nextToken) => listAliasesPage(conn, { imageName, version, maxResults: 100, nextToken }, options), what);
}
