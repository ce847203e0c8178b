/**
 * The text of a version's details document: DescribeImageVersion as the API names its members,
 * plus the version's aliases, as JSON. Members always come in the same order and every member is
 * present (null when the service left it out), so two documents diff line by line (Compare Versions).
 */
import type { VersionDetails } from './types';

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

/** The model's ImageName pattern (1–63 characters); linear: each repetition takes at least one fixed character. */
const IMAGE_NAME = /^[a-zA-Z0-9](?:[-.]?[a-zA-Z0-9]){0,62}$/;
/** Longer than any valid path (`/` + region + `/` + 2 × 63-character name + `.v` + 16 digits + `.json`): refused before any matching. */
const MAX_PATH_LENGTH = 256;

/** What is wrong with a details document path, or the version it names. */
export type VersionDocumentPath =
  | { readonly ok: true; readonly ref: { region: string; imageName: string; version: number } }
  | { readonly ok: false; readonly problem: 'notADocument' | 'unknownRegion' | 'badImageName' | 'badVersion'; readonly value: string };

/**
 * Checks a details document path against what the extension itself writes: a region SageMaker
 * serves (the caller's `isKnownRegion`), the model's image name pattern, and a version that is a
 * whole number ≥ 0 (the model's ImageVersionNumber). A link in any file can open such a URI, so
 * nothing else may reach a signed request.
 */
export function checkVersionDocumentPath(path: string, isKnownRegion: (region: string) => boolean): VersionDocumentPath {
  const notADocument = { ok: false, problem: 'notADocument', value: path.slice(0, MAX_PATH_LENGTH) } as const;
  if (path.length > MAX_PATH_LENGTH) return notADocument;
  const parts = path.split('/');
  if (parts.length !== 4 || parts[0] !== '') return notADocument;
  const [, region, imageName, file] = parts;
  if (!file.startsWith(`${imageName}.v`) || !file.endsWith('.json')) return notADocument;
  const versionText = file.slice(imageName.length + 2, file.length - '.json'.length);
  if (!isKnownRegion(region)) return { ok: false, problem: 'unknownRegion', value: region };
  if (!IMAGE_NAME.test(imageName)) return { ok: false, problem: 'badImageName', value: imageName };
  const version = Number(versionText);
  if (!/^[0-9]{1,16}$/.test(versionText) || !Number.isSafeInteger(version)) return { ok: false, problem: 'badVersion', value: versionText };
  return { ok: true, ref: { region, imageName, version } };
}

/** A valid path's version, else undefined (see checkVersionDocumentPath for why). */
export function parseVersionDocumentPath(
  path: string,
  isKnownRegion: (region: string) => boolean,
): { region: string; imageName: string; version: number } | undefined {
  const checked = checkVersionDocumentPath(path, isKnownRegion);
  return checked.ok ? checked.ref : undefined;
}

/**
 * What opening a details document may do: refuse a bad path (nothing is called), ask for trust in
 * an untrusted workspace (a link in a file there must not make calls with the user's
 * credentials), else look the version up.
 */
export type VersionDocumentDecision =
  | { readonly action: 'refuse'; readonly checked: Extract<VersionDocumentPath, { ok: false }> }
  | { readonly action: 'askForTrust'; readonly ref: { region: string; imageName: string; version: number } }
  | { readonly action: 'describe'; readonly ref: { region: string; imageName: string; version: number } };

export function decideVersionDocument(
  path: string,
  workspace: { isTrusted: boolean; isKnownRegion(region: string): boolean },
): VersionDocumentDecision {
  const checked = checkVersionDocumentPath(path, (r) => workspace.isKnownRegion(r));
  if (!checked.ok) return { action: 'refuse', checked };
  return workspace.isTrusted ? { action: 'describe', ref: checked.ref } : { action: 'askForTrust', ref: checked.ref };
}
