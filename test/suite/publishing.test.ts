/**
 * The write commands (issue 15) in the real host, end to end against the emulator through the SDK:
 * each command's form is answered by a scripted user (scriptedUi.ts: the real form code runs, with
 * its validation and Back), its modal is answered like a user would, and the assertions are on
 * what went over the wire (the emulator's request log: exact parameters), on the tree rows and on
 * the notifications. Transitions are manual here, so a row is seen in its transient state for as
 * long as the test looks, and ends when the test ends it (completeTransitions), never on a sleep.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ImageNode, VersionNode } from '../../src/tree/nodes';
import { SageMakerEmulator, type LoggedRequest } from '../emulator/server';
import { activateExtension, resetSettings, setSetting, settled, startCounting, useEndpoint, waitFor, findImage } from './helpers';
import { ScriptedUi, type Answer, type Dialog } from './scriptedUi';

const ACCOUNT = '123456789012';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/SageMakerStudioImageRole`;
const base = (image: string, tag: string) => `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/${image}:${tag}`;
const WHERE = new RegExp(`account ${ACCOUNT} · us-east-1 · profile \\S+`);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Create Image Version…'s ten steps with everything but the base image left as pre-filled. */
const quickCreate = (image: string, baseImage: string): Answer[] => [
  { type: baseImage },
  ...Array.from({ length: 8 }, () => 'enter' as const),
  { pick: `Create version of ${image}` },
];

/** Answers every dialog with buttons by the first label `labels` names (undefined: Esc). */
const press =
  (...labels: string[]) =>
  (d: Dialog): string | undefined =>
    labels.find((l) => d.items.includes(l));

