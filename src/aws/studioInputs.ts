/**
 * Client-side checks of the Studio identifiers we send (DomainId, UserProfileName, SpaceName), from
 * the service model's constraints, so a malformed id (from a settings file, a forged command
 * argument) is refused unsent with a message that says what is wrong. The model's patterns are
 * unanchored; the service matches the whole value, so these are anchored. Each is linear: its
 * repeated group is a run of hyphens then one letter or digit, two disjoint classes, so there is
 * one way to match; and the length is checked before the pattern.
 */
import { AwsError } from '../model/errors';
import { l10n } from '../model/l10n';

const DOMAIN_ID = /^d-(-*[a-z0-9]){1,61}$/;
const STUDIO_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
const MAX_LENGTH = 63;

function invalid(message: string): AwsError {
  return new AwsError('validation', message, false, { code: 'ClientValidation' });
}

/** The value as shown in a message: cut, so a huge argument does not make a huge message. */
function shown(value: string): string {
  return value.length > MAX_LENGTH ? `${value.slice(0, MAX_LENGTH)}…` : value;
}

export function checkDomainId(id: unknown): string {
  if (typeof id !== 'string' || id.length === 0) throw invalid(l10n.t('A domain id is required.'));
  if (id.length > MAX_LENGTH || !DOMAIN_ID.test(id))
    throw invalid(
      l10n.t('“{0}” is not a valid domain id: it looks like d-abc123 (up to 63 lower-case letters, digits and hyphens).', shown(id)),
    );
  return id;
}

export function checkOptionalDomainId(id: unknown): string | undefined {
  return id === undefined ? undefined : checkDomainId(id);
}

export function checkUserProfileName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0) throw invalid(l10n.t('A user profile name is required.'));
  if (name.length > MAX_LENGTH || !STUDIO_NAME.test(name))
    throw invalid(
      l10n.t(
        '“{0}” is not a valid user profile name: use letters, digits and hyphens, starting with a letter or digit (1–63 characters).',
        shown(name),
      ),
    );
  return name;
}

export function checkSpaceName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0) throw invalid(l10n.t('A space name is required.'));
  if (name.length > MAX_LENGTH || !STUDIO_NAME.test(name))
    throw invalid(
      l10n.t(
        '“{0}” is not a valid space name: use letters, digits and hyphens, starting with a letter or digit (1–63 characters).',
        shown(name),
      ),
    );
  return name;
}
