/**
 * The one place that knows the rules of every field the publishing commands write: lengths,
 * patterns and enums of CreateImage, CreateImageVersion, UpdateImage, UpdateImageVersion and Tag
 * (/work/shared/reference/sagemaker-images-model.json and sagemaker-studio-model.json). The input
 * boxes check each keystroke with checkField and src/aws/inputs.ts checks each request with the
 * same functions, so what the box accepts is what is sent and what it refuses is never sent.
 *
 * Values are typed by the user (or pasted): the length is checked before any pattern, and each
 * pattern is linear (one character class repeated, or anchored alternatives with no nested
 * repetition), so even a pasted 100 KB string is refused at once.
 */
import { l10n } from '../model/l10n';

export type FieldName =
  | 'imageName'
  | 'displayName'
  | 'description'
  | 'roleArn'
  | 'baseImage'
  | 'alias'
  | 'releaseNotes'
  | 'mlFramework'
  | 'programmingLang'
  | 'tagKey'
  | 'tagValue';

/** The model's JobType enum. */
export const JOB_TYPES = ['TRAINING', 'INFERENCE', 'NOTEBOOK_KERNEL'] as const;
export type JobType = (typeof JOB_TYPES)[number];

/** The model's Processor enum. */
export const PROCESSORS = ['CPU', 'GPU'] as const;
export type Processor = (typeof PROCESSORS)[number];

/** The model's VendorGuidance enum. */
export const VENDOR_GUIDANCE = ['NOT_PROVIDED', 'STABLE', 'TO_BE_ARCHIVED', 'ARCHIVED'] as const;
export type VendorGuidance = (typeof VENDOR_GUIDANCE)[number];

/** The model's ImageDeleteProperty (UpdateImage DeleteProperties: at most these two). */
export const IMAGE_DELETE_PROPERTIES = ['DisplayName', 'Description'] as const;

/** TagList: at most 50 tags on CreateImage. */
export const MAX_TAGS = 50;

/** ClientToken: 1–36 letters, digits and hyphens (a UUID fits). */
export const MAX_CLIENT_TOKEN_LENGTH = 36;

// The model's patterns, as JavaScript (the u flag for the Unicode classes of tags).
const IMAGE_NAME = /^[a-zA-Z0-9]([-.]?[a-zA-Z0-9]){0,62}$/;
const DISPLAY_NAME = /^\S(.*\S)?$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-/]+$/;
const ALIAS = /^(?![.-])[a-zA-Z0-9\-_.]+$/;
const VERSIONED_NAME = /^[a-zA-Z]+ ?\d+\.\d+(\.\d+)?$/;
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const CLIENT_TOKEN = /^[a-zA-Z0-9-]+$/;

interface FieldRule {
  readonly min: number;
  readonly max: number;
  /** Absent where the model's pattern is `.*`: any text of the right length. */
  readonly pattern?: RegExp;
  /** The rule in a sentence, made when shown (l10n is configured after load). */
  readonly rule: () => string;
}

const RULES: { readonly [F in FieldName]: FieldRule } = {
  imageName: {
    min: 1,
    max: 63,
    pattern: IMAGE_NAME,
    rule: () =>
      l10n.t(
        'Image names are 1–63 characters: letters, digits, and single hyphens or dots between them, starting and ending with a letter or digit.',
      ),
  },
  displayName: {
    min: 1,
    max: 128,
    pattern: DISPLAY_NAME,
    rule: () => l10n.t('Display names are 1–128 characters on one line, not starting or ending with a space.'),
  },
  description: { min: 1, max: 512, rule: () => l10n.t('Descriptions are 1–512 characters.') },
  roleArn: {
    min: 20,
    max: 2048,
    pattern: ROLE_ARN,
    rule: () =>
      l10n.t(
        'Role ARNs look like arn:aws:iam::123456789012:role/RoleName: a 12-digit account, then a role name of letters, digits and + = , . @ _ - / (20–2048 characters in all).',
      ),
  },
  baseImage: { min: 1, max: 255, rule: () => l10n.t('Base images are container image URIs of 1–255 characters.') },
  alias: {
    min: 1,
    max: 128,
    pattern: ALIAS,
    rule: () => l10n.t('Aliases are 1–128 characters: letters, digits, hyphens, underscores and dots, not starting with a hyphen or dot.'),
  },
  releaseNotes: { min: 1, max: 255, rule: () => l10n.t('Release notes are 1–255 characters.') },
  mlFramework: {
    min: 1,
    max: 128,
    pattern: VERSIONED_NAME,
    rule: () =>
      l10n.t(
        'ML frameworks are a name of letters, an optional space and a version of two or three numbers, such as “PyTorch 2.4” or “TensorFlow 2.15.1”.',
      ),
  },
  programmingLang: {
    min: 1,
    max: 128,
    pattern: VERSIONED_NAME,
    rule: () =>
      l10n.t(
        'Programming languages are a name of letters, an optional space and a version of two or three numbers, such as “Python 3.11”.',
      ),
  },
  tagKey: {
    min: 1,
    max: 128,
    pattern: TAG_TEXT,
    rule: () => l10n.t('Tag keys are 1–128 characters: letters, digits, spaces and _ . : / = + - @.'),
  },
  tagValue: {
    min: 0,
    max: 256,
    pattern: TAG_TEXT,
    rule: () => l10n.t('Tag values are up to 256 characters: letters, digits, spaces and _ . : / = + - @.'),
  },
};

