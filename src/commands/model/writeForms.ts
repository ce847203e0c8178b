/**
 * What the input forms of the write commands (Create/Edit Image Version…, Create/Edit Image…)
 * compute, without the vscode API so that the unit suite checks it in plain Node: the part of a
 * base image URI to select for editing, the fields as a form holds them, the request each form
 * sends (for updates only what changed, and what the API cannot clear said out loud instead of
 * silently kept), the request as the API names it for the review step, and the parsing of the
 * tag and alias boxes.
 *
 * Everything here reads text the user typed or pasted, or the service answered: inputs are cut to
 * a bound before anything scans them, and the only regex (the alias separator) is one character
 * class repeated, which is linear.
 */
import { l10n } from '../../model/l10n';
import { checkAliases, checkTags, MAX_TAGS } from '../../requests/imageFields';
import type {
  CreateImageInput,
  CreateImageVersionInput,
  ImageDeleteProperty,
  ImageVersionDetails,
  UpdateImageInput,
  UpdateImageVersionInput,
} from '../../model/types';

/** The fields of the version forms (create and edit); undefined means "not set". */
export interface VersionFields {
  /** Create only. */
  baseImage?: string;
  aliases: readonly string[];
  jobType?: string;
  processor?: string;
  mlFramework?: string;
  programmingLang?: string;
  vendorGuidance?: string;
  horovod?: boolean;
  releaseNotes?: string;
}

/** The fields of the image forms (create and edit); undefined means "not set". */
export interface ImageFields {
  /** Create only. */
  imageName?: string;
  displayName?: string;
  description?: string;
  roleArn?: string;
  /** Create only (CreateImage is the only one of these operations that takes tags). */
  tags?: readonly { key: string; value: string }[];
}

/** Longer than any alias list worth typing; the box refuses more before splitting it. */
export const MAX_ALIASES_TEXT = 10_000;
/** MAX_TAGS tags of the longest key (128) and value (256) with their `=` and `, ` fit. */
export const MAX_TAGS_TEXT = MAX_TAGS * (128 + 256 + 3);

/**
 * [start, end) of the tag or digest of a container image URI, for an InputBox's valueSelection:
 * after the last '@' (a digest), else after the last ':' of the last path segment (a tag: the ':'
 * of a registry port such as `host:5000/repo` is in an earlier segment), else the whole string.
 * A trailing ':' or '@' gives the empty range at the end, where the tag or digest is to be typed.
 * Index arithmetic only, so any length is fine.
 */
export function baseImageSelection(uri: string): [number, number] {
  const at = uri.lastIndexOf('@');
  if (at >= 0) return [at + 1, uri.length];
  const segmentStart = uri.lastIndexOf('/') + 1;
  const colon = uri.lastIndexOf(':');
  if (colon >= segmentStart) return [colon + 1, uri.length];
  return [0, uri.length];
}

