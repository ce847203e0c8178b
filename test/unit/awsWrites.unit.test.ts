/**
 * Contract tests of the six writes of src/aws/operations.ts (issue 15) through the real
 * @aws-sdk/client-sagemaker over HTTP against the emulator with its lifecycle in manual mode: the
 * exact parameters each sends (from the emulator's request log), the transient states it leaves
 * and how they end (completeTransitions, never a sleep), the service's refusals mapped to clear
 * errors (conflict, validation, notFound, accessDenied, limitExceeded), ClientToken idempotency,
 * and client-side checks that send nothing for an invalid field.
 */
import * as assert from 'node:assert/strict';
import type { SageMakerConnection } from '../../src/aws/clientFactory';
import {
  createImage,
  createImageVersion,
  deleteImage,
  deleteImageVersion,
  describeImage,
  describeImageVersion,
  listAllAliases,
  listImageVersionsPage,
  updateImage,
  updateImageVersion,
} from '../../src/aws/operations';
import { isAwsError } from '../../src/model/errors';
import { newClientToken } from '../../src/requests/imageFields';
import type { OperationInput, OperationName } from '../../src/model/types';
import { SageMakerEmulator } from '../emulator/server';
import { connect, expectAwsError } from './helpers';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerStudioImageRole';
const OTHER_ROLE = 'arn:aws:iam::123456789012:role/service-role/OtherRole';
const BASE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0';

