/**
 * Where and as whom to call SageMaker. Validated here, before any client exists, so a bad value
 * gets a clear message (through l10n) and changes nothing.
 */

/** The settings section: every setting is `sagemakerImages.<key>`. */
export const SECTION = 'sagemakerImages';

import { l10n } from './l10n';
import { isKnownRegion } from './regions';

export interface ConnectionSettings {
  /** Shared-config profile; undefined = the SDK's default chain. */
  profile?: string;
  /** undefined = resolved from the profile / environment, else us-east-1. */
  region?: string;
  /** Custom endpoint URL; undefined = the SDK's own resolution (AWS_ENDPOINT_URL_SAGEMAKER, profile endpoint_url). */
  endpoint?: string;
}

/** Longer than any region, profile or endpoint anyone uses; longer input is refused unparsed. */
export const MAX_INPUT = 2_048;

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

// Both patterns are linear (`-` starts each repeated part and is not a letter) and see at most
// MAX_INPUT characters: a longer value is refused before any pattern runs.
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
// Profile names in shared config files: no whitespace-only, no brackets, reasonable length.
const PROFILE = /^[A-Za-z0-9_.@+=,:/-]{1,128}$/;

function refused(message: string): Checked<never> {
  return { ok: false, message };
}

/** An endpoint must be an absolute http(s) URL with a host and without user info. */
export function checkEndpoint(raw: string): Checked<string | undefined> {
  const text = raw.trim();
  if (text === '') return { ok: true, value: undefined };
  if (text.length > MAX_INPUT) return refused(l10n.t('That endpoint is longer than {0} characters: no valid one is.', MAX_INPUT));
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      message: l10n.t('“{0}” is not a URL. Use e.g. http://127.0.0.1:4566 or https://api.sagemaker.us-east-1.amazonaws.com.', raw),
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: l10n.t('The endpoint must use http or https, not “{0}”.', url.protocol.replace(/:$/, '')) };
  }
  if (url.username !== '' || url.password !== '') {
    return refused(l10n.t('The endpoint must not contain a user name or password: credentials come from your AWS profile.'));
  }
  if (url.hostname === '') return refused(l10n.t('The endpoint has no host name.'));
  if (url.search !== '' || url.hash !== '') return refused(l10n.t('The endpoint must not contain a query string or fragment.'));
  return { ok: true, value: url.toString().replace(/\/$/, '') };
}

export function checkRegion(raw: string): Checked<string | undefined> {
  const text = raw.trim();
  if (text === '') return { ok: true, value: undefined };
  if (text.length > MAX_INPUT) return refused(l10n.t('That Region name is longer than {0} characters: no valid one is.', MAX_INPUT));
  if (!REGION.test(text)) return refused(l10n.t('“{0}” is not an AWS Region name (e.g. us-east-1, eu-central-2, us-gov-west-1).', raw));
  if (!isKnownRegion(text))
    return refused(l10n.t('“{0}” is not a Region where SageMaker is available. Use Select Region… to pick one.', text));
  return { ok: true, value: text };
}

export function checkProfile(raw: string): Checked<string | undefined> {
  const text = raw.trim();
  if (text === '') return { ok: true, value: undefined };
  if (text.length > MAX_INPUT) return refused(l10n.t('That profile name is longer than {0} characters: no valid one is.', MAX_INPUT));
  if (!PROFILE.test(text)) return refused(l10n.t('“{0}” is not a valid profile name (letters, digits and _ . @ + = , : / - only).', raw));
  return { ok: true, value: text };
}

/** Validates all three; the first problem wins. */
export function checkConnectionSettings(raw: { profile?: unknown; region?: unknown; endpoint?: unknown }): Checked<ConnectionSettings> {
  const fields: [keyof ConnectionSettings, (s: string) => Checked<string | undefined>][] = [
    ['profile', checkProfile],
    ['region', checkRegion],
    ['endpoint', checkEndpoint],
  ];
  const out: ConnectionSettings = {};
  for (const [key, check] of fields) {
    const value = raw[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return refused(l10n.t('Setting {0} must be a string, not {1}.', `${SECTION}.${key}`, typeof value));
    const r = check(value);
    if (!r.ok) return refused(l10n.t('{0}: {1}', `${SECTION}.${key}`, r.message));
    if (r.value !== undefined) out[key] = r.value;
  }
  return { ok: true, value: out };
}

/** Stable key for caching one client per distinct settings. */
export function settingsKey(s: ConnectionSettings): string {
  return JSON.stringify([s.profile ?? '', s.region ?? '', s.endpoint ?? '']);
}

/**
 * The shared-config profile in use: the setting, else AWS_PROFILE, else `default`. Only
 * AWS_PROFILE: the SDK's credential chain ignores AWS_DEFAULT_PROFILE, and region and endpoint
 * must come from the same profile as the credentials.
 */
export function profileName(profile: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return profile ?? env.AWS_PROFILE ?? 'default';
}