/** The model's length bounds of a field, for input boxes that count characters. */
export function fieldLength(field: FieldName): { readonly min: number; readonly max: number } {
  const { min, max } = RULES[field];
  return { min, max };
}

/**
 * Why `value` is not a valid `field`, as a sentence naming the rule, or undefined when it is
 * valid. The length is checked first, so a pattern never sees more than the field's maximum.
 */
export function checkField(field: FieldName, value: string): string | undefined {
  const rule = RULES[field];
  if (typeof value !== 'string') return rule.rule();
  if (value.length < rule.min || value.length > rule.max) {
    return value.length === 0 ? rule.rule() : l10n.t('{0} This one has {1} characters.', rule.rule(), value.length);
  }
  if (rule.pattern && !rule.pattern.test(value)) return rule.rule();
  return undefined;
}

/** A value as it may be quoted in a message: cut, so a pasted megabyte never fills a notification. */
function quoted(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}

/**
 * Why a list of aliases (CreateImageVersion Aliases, UpdateImageVersion AliasesToAdd or
 * AliasesToDelete) cannot be sent, or undefined. The model sets no count limit on the list; a
 * duplicate is refused because it is always a slip (the service would hold the alias once).
 */
export function checkAliases(values: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const value of values) {
    const problem = checkField('alias', value);
    if (problem !== undefined) return l10n.t('Alias “{0}” cannot be used. {1}', quoted(String(value)), problem);
    if (seen.has(value)) return l10n.t('Alias “{0}” is listed twice.', value);
    seen.add(value);
  }
  return undefined;
}

/**
 * Why a tag list cannot be sent, or undefined: at most MAX_TAGS tags, each key and value valid,
 * and no key twice (a resource holds one value per key).
 */
export function checkTags(tags: readonly { readonly key: string; readonly value: string }[]): string | undefined {
  if (tags.length > MAX_TAGS) return l10n.t('An image can be created with at most {0} tags, not {1}.', MAX_TAGS, tags.length);
  const keys = new Set<string>();
  for (const { key, value } of tags) {
    const badKey = checkField('tagKey', key);
    if (badKey !== undefined) return l10n.t('Tag key “{0}” cannot be used. {1}', quoted(String(key)), badKey);
    const badValue = checkField('tagValue', value);
    if (badValue !== undefined) return l10n.t('The value of tag “{0}” cannot be used. {1}', key, badValue);
    if (keys.has(key)) return l10n.t('Tag key “{0}” is listed twice.', key);
    keys.add(key);
  }
  return undefined;
}

/** Why a ClientToken cannot be sent, or undefined (1–36 letters, digits and hyphens). */
export function checkClientToken(value: string): string | undefined {
  if (typeof value !== 'string' || value.length < 1 || value.length > MAX_CLIENT_TOKEN_LENGTH || !CLIENT_TOKEN.test(value)) {
    return l10n.t('A client token is 1–36 letters, digits and hyphens.');
  }
  return undefined;
}

/** A fresh ClientToken (a UUID): one per user action, reused for every retry of that action. */
export function newClientToken(): string {
  return globalThis.crypto.randomUUID();
}

/** Whether `value` is one of `allowed` (the enums above), as a type guard. */
export function isOneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}
