/**
 * Runs in a worker thread for test/unit/regexCorpus.unit.test.ts: feeds every adversarial input to
 * one function that applies regular expressions to outside text, and reports each call's time. A
 * worker, because a catastrophic regex blocks its thread for minutes or hours: the test can only
 * stop it (and fail) from another thread.
 *
 * Not a spec file (no `.unit.test` in the name): mocha never loads it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { parseArn, parseImageArn, parseImageVersionArn } from '../../src/commands/model/arns';
import { isKnownRegion } from '../../src/model/regions';
import { toAwsError } from '../../src/aws/errorMapping';
import { checkAlias, checkImageName, checkNameContains } from '../../src/aws/inputs';
import { redact } from '../../src/model/log';
import { listProfiles } from '../../src/aws/profiles';
import { checkConnectionSettings, checkEndpoint, checkProfile, checkRegion, MAX_INPUT } from '../../src/model/settings';
import { ssoLoginCommand } from '../../src/model/shellQuote';
import { findArnAt, MAX_LINE_LENGTH } from '../../src/commands/model/arnScan';
import { mdCode, mdText, plainText } from '../../src/model/markdownText';
import { parseDateInput } from '../../src/commands/model/dateInput';
import { parseVersionDocumentPath } from '../../src/model/versionDocument';
import { checkAliases, checkClientToken, checkField, checkTags, type FieldName } from '../../src/requests/imageFields';

const FIELDS: FieldName[] = [
  'imageName',
  'displayName',
  'description',
  'roleArn',
  'baseImage',
  'alias',
  'releaseNotes',
  'mlFramework',
  'programmingLang',
  'tagKey',
  'tagValue',
];

/** The size of every adversarial input. */
export const SIZE = 100_000;

/** `prefix` + `unit` repeated + `suffix`, exactly SIZE characters (the repeated part is cut to fit). */
function fill(unit: string, prefix = '', suffix = ''): string {
  const room = SIZE - prefix.length - suffix.length;
  return prefix + unit.repeat(Math.ceil(room / unit.length)).slice(0, room) + suffix;
}

/**
 * Long runs of the characters the patterns repeat or separate on, and near-matches of each pattern
 * (a long valid-looking part, then the one character that makes it fail at the end).
 */
