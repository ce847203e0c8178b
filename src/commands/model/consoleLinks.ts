/**
 * Links to an image and an image version in the SageMaker console, for "Open in Console".
 * Built here, without vscode, so the URL format is unit-tested for every partition.
 *
 * Source of the format: the console's own list page is
 * `https://us-east-1.console.aws.amazon.com/sagemaker/home?region=us-east-1#/images`, as linked
 * from a public README ("Go to SageMaker dashboard -> Images"); SageMaker's other console pages
 * follow the same `#/<collection>/<name>` pattern (e.g. `#/endpoints/<name>`, seen in many public
 * repositories). The detail fragments `#/images/<name>` and `#/images/<name>/versions/<n>` follow
 * that pattern but were not found verbatim in a public source, so they are unverified.
 */
import { partitionOf } from './arns';
import { consoleDomain } from '../../model/regions';

/**
 * The console host for a region. The commercial partition uses the region-prefixed host (what
 * the console itself redirects to). For China and GovCloud public links use both forms, so we use
 * the plain domain, which serves every region of the partition through `?region=`.
 */
function consoleHost(region: string): string {
  const domain = consoleDomain(region);
  return partitionOf(region) === 'aws' ? `${region}.${domain}` : domain;
}

function sageMakerHome(region: string): string {
  return `https://${consoleHost(region)}/sagemaker/home?region=${encodeURIComponent(region)}`;
}

/** The console page of one custom image. */
export function imageConsoleUrl(region: string, imageName: string): string {
  return `${sageMakerHome(region)}#/images/${encodeURIComponent(imageName)}`;
}

/** The console page of one version of a custom image. */
export function imageVersionConsoleUrl(region: string, imageName: string, version: number): string {
  // A fractional or negative number would silently produce a link to a page that cannot exist.
  if (!Number.isSafeInteger(version) || version < 0) {
    throw new RangeError(`Not an image version number: ${version}`);
  }
  return `${imageConsoleUrl(region, imageName)}/versions/${version}`;
}
