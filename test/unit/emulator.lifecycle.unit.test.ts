/**
 * Contract tests of the emulator's lifecycle (issue 15, section 4), through the real
 * @aws-sdk/client-sagemaker over HTTP: writes pass through CREATING, UPDATING and DELETING as the
 * service's do, the service's recorded answers for a write at the wrong moment
 * (/work/shared/reference/sagemaker-images-model.json, "examples"), ClientToken idempotency and
 * version numbers that are never reused. Transitions run in 'manual' mode, so each test looks at
 * the transient state for as long as it needs and ends it with completeTransitions(); the one
 * timed test waits for the settled event, never for a sleep.
 */
import * as assert from 'node:assert/strict';
import {
  CreateImageCommand,
  CreateImageVersionCommand,
  DeleteImageCommand,
  DeleteImageVersionCommand,
  DescribeImageCommand,
  DescribeImageVersionCommand,
  ListImagesCommand,
  ListImageVersionsCommand,
  ResourceInUse,
  ResourceNotFound,
  UpdateImageCommand,
  UpdateImageVersionCommand,
  type CreateImageVersionCommandInput,
} from '@aws-sdk/client-sagemaker';
import type { SageMakerConnection } from '../../src/aws/clientFactory';
import { SageMakerEmulator, type EmulatorOptions } from '../emulator/server';
import { assertCoral, connect, control, rawCall, rejection } from './helpers';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerStudioImageRole';
const OTHER_ROLE = 'arn:aws:iam::123456789012:role/OtherStudioRole';

/** One emulator per describe, with the given options, and an SDK connection to it. */
function useLifecycleEmulator(options: EmulatorOptions): { emu: () => SageMakerEmulator; sdk: () => SageMakerConnection['client'] } {
  let emulator: SageMakerEmulator | undefined;
  let conn: SageMakerConnection | undefined;
  before(async function () {
    emulator = new SageMakerEmulator({ port: 0, ...options });
    await emulator.start();
    conn = await connect(emulator);
  });
  after(async function () {
    conn?.client.destroy();
    await emulator?.stop();
    emulator = conn = undefined;
  });
  return {
    emu: () => emulator ?? assert.fail('emulator not started'),
    sdk: () => conn?.client ?? assert.fail('not connected'),
  };
}