export function corpus(): { label: string; text: string }[] {
  const acct = '123456789012';
  const entries: [string, string][] = [
    ['dashes', fill('-')],
    ['spaces', fill(' ')],
    ['colons', fill(':')],
    ['slashes', fill('/')],
    ['dots', fill('.')],
    ['at signs', fill('@')],
    ['newlines', fill('\n')],
    ['tabs and spaces', fill('\t ')],
    ['brackets', fill('[]')],
    ['word characters', fill('a')],
    ['upper-case alphanumerics', fill('A1')],
    ['digits', fill('1')],
    ['letter-dash pairs', fill('a-')],
    ['letter-dot-dash', fill('a.-')],
    ['quotes and equals', fill(`"'=:`)],
    // errors.ts: the missing-profile and SSO hints.
    ['missing profile, dashes (the reported one)', fill('-', 'The profile ', ' could')],
    ['missing profile, spaces', fill(' ', 'The profile ', ' could')],
    ['missing profile, mixed separators', fill('-[ ]:', 'profile ', ' not')],
    ['"profile " repeated', fill('profile ')],
    ['"profile \'" repeated', fill("profile '")],
    [
      'resolve-credentials prefix, no closing bracket',
      fill('-', 'Could not resolve credentials using profile: [', ' in configuration/credentials file'),
    ],
    ['profile NAME could not be found, long name', fill('x', 'Profile ', ' could not be found in shared credentials file.')],
    ['timed out / network words', fill('timeout network JSON deserializ ')],
    // arns.ts and arnScan.ts.
    ['"arn:aws:sagemaker:" repeated', fill('arn:aws:sagemaker:')],
    ['ARN prefix repeated with a region', fill('arn:aws:sagemaker:us-east-1:')],
    ['ARN up to the account, repeated', fill(`arn:aws:sagemaker:us-east-1:${acct}:`)],
    ['partition with a long dash run', fill('-a', 'arn:aws', ':sagemaker:us-east-1:123:image/x')],
    ['image ARN with a long name, bad end', fill('a-', `arn:aws:sagemaker:us-east-1:${acct}:image/`, '-!')],
    ['image ARN with a long dotted name', fill('a.', `arn:aws:sagemaker:us-east-1:${acct}:image/`, '.')],
    ['image-version ARN with a long name, no version', fill('a-', `arn:aws:sagemaker:us-east-1:${acct}:image-version/`, '/')],
    ['image-version ARN with a long version, bad end', fill('1', `arn:aws:sagemaker:us-east-1:${acct}:image-version/a/`, 'x')],
    ['region without a colon', fill('x', 'arn:aws:sagemaker:')],
    ['ARNs separated by spaces, each bad', fill(`arn:aws:sagemaker:us east 1:${acct}:image/a-b-c `)],
    // log.ts.
    ['"https://" then @ and :', fill('@:', 'https://')],
    ['"https://" then colons, no @', fill(':', 'https://')],
    ['"https://" repeated', fill('https://')],
    ['"https://u:" repeated', fill('https://u:')],
    ['authorization then spaces', fill(' ', 'Authorization')],
    ['"authorization:" repeated', fill('authorization:')],
    ['secret names then spaces', fill(' ', 'aws_secret_access_key')],
    ['secret names repeated', fill('sessionToken secret_access_key accessToken ')],
    ['"<SessionToken>" repeated', fill('<SessionToken>')],
    ['XML secret without a closing tag', fill('x', '<SecretAccessKey>')],
    ['key-id prefixes repeated', fill('AKIA')],
    ['"Signature=" then hex', fill('a', 'Signature=')],
    ['"Signature=" repeated', fill('Signature=')],
    // settings.ts, dateInput.ts, shellQuote.ts.
    ['region-like, bad end', fill('-east', 'us', '-1x')],
    ['region-like letters and dashes', fill('-ab')],
    ['endpoint with many @ and :', fill('@:', 'https://', '/x')],
    ['profile characters', fill('a_.@+=,:/-')],
    ['relative date, long number', fill('1', '', 'd')],
    ['relative date, digits then spaces', fill(' ', '1', 'x')],
    ['date then long fraction', fill('0', '2024-05-01T10:30:00.', 'Z')],
    ['date prefix repeated', fill('2024-05-01 ')],
    ['shell metacharacters', fill(`'; $(x) \`y\` | sh #`)],
    ['document path, long name repeated', fill('a-', '/us-east-1/', '/a.v1.jsonx')],
  ];
  return entries.map(([label, text]) => ({ label, text }));
}

/** Where profiles reads its config file from in this worker (its own process.env copy). */
function profilesTarget(): (s: string) => Promise<unknown> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smi-regex-corpus-'));
  const config = path.join(dir, 'config');
  process.env.AWS_CONFIG_FILE = config;
  process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'no-credentials');
  return (s) => {
    // The input as a section name and as a value (one line each: the file format is line-based).
    const line = s.replace(/[\r\n]/g, ' ');
    fs.writeFileSync(config, `[profile ${line}]\nregion = ${line}\n[sso-session ${line}]\n[services ${line}]\n`);
    return listProfiles();
  };
}

const ctx = { operation: 'ListImageVersions', imageName: 'my-image', region: 'us-east-1' };
const named = (name: string, message: string, extra: object = {}) => Object.assign(new Error(message), { name, ...extra });
const attempt = (f: () => unknown) => () => {
  try {
    return f();
  } catch (e) {
    return e;
  }
};

