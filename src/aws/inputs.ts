/**
 * Client-side checks of what we are about to send, from the service model's constraints. The
 * SDK does no client-side validation (it sends MaxResults 0 or 1000 as given), so without these a
 * typo would cost a round trip and come back as a Coral-style message; with them the request is
 * never sent and the message says what is wrong.
 */
import { AwsError } from '../model/errors';
import {
  checkAliases,
  checkClientToken as clientTokenProblem,
  checkField,
  checkTags,
  IMAGE_DELETE_PROPERTIES,
  JOB_TYPES,
  PROCESSORS,
  VENDOR_GUIDANCE,
  type FieldName,
} from '../requests/imageFields';
import { l10n } from '../model/l10n';
import { isNameFilter } from '../requests/listRequests';
import { IMAGE_SORT_BY, IMAGE_VERSION_SORT_BY, SORT_ORDERS, type ImageDeleteProperty, type ImageTag } from '../model/types';

const MAX_TOKEN_LENGTH = 8192;

function invalid(message: string): AwsError {
  return new AwsError('validation', message, false, { code: 'ClientValidation' });
}

/** The error of a request refused before it is sent (kind validation, code ClientValidation). */
export const invalidInput = invalid;

/** A value quoted in a message, cut so a pasted megabyte never fills a notification. */
function shown(value: string): string {
  return value.length > 70 ? `${value.slice(0, 70)}…` : value;
}

export function checkImageName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0) throw invalid(l10n.t('An image name is required.'));
  if (name.length > 63) throw invalid(l10n.t('Image name “{0}…” is longer than 63 characters.', name.slice(0, 70)));
  if (checkField('imageName', name) !== undefined) {
    throw invalid(
      l10n.t('“{0}” is not a valid image name: use letters, digits and single hyphens or dots between them (1–63 characters).', name),
    );
  }
  return name;
}

export function checkMaxResults(n: unknown): number | undefined {
  if (n === undefined) return undefined;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 100) {
    throw invalid(l10n.t('Page size must be a whole number from 1 to 100, not {0}.', JSON.stringify(n)));
  }
  return n;
}

export function checkNextToken(t: unknown): string | undefined {
  if (t === undefined) return undefined;
  if (typeof t !== 'string') throw invalid(l10n.t('A continuation token must be a string.'));
  if (t.length > MAX_TOKEN_LENGTH) throw invalid(l10n.t('A continuation token cannot be longer than {0} characters.', MAX_TOKEN_LENGTH));
  return t === '' ? undefined : t;
}

export function checkVersionNumber(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
    throw invalid(l10n.t('Version must be a whole number ≥ 0, not {0}.', JSON.stringify(v)));
  return v;
}

export function checkAlias(a: unknown): string | undefined {
  if (a === undefined) return undefined;
  if (typeof a !== 'string' || checkField('alias', a) !== undefined) {
    throw invalid(l10n.t('“{0}” is not a valid alias (1–128 of letters, digits, - _ . ; not starting with . or -).', shown(String(a))));
  }
  return a;
}

export function checkNameContains(s: unknown): string | undefined {
  if (s === undefined || s === '') return undefined;
  if (typeof s !== 'string' || !isNameFilter(s)) {
    throw invalid(l10n.t('“{0}” cannot be used as a name filter: up to 63 letters, digits, hyphens and dots.', String(s)));
  }
  return s;
}

export function checkEnum<T extends string>(value: unknown, allowed: readonly T[], what: string): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalid(l10n.t('{0} must be one of {1}, not {2}.', what, allowed.join(', '), shown(JSON.stringify(value) ?? String(value))));
  }
  return value as T;
}

export function checkDate(d: unknown, what: string): Date | undefined {
  if (d === undefined) return undefined;
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw invalid(l10n.t('{0} is not a valid date.', what));
  return d;
}

