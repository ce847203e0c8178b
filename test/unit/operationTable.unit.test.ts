/**
 * The operation table (src/model/types.ts Operations, implemented in src/aws/operations.ts) through
 * its one door, SageMakerSession.call, against the emulator: every entry sends exactly one request,
 * of the operation it names, answers with plain data and logs through the session's logger; an
 * invalid input is refused client-side and sends nothing. The cases are typed by the table, so an
 * entry added without a case here fails to compile.
 */
import * as assert from 'node:assert/strict';
import { loadAws } from '../../src/model/awsLayer';
import { isAwsError } from '../../src/model/errors';
import type { Logger } from '../../src/model/log';
import { SageMakerSession } from '../../src/model/sageMakerSession';
import type { OperationInput, OperationName, OperationOutput } from '../../src/model/types';
import { useEmulator } from './helpers';
import { STUDIO_CASE_SEED, STUDIO_CASES } from './studioOperationCases';

interface Case<K extends OperationName> {
  /** The SageMaker operation the entry sends. */
  wire: string;
  valid: OperationInput<K>;
  check(output: OperationOutput<K>): void;
  /** Refused by the entry's own input checks. */
  invalid: OperationInput<K>;
}

const IMAGE = 'table-image';
const ROLE = 'arn:aws:iam::123456789012:role/TableRole';

const CASES: { [K in OperationName]: Case<K> } = {
  listImages: {
    wire: 'ListImages',
    valid: { maxResults: 5, nameContains: 'table-image' },
    check: (page) =>
      assert.deepEqual(
        page.items.map((i) => i.imageName),
        [IMAGE],
      ),
    invalid: { maxResults: 0 },
  },
  listImageVersions: {
    wire: 'ListImageVersions',
    valid: { imageName: IMAGE, sortBy: 'VERSION', sortOrder: 'ASCENDING' },
    check: (page) =>
      assert.deepEqual(
        page.items.map((v) => v.version),
        [1, 2],
      ),
    invalid: { imageName: 'bad_name!' },
  },
  describeImage: {
    wire: 'DescribeImage',
    valid: { imageName: IMAGE },
    check: (image) => assert.equal(image.imageName, IMAGE),
    invalid: { imageName: '' },
  },
  describeImageVersion: {
    wire: 'DescribeImageVersion',
    valid: { imageName: IMAGE, version: 1 },
    check: (version) => assert.equal(version.version, 1),
    invalid: { imageName: IMAGE, version: -1 },
  },
  listAliases: {
    wire: 'ListAliases',
    valid: { imageName: IMAGE, version: 2 },
    check: (page) => assert.deepEqual([...page.items].sort(), ['latest', 'two']),
    invalid: { imageName: IMAGE, alias: '.hidden' },
  },
  listAllAliases: {
    wire: 'ListAliases',
    valid: { imageName: IMAGE },
    check: (aliases) => assert.deepEqual([...aliases].sort(), ['latest', 'one', 'two']),
    invalid: { imageName: 'a'.repeat(64) },
  },
  // The writes act on images of their own, so no case changes what another one reads.
  createImage: {
    wire: 'CreateImage',
    valid: { imageName: 'table-new', roleArn: ROLE },
    check: (out) => assert.equal(out.imageArn, 'arn:aws:sagemaker:us-east-1:123456789012:image/table-new'),
    invalid: { imageName: 'table-new', roleArn: 'arn:aws:iam::1234:role/short' },
  },
  createImageVersion: {
    wire: 'CreateImageVersion',
    valid: { imageName: 'table-versioned', baseImage: 'repo/app:3', clientToken: 'table-token-1' },
    check: (out) => assert.equal(out.imageVersionArn, 'arn:aws:sagemaker:us-east-1:123456789012:image-version/table-versioned/2'),
    invalid: { imageName: 'table-versioned', baseImage: 'repo/app:3', clientToken: 'not a token!' },
  },
  updateImage: {
    wire: 'UpdateImage',
    valid: { imageName: 'table-edited', description: 'New text' },
    check: (out) => assert.equal(out.imageArn, 'arn:aws:sagemaker:us-east-1:123456789012:image/table-edited'),
    invalid: { imageName: 'table-edited', displayName: ' padded ' },
  },
  updateImageVersion: {
    wire: 'UpdateImageVersion',
    valid: { imageName: 'table-edited', version: 1, releaseNotes: 'Notes' },
    check: (out) => assert.equal(out.imageVersionArn, 'arn:aws:sagemaker:us-east-1:123456789012:image-version/table-edited/1'),
    invalid: { imageName: 'table-edited', version: 1, mlFramework: 'PyTorch' },
  },
  deleteImage: {
    wire: 'DeleteImage',
    valid: { imageName: 'table-doomed' },
    check: (out) => assert.deepEqual(out, {}),
    invalid: { imageName: '-doomed' },
  },
  deleteImageVersion: {
    wire: 'DeleteImageVersion',
    valid: { imageName: 'table-retired', alias: 'old' },
    check: (out) => assert.deepEqual(out, {}),
    invalid: { imageName: 'table-retired' },
  },
  ...STUDIO_CASES,
};

function recorder(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const add = (message: string) => void lines.push(message);
  return { lines, trace: add, debug: add, info: add, warn: add, error: add };
}

describe('the operation table through SageMakerSession.call', function () {
  const emu = useEmulator('empty');
  let session: SageMakerSession;
  let log: Logger & { lines: string[] };

  before(function () {
    emu().seed({
      images: [
        { name: IMAGE, versions: [{ aliases: ['one'] }, { aliases: ['two', 'latest'] }] },
        { name: 'table-versioned', versions: 1 },
        { name: 'table-edited', versions: 1 },
        { name: 'table-doomed', versions: 1 },
        { name: 'table-retired', versions: [{ aliases: ['old'] }, {}] },
      ],
    });
    emu().seedStudio(STUDIO_CASE_SEED);
  });
  beforeEach(function () {
    log = recorder();
    session = new SageMakerSession({ region: 'us-east-1', endpoint: emu().url }, log, '0.0.0-test');
    emu().clearRequests();
  });
  afterEach(() => session.dispose());

  it('has exactly the entries these cases cover', function () {
    assert.deepEqual(Object.keys(loadAws().operations).sort(), Object.keys(CASES).sort());
  });

  for (const name of Object.keys(CASES) as OperationName[]) {
    it(`${name} sends exactly one ${CASES[name].wire} request and answers plainly`, async function () {
      const c: Case<OperationName> = CASES[name];
      c.check(await session.call(name, c.valid));
      assert.deepEqual(
        emu()
          .calls()
          .map((call) => call.operation),
        [c.wire],
      );
      assert.equal(log.lines.filter((l) => l.startsWith(`→ ${c.wire} `)).length, 1, 'logged through the session’s logger');
    });

    it(`${name} refuses an invalid input client-side and sends nothing`, async function () {
      const c: Case<OperationName> = CASES[name];
      const e = await session.call(name, c.invalid).then(
        () => assert.fail('an invalid input was accepted'),
        (error: unknown) => error,
      );
      assert.ok(isAwsError(e), `expected an AwsError, got ${String(e)}`);
      assert.equal(e.kind, 'validation');
      assert.equal(e.details.code, 'ClientValidation');
      assert.deepEqual(emu().calls(), [], 'the emulator saw no request');
    });
  }
});