/** Every function that applies a regular expression to outside text, by name. */
export const TARGETS: Record<string, (s: string) => unknown> = {
  'toAwsError ValidationException': (s) =>
    toAwsError(named('ValidationException', s, { $fault: 'client', $metadata: { httpStatusCode: 400 } }), ctx),
  'toAwsError CredentialsProviderError': (s) => toAwsError(named('CredentialsProviderError', s), { ...ctx, profile: 'dev' }),
  'toAwsError TokenProviderError': (s) => toAwsError(named('TokenProviderError', s), ctx),
  'toAwsError plain Error': (s) => toAwsError(new Error(s), ctx),
  'toAwsError unknown service error': (s) => toAwsError(named('SomethingException', s, { $metadata: { httpStatusCode: 400 } }), ctx),
  'toAwsError SSO error with the input as profile': (s) =>
    toAwsError(named('CredentialsProviderError', 'The SSO session associated with this profile has expired.'), { ...ctx, profile: s }),
  redact: (s) => redact(s),
  parseImageArn: (s) => parseImageArn(s),
  parseImageVersionArn: (s) => parseImageVersionArn(s),
  parseArn: (s) => parseArn(s),
  'findArnAt (whole input)': (s) => findArnAt(s, 0),
  // Lines over the scan's limit are skipped without a scan: also feed one just under it.
  'findArnAt (input cut to the line limit)': (s) => findArnAt(s.slice(0, MAX_LINE_LENGTH), MAX_LINE_LENGTH - 1),
  checkRegion: (s) => checkRegion(s),
  'checkRegion (input cut to the length limit)': (s) => checkRegion(s.slice(0, MAX_INPUT)),
  checkProfile: (s) => checkProfile(s),
  checkEndpoint: (s) => checkEndpoint(s),
  'checkEndpoint (input cut to the length limit)': (s) => checkEndpoint(s.slice(0, MAX_INPUT)),
  checkConnectionSettings: (s) => checkConnectionSettings({ profile: s, region: s, endpoint: s }),
  ssoLoginCommand: (s) => ssoLoginCommand(s),
  'mdText, mdCode, plainText': (s) => [mdText(s), mdCode(s), plainText(s)],
  parseDateInput: (s) => parseDateInput(s),
  // Paths of sagemaker-image-version: URIs, which a link in any markdown file can hold.
  parseVersionDocumentPath: (s) => [
    parseVersionDocumentPath(s, isKnownRegion),
    parseVersionDocumentPath(`/us-east-1/${s}`, isKnownRegion),
    parseVersionDocumentPath(`/us-east-1/${s}/${s}.v1.json`, isKnownRegion),
  ],
  // The publishing fields: the whole input, and cut to each field's maximum (so the patterns run).
  'imageFields: every field, aliases, tags, client token': (s) => [
    ...FIELDS.flatMap((f) => [checkField(f, s), checkField(f, s.slice(0, 2048)), checkField(f, s.slice(0, 128))]),
    checkAliases([s.slice(0, 128), s]),
    checkTags([{ key: s.slice(0, 128), value: s.slice(0, 256) }]),
    checkClientToken(s.slice(0, 36)),
  ],
  'toAwsError ResourceInUse and ResourceLimitExceeded': (s) => [
    toAwsError(named('ResourceInUse', s, { $metadata: { httpStatusCode: 400 } }), { ...ctx, operation: 'CreateImage' }),
    toAwsError(named('ResourceLimitExceeded', s, { $metadata: { httpStatusCode: 400 } }), ctx),
    toAwsError(named('ValidationException', s, { $metadata: { httpStatusCode: 400 } }), { ...ctx, operation: 'CreateImageVersion' }),
  ],
  'inputs: image name, alias, name filter': (s) => [
    attempt(() => checkImageName(s))(),
    attempt(() => checkAlias(s))(),
    attempt(() => checkNameContains(s))(),
  ],
};

export type WorkerMessage =
  { type: 'start'; label: string } | { type: 'done'; label: string; ms: number } | { type: 'error'; message: string };

async function run(target: string): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('regexCorpusWorker runs only as a worker thread');
  const fn: (s: string) => unknown = target === 'listProfiles' ? profilesTarget() : TARGETS[target];
  if (!fn) throw new Error(`unknown target ${target}`);
  for (const { label, text } of corpus()) {
    port.postMessage({ type: 'start', label } satisfies WorkerMessage);
    const t0 = performance.now();
    await fn(text);
    port.postMessage({ type: 'done', label, ms: performance.now() - t0 } satisfies WorkerMessage);
  }
}

if (parentPort && (workerData as { target?: string } | undefined)?.target !== undefined) {
  run((workerData as { target: string }).target).then(
    () => process.exit(0),
    (e: unknown) => {
      parentPort?.postMessage({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies WorkerMessage);
      process.exit(1);
    },
  );
}