export const checkImageSortBy = (v: unknown) => checkEnum(v, IMAGE_SORT_BY, 'Image sort');
export const checkVersionSortBy = (v: unknown) => checkEnum(v, IMAGE_VERSION_SORT_BY, 'Version sort');
export const checkSortOrder = (v: unknown) => checkEnum(v, SORT_ORDERS, 'Sort order');

/** An optional text member: absent stays absent; present, it must pass the field's rule (src/requests/imageFields.ts). */
export function checkOptionalField(field: FieldName, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(l10n.t('Expected text, not {0}.', typeof value));
  const problem = checkField(field, value);
  if (problem !== undefined) throw invalid(problem);
  return value;
}

/** A required text member: `missing` is the message when it is absent or empty. */
export function checkRequiredField(field: FieldName, value: unknown, missing: string): string {
  if (value === undefined || value === '') throw invalid(missing);
  return checkOptionalField(field, value) as string;
}

export function checkClientToken(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw invalid(l10n.t('A client token is required: make one per user action.'));
  const problem = clientTokenProblem(value);
  if (problem !== undefined) throw invalid(problem);
  return value;
}

/** An optional alias list; each alias valid, none twice. An empty list is sent as given. */
export function checkAliasList(values: unknown): string[] | undefined {
  if (values === undefined) return undefined;
  if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) throw invalid(l10n.t('Aliases must be a list of text.'));
  const problem = checkAliases(values as string[]);
  if (problem !== undefined) throw invalid(problem);
  return values as string[];
}

/** An optional tag list, as the SDK's Tags member. */
export function checkTagList(tags: unknown): { Key: string; Value: string }[] | undefined {
  if (tags === undefined) return undefined;
  const ok = (t: unknown): t is ImageTag =>
    typeof t === 'object' && t !== null && typeof (t as ImageTag).key === 'string' && typeof (t as ImageTag).value === 'string';
  if (!Array.isArray(tags) || !tags.every(ok)) throw invalid(l10n.t('Tags must be a list of keys and values.'));
  const problem = checkTags(tags);
  if (problem !== undefined) throw invalid(problem);
  return tags.map((t) => ({ Key: t.key, Value: t.value }));
}

export function checkBoolean(value: unknown, what: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw invalid(l10n.t('{0} must be true or false.', what));
  return value;
}

/** UpdateImage DeleteProperties: at most DisplayName and Description, each once. */
export function checkDeleteProperties(values: unknown): ImageDeleteProperty[] | undefined {
  if (values === undefined) return undefined;
  const allowed: readonly string[] = IMAGE_DELETE_PROPERTIES;
  if (
    !Array.isArray(values) ||
    values.some((v) => typeof v !== 'string' || !allowed.includes(v)) ||
    new Set(values).size !== values.length
  ) {
    throw invalid(l10n.t('Only {0} can be cleared on an image, each once.', IMAGE_DELETE_PROPERTIES.join(', ')));
  }
  return values as ImageDeleteProperty[];
}

/**
 * The version a write acts on: by number or by alias, exactly one. The model makes both optional
 * and does not document what neither or both mean; a write never guesses (neither might be the
 * latest version, which a delete must not pick by default).
 */
export function checkVersionSelector(version: unknown, alias: unknown): { Version?: number; Alias?: string } {
  const v = checkVersionNumber(version);
  const a = checkAlias(alias);
  if (v === undefined && a === undefined) throw invalid(l10n.t('Say which version: a version number or an alias.'));
  if (v !== undefined && a !== undefined) throw invalid(l10n.t('Give a version number or an alias, not both.'));
  return v !== undefined ? { Version: v } : { Alias: a };
}

export const checkJobType = (v: unknown) => checkEnum(v, JOB_TYPES, l10n.t('Job type'));
export const checkProcessor = (v: unknown) => checkEnum(v, PROCESSORS, l10n.t('Processor'));
export const checkVendorGuidance = (v: unknown) => checkEnum(v, VENDOR_GUIDANCE, l10n.t('Vendor guidance'));