describe('emulator lifecycle: writes pass through the service’s transient states', function () {
  const { emu, sdk } = useLifecycleEmulator({ transitionMs: 'manual' });

  /** Creates an image and ends its CREATING, so versions can be made. */
  async function createdImage(name: string): Promise<void> {
    await sdk().send(new CreateImageCommand({ ImageName: name, RoleArn: ROLE }));
    assert.equal(emu().completeTransitions({ image: name }), 1);
  }

  function createVersion(input: Partial<CreateImageVersionCommandInput> & { ImageName: string; ClientToken: string }) {
    return sdk().send(new CreateImageVersionCommand({ BaseImage: 'repo/app:1', ...input }));
  }

  it('CreateImage answers at once with the image CREATING (in DescribeImage and ListImages), then CREATED when the transition ends', async function () {
    const out = await sdk().send(new CreateImageCommand({ ImageName: 'life-image', RoleArn: ROLE, DisplayName: 'Life' }));
    assert.equal(out.ImageArn, 'arn:aws:sagemaker:us-east-1:123456789012:image/life-image');
    assert.equal((await sdk().send(new DescribeImageCommand({ ImageName: 'life-image' }))).ImageStatus, 'CREATING');
    const listed = await sdk().send(new ListImagesCommand({ NameContains: 'life-image' }));
    assert.deepEqual(
      listed.Images?.map((i) => [i.ImageName, i.ImageStatus]),
      [['life-image', 'CREATING']],
    );
    assert.deepEqual(emu().pendingTransitions(), [{ region: 'us-east-1', image: 'life-image', from: 'CREATING', to: 'CREATED' }]);

    assert.equal(emu().completeTransitions(), 1);
    assert.equal((await sdk().send(new DescribeImageCommand({ ImageName: 'life-image' }))).ImageStatus, 'CREATED');
    assert.deepEqual(emu().pendingTransitions(), []);
  });

  it('while an image is CREATING: CreateImageVersion is the recorded ValidationException, UpdateImage and DeleteImage are ResourceInUse', async function () {
    await sdk().send(new CreateImageCommand({ ImageName: 'busy-image', RoleArn: ROLE }));
    const version = await rejection(createVersion({ ImageName: 'busy-image', ClientToken: 'busy-1' }));
    assert.equal(version.name, 'ValidationException');
    assert.equal(version.message, 'Image busy-image is in an invalid state.');
    const update = await rejection(sdk().send(new UpdateImageCommand({ ImageName: 'busy-image', Description: 'too early' })));
    assert.ok(update instanceof ResourceInUse, `got ${update.name}`);
    const del = await rejection(sdk().send(new DeleteImageCommand({ ImageName: 'busy-image' })));
    assert.ok(del instanceof ResourceInUse, `got ${del.name}`);
    // Nothing of it was applied: the image is still CREATING, with no version and its description unset.
    const d = await sdk().send(new DescribeImageCommand({ ImageName: 'busy-image' }));
    assert.equal(d.ImageStatus, 'CREATING');
    assert.equal(d.Description, undefined);
    emu().completeTransitions();
    assert.deepEqual((await sdk().send(new ListImageVersionsCommand({ ImageName: 'busy-image' }))).ImageVersions, []);
  });

  it('CreateImage of an existing name is ResourceInUse with the service’s recorded message, in any state', async function () {
    await sdk().send(new CreateImageCommand({ ImageName: 'taken-image', RoleArn: ROLE }));
    for (const moment of ['CREATING', 'CREATED']) {
      const again = await rejection(sdk().send(new CreateImageCommand({ ImageName: 'taken-image', RoleArn: ROLE })));
      assert.ok(again instanceof ResourceInUse, `${moment}: got ${again.name}`);
      assert.equal(again.message, 'The Image with ImageName taken-image already exists. Please use a different ImageName.');
      emu().completeTransitions();
    }
  });

  it('CreateImageVersion answers with the version CREATING, then CREATED; while CREATING it can be neither updated nor deleted (ResourceInUse)', async function () {
    await createdImage('versions-image');
    const out = await createVersion({ ImageName: 'versions-image', ClientToken: 'v-1', Aliases: ['first'] });
    assert.equal(out.ImageVersionArn, 'arn:aws:sagemaker:us-east-1:123456789012:image-version/versions-image/1');
    const creating = await sdk().send(new DescribeImageVersionCommand({ ImageName: 'versions-image', Version: 1 }));
    assert.equal(creating.ImageVersionStatus, 'CREATING');
    assert.equal(creating.FailureReason, undefined);

    const update = await rejection(
      sdk().send(new UpdateImageVersionCommand({ ImageName: 'versions-image', Version: 1, ReleaseNotes: 'too early' })),
    );
    assert.ok(update instanceof ResourceInUse, `got ${update.name}`);
    const del = await rejection(sdk().send(new DeleteImageVersionCommand({ ImageName: 'versions-image', Alias: 'first' })));
    assert.ok(del instanceof ResourceInUse, `got ${del.name}`);
    // Deleting the image while one of its versions is CREATING is refused too.
    const delImage = await rejection(sdk().send(new DeleteImageCommand({ ImageName: 'versions-image' })));
    assert.ok(delImage instanceof ResourceInUse, `got ${delImage.name}`);

    assert.deepEqual(emu().pendingTransitions(), [
      { region: 'us-east-1', image: 'versions-image', version: 1, from: 'CREATING', to: 'CREATED' },
    ]);
    emu().completeTransitions();
    const created = await sdk().send(new DescribeImageVersionCommand({ ImageName: 'versions-image', Alias: 'first' }));
    assert.equal(created.Version, 1);
    assert.equal(created.ImageVersionStatus, 'CREATED');
    const listed = await sdk().send(new ListImageVersionsCommand({ ImageName: 'versions-image' }));
    assert.deepEqual(
      listed.ImageVersions?.map((v) => [v.Version, v.ImageVersionStatus]),
      [[1, 'CREATED']],
    );
  });

  it('a BaseImage tagged :fail-create (the documented failure marker) ends in CREATE_FAILED with a FailureReason', async function () {
    await createdImage('failing-image');
    await createVersion({ ImageName: 'failing-image', ClientToken: 'fail-1', BaseImage: 'repo/app:fail-create' });
    assert.deepEqual(
      emu()
        .pendingTransitions()
        .map((t) => [t.version, t.from, t.to]),
      [[1, 'CREATING', 'CREATE_FAILED']],
    );
    emu().completeTransitions();
    const v = await sdk().send(new DescribeImageVersionCommand({ ImageName: 'failing-image', Version: 1 }));
    assert.equal(v.ImageVersionStatus, 'CREATE_FAILED');
    assert.match(v.FailureReason ?? '', /repo\/app:fail-create/);
    // A tag that merely contains the words does not fail.
    await createVersion({ ImageName: 'failing-image', ClientToken: 'fail-2', BaseImage: 'repo/app:fail-create-not' });
    emu().completeTransitions();
    assert.equal(
      (await sdk().send(new DescribeImageVersionCommand({ ImageName: 'failing-image', Version: 2 }))).ImageVersionStatus,
      'CREATED',
    );
  });

  it('UpdateImage answers with the image UPDATING, then CREATED; it sets DisplayName, Description and RoleArn, and DeleteProperties clears', async function () {
    await sdk().send(new CreateImageCommand({ ImageName: 'edited-image', RoleArn: ROLE, DisplayName: 'Before', Description: 'Old text' }));
    emu().completeTransitions();
    const out = await sdk().send(new UpdateImageCommand({ ImageName: 'edited-image', DisplayName: 'After', RoleArn: OTHER_ROLE }));
    assert.equal(out.ImageArn, 'arn:aws:sagemaker:us-east-1:123456789012:image/edited-image');
    let d = await sdk().send(new DescribeImageCommand({ ImageName: 'edited-image' }));
    assert.deepEqual([d.ImageStatus, d.DisplayName, d.Description, d.RoleArn], ['UPDATING', 'After', 'Old text', OTHER_ROLE]);
    const twice = await rejection(sdk().send(new UpdateImageCommand({ ImageName: 'edited-image', DisplayName: 'Again' })));
    assert.ok(twice instanceof ResourceInUse, `got ${twice.name}`);
    emu().completeTransitions();
    assert.equal((await sdk().send(new DescribeImageCommand({ ImageName: 'edited-image' }))).ImageStatus, 'CREATED');

    await sdk().send(new UpdateImageCommand({ ImageName: 'edited-image', DeleteProperties: ['Description', 'DisplayName'] }));
    emu().completeTransitions();
    d = await sdk().send(new DescribeImageCommand({ ImageName: 'edited-image' }));
    assert.deepEqual([d.ImageStatus, d.DisplayName, d.Description, d.RoleArn], ['CREATED', undefined, undefined, OTHER_ROLE]);
  });

  it('UpdateImage and DeleteImage are validated against the model’s shapes (nothing applied on a refusal)', async function () {
    await createdImage('checked-image');
    const property = await rejection(sdk().send(new UpdateImageCommand({ ImageName: 'checked-image', DeleteProperties: ['RoleArn'] })));
    assert.equal(property.name, 'ValidationException');
    assertCoral(
      property.message,
      'deleteProperties.1.member',
      'Member must satisfy regular expression pattern: (^DisplayName$)|(^Description$)',
    );
    const tooMany = await rejection(
      sdk().send(new UpdateImageCommand({ ImageName: 'checked-image', DeleteProperties: ['Description', 'DisplayName', 'Description'] })),
    );
    assertCoral(tooMany.message, 'deleteProperties', 'Member must have length less than or equal to 2');
    const role = await rejection(
      sdk().send(new UpdateImageCommand({ ImageName: 'checked-image', RoleArn: 'arn:aws:s3:::bucket/key-long' })),
    );
    assertCoral(role.message, 'roleArn', 'Member must satisfy regular expression pattern: ^arn:aws');
    const both = await rejection(
      sdk().send(new UpdateImageCommand({ ImageName: 'checked-image', Description: 'new', DeleteProperties: ['Description'] })),
    );
    assert.equal(both.name, 'ValidationException');
    const name = await rejection(sdk().send(new DeleteImageCommand({ ImageName: '-bad-' })));
    assertCoral(name.message, 'imageName', 'Member must satisfy regular expression pattern: ');
    const missing = await rawCall(emu().url, 'DeleteImage', {});
    assert.equal(missing.status, 400);
    assertCoral(String(missing.json().Message), 'imageName', 'Member must not be null');
    const ghost = await rejection(sdk().send(new UpdateImageCommand({ ImageName: 'ghost-image', Description: 'x' })));
    assert.ok(ghost instanceof ResourceNotFound, `got ${ghost.name}`);
    assert.deepEqual(emu().pendingTransitions(), []);
    assert.equal((await sdk().send(new DescribeImageCommand({ ImageName: 'checked-image' }))).ImageStatus, 'CREATED');
  });

  it('DeleteImageVersion answers {} with the version DELETING, then it is gone (ResourceNotFound); deleting it again meanwhile is ResourceInUse', async function () {
    await createdImage('retired-image');
    await createVersion({ ImageName: 'retired-image', ClientToken: 'r-1' });
    await createVersion({ ImageName: 'retired-image', ClientToken: 'r-2', BaseImage: 'repo/app:2', Aliases: ['latest'] });
    emu().completeTransitions();

    const raw = await rawCall(emu().url, 'DeleteImageVersion', { ImageName: 'retired-image', Alias: 'latest' });
    assert.equal(raw.status, 200);
    assert.equal(raw.text, '{}');
    const deleting = await sdk().send(new DescribeImageVersionCommand({ ImageName: 'retired-image', Version: 2 }));
    assert.equal(deleting.ImageVersionStatus, 'DELETING');
    const again = await rejection(sdk().send(new DeleteImageVersionCommand({ ImageName: 'retired-image', Version: 2 })));
    assert.ok(again instanceof ResourceInUse, `got ${again.name}`);

    emu().completeTransitions();
    const gone = await rejection(sdk().send(new DescribeImageVersionCommand({ ImageName: 'retired-image', Version: 2 })));
    assert.ok(gone instanceof ResourceNotFound, `got ${gone.name}`);
    const alias = await rejection(sdk().send(new DescribeImageVersionCommand({ ImageName: 'retired-image', Alias: 'latest' })));
    assert.ok(alias instanceof ResourceNotFound, `got ${alias.name}`);
    const left = await sdk().send(new ListImageVersionsCommand({ ImageName: 'retired-image' }));
    assert.deepEqual(
      left.ImageVersions?.map((v) => v.Version),
      [1],
    );
  });

  it('version numbers are never reused: after the latest version is deleted, the next one gets the next number', async function () {
    await createdImage('numbered-image');
    for (const token of ['n-1', 'n-2', 'n-3']) await createVersion({ ImageName: 'numbered-image', ClientToken: token });
    emu().completeTransitions();
    await sdk().send(new DeleteImageVersionCommand({ ImageName: 'numbered-image', Version: 3 }));
    emu().completeTransitions();
    const next = await createVersion({ ImageName: 'numbered-image', ClientToken: 'n-4' });
    assert.equal(next.ImageVersionArn, 'arn:aws:sagemaker:us-east-1:123456789012:image-version/numbered-image/4');
    emu().completeTransitions();
    const latest = await sdk().send(new DescribeImageVersionCommand({ ImageName: 'numbered-image' }));
    assert.equal(latest.Version, 4);
  });

  it('ClientToken: the same token with the same input answers the same version and makes no second one; with other input it is a ValidationException', async function () {
    await createdImage('token-image');
    await createdImage('token-other');
    const input = { ImageName: 'token-image', ClientToken: 'retry-me', BaseImage: 'repo/app:7', Aliases: ['seven'], ReleaseNotes: 'Seven' };
    const first = await createVersion(input);
    // The retry comes while the first is still CREATING, and again after it ended.
    const retry = await createVersion({ ...input });
    emu().completeTransitions();
    const late = await createVersion({ ...input });
    assert.equal(retry.ImageVersionArn, first.ImageVersionArn);
    assert.equal(late.ImageVersionArn, first.ImageVersionArn);
    const listed = await sdk().send(new ListImageVersionsCommand({ ImageName: 'token-image' }));
    assert.equal(listed.ImageVersions?.length, 1);
    assert.equal(
      emu()
        .calls('CreateImageVersion')
        .filter((c) => c.params.ClientToken === 'retry-me').length,
      3,
    );

    for (const other of [{ BaseImage: 'repo/app:8' }, { ReleaseNotes: 'Eight' }, { Aliases: [] }, { ImageName: 'token-other' }]) {
      const e = await rejection(createVersion({ ...input, ...other }));
      assert.equal(e.name, 'ValidationException', JSON.stringify(other));
      assert.match(e.message, /ClientToken retry-me was already used with different parameters/);
    }
    assert.equal((await sdk().send(new ListImageVersionsCommand({ ImageName: 'token-image' }))).ImageVersions?.length, 1);
    assert.deepEqual((await sdk().send(new ListImageVersionsCommand({ ImageName: 'token-other' }))).ImageVersions, []);
  });

  it('DeleteImage answers {} with the image DELETING, then the image and its versions are gone; its name is taken until then', async function () {
    await createdImage('doomed-image');
    await createVersion({ ImageName: 'doomed-image', ClientToken: 'd-1' });
    emu().completeTransitions();
    const raw = await rawCall(emu().url, 'DeleteImage', { ImageName: 'doomed-image' });
    assert.equal(raw.status, 200);
    assert.equal(raw.text, '{}');
    assert.equal((await sdk().send(new DescribeImageCommand({ ImageName: 'doomed-image' }))).ImageStatus, 'DELETING');
    for (const refused of [
      new UpdateImageCommand({ ImageName: 'doomed-image', Description: 'x' }),
      new DeleteImageCommand({ ImageName: 'doomed-image' }),
      new CreateImageCommand({ ImageName: 'doomed-image', RoleArn: ROLE }),
      new DeleteImageVersionCommand({ ImageName: 'doomed-image', Version: 1 }),
    ]) {
      const e = await rejection(sdk().send(refused as never));
      assert.ok(e instanceof ResourceInUse, `${refused.constructor.name}: got ${e.name}`);
    }
    const version = await rejection(createVersion({ ImageName: 'doomed-image', ClientToken: 'd-2' }));
    assert.equal(version.message, 'Image doomed-image is in an invalid state.');

    emu().completeTransitions();
    for (const command of [
      new DescribeImageCommand({ ImageName: 'doomed-image' }),
      new ListImageVersionsCommand({ ImageName: 'doomed-image' }),
      new DescribeImageVersionCommand({ ImageName: 'doomed-image', Version: 1 }),
    ]) {
      const e = await rejection(sdk().send(command as never));
      assert.ok(e instanceof ResourceNotFound, `${command.constructor.name}: got ${e.name}`);
    }
    assert.deepEqual((await sdk().send(new ListImagesCommand({ NameContains: 'doomed-image' }))).Images, []);
  });

  it('a transition never overwrites what changed meanwhile: a row edited or removed before its end keeps that change', async function () {
    await sdk().send(new CreateImageCommand({ ImageName: 'edited-meanwhile', RoleArn: ROLE }));
    emu().region('us-east-1').images.get('edited-meanwhile')!.status = 'CREATE_FAILED';
    emu().completeTransitions();
    assert.equal((await sdk().send(new DescribeImageCommand({ ImageName: 'edited-meanwhile' }))).ImageStatus, 'CREATE_FAILED');
  });

  it('the control routes list pending transitions and end them over HTTP (for the AWS CLI, the demo and out-of-process tests)', async function () {
    await sdk().send(new CreateImageCommand({ ImageName: 'routed-image', RoleArn: ROLE }));
    const listed = await control(emu().url, 'GET', '/_emulator/transitions');
    assert.deepEqual(listed.json(), [{ region: 'us-east-1', image: 'routed-image', from: 'CREATING', to: 'CREATED' }]);
    const settled = control(emu().url, 'GET', '/_emulator/transitions/settled?timeoutMs=10000');
    const completed = await control(emu().url, 'POST', '/_emulator/transitions/complete?image=routed-image');
    assert.deepEqual(completed.json(), { completed: 1 });
    assert.deepEqual((await settled).json(), { settled: true });
    assert.equal((await sdk().send(new DescribeImageCommand({ ImageName: 'routed-image' }))).ImageStatus, 'CREATED');
    const health = await control(emu().url, 'GET', '/_emulator/health');
    assert.equal(health.json().transitionMs, 'manual');
    const bad = await control(emu().url, 'POST', '/_emulator/transition-ms', { ms: -1 });
    assert.equal(bad.status, 400);
  });
});