/** A text field as sent: an empty box is "not set". */
function present(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** A version as the edit form starts from it (DescribeImageVersion and its ListAliases). */
export function versionFieldsOf(details: ImageVersionDetails, aliases: readonly string[]): VersionFields {
  return {
    baseImage: details.baseImage,
    aliases: [...aliases],
    jobType: details.jobType,
    processor: details.processor,
    mlFramework: details.mlFramework,
    programmingLang: details.programmingLang,
    vendorGuidance: details.vendorGuidance,
    horovod: details.horovod,
    releaseNotes: details.releaseNotes,
  };
}

/** The version metadata both CreateImageVersion and UpdateImageVersion take, by API member name. */
const VERSION_METADATA = [
  ['VendorGuidance', 'vendorGuidance'],
  ['JobType', 'jobType'],
  ['MLFramework', 'mlFramework'],
  ['ProgrammingLang', 'programmingLang'],
  ['Processor', 'processor'],
  ['ReleaseNotes', 'releaseNotes'],
] as const satisfies readonly (readonly [string, keyof VersionFields])[];

/** CreateImageVersion from the form: only the members the user set (no empty strings or lists). */
export function createVersionRequest(imageName: string, fields: VersionFields, clientToken: string): CreateImageVersionInput {
  const request: CreateImageVersionInput = { imageName, baseImage: fields.baseImage ?? '', clientToken };
  const aliases = unique(fields.aliases);
  if (aliases.length > 0) request.aliases = aliases;
  for (const [, key] of VERSION_METADATA) {
    const value = present(fields[key]);
    if (value !== undefined) request[key] = value;
  }
  if (fields.horovod !== undefined) request.horovod = fields.horovod;
  return request;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * UpdateImageVersion from the form: the aliases added and removed, and each metadata field that
 * changed. The API has no way to remove version metadata once set (there is no DeleteProperties
 * for versions), so a field cleared in the form is not sent but named (by its API member) in
 * `cannotClear`, for the UI to say so. No request when nothing changed.
 */
export function updateVersionRequest(
  imageName: string,
  version: number,
  before: VersionFields,
  after: VersionFields,
): { request?: UpdateImageVersionInput; cannotClear: string[] } {
  const request: UpdateImageVersionInput = { imageName, version };
  const cannotClear: string[] = [];
  let changed = false;
  const had = new Set(before.aliases);
  const has = new Set(after.aliases);
  const added = unique(after.aliases).filter((a) => !had.has(a));
  const removed = unique(before.aliases).filter((a) => !has.has(a));
  if (added.length > 0) {
    request.aliasesToAdd = added;
    changed = true;
  }
  if (removed.length > 0) {
    request.aliasesToDelete = removed;
    changed = true;
  }
  for (const [member, key] of VERSION_METADATA) {
    const was = present(before[key]);
    const now = present(after[key]);
    if (now === undefined) {
      if (was !== undefined) cannotClear.push(member);
    } else if (now !== was) {
      request[key] = now;
      changed = true;
    }
  }
  if (after.horovod === undefined) {
    if (before.horovod !== undefined) cannotClear.push('Horovod');
  } else if (after.horovod !== before.horovod) {
    request.horovod = after.horovod;
    changed = true;
  }
  return changed ? { request, cannotClear } : { cannotClear };
}

/**
 * UpdateImage from the form: each field that changed; a display name or description cleared in
 * the form goes to DeleteProperties (never both set and cleared). The API cannot clear RoleArn:
 * clearing it is named in `cannotClear` and not sent. Name and tags are create-only and ignored.
 * No request when nothing changed.
 */
export function updateImageRequest(
  imageName: string,
  before: ImageFields,
  after: ImageFields,
): { request?: UpdateImageInput; cannotClear: string[] } {
  const request: UpdateImageInput = { imageName };
  const cannotClear: string[] = [];
  const deleteProperties: ImageDeleteProperty[] = [];
  let changed = false;
  const clearable = [
    ['DisplayName', 'displayName'],
    ['Description', 'description'],
  ] as const;
  for (const [member, key] of clearable) {
    const was = present(before[key]);
    const now = present(after[key]);
    if (now === undefined) {
      if (was !== undefined) deleteProperties.push(member);
    } else if (now !== was) {
      request[key] = now;
      changed = true;
    }
  }
  if (deleteProperties.length > 0) {
    request.deleteProperties = deleteProperties;
    changed = true;
  }
  const wasRole = present(before.roleArn);
  const nowRole = present(after.roleArn);
  if (nowRole === undefined) {
    if (wasRole !== undefined) cannotClear.push('RoleArn');
  } else if (nowRole !== wasRole) {
    request.roleArn = nowRole;
    changed = true;
  }
  return changed ? { request, cannotClear } : { cannotClear };
}

/** CreateImage from the form: name and role, and the optional members only when set. */
export function createImageRequest(fields: Required<Pick<ImageFields, 'imageName' | 'roleArn'>> & ImageFields): CreateImageInput {
  const request: CreateImageInput = { imageName: fields.imageName, roleArn: fields.roleArn };
  const displayName = present(fields.displayName);
  if (displayName !== undefined) request.displayName = displayName;
  const description = present(fields.description);
  if (description !== undefined) request.description = description;
  if (fields.tags && fields.tags.length > 0) request.tags = fields.tags.map(({ key, value }) => ({ key, value }));
  return request;
}

type PreviewOperation = 'CreateImageVersion' | 'UpdateImageVersion' | 'CreateImage' | 'UpdateImage';

/**
 * Each operation's request members in the order of the API model (the `members` of the request
 * shapes in /work/shared/reference/sagemaker-images-model.json and sagemaker-studio-model.json),
 * with the property of our input types that holds each.
 */
const PREVIEW_MEMBERS: { readonly [O in PreviewOperation]: readonly (readonly [member: string, key: string])[] } = {
  CreateImageVersion: [
    ['BaseImage', 'baseImage'],
    ['ClientToken', 'clientToken'],
    ['ImageName', 'imageName'],
    ['Aliases', 'aliases'],
    ['VendorGuidance', 'vendorGuidance'],
    ['JobType', 'jobType'],
    ['MLFramework', 'mlFramework'],
    ['ProgrammingLang', 'programmingLang'],
    ['Processor', 'processor'],
    ['Horovod', 'horovod'],
    ['ReleaseNotes', 'releaseNotes'],
  ],
  UpdateImageVersion: [
    ['ImageName', 'imageName'],
    ['Alias', 'alias'],
    ['Version', 'version'],
    ['AliasesToAdd', 'aliasesToAdd'],
    ['AliasesToDelete', 'aliasesToDelete'],
    ['VendorGuidance', 'vendorGuidance'],
    ['JobType', 'jobType'],
    ['MLFramework', 'mlFramework'],
    ['ProgrammingLang', 'programmingLang'],
    ['Processor', 'processor'],
    ['Horovod', 'horovod'],
    ['ReleaseNotes', 'releaseNotes'],
  ],
  CreateImage: [
    ['Description', 'description'],
    ['DisplayName', 'displayName'],
    ['ImageName', 'imageName'],
    ['RoleArn', 'roleArn'],
    ['Tags', 'tags'],
  ],
  UpdateImage: [
    ['DeleteProperties', 'deleteProperties'],
    ['Description', 'description'],
    ['DisplayName', 'displayName'],
    ['ImageName', 'imageName'],
    ['RoleArn', 'roleArn'],
  ],
};

function isTag(value: unknown): value is { key: string; value: string } {
  return typeof value === 'object' && value !== null && 'key' in value && 'value' in value;
}

/** A member's value as the review step shows it: lists joined with ", ", tags as key=value. */
function previewValue(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => (isTag(v) ? formatTags([v]) : String(v))).join(', ');
  return String(value);
}

/**
 * The request as the API names it, for the review step: one [member, value] a member that is set,
 * in the API's member order (ClientToken included, so the user sees the token a retry reuses).
 * The values are raw data: the UI shows them as text.
 */
export function requestPreview(operation: PreviewOperation, request: object): [member: string, value: string][] {
  const values = request as Record<string, unknown>;
  const rows: [string, string][] = [];
  for (const [member, key] of PREVIEW_MEMBERS[operation]) {
    const value = values[key];
    if (value === undefined || value === null) continue;
    rows.push([member, previewValue(value)]);
  }
  return rows;
}

/** Tags as the tag box shows them: "key=value, key2=value2". */
export function formatTags(tags: readonly { readonly key: string; readonly value: string }[]): string {
  return tags.map(({ key, value }) => `${key}=${value}`).join(', ');
}

/**
 * The tag box: "key=value, key2=value2". Entries are split at commas (no tag may contain one),
 * each at its first '=' (so a value may hold '=', a key may not); blanks around keys and values
 * are dropped, and empty entries (a trailing comma) are ignored. An entry without '=' or an
 * invalid tag list (checkTags) is an error message; an empty box is no tags.
 */
export function parseTags(text: string): { tags?: { key: string; value: string }[]; error?: string } {
  if (text.length > MAX_TAGS_TEXT)
    return { error: l10n.t('The tags are {0} characters long; at most {1} fit.', text.length, MAX_TAGS_TEXT) };
  const tags: { key: string; value: string }[] = [];
  for (const entry of text.split(',')) {
    const trimmed = entry.trim();
    if (trimmed === '') continue;
    const eq = trimmed.indexOf('=');
    if (eq < 0) {
      const shown = trimmed.length > 60 ? `${trimmed.slice(0, 60)}…` : trimmed;
      return { error: l10n.t('“{0}” is not a tag: write key=value, separated by commas.', shown) };
    }
    tags.push({ key: trimmed.slice(0, eq).trim(), value: trimmed.slice(eq + 1).trim() });
  }
  const problem = checkTags(tags);
  return problem === undefined ? { tags } : { error: problem };
}

/** Commas and blanks between aliases: one character class repeated (linear). */
const ALIAS_SEPARATOR = /[\s,]+/;

/**
 * The alias box: aliases separated by commas or blanks, checked with checkAliases (pattern,
 * length, no alias twice). An empty box is no aliases. On an error the aliases read so far are
 * still returned, so a caller can keep the box as typed.
 */
export function parseAliases(text: string): { aliases: string[]; error?: string } {
  if (text.length > MAX_ALIASES_TEXT) {
    return { aliases: [], error: l10n.t('The aliases are {0} characters long; at most {1} fit.', text.length, MAX_ALIASES_TEXT) };
  }
  const aliases = text.split(ALIAS_SEPARATOR).filter((a) => a !== '');
  const error = checkAliases(aliases);
  return error === undefined ? { aliases } : { aliases, error };
}
