/**
 * The text of a version's details document: DescribeImageVersion as the API names its members,
 * plus the version's aliases, as JSON. Members always come in the same order and every member is
 * present (null when the service left it out), so two documents diff line by line (Compare Versions).
 */
import type { VersionDetails } from './detailsStore';

export function versionDocumentJson(imageName: string, { details: d, aliases }: VersionDetails): string {
  const doc = {
    ImageName: imageName,
    Version: d.version,
    ImageVersionStatus: d.imageVersionStatus,
    ImageArn: d.imageArn,
    ImageVersionArn: d.imageVersionArn,
    CreationTime: d.creationTime.toISOString(),
    LastModifiedTime: d.lastModifiedTime.toISOString(),
    FailureReason: d.failureReason ?? null,
    BaseImage: d.baseImage ?? null,
    ContainerImage: d.containerImage ?? null,
    VendorGuidance: d.vendorGuidance ?? null,
    JobType: d.jobType ?? null,
    MLFramework: d.mlFramework ?? null,
    ProgrammingLang: d.programmingLang ?? null,
    Processor: d.processor ?? null,
    Horovod: d.horovod ?? null,
    ReleaseNotes: d.releaseNotes ?? null,
    Aliases: [...aliases],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Where a details document lives: `sagemaker-image-version:/<region>/<image>/<image>.v<version>.json`. */
export const VERSION_DOCUMENT_SCHEME = 'sagemaker-image-version';

export function versionDocumentPath(ref: { region: string; imageName: string; version: number }): string {
  return `/${ref.region}/${ref.imageName}/${ref.imageName}.v${ref.version}.json`;
}

export function parseVersionDocumentPath(path: string): { region: string; imageName: string; version: number } | undefined {
  const m = /^\/([a-z0-9-]+)\/([a-zA-Z0-9](?:[-.]?[a-zA-Z0-9])*)\/\2\.v([0-9]+)\.json$/.exec(path);
  if (!m) return undefined;
  const version = Number(m[3]);
  return Number.isSafeInteger(version) ? { region: m[1], imageName: m[2], version } : undefined;
}
