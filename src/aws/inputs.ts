/**
 * Client-side checks of what we are about to send, from the service model's constraints. The
 * SDK does no client-side validation (it sends MaxResults 0 or 1000 as given), so without these a
 * typo would cost a round trip and come back as a Coral-style message; with them the request is
 * never sent and the message says what is wrong.
 */
import { AwsError } from '../model/errors';
import { isNameFilter } from '../model/listRequests';
import { IMAGE_SORT_BY, IMAGE_VERSION_SORT_BY, SORT_ORDERS } from '../model/types';

const IMAGE_NAME = /^[a-zA-Z0-9]([-.]?[a-zA-Z0-9]){0,62}$/;
const ALIAS = /^(?!^[.-])^([a-zA-Z0-9-_.]+)$/;
const MAX_TOKEN_LENGTH = 8192;

function invalid(message: string): AwsError {
  return new AwsError('validation', message, false, { code: 'ClientValidation' });
}

export function checkImageName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0) throw invalid('An image name is required.');
  if (name.length > 63) throw invalid(`Image name “${name.slice(0, 70)}…” is longer than 63 characters.`);
  if (!IMAGE_NAME.test(name)) {
    throw invalid(`“${name}” is not a valid image name: use letters, digits and single hyphens or dots between them (1–63 characters).`);
  }
  return name;
}

export function checkMaxResults(n: unknown): number | undefined {
  if (n === undefined) return undefined;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 100) {
    throw invalid(`Page size must be a whole number from 1 to 100, not ${JSON.stringify(n)}.`);
  }
  return n;
}

export function checkNextToken(t: unknown): string | undefined {
  if (t === undefined) return undefined;
  if (typeof t !== 'string') throw invalid('A continuation token must be a string.');
  if (t.length > MAX_TOKEN_LENGTH) throw invalid(`A continuation token cannot be longer than ${MAX_TOKEN_LENGTH} characters.`);
  return t === '' ? undefined : t;
}

export function checkVersionNumber(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
    throw invalid(`Version must be a whole number ≥ 0, not ${JSON.stringify(v)}.`);
  return v;
}

export function checkAlias(a: unknown): string | undefined {
  if (a === undefined) return undefined;
  if (typeof a !== 'string' || a.length < 1 || a.length > 128 || !ALIAS.test(a)) {
    throw invalid(`“${String(a)}” is not a valid alias (1–128 of letters, digits, - _ . ; not starting with . or -).`);
  }
  return a;
}

export function checkNameContains(s: unknown): string | undefined {
  if (s === undefined || s === '') return undefined;
  if (typeof s !== 'string' || !isNameFilter(s)) {
    throw invalid(`“${String(s)}” cannot be used as a name filter: up to 63 letters, digits, hyphens and dots.`);
  }
  return s;
}

export function checkEnum<T extends string>(value: unknown, allowed: readonly T[], what: string): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalid(`${what} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}.`);
  }
  return value as T;
}

export function checkDate(d: unknown, what: string): Date | undefined {
  if (d === undefined) return undefined;
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw invalid(`${what} is not a valid date.`);
  return d;
}

export const checkImageSortBy = (v: unknown) => checkEnum(v, IMAGE_SORT_BY, 'Image sort');
export const checkVersionSortBy = (v: unknown) => checkEnum(v, IMAGE_VERSION_SORT_BY, 'Version sort');
export const checkSortOrder = (v: unknown) => checkEnum(v, SORT_ORDERS, 'Sort order');