describe('emulator lifecycle: timed transitions end by themselves', function () {
  const { emu, sdk } = useLifecycleEmulator({ transitionMs: 25 });

  it('with transitionMs, a created image and version reach CREATED and a deleted version is gone, with no call to end them', async function () {
    await sdk().send(new CreateImageCommand({ ImageName: 'timed-image', RoleArn: ROLE }));
    // (Whether it is still CREATING here depends on the machine's speed: only the end is asserted.)
    await emu().transitionsSettled(10_000);
    assert.equal((await sdk().send(new DescribeImageCommand({ ImageName: 'timed-image' }))).ImageStatus, 'CREATED');

    await sdk().send(new CreateImageVersionCommand({ ImageName: 'timed-image', BaseImage: 'repo/app:1', ClientToken: 'timed-1' }));
    await emu().transitionsSettled(10_000);
    assert.equal(
      (await sdk().send(new DescribeImageVersionCommand({ ImageName: 'timed-image', Version: 1 }))).ImageVersionStatus,
      'CREATED',
    );

    await sdk().send(new DeleteImageVersionCommand({ ImageName: 'timed-image', Version: 1 }));
    await emu().transitionsSettled(10_000);
    const gone = await rejection(sdk().send(new DescribeImageVersionCommand({ ImageName: 'timed-image', Version: 1 })));
    assert.ok(gone instanceof ResourceNotFound, `got ${gone.name}`);
  });
});