describe('src/aws writes against the emulator’s lifecycle', function () {
  let emulator: SageMakerEmulator | undefined;
  let conn: SageMakerConnection;
  const emu = () => emulator ?? assert.fail('emulator not started');

  before(async function () {
    emulator = new SageMakerEmulator({ port: 0, transitionMs: 'manual' });
    await emulator.start();
    conn = await connect(emulator);
  });
  after(async function () {
    conn.client.destroy();
    await emulator?.stop();
    emulator = undefined;
  });
  beforeEach(function () {
    emu().faults.clear();
    emu().clearRequests();
  });

  /** The request log as (operation, parameters) pairs. */
  const log = () =>
    emu()
      .calls()
      .map((c) => [c.operation, c.params]);

  /** An image that is CREATED, with its creation out of the log. */
  async function createdImage(imageName: string): Promise<void> {
    await createImage(conn, { imageName, roleArn: ROLE });
    assert.equal(emu().completeTransitions({ image: imageName }), 1);
    emu().clearRequests();
  }

  /** A CREATED version of a CREATED image, out of the log; returns its number. */
  async function createdVersion(imageName: string, aliases?: string[]): Promise<number> {
    const { imageVersionArn } = await createImageVersion(conn, { imageName, baseImage: BASE, clientToken: newClientToken(), aliases });
    emu().completeTransitions({ image: imageName });
    emu().clearRequests();
    return Number(imageVersionArn.split('/').pop());
  }

  describe('createImage', function () {
    it('sends exactly the members given (tags as Key/Value) and answers the ARN; the image is CREATING, then CREATED', async function () {
      const out = await createImage(conn, {
        imageName: 'new-image',
        roleArn: ROLE,
        displayName: 'New image',
        description: 'Made by a test',
        tags: [
          { key: 'team', value: 'ml platform' },
          { key: 'cost:center', value: '' },
        ],
      });
      assert.deepEqual(out, { imageArn: 'arn:aws:sagemaker:us-east-1:123456789012:image/new-image' });
      assert.deepEqual(log(), [
        [
          'CreateImage',
          {
            ImageName: 'new-image',
            RoleArn: ROLE,
            DisplayName: 'New image',
            Description: 'Made by a test',
            Tags: [
              { Key: 'team', Value: 'ml platform' },
              { Key: 'cost:center', Value: '' },
            ],
          },
        ],
      ]);
      const creating = await describeImage(conn, { imageName: 'new-image' });
      assert.equal(creating.imageStatus, 'CREATING');
      assert.equal(creating.roleArn, ROLE);
      assert.equal(emu().completeTransitions(), 1);
      assert.equal((await describeImage(conn, { imageName: 'new-image' })).imageStatus, 'CREATED');
    });

    it('sends only the required members when nothing else is set', async function () {
      await createImage(conn, { imageName: 'bare-image', roleArn: ROLE });
      assert.deepEqual(log(), [['CreateImage', { ImageName: 'bare-image', RoleArn: ROLE }]]);
      emu().completeTransitions();
    });

    it('an existing name is a conflict saying the name is taken, with the service’s text', async function () {
      await createdImage('taken-image');
      const e = await expectAwsError(createImage(conn, { imageName: 'taken-image', roleArn: ROLE }), 'conflict');
      assert.equal(e.retryable, false);
      assert.equal(e.details.code, 'ResourceInUse');
      assert.equal(
        e.message,
        'An image named “taken-image” already exists in us-east-1 (or is still being deleted): The Image with ImageName taken-image already exists. Please use a different ImageName. Choose another name.',
      );
      assert.equal(emu().calls('CreateImage').length, 1);
    });
  });

  describe('createImageVersion', function () {
    it('sends every member given, with the caller’s ClientToken; the version is CREATING, then CREATED with what was sent', async function () {
      await createdImage('versioned-image');
      const out = await createImageVersion(conn, {
        imageName: 'versioned-image',
        baseImage: BASE,
        clientToken: 'token-all-members',
        aliases: ['latest', 'stable'],
        vendorGuidance: 'STABLE',
        jobType: 'NOTEBOOK_KERNEL',
        mlFramework: 'PyTorch 2.4',
        programmingLang: 'Python 3.11',
        processor: 'GPU',
        horovod: false,
        releaseNotes: 'First release',
      });
      assert.deepEqual(out, { imageVersionArn: 'arn:aws:sagemaker:us-east-1:123456789012:image-version/versioned-image/1' });
      assert.deepEqual(log(), [
        [
          'CreateImageVersion',
          {
            ImageName: 'versioned-image',
            BaseImage: BASE,
            ClientToken: 'token-all-members',
            Aliases: ['latest', 'stable'],
            VendorGuidance: 'STABLE',
            JobType: 'NOTEBOOK_KERNEL',
            MLFramework: 'PyTorch 2.4',
            ProgrammingLang: 'Python 3.11',
            Processor: 'GPU',
            Horovod: false,
            ReleaseNotes: 'First release',
          },
        ],
      ]);
      const creating = await describeImageVersion(conn, { imageName: 'versioned-image', version: 1 });
      assert.equal(creating.imageVersionStatus, 'CREATING');
      assert.deepEqual(emu().pendingTransitions(), [
        { region: 'us-east-1', image: 'versioned-image', version: 1, from: 'CREATING', to: 'CREATED' },
      ]);
      emu().completeTransitions();
      const v = await describeImageVersion(conn, { imageName: 'versioned-image', alias: 'stable' });
      assert.deepEqual(
        [
          v.version,
          v.imageVersionStatus,
          v.baseImage,
          v.vendorGuidance,
          v.jobType,
          v.mlFramework,
          v.programmingLang,
          v.processor,
          v.horovod,
          v.releaseNotes,
        ],
        [1, 'CREATED', BASE, 'STABLE', 'NOTEBOOK_KERNEL', 'PyTorch 2.4', 'Python 3.11', 'GPU', false, 'First release'],
      );
      assert.deepEqual((await listAllAliases(conn, { imageName: 'versioned-image', version: 1 })).sort(), ['latest', 'stable']);
    });

    it('a base image tagged :fail-create ends in CREATE_FAILED with a FailureReason', async function () {
      await createdImage('failing-image');
      await createImageVersion(conn, { imageName: 'failing-image', baseImage: 'repo/app:fail-create', clientToken: 'fail-token' });
      assert.equal((await describeImageVersion(conn, { imageName: 'failing-image', version: 1 })).imageVersionStatus, 'CREATING');
      emu().completeTransitions();
      const v = await describeImageVersion(conn, { imageName: 'failing-image', version: 1 });
      assert.equal(v.imageVersionStatus, 'CREATE_FAILED');
      assert.match(v.failureReason ?? '', /repo\/app:fail-create/);
    });

    it('on an image that is not CREATED: the service’s invalid-state ValidationException, saying to wait for the image', async function () {
      await createImage(conn, { imageName: 'young-image', roleArn: ROLE });
      const e = await expectAwsError(
        createImageVersion(conn, { imageName: 'young-image', baseImage: BASE, clientToken: 'too-early' }),
        'validation',
      );
      assert.equal(e.details.code, 'ValidationException');
      assert.equal(
        e.message,
        'SageMaker refused to create a version of image “young-image”: Image young-image is in an invalid state. Versions can be created once the image is CREATED; wait for it to finish, then retry.',
      );
      emu().completeTransitions();
    });

    it('the same ClientToken and input twice (a user’s retry after a timeout) answers the same version and makes one', async function () {
      await createdImage('token-image');
      const input = { imageName: 'token-image', baseImage: BASE, clientToken: newClientToken(), releaseNotes: 'Once' };
      const first = await createImageVersion(conn, input);
      const second = await createImageVersion(conn, input);
      assert.equal(second.imageVersionArn, first.imageVersionArn);
      const tokens = emu()
        .calls('CreateImageVersion')
        .map((c) => c.params.ClientToken);
      assert.deepEqual(tokens, [input.clientToken, input.clientToken]);
      emu().completeTransitions();
      assert.deepEqual(
        (await listImageVersionsPage(conn, { imageName: 'token-image' })).items.map((v) => v.version),
        [1],
      );
    });

    it('the SDK’s own retry (after a 500) resends the caller’s ClientToken: one version', async function () {
      await createdImage('retried-image');
      const retrying = await connect(emu(), { maxAttempts: 2 });
      try {
        emu().faults.add({ kind: 'http500', operation: 'CreateImageVersion' });
        const out = await createImageVersion(retrying, { imageName: 'retried-image', baseImage: BASE, clientToken: 'retry-token-1' });
        assert.equal(out.imageVersionArn, 'arn:aws:sagemaker:us-east-1:123456789012:image-version/retried-image/1');
      } finally {
        retrying.client.destroy();
      }
      const calls = emu().calls('CreateImageVersion');
      assert.deepEqual(
        calls.map((c) => [c.status, c.params.ClientToken]),
        [
          [500, 'retry-token-1'],
          [200, 'retry-token-1'],
        ],
      );
      emu().completeTransitions();
      assert.equal((await listImageVersionsPage(conn, { imageName: 'retried-image' })).items.length, 1);
    });

    it('of an image that does not exist: notFound naming the image', async function () {
      const e = await expectAwsError(
        createImageVersion(conn, { imageName: 'ghost-image', baseImage: BASE, clientToken: 'ghost' }),
        'notFound',
      );
      assert.match(e.message, /^Image “ghost-image” was not found in us-east-1\./);
    });
  });

  describe('updateImage', function () {
    it('sends what changed; the image is UPDATING (a second edit meanwhile is a conflict), then CREATED', async function () {
      await createImage(conn, { imageName: 'edited-image', roleArn: ROLE, displayName: 'Before', description: 'Old' });
      emu().completeTransitions();
      emu().clearRequests();
      const out = await updateImage(conn, { imageName: 'edited-image', displayName: 'After', roleArn: OTHER_ROLE });
      assert.deepEqual(out, { imageArn: 'arn:aws:sagemaker:us-east-1:123456789012:image/edited-image' });
      assert.deepEqual(log(), [['UpdateImage', { ImageName: 'edited-image', DisplayName: 'After', RoleArn: OTHER_ROLE }]]);
      const updating = await describeImage(conn, { imageName: 'edited-image' });
      assert.deepEqual(
        [updating.imageStatus, updating.displayName, updating.description, updating.roleArn],
        ['UPDATING', 'After', 'Old', OTHER_ROLE],
      );

      const e = await expectAwsError(updateImage(conn, { imageName: 'edited-image', description: 'Again' }), 'conflict');
      assert.match(
        e.message,
        /^SageMaker refused UpdateImage for image “edited-image” in us-east-1 because it is in use or still changing: .* wait for that to finish, then retry\.$/,
      );
      emu().completeTransitions();
      assert.equal((await describeImage(conn, { imageName: 'edited-image' })).imageStatus, 'CREATED');
    });

    it('deleteProperties clears the display name and description', async function () {
      await createImage(conn, { imageName: 'cleared-image', roleArn: ROLE, displayName: 'Shown', description: 'Text' });
      emu().completeTransitions();
      emu().clearRequests();
      await updateImage(conn, { imageName: 'cleared-image', deleteProperties: ['DisplayName', 'Description'] });
      assert.deepEqual(log(), [['UpdateImage', { ImageName: 'cleared-image', DeleteProperties: ['DisplayName', 'Description'] }]]);
      emu().completeTransitions();
      const d = await describeImage(conn, { imageName: 'cleared-image' });
      assert.deepEqual([d.displayName, d.description, d.roleArn], [undefined, undefined, ROLE]);
    });

    it('of an image that does not exist: notFound naming the image', async function () {
      const e = await expectAwsError(updateImage(conn, { imageName: 'ghost-image', description: 'x' }), 'notFound');
      assert.match(e.message, /^Image “ghost-image” was not found in us-east-1\. It may have been deleted/);
    });
  });

  describe('updateImageVersion', function () {
    it('sends the selector and what changed; aliases are added and removed', async function () {
      await createdImage('aliased-image');
      await createdVersion('aliased-image', ['old', 'keep']);
      const out = await updateImageVersion(conn, {
        imageName: 'aliased-image',
        version: 1,
        aliasesToAdd: ['new'],
        aliasesToDelete: ['old'],
        jobType: 'TRAINING',
        processor: 'CPU',
        horovod: true,
        vendorGuidance: 'TO_BE_ARCHIVED',
        releaseNotes: 'Edited',
      });
      assert.deepEqual(out, { imageVersionArn: 'arn:aws:sagemaker:us-east-1:123456789012:image-version/aliased-image/1' });
      assert.deepEqual(log(), [
        [
          'UpdateImageVersion',
          {
            ImageName: 'aliased-image',
            Version: 1,
            AliasesToAdd: ['new'],
            AliasesToDelete: ['old'],
            VendorGuidance: 'TO_BE_ARCHIVED',
            JobType: 'TRAINING',
            Processor: 'CPU',
            Horovod: true,
            ReleaseNotes: 'Edited',
          },
        ],
      ]);
      assert.deepEqual((await listAllAliases(conn, { imageName: 'aliased-image', version: 1 })).sort(), ['keep', 'new']);
      const v = await describeImageVersion(conn, { imageName: 'aliased-image', alias: 'new' });
      assert.deepEqual(
        [v.jobType, v.processor, v.horovod, v.vendorGuidance, v.releaseNotes],
        ['TRAINING', 'CPU', true, 'TO_BE_ARCHIVED', 'Edited'],
      );
    });

    it('by alias sends Alias and no Version', async function () {
      await createdImage('by-alias-image');
      await createdVersion('by-alias-image', ['prod']);
      await updateImageVersion(conn, { imageName: 'by-alias-image', alias: 'prod', mlFramework: 'TensorFlow 2.15.1' });
      assert.deepEqual(log(), [['UpdateImageVersion', { ImageName: 'by-alias-image', Alias: 'prod', MLFramework: 'TensorFlow 2.15.1' }]]);
    });

    it('while the version is CREATING: a conflict naming the version and saying to wait', async function () {
      await createdImage('busy-version-image');
      await createImageVersion(conn, { imageName: 'busy-version-image', baseImage: BASE, clientToken: 'busy-version' });
      const e = await expectAwsError(
        updateImageVersion(conn, { imageName: 'busy-version-image', version: 1, releaseNotes: 'Early' }),
        'conflict',
      );
      assert.match(
        e.message,
        /^SageMaker refused UpdateImageVersion for version 1 of image “busy-version-image” in us-east-1 because it is in use/,
      );
      assert.match(e.message, /wait for that to finish, then retry\.$/);
      emu().completeTransitions();
    });

    it('of a version that does not exist: notFound naming the version, or the alias', async function () {
      await createdImage('sparse-image');
      const byNumber = await expectAwsError(
        updateImageVersion(conn, { imageName: 'sparse-image', version: 9, releaseNotes: 'x' }),
        'notFound',
      );
      assert.match(byNumber.message, /^Version 9 of image “sparse-image” was not found in us-east-1\./);
      const byAlias = await expectAwsError(
        updateImageVersion(conn, { imageName: 'sparse-image', alias: 'nope', releaseNotes: 'x' }),
        'notFound',
      );
      assert.match(byAlias.message, /^Image “sparse-image” or its alias “nope” was not found in us-east-1\./);
    });
  });

  describe('deleteImageVersion', function () {
    it('sends the selector and answers {}; the version is DELETING (deleting it again is a conflict), then gone (notFound)', async function () {
      await createdImage('retired-image');
      await createdVersion('retired-image');
      await createdVersion('retired-image', ['latest']);
      assert.deepEqual(await deleteImageVersion(conn, { imageName: 'retired-image', alias: 'latest' }), {});
      assert.deepEqual(log(), [['DeleteImageVersion', { ImageName: 'retired-image', Alias: 'latest' }]]);
      assert.equal((await describeImageVersion(conn, { imageName: 'retired-image', version: 2 })).imageVersionStatus, 'DELETING');
      const again = await expectAwsError(deleteImageVersion(conn, { imageName: 'retired-image', version: 2 }), 'conflict');
      assert.match(again.message, /^SageMaker refused DeleteImageVersion for version 2 of image “retired-image”/);

      emu().completeTransitions();
      const gone = await expectAwsError(describeImageVersion(conn, { imageName: 'retired-image', version: 2 }), 'notFound');
      assert.match(gone.message, /^Version 2 of image “retired-image” was not found/);
      const goneAgain = await expectAwsError(deleteImageVersion(conn, { imageName: 'retired-image', version: 2 }), 'notFound');
      assert.match(goneAgain.message, /^Version 2 of image “retired-image” was not found in us-east-1\. It may have been deleted/);
      assert.deepEqual(
        (await listImageVersionsPage(conn, { imageName: 'retired-image' })).items.map((v) => v.version),
        [1],
      );
    });
  });

  describe('deleteImage', function () {
    it('answers {}; the image is DELETING (every write to it meanwhile is a conflict), then it and its versions are gone', async function () {
      await createdImage('doomed-image');
      await createdVersion('doomed-image');
      assert.deepEqual(await deleteImage(conn, { imageName: 'doomed-image' }), {});
      assert.deepEqual(log(), [['DeleteImage', { ImageName: 'doomed-image' }]]);
      assert.equal((await describeImage(conn, { imageName: 'doomed-image' })).imageStatus, 'DELETING');
      await expectAwsError(deleteImage(conn, { imageName: 'doomed-image' }), 'conflict');
      await expectAwsError(updateImage(conn, { imageName: 'doomed-image', description: 'x' }), 'conflict');
      await expectAwsError(createImage(conn, { imageName: 'doomed-image', roleArn: ROLE }), 'conflict');

      emu().completeTransitions();
      const gone = await expectAwsError(describeImage(conn, { imageName: 'doomed-image' }), 'notFound');
      assert.match(gone.message, /^Image “doomed-image” was not found/);
      await expectAwsError(describeImageVersion(conn, { imageName: 'doomed-image', version: 1 }), 'notFound');
      await expectAwsError(deleteImage(conn, { imageName: 'doomed-image' }), 'notFound');
    });

    it('while a version is CREATING: a conflict', async function () {
      await createdImage('parent-image');
      await createImageVersion(conn, { imageName: 'parent-image', baseImage: BASE, clientToken: 'parent-1' });
      const e = await expectAwsError(deleteImage(conn, { imageName: 'parent-image' }), 'conflict');
      assert.match(e.message, /^SageMaker refused DeleteImage for image “parent-image”/);
      emu().completeTransitions();
    });
  });

  describe('invalid input is refused client-side: nothing is sent, and the message says what is wrong', function () {
    type Invalid<K extends OperationName> = [K, OperationInput<K>, RegExp];
    const long = (n: number) => 'x'.repeat(n);
    const CASES: Invalid<OperationName>[] = [
      ['createImage', { imageName: 'bad_name', roleArn: ROLE }, /is not a valid image name/],
      ['createImage', { imageName: 'ok-image', roleArn: '' }, /A role ARN is required/],
      ['createImage', { imageName: 'ok-image', roleArn: 'arn:aws:iam::123:role/TooShortAccount' }, /Role ARNs look like/],
      ['createImage', { imageName: 'ok-image', roleArn: ROLE, displayName: ' padded' }, /Display names are 1–128 characters/],
      [
        'createImage',
        { imageName: 'ok-image', roleArn: ROLE, description: long(513) },
        /Descriptions are 1–512 characters.*This one has 513/,
      ],
      ['createImage', { imageName: 'ok-image', roleArn: ROLE, tags: [{ key: 'k*', value: 'v' }] }, /Tag key “k\*” cannot be used/],
      [
        'createImage',
        { imageName: 'ok-image', roleArn: ROLE, tags: [{ key: 'k', value: long(257) }] },
        /The value of tag “k” cannot be used/,
      ],
      [
        'createImage',
        { imageName: 'ok-image', roleArn: ROLE, tags: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: '' })) },
        /at most 50 tags/,
      ],
      ['createImageVersion', { imageName: 'ok-image', baseImage: '', clientToken: 't' }, /A base image .* is required/],
      ['createImageVersion', { imageName: 'ok-image', baseImage: long(256), clientToken: 't' }, /Base images are .*1–255 characters/],
      ['createImageVersion', { imageName: 'ok-image', baseImage: BASE, clientToken: '' }, /A client token is required/],
      ['createImageVersion', { imageName: 'ok-image', baseImage: BASE, clientToken: long(37) }, /1–36 letters, digits and hyphens/],
      ['createImageVersion', { imageName: 'ok-image', baseImage: BASE, clientToken: 't', aliases: ['-x'] }, /Alias “-x” cannot be used/],
      [
        'createImageVersion',
        { imageName: 'ok-image', baseImage: BASE, clientToken: 't', aliases: ['a', 'a'] },
        /Alias “a” is listed twice/,
      ],
      [
        'createImageVersion',
        { imageName: 'ok-image', baseImage: BASE, clientToken: 't', jobType: 'TRAIN' },
        /Job type must be one of TRAINING, INFERENCE, NOTEBOOK_KERNEL, not "TRAIN"/,
      ],
      [
        'createImageVersion',
        { imageName: 'ok-image', baseImage: BASE, clientToken: 't', processor: 'TPU' },
        /Processor must be one of CPU, GPU/,
      ],
      [
        'createImageVersion',
        { imageName: 'ok-image', baseImage: BASE, clientToken: 't', vendorGuidance: 'OK' },
        /Vendor guidance must be one of NOT_PROVIDED/,
      ],
      [
        'createImageVersion',
        { imageName: 'ok-image', baseImage: BASE, clientToken: 't', mlFramework: 'PyTorch' },
        /ML frameworks are a name of letters/,
      ],
      [
        'createImageVersion',
        { imageName: 'ok-image', baseImage: BASE, clientToken: 't', programmingLang: 'py3' },
        /Programming languages are/,
      ],
      [
        'createImageVersion',
        { imageName: 'ok-image', baseImage: BASE, clientToken: 't', releaseNotes: '' },
        /Release notes are 1–255 characters/,
      ],
      [
        'createImageVersion',
        { imageName: 'ok-image', baseImage: BASE, clientToken: 't', horovod: 'yes' as unknown as boolean },
        /Horovod must be true or false/,
      ],
      ['updateImage', { imageName: 'ok-image' }, /Nothing to change on image “ok-image”/],
      ['updateImage', { imageName: 'ok-image', roleArn: 'arn:aws:s3:::bucket/key-long' }, /Role ARNs look like/],
      [
        'updateImage',
        { imageName: 'ok-image', description: 'x', deleteProperties: ['Description'] },
        /Description cannot be both set and cleared/,
      ],
      [
        'updateImage',
        { imageName: 'ok-image', deleteProperties: ['RoleArn' as 'Description'] },
        /Only DisplayName, Description can be cleared on an image, each once/,
      ],
      ['updateImageVersion', { imageName: 'ok-image', releaseNotes: 'x' }, /Say which version: a version number or an alias/],
      ['updateImageVersion', { imageName: 'ok-image', version: 1, alias: 'a', releaseNotes: 'x' }, /not both/],
      ['updateImageVersion', { imageName: 'ok-image', version: 1 }, /Nothing to change on this version/],
      ['updateImageVersion', { imageName: 'ok-image', version: 1, aliasesToAdd: ['a'], aliasesToDelete: ['a'] }, /both added and removed/],
      ['updateImageVersion', { imageName: 'ok-image', version: 1, aliasesToDelete: ['.x'] }, /Alias “\.x” cannot be used/],
      ['updateImageVersion', { imageName: 'ok-image', version: -1, releaseNotes: 'x' }, /Version must be a whole number/],
      ['deleteImage', { imageName: '' }, /An image name is required/],
      ['deleteImage', { imageName: long(64) }, /longer than 63 characters/],
      ['deleteImageVersion', { imageName: 'ok-image' }, /Say which version/],
      ['deleteImageVersion', { imageName: 'ok-image', alias: 'a'.repeat(129) }, /is not a valid alias/],
    ];
    const FNS: { [K in OperationName]?: (c: SageMakerConnection, input: never) => Promise<unknown> } = {
      createImage,
      createImageVersion,
      updateImage,
      updateImageVersion,
      deleteImage,
      deleteImageVersion,
    };

    for (const [name, input, message] of CASES) {
      it(`${name} ${JSON.stringify(input).slice(0, 90)}`, async function () {
        const fn = FNS[name] ?? assert.fail(`no write ${name}`);
        const e = await fn(conn, input as never).then(
          () => assert.fail('an invalid input was accepted'),
          (error: unknown) => error,
        );
        assert.ok(isAwsError(e), `expected an AwsError, got ${String(e)}`);
        assert.equal(e.kind, 'validation');
        assert.equal(e.details.code, 'ClientValidation');
        assert.match(e.message, message);
        assert.ok(e.message.length < 500, 'the message does not quote a long input whole');
        assert.deepEqual(emu().calls(), [], 'the emulator saw no request');
      });
    }
  });

  describe('refusals the service makes for any write', function () {
    const WRITES: [string, () => Promise<unknown>][] = [
      ['CreateImage', () => createImage(conn, { imageName: 'denied-image', roleArn: ROLE })],
      ['CreateImageVersion', () => createImageVersion(conn, { imageName: 'denied-image', baseImage: BASE, clientToken: 'denied' })],
      ['UpdateImage', () => updateImage(conn, { imageName: 'denied-image', description: 'x' })],
      ['UpdateImageVersion', () => updateImageVersion(conn, { imageName: 'denied-image', version: 1, releaseNotes: 'x' })],
      ['DeleteImage', () => deleteImage(conn, { imageName: 'denied-image' })],
      ['DeleteImageVersion', () => deleteImageVersion(conn, { imageName: 'denied-image', version: 1 })],
    ];

    for (const [operation, call] of WRITES) {
      it(`AccessDenied on ${operation} names the IAM action sagemaker:${operation}`, async function () {
        emu().faults.add({
          kind: 'error',
          operation,
          code: 'AccessDeniedException',
          status: 400,
          message: `User: arn:aws:sts::123456789012:assumed-role/Dev/me is not authorized to perform: sagemaker:${operation}`,
        });
        const e = await expectAwsError(call(), 'accessDenied');
        assert.ok(e.message.includes(`is not allowed sagemaker:${operation}.`), e.message);
        assert.equal(emu().calls(operation).length, 1);
      });
    }

    it('ResourceLimitExceeded is limitExceeded, naming the operation and the image', async function () {
      emu().faults.add({
        kind: 'error',
        operation: 'CreateImage',
        code: 'ResourceLimitExceeded',
        status: 400,
        message: 'The account-level service limit for images is 100.',
      });
      const e = await expectAwsError(createImage(conn, { imageName: 'one-too-many', roleArn: ROLE }), 'limitExceeded');
      assert.equal(e.retryable, false);
      assert.match(
        e.message,
        /^SageMaker refused CreateImage for image “one-too-many” in us-east-1: the account has reached a SageMaker limit\. The account-level service limit for images is 100\./,
      );
    });
  });
});