describe('publishing: the write commands on the request log', function () {
  this.timeout(90_000);
  let api: ExtensionApi;
  let emulator: SageMakerEmulator;

  before(async () => {
    emulator = new SageMakerEmulator({ transitionMs: 'manual' });
    await emulator.start();
    emulator.seed({
      images: [
        { name: 'pub-create', versions: 2 },
        { name: 'pub-retry', versions: 1 },
        {
          name: 'pub-edit',
          versions: [{ aliases: ['stable'], mlFramework: 'PyTorch 2.4', releaseNotes: 'First.' }, {}],
        },
        { name: 'pub-alias', versions: [{ aliases: ['prod'] }, {}] },
        { name: 'pub-delete', versions: [{ aliases: ['old'] }, {}, {}] },
        { name: 'pub-image', displayName: 'Team image', description: 'For the team.', versions: 1 },
        { name: 'pub-image-delete', versions: 2 },
      ],
    });
    api = await activateExtension();
    await useEndpoint(emulator.url, 50);
    await setSetting('region', 'us-east-1');
    await vscode.commands.executeCommand('sagemakerImages.images.focus');
    await waitFor(() => api.view.visible, 'the view visible');
    // A write's follower polls with the live-status intervals: short here, so an end is seen soon after it happens.
    api.setLiveStatusIntervals({ baseMs: 200, maxMs: 400 });
  });

  beforeEach(async () => {
    emulator.faults.clear();
    api.tree.refresh();
    await startCounting(emulator);
  });

  after(async () => {
    api.setLiveStatusIntervals({});
    // Leave the view hidden, as the suites after this one expect: a visible view loads rows by itself, which those suites would count.
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor(() => !api.view.visible, 'the view hidden');
    await resetSettings('readOnly', 'region', 'pageSize', 'endpoint');
    await emulator.stop();
  });

  const image = (name: string): Promise<ImageNode> => findImage(api, name);

  /** The image's row as the tree shows it now (undefined when it is not among the loaded roots). */
  async function imageRow(name: string): Promise<ImageNode | undefined> {
    return (await api.tree.getChildren()).find((n): n is ImageNode => n.kind === 'image' && n.image.imageName === name);
  }

  /** A deadline on an asynchronous condition (the tree answers through getChildren); never a fixed sleep. */
  async function eventually(condition: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function versions(name: string): Promise<VersionNode[]> {
    return (await api.tree.getChildren(await image(name))).filter((n): n is VersionNode => n.kind === 'version');
  }

  async function versionRow(name: string, version: number): Promise<VersionNode> {
    const row = (await versions(name)).find((v) => v.version.version === version);
    assert.ok(row, `version ${version} of ${name} is a row`);
    return row;
  }

  /** Resolves once the tree's rows under `name` satisfy `ok` (they change when a follower or a refresh shows them). */
  async function rowsBecome(name: string, ok: (rows: VersionNode[]) => boolean, what: string): Promise<VersionNode[]> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const rows = await versions(name);
      if (ok(rows)) return rows;
      if (Date.now() > deadline)
        throw new Error(
          `timed out waiting for ${what}: ${rows.map((r) => `${r.version.version}:${r.version.imageVersionStatus}`).join(', ')}`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** What the commands sent, without the tree's own listing (ListImages, and the rows' ListImageVersions pages). */
  const writesAndReads = (calls: LoggedRequest[]) =>
    calls
      .filter((c) => c.operation !== 'ListImages' && !(c.operation === 'ListImageVersions' && c.params.MaxResults === 50))
      .map((c) => ({ op: c.operation, params: c.params }));

  const storedVersions = (name: string) => emulator.region('us-east-1').images.get(name)?.versions ?? [];

  describe('Create Image Version…', () => {
    it('pre-fills the latest base image with its tag selected, refuses bad values as typed, goes Back, and sends one CreateImageVersion; the row goes CREATING → CREATED', async () => {
      const latestBase = base('pub-create', 'build-2');
      const next = base('pub-create', 'build-3');
      const ui = new ScriptedUi(
        [
          { refused: 'x'.repeat(256), because: /1–255 characters/ },
          { type: (prefilled) => prefilled.replace('build-2', 'build-3') },
          { refused: '-bad', because: /.+/ },
          { type: 'candidate' },
          { pick: 'TRAINING' },
          'enter',
          { type: 'PyTorch 2.5' },
          'back',
          { type: 'PyTorch 2.6' },
          { type: 'Python 3.12' },
          { pick: 'STABLE' },
          'enter',
          { type: 'Adds CUDA 12.4.' },
          { pick: 'Create version of pub-create' },
        ],
        press('Show Details'),
      );
      const node = await image('pub-create');
      await versions('pub-create'); // loaded before the write: the new row must come without a reload
      await startCounting(emulator);
      let arn: string | undefined;
      await ui.run(async () => {
        arn = await vscode.commands.executeCommand<string>('sagemakerImages.createImageVersion', node);
        assert.equal(arn, `arn:aws:sagemaker:us-east-1:${ACCOUNT}:image-version/pub-create/3`);
        // At once, in its transient state, above the others (newest first): no full reload.
        const rows = await rowsBecome('pub-create', (r) => r[0]?.version.version === 3, 'the new row');
        assert.equal(rows[0].version.imageVersionStatus, 'CREATING');
        // A few polls while it is CREATING (every 200 ms here), so a second poller would have shown by now.
        await waitFor(
          () =>
            emulator.calls('DescribeImageVersion').filter((c) => c.params.ImageName === 'pub-create' && c.params.Version === 3).length >= 3,
          'the follower’s polls',
        );
        emulator.completeTransitions({ image: 'pub-create' });
        await rowsBecome('pub-create', (r) => r[0]?.version.imageVersionStatus === 'CREATED', 'the row to read CREATED');
        await waitFor(() => ui.dialogs.some((d) => d.message === 'Version 3 of pub-create is CREATED.'), 'the end reported');
      });
      assert.deepEqual(ui.problems, []);
      assert.deepEqual(ui.unused, []);

      const [baseBox] = ui.shown;
      assert.equal(baseBox.value, latestBase, 'pre-filled with the latest version’s BaseImage');
      assert.deepEqual(baseBox.valueSelection, [latestBase.lastIndexOf(':') + 1, latestBase.length], 'its tag selected for editing');
      assert.deepEqual([baseBox.step, baseBox.totalSteps, baseBox.hasBack], [1, 10, false]);
      assert.equal(baseBox.refusals.length, 1);
      assert.equal(ui.shown[1].refusals.length, 1, 'an invalid alias refused in the box');
      assert.ok(ui.shown[1].hasBack);
      const frameworkBoxes = ui.shown.filter((s) => s.step === 5);
      assert.equal(frameworkBoxes.length, 2, 'Back returned to the ML framework step');
      const review = ui.shown.at(-1)!;
      assert.match(review.placeholder ?? '', WHERE, 'the review names account, region and profile');
      assert.deepEqual(
        review.items?.find((i) => i.label === 'BaseImage'),
        { label: 'BaseImage', description: next },
      );

      const sent = writesAndReads(emulator.calls());
      const create = sent.findIndex((c) => c.op === 'CreateImageVersion');
      assert.deepEqual(sent.slice(0, create), [
        { op: 'DescribeImage', params: { ImageName: 'pub-create' } },
        { op: 'ListImageVersions', params: { ImageName: 'pub-create', MaxResults: 1, SortBy: 'VERSION', SortOrder: 'DESCENDING' } },
        { op: 'DescribeImageVersion', params: { ImageName: 'pub-create', Version: 2 } },
      ]);
      const { ClientToken, ...request } = sent[create].params;
      assert.match(String(ClientToken), UUID);
      assert.deepEqual(request, {
        ImageName: 'pub-create',
        BaseImage: next,
        Aliases: ['candidate'],
        JobType: 'TRAINING',
        MLFramework: 'PyTorch 2.6',
        ProgrammingLang: 'Python 3.12',
        VendorGuidance: 'STABLE',
        ReleaseNotes: 'Adds CUDA 12.4.',
      });
      assert.equal(sent.filter((c) => c.op === 'CreateImageVersion').length, 1);
      const afterWrite = emulator.calls().filter((c) => c.seq > emulator.calls('CreateImageVersion')[0].seq);
      assert.ok(
        afterWrite.some((c) => c.operation === 'DescribeImageVersion' && c.params.Version === 3),
        'the new version is followed',
      );
      assert.deepEqual(
        afterWrite.filter((c) => c.operation === 'ListImages' || c.operation === 'ListImageVersions'),
        [],
        'no reload (the loaded pages stay), and live status leaves the followed row to its follower: one poller per row',
      );
    });

    it('sends nothing for an invalid value, nor when the form is left', async () => {
      const node = await image('pub-create');
      const invalid = new ScriptedUi([{ refused: ` ${base('pub-create', 'build-9')}`, because: /spaces/ }, 'escape']);
      await invalid.run(() => vscode.commands.executeCommand('sagemakerImages.createImageVersion', node));
      const left = new ScriptedUi([{ type: base('pub-create', 'build-9') }, { type: 'x' }, { pick: 'INFERENCE' }, 'escape']);
      await left.run(() => vscode.commands.executeCommand('sagemakerImages.createImageVersion', node));
      assert.deepEqual([...invalid.problems, ...left.problems], []);
      assert.deepEqual([...invalid.unused, ...left.unused], []);
      await settled(emulator);
      assert.deepEqual(emulator.calls('CreateImageVersion'), []);
    });

    it('an answer lost on the way back: the SDK’s retry and the user’s Retry resend one ClientToken, and one version is made', async () => {
      const before = storedVersions('pub-retry').length;
      // Carried out, then the connection drops before the answer, for every attempt the SDK makes (3).
      emulator.addFault({ kind: 'dropResponse', operation: 'CreateImageVersion', times: 3 });
      const ui = new ScriptedUi(quickCreate('pub-retry', base('pub-retry', 'build-2')), press('Retry'));
      const node = await image('pub-retry');
      let arn: string | undefined;
      await ui.run(async () => {
        arn = await vscode.commands.executeCommand<string>('sagemakerImages.createImageVersion', node);
      });
      assert.deepEqual(ui.problems, []);
      assert.equal(arn, `arn:aws:sagemaker:us-east-1:${ACCOUNT}:image-version/pub-retry/2`);
      const retry = ui.dialogs.find((d) => d.kind === 'error' && d.items.includes('Retry'));
      assert.ok(retry, 'after the SDK gave up, the user was offered Retry');
      assert.match(retry.message, /cannot create a second version/);
      const creates = emulator.calls('CreateImageVersion');
      assert.equal(creates.length, 4, 'three attempts by the SDK, one by the user');
      assert.equal(new Set(creates.map((c) => JSON.stringify(c.params))).size, 1, 'the very same request each time, ClientToken included');
      assert.deepEqual(
        creates.map((c) => c.errorCode ?? 'answered'),
        ['ResponseDropped', 'ResponseDropped', 'ResponseDropped', 'answered'],
      );
      assert.equal(storedVersions('pub-retry').length, before + 1, 'one version, not four');
      emulator.completeTransitions({ image: 'pub-retry' });
    });

    it('a version that fails to build ends in a notification with its FailureReason and Show Details, which opens its details', async () => {
      const ui = new ScriptedUi(quickCreate('pub-retry', base('pub-retry', 'fail-create')), press('Show Details'));
      const node = await image('pub-retry');
      await ui.run(async () => {
        const arn = await vscode.commands.executeCommand<string>('sagemakerImages.createImageVersion', node);
        assert.match(arn ?? '', /image-version\/pub-retry\/\d+$/);
        emulator.completeTransitions({ image: 'pub-retry' });
        await waitFor(() => ui.dialogs.some((d) => d.kind === 'error' && / is CREATE_FAILED: /.test(d.message)), 'the failure reported');
        const version = Number(arn!.split('/').pop());
        await eventually(
          async () => vscode.window.visibleTextEditors.some((e) => e.document.uri.path.endsWith(`/pub-retry.v${version}.json`)),
          'Show Details to open the version’s details',
        );
      });
      const failed = ui.dialogs.find((d) => / is CREATE_FAILED: /.test(d.message))!;
      const stored = storedVersions('pub-retry').at(-1)!;
      assert.equal(stored.status, 'CREATE_FAILED');
      assert.ok(stored.failureReason && failed.message.includes(stored.failureReason), `the service’s reason is in: ${failed.message}`);
      assert.deepEqual(failed.items, ['Show Details']);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('a refused write names the IAM action and changes nothing', async () => {
      emulator.addFault({
        kind: 'error',
        operation: 'CreateImageVersion',
        status: 400,
        code: 'AccessDeniedException',
        message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/ReadOnly/me is not authorized to perform: sagemaker:CreateImageVersion`,
      });
      const before = storedVersions('pub-create').length;
      const ui = new ScriptedUi(quickCreate('pub-create', base('pub-create', 'build-4')));
      const node = await image('pub-create');
      await ui.run(() => vscode.commands.executeCommand('sagemakerImages.createImageVersion', node));
      const shown = ui.dialogs.filter((d) => d.kind === 'error');
      assert.equal(shown.length, 1, 'shown once');
      assert.match(shown[0].message, /sagemaker:CreateImageVersion/);
      assert.ok(shown[0].items.includes('Show Log'));
      assert.equal(storedVersions('pub-create').length, before);
    });
  });

  describe('Edit Image Version…, Add Alias…, Remove Alias…', () => {
    it('Edit sends only what changed, aliases as AliasesToAdd / AliasesToDelete', async () => {
      const row = await versionRow('pub-edit', 1);
      const ui = new ScriptedUi(
        [
          { type: 'lts' },
          'enter',
          'enter',
          'enter',
          'enter',
          'enter',
          'enter',
          { type: 'First, revised.' },
          { pick: 'Update version 1 of pub-edit' },
        ],
        press(),
      );
      await ui.run(() => vscode.commands.executeCommand('sagemakerImages.updateImageVersion', row));
      assert.deepEqual(ui.problems, []);
      assert.equal(ui.shown[0].value, 'stable', 'pre-filled from ListAliases');
      assert.equal(ui.shown.find((s) => s.step === 4)?.value, 'PyTorch 2.4', 'pre-filled from DescribeImageVersion');
      const sent = writesAndReads(emulator.calls());
      assert.deepEqual(sent, [
        { op: 'DescribeImageVersion', params: { ImageName: 'pub-edit', Version: 1 } },
        { op: 'ListAliases', params: { ImageName: 'pub-edit', Version: 1, MaxResults: 100 } },
        { op: 'DescribeImageVersion', params: { ImageName: 'pub-edit', Alias: 'lts' } },
        {
          op: 'UpdateImageVersion',
          params: {
            ImageName: 'pub-edit',
            Version: 1,
            AliasesToAdd: ['lts'],
            AliasesToDelete: ['stable'],
            ReleaseNotes: 'First, revised.',
          },
        },
      ]);
      assert.deepEqual(storedVersions('pub-edit')[0].aliases, ['lts']);
    });

    it('Edit with nothing changed sends nothing and says so', async () => {
      const row = await versionRow('pub-edit', 2);
      const ui = new ScriptedUi([...Array.from({ length: 8 }, () => 'enter' as const), { pick: 'Update version 2 of pub-edit' }]);
      await ui.run(() => vscode.commands.executeCommand('sagemakerImages.updateImageVersion', row));
      assert.deepEqual(ui.problems, []);
      assert.ok(ui.dialogs.some((d) => d.message === 'Nothing changed: nothing was sent.'));
      await settled(emulator);
      assert.deepEqual(emulator.calls('UpdateImageVersion'), []);
    });

    it('Add Alias moves an alias another version holds only after asking, and the tooltip shows it', async () => {
      const row = await versionRow('pub-alias', 2);
      // Declined first: nothing changes.
      const declined = new ScriptedUi([{ type: 'prod' }], press());
      await declined.run(() => vscode.commands.executeCommand('sagemakerImages.addAlias', row));
      assert.deepEqual(declined.problems, []);
      assert.match(declined.dialogs[0].message, /^Move prod to version 2 of pub-alias\?$/);
      assert.match(declined.dialogs[0].detail ?? '', /prod is on version 1/);
      await settled(emulator);
      assert.deepEqual(emulator.calls('UpdateImageVersion'), []);

      await startCounting(emulator);
      const ui = new ScriptedUi([{ refused: 'prod, -x' }, { type: 'prod' }], press('Move Alias', 'Add Alias'));
      await ui.run(() => vscode.commands.executeCommand('sagemakerImages.addAlias', row));
      assert.deepEqual(ui.problems, []);
      assert.deepEqual(
        ui.dialogs.filter((d) => d.modal).map((d) => d.message),
        ['Move prod to version 2 of pub-alias?', 'Add prod to version 2 of pub-alias?'],
      );
      assert.ok(
        ui.dialogs.every((d) => !d.modal || WHERE.test(d.detail ?? '')),
        'each confirmation names account, region and profile',
      );
      assert.deepEqual(
        emulator.calls('UpdateImageVersion').map((c) => c.params),
        [
          { ImageName: 'pub-alias', Version: 1, AliasesToDelete: ['prod'] },
          { ImageName: 'pub-alias', Version: 2, AliasesToAdd: ['prod'] },
        ],
      );
      const fresh = await versionRow('pub-alias', 2);
      const item = await api.tree.resolveTreeItem(api.tree.getTreeItem(fresh), fresh, new vscode.CancellationTokenSource().token);
      assert.match((item.tooltip as vscode.MarkdownString).value, /Aliases: `prod`/);
      assert.equal(api.tree.getTreeItem(fresh).contextValue, 'sagemakerImages.version.aliased');
    });

    it('Remove Alias removes the picked alias after a confirmation', async () => {
      const row = await versionRow('pub-alias', 2);
      const ui = new ScriptedUi([], press('Remove Alias'));
      const removed = await ui.run(() => vscode.commands.executeCommand<string[]>('sagemakerImages.removeAlias', row));
      assert.deepEqual(removed, ['prod']);
      assert.equal(ui.dialogs[0].message, 'Remove prod from version 2 of pub-alias?');
      assert.deepEqual(
        emulator.calls('UpdateImageVersion').map((c) => c.params),
        [{ ImageName: 'pub-alias', Version: 2, AliasesToDelete: ['prod'] }],
      );
      assert.deepEqual(storedVersions('pub-alias')[1].aliases, []);
    });
  });

  describe('Delete Image Version…', () => {
    it('a multi-selection is one modal naming every version and its aliases; cancelled, it deletes nothing; confirmed, each row goes DELETING → gone', async () => {
      const [v3, v2, v1] = await versions('pub-delete');
      assert.deepEqual(
        [v3, v2, v1].map((v) => v.version.version),
        [3, 2, 1],
      );
      const cancelled = new ScriptedUi([], press());
      await cancelled.run(() => vscode.commands.executeCommand('sagemakerImages.deleteImageVersion', v1, [v2, v1]));
      assert.equal(cancelled.dialogs.length, 1, 'one modal for the selection');
      const modal = cancelled.dialogs[0];
      assert.equal(modal.modal, true);
      assert.equal(modal.message, 'Delete 2 image versions?');
      assert.match(modal.detail ?? '', /pub-delete version 2 \(no aliases\)\npub-delete version 1 \(aliases: old\)/);
      assert.match(modal.detail ?? '', WHERE);
      assert.deepEqual(modal.items, ['Delete 2 Versions']);
      await settled(emulator);
      assert.deepEqual(emulator.calls('DeleteImageVersion'), []);

      const ui = new ScriptedUi([], press('Delete 2 Versions', 'Show Details'));
      await ui.run(async () => {
        await vscode.commands.executeCommand('sagemakerImages.deleteImageVersion', v1, [v2, v1]);
        await rowsBecome(
          'pub-delete',
          (r) => r.filter((v) => v.version.imageVersionStatus === 'DELETING').length === 2,
          'both rows DELETING',
        );
        emulator.completeTransitions({ image: 'pub-delete' });
        await rowsBecome('pub-delete', (r) => r.map((v) => v.version.version).join() === '3', 'the deleted rows to leave');
        await waitFor(
          () => ui.dialogs.filter((d) => /^Version [12] of pub-delete was deleted\.$/.test(d.message)).length === 2,
          'both ends reported',
        );
      });
      assert.deepEqual(
        emulator.calls('DeleteImageVersion').map((c) => c.params),
        [
          { ImageName: 'pub-delete', Version: 2 },
          { ImageName: 'pub-delete', Version: 1 },
        ],
      );
    });
  });

  describe('Create Image…, Edit Image…, Delete Image…', () => {
    it('Create Image refuses a bad or taken name and a bad role ARN as typed, sends CreateImage, then offers the role next time', async () => {
      const ui = new ScriptedUi(
        [
          { refused: 'Bad_Name' },
          { refused: 'pub-create', because: /exists already/ },
          { type: 'pub-new' },
          { type: 'New kernel' },
          'enter',
          { refused: 'arn:aws:iam::12:role/x', because: /.+/ },
          { type: ROLE },
          { refused: 'team' },
          { type: 'team=ml, cost-center=42' },
          { pick: 'Create image pub-new' },
        ],
        press(),
      );
      await image('pub-create'); // a listed image names the account the new one goes to
      await ui.run(async () => {
        assert.equal(
          await vscode.commands.executeCommand('sagemakerImages.createImage'),
          `arn:aws:sagemaker:us-east-1:${ACCOUNT}:image/pub-new`,
        );
        await eventually(async () => (await imageRow('pub-new'))?.image.imageStatus === 'CREATING', 'the new row, CREATING');
      });
      assert.deepEqual(ui.problems, []);
      assert.match(ui.shown.at(-1)?.placeholder ?? '', WHERE, 'the review names account, region and profile');
      assert.deepEqual(
        emulator.calls('CreateImage').map((c) => c.params),
        [
          {
            ImageName: 'pub-new',
            DisplayName: 'New kernel',
            RoleArn: ROLE,
            Tags: [
              { Key: 'team', Value: 'ml' },
              { Key: 'cost-center', Value: '42' },
            ],
          },
        ],
      );
      assert.deepEqual(
        emulator
          .calls('DescribeImage')
          .filter((c) => c.seq < emulator.calls('CreateImage')[0].seq)
          .map((c) => c.params.ImageName),
        ['pub-create', 'pub-new'],
        'the name is asked of the service once per Enter on a well-formed name, never per keystroke',
      );
      emulator.completeTransitions({ image: 'pub-new' });

      // The role ARN is offered next time.
      const again = new ScriptedUi([{ type: 'pub-new-2' }, 'enter', 'enter', { pick: ROLE }, 'enter', 'escape']);
      await again.run(() => vscode.commands.executeCommand('sagemakerImages.createImage'));
      const rolePick = again.shown.find((s) => s.kind === 'pick' && s.step === 4);
      assert.deepEqual(
        rolePick?.items?.map((i) => i.label),
        [ROLE, 'Enter a role ARN…'],
      );
    });

    it('Edit Image sends what changed, a cleared description as DeleteProperties; the row goes UPDATING → CREATED', async () => {
      const node = await image('pub-image');
      const role = emulator.region('us-east-1').images.get('pub-image')!.roleArn;
      const ui = new ScriptedUi([{ type: 'Team image v2' }, { type: '' }, { pick: role }, { pick: 'Update image pub-image' }], press());
      await ui.run(async () => {
        assert.equal(await vscode.commands.executeCommand('sagemakerImages.updateImage', node), true);
        await eventually(async () => (await imageRow('pub-image'))?.image.imageStatus === 'UPDATING', 'the row UPDATING');
        emulator.completeTransitions({ image: 'pub-image' });
        await waitFor(() => ui.dialogs.some((d) => d.message === 'Image pub-image was updated.'), 'the end reported');
      });
      assert.deepEqual(ui.problems, []);
      assert.deepEqual(
        emulator.calls('UpdateImage').map((c) => c.params),
        [{ ImageName: 'pub-image', DisplayName: 'Team image v2', DeleteProperties: ['Description'] }],
      );
      await eventually(async () => (await imageRow('pub-image'))?.image.imageStatus === 'CREATED', 'the row CREATED');
    });

    it('Delete Image deletes only when the name is typed exactly', async () => {
      const node = await image('pub-image-delete');
      const wrong = new ScriptedUi([{ refused: 'pub-image' }, 'escape'], press('Delete Image…'));
      assert.equal(await wrong.run(() => vscode.commands.executeCommand('sagemakerImages.deleteImage', node)), false);
      assert.match(wrong.dialogs[0].detail ?? '', /pub-image-delete has 2 versions; every one of them is deleted with it\./);
      assert.match(wrong.dialogs[0].detail ?? '', WHERE);
      await settled(emulator);
      assert.deepEqual(emulator.calls('DeleteImage'), []);

      const ui = new ScriptedUi([{ type: 'pub-image-delete' }], press('Delete Image…'));
      await ui.run(async () => {
        assert.equal(await vscode.commands.executeCommand('sagemakerImages.deleteImage', node), true);
        emulator.completeTransitions({ image: 'pub-image-delete' });
        await waitFor(() => ui.dialogs.some((d) => d.message === 'Image pub-image-delete was deleted.'), 'the end reported');
      });
      assert.deepEqual(
        emulator.calls('DeleteImage').map((c) => c.params),
        [{ ImageName: 'pub-image-delete' }],
      );
      assert.equal(emulator.region('us-east-1').images.get('pub-image-delete'), undefined);
    });
  });

  describe('read-only mode', () => {
    it('refuses every write command, even by id, and sends nothing', async () => {
      await setSetting('readOnly', true);
      try {
        const row = await versionRow('pub-create', 1);
        const ui = new ScriptedUi([]);
        await ui.run(async () => {
          for (const [id, arg] of [
            ['createImageVersion', await image('pub-create')],
            ['updateImageVersion', row],
            ['addAlias', row],
            ['removeAlias', row],
            ['deleteImageVersion', row],
            ['createImage', undefined],
            ['updateImage', await image('pub-create')],
            ['deleteImage', await image('pub-create')],
          ] as const)
            assert.equal(await vscode.commands.executeCommand(`sagemakerImages.${id}`, arg), undefined, id);
        });
        assert.equal(ui.dialogs.length, 8);
        assert.ok(ui.dialogs.every((d) => /read-only mode \(setting sagemakerImages\.readOnly\); nothing was changed\.$/.test(d.message)));
        assert.equal(ui.shown.length, 0, 'no form was opened');
        await settled(emulator);
        assert.deepEqual(
          emulator.calls().filter((c) => /^(Create|Update|Delete)/.test(c.operation)),
          [],
        );
      } finally {
        await setSetting('readOnly', undefined);
      }
    });
  });
});
