/**
 * Client-side checks of what we are about to send, from the service model's constraints. The
 * SDK does no client-side validation (it sends MaxResults 0 or 1000 as given), so without these a
 * typo would cost a round trip and come back as a Coral-style message; with them the request is
 * never sent and the message says what is wrong.
 */
import { AwsError } from '../model/errors';
import { l10n } from '../model/l10n';
import { isNameFilter } from '../model/listRequests';
import { IMAGE_SORT_BY, IMAGE_VERSION_SORT_BY, SORT_ORDERS } from '../model/types';

const IMAGE_NAME = /^[a-zA-Z0-9]([-.]?[a-zA-Z0-9]){0,62}$/;
const ALIAS = /^(?!^[.-])^([a-zA-Z0-9-_.]+)$/;
const MAX_TOKEN_LENGTH = 8192;

function invalid(message: string): AwsError {
  return new AwsError('validation', message, false, { code: 'ClientValidation' });
}

export function checkImageName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0) throw invalid(l10n.t('An image name is required.'));
  if (name.length > 63) throw invalid(l10n.t('Image name “{0}…” is longer than 63 characters.', name.slice(0, 70)));
  if (!IMAGE_NAME.test(name)) {
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
  if (typeof a !== 'string' || a.length < 1 || a.length > 128 || !ALIAS.test(a)) {
    throw invalid(l10n.t('“{0}” is not a valid alias (1–128 of letters, digits, - _ . ; not starting with . or -).', String(a)));
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
    throw invalid(l10n.t('{0} must be one of {1}, not {2}.', what, allowed.join(', '), JSON.stringify(value)));
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