describe('emulator lifecycle: the demo fixture’s transient rows', function () {
  describe('with transitions on, they move from the moment the fixture is loaded', function () {
    const { emu, sdk } = useLifecycleEmulator({ transitionMs: 'manual', fixture: 'demo' });

    it('every CREATING, UPDATING and DELETING row of the fixture is pending, and ends where the service would take it', async function () {
      const pending = emu().pendingTransitions();
      const key = (t: { image: string; version?: number }) => `${t.image}${t.version === undefined ? '' : `/${t.version}`}`;
      const byRow = new Map(pending.map((t) => [key(t), `${t.from}->${t.to}`]));
      assert.equal(byRow.get('scratch-image'), 'CREATING->CREATED');
      assert.equal(byRow.get('tensorflow-inference'), 'UPDATING->CREATED');
      assert.equal(byRow.get('pytorch-nightly-gpu/250'), 'CREATING->CREATED');
      assert.equal(byRow.get('pytorch-nightly-gpu/249'), 'DELETING->GONE');
      // Nothing else is pending: settled and failed rows do not move.
      const stored = [...emu().region('us-east-1').images.values()];
      const transient = (s: string) => ['CREATING', 'UPDATING', 'DELETING'].includes(s);
      const expected =
        stored.filter((i) => transient(i.status)).length + stored.flatMap((i) => i.versions).filter((v) => transient(v.status)).length;
      assert.equal(pending.length, expected);

      emu().completeTransitions();
      assert.equal((await sdk().send(new DescribeImageCommand({ ImageName: 'scratch-image' }))).ImageStatus, 'CREATED');
      assert.equal((await sdk().send(new DescribeImageCommand({ ImageName: 'tensorflow-inference' }))).ImageStatus, 'CREATED');
      assert.equal(
        (await sdk().send(new DescribeImageVersionCommand({ ImageName: 'pytorch-nightly-gpu', Version: 250 }))).ImageVersionStatus,
        'CREATED',
      );
      const gone = await rejection(sdk().send(new DescribeImageVersionCommand({ ImageName: 'pytorch-nightly-gpu', Version: 249 })));
      assert.ok(gone instanceof ResourceNotFound, `got ${gone.name}`);
    });

    it('a reset drops the old store’s transitions and starts the new fixture’s', async function () {
      const reset = await control(emu().url, 'POST', '/_emulator/reset?fixture=empty');
      assert.equal(reset.status, 200);
      assert.deepEqual(emu().pendingTransitions(), []);
      await control(emu().url, 'POST', '/_emulator/reset?fixture=demo');
      assert.ok(
        emu()
          .pendingTransitions()
          .some((t) => t.image === 'scratch-image'),
      );
    });
  });

  describe('by default (transitionMs 0, as the host and e2e suites run it), they stay as they are', function () {
    const { emu, sdk } = useLifecycleEmulator({ fixture: 'demo' });

    it('nothing is pending and the CREATING and DELETING rows keep their state', async function () {
      assert.deepEqual(emu().pendingTransitions(), []);
      assert.equal((await sdk().send(new DescribeImageCommand({ ImageName: 'scratch-image' }))).ImageStatus, 'CREATING');
      const nightly = (v: number) => sdk().send(new DescribeImageVersionCommand({ ImageName: 'pytorch-nightly-gpu', Version: v }));
      assert.equal((await nightly(250)).ImageVersionStatus, 'CREATING');
      assert.equal((await nightly(249)).ImageVersionStatus, 'DELETING');
      await emu().transitionsSettled(1);
    });

    it('and a write ends inside its request, as before the lifecycle (a new image is CREATED when CreateImage answers)', async function () {
      await sdk().send(new CreateImageCommand({ ImageName: 'instant-image', RoleArn: ROLE }));
      assert.equal((await sdk().send(new DescribeImageCommand({ ImageName: 'instant-image' }))).ImageStatus, 'CREATED');
      await sdk().send(new DeleteImageCommand({ ImageName: 'instant-image' }));
      const gone = await rejection(sdk().send(new DescribeImageCommand({ ImageName: 'instant-image' })));
      assert.ok(gone instanceof ResourceNotFound, `got ${gone.name}`);
    });
  });
});
