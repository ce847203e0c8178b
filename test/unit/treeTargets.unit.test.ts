/**
 * What commands act on, in plain Node against the emulator: the tree's locate (Reveal: load only
 * the pages it takes to reach an image or version not yet loaded), orderInTree, holds, refOf and
 * imageRefOf, and src/commands/targets.ts (selectedNodes, imageTarget, versionTarget) on the
 * nodes the tree handed out and on look-alikes it did not. Every load is read off the emulator's
 * request log.
 */
import * as assert from 'node:assert/strict';
import { shownMessages } from './vscodeInNode';
import type { CommandContext } from '../../src/commands/context';
import { imageOrVersionTarget, imageTarget, selectedNodes, versionTarget } from '../../src/commands/targets';
import type { ImagesTreeProvider } from '../../src/tree/imagesTreeProvider';
import type { Node, VersionNode } from '../../src/tree/nodes';
import { isAwsError, isCancelled } from '../../src/model/errors';
import { DAY } from './helpers';
import type { SageMakerEmulator } from '../emulator/server';
import { imageUnder, regionRoot, rowsUnder, useTreeSuite, versionUnder } from './treeHarness';

const NOW = Date.UTC(2026, 3, 15, 12, 0, 0);
const TITLE = 'Copy Version ARN';

/** Exactly what the target functions read of a CommandContext: the tree and the view's selection. */
function contextOf(tree: ImagesTreeProvider, selection: Node[] = []): CommandContext {
  return { tree, view: { selection } } as unknown as CommandContext;
}

const names = (nodes: readonly Node[] | undefined) =>
  nodes?.map((n) =>
    n.kind === 'version' ? `${n.parent.image.imageName} v${n.version.version}` : n.kind === 'image' ? n.image.imageName : n.kind,
  );

/** The account both regions hold for this suite. */
function seed(emulator: SageMakerEmulator): void {
  const createdAt = NOW - 30 * DAY;
  emulator.seed(
    {
      images: [
        { name: 'alpha', createdAt, versions: 5 },
        { name: 'beta', createdAt, versions: 3 },
        { name: 'delta', createdAt, versions: 2 },
        { name: 'omega', createdAt, versions: 6 },
      ],
    },
    NOW,
  );
  emulator.seed({ region: 'eu-west-1', images: [{ name: 'eu-image', createdAt, versions: 2 }] }, NOW);
}

describe('what commands act on: locate, tree order and targets (plain Node, emulator)', function () {
  const { emu, session, newTree } = useTreeSuite(NOW, seed);

  const sent = () =>
    emu()
      .calls()
      .map((c) => [c.operation, c.region, c.params.ImageName ?? null, c.params.NextToken === undefined ? 'page 1' : 'next page']);

  describe('locate (Reveal)', function () {
    it('reaches a version not yet loaded with only the pages it takes, and hands out the nodes the view then shows', async function () {
      const { tree, changes } = newTree({ pageSize: 2 });
      const outcome = await tree.locate('us-east-1', 'omega', 2);
      assert.equal(outcome.kind, 'found');
      assert.ok(outcome.kind === 'found' && outcome.version);
      // omega is on the second page of images; version 2 on the third of its versions (6 5 | 4 3 | 2 1).
      assert.deepEqual(sent(), [
        ['ListImages', 'us-east-1', null, 'page 1'],
        ['ListImages', 'us-east-1', null, 'next page'],
        ['ListImageVersions', 'us-east-1', 'omega', 'page 1'],
        ['ListImageVersions', 'us-east-1', 'omega', 'next page'],
        ['ListImageVersions', 'us-east-1', 'omega', 'next page'],
      ]);
      assert.deepEqual(changes, [undefined, outcome.image], 'the roots, then the image, are shown again');
      assert.ok(tree.holds(outcome.image) && tree.holds(outcome.version));
      assert.deepEqual(tree.refOf(outcome.version), { region: 'us-east-1', imageName: 'omega', version: 2 });
      assert.equal(await imageUnder(tree, 'omega'), outcome.image, 'the very node the view shows');
      assert.deepEqual(await rowsUnder(tree, outcome.image), [
        'Used by',
        'Version 6',
        'Version 5',
        'Version 4',
        'Version 3',
        'Version 2',
        'Version 1',
      ]);
      assert.equal(emu().calls().length, 5, 'what locate loaded is what the view shows: no call more');
    });

    it('an image alone needs no version page; a loaded one needs no call at all', async function () {
      const { tree } = newTree({ pageSize: 2 });
      const outcome = await tree.locate(undefined, 'beta');
      assert.equal(outcome.kind, 'found');
      assert.ok(outcome.kind === 'found' && outcome.version === undefined);
      assert.deepEqual(sent(), [['ListImages', 'us-east-1', null, 'page 1']]);
      assert.equal((await tree.locate('us-east-1', 'beta')).kind, 'found');
      assert.equal(emu().calls().length, 1);
    });

    it('says what is not there: an image not listed (and whether the name filter hides it), a version not listed, a region not shown', async function () {
      const { tree, settings } = newTree({ pageSize: 2 });
      assert.deepEqual(await tree.locate('us-east-1', 'zeta'), { kind: 'imageNotListed', filtered: false });
      assert.equal(emu().calls('ListImages').length, 2, 'every page of images, then it stops');
      const missing = await tree.locate('us-east-1', 'delta', 99);
      assert.equal(missing.kind, 'versionNotListed');
      assert.ok(missing.kind === 'versionNotListed' && !missing.filtered && missing.image.image.imageName === 'delta');
      assert.deepEqual(await tree.locate('eu-west-1', 'eu-image'), { kind: 'regionNotShown' });
      settings.nameContains = 'et';
      tree.refresh();
      assert.deepEqual(await tree.locate('us-east-1', 'alpha'), { kind: 'imageNotListed', filtered: true });
      assert.deepEqual(emu().calls('ListImages').at(-1)?.params, {
        MaxResults: 2,
        NameContains: 'et',
        SortBy: 'IMAGE_NAME',
        SortOrder: 'ASCENDING',
      });
    });

    it('stops at its page cap and at a cancel', async function () {
      const { tree } = newTree({ pageSize: 2 });
      const capped = await tree.locate('us-east-1', 'omega', 1, { maxPages: 2 });
      assert.equal(capped.kind, 'failed');
      assert.ok(capped.kind === 'failed' && isAwsError(capped.error) && capped.error.details.code === 'TooManyPages');
      assert.equal(capped.image?.image.imageName, 'omega');
      assert.deepEqual(
        sent().map(([operation]) => operation),
        ['ListImages', 'ListImages'],
        'two pages of images find omega; its first page of versions would be a third call',
      );
      const three = await newTree({ pageSize: 2 }).tree.locate('us-east-1', 'omega', 6, { maxPages: 3 });
      assert.equal(three.kind, 'found', 'three calls reach version 6 (first page of versions)');
      assert.equal(emu().calls().length, 5);
      const cancel = new AbortController();
      cancel.abort();
      await assert.rejects(newTree().tree.locate('us-east-1', 'alpha', 1, { signal: cancel.signal }), (e: unknown) => isCancelled(e));
      assert.equal(emu().calls().length, 5, 'an aborted Reveal sends nothing');
    });

    it('counts each load of a first page against the cap, also the reload a refresh forces', async function () {
      const { tree } = newTree();
      const alpha = await imageUnder(tree, 'alpha'); // the first page of images, loaded before Reveal
      let letGo!: () => void;
      const release = new Promise<void>((resolve) => (letGo = resolve));
      emu().faults.add({ kind: 'delay', delayMs: 60_000, release, operation: 'ListImageVersions' });
      const pending = tree.locate('us-east-1', 'alpha', 1, { maxPages: 1 });
      const deadline = Date.now() + 10_000;
      while (emu().activity().inFlight === 0) {
        assert.ok(Date.now() < deadline, 'the first page of versions never went out');
        await new Promise((r) => setTimeout(r, 5));
      }
      tree.refresh(alpha); // resets the list under the page on its way
      letGo();
      const outcome = await pending;
      assert.ok(
        outcome.kind === 'failed' && isAwsError(outcome.error) && outcome.error.details.code === 'TooManyPages',
        JSON.stringify(outcome),
      );
      assert.deepEqual(
        sent().map(([operation]) => operation),
        ['ListImages', 'ListImageVersions'],
        'the page the refresh threw away was the one call the cap allowed: no second one',
      );
    });

    it('with regions side by side, finds the image in its region’s branch', async function () {
      const { tree } = newTree({ regions: ['us-east-1', 'eu-west-1'] });
      const outcome = await tree.locate('eu-west-1', 'eu-image', 1);
      assert.ok(outcome.kind === 'found' && outcome.version);
      assert.equal(tree.getTreeItem(outcome.image).id, 'region/eu-west-1/image/eu-image');
      assert.equal(outcome.image.parent, await regionRoot(tree, 'eu-west-1'));
      assert.deepEqual(tree.refOf(outcome.version), { region: 'eu-west-1', imageName: 'eu-image', version: 1 });
      assert.deepEqual(sent(), [
        ['ListImages', 'eu-west-1', null, 'page 1'],
        ['ListImageVersions', 'eu-west-1', 'eu-image', 'page 1'],
      ]);
      assert.deepEqual(await tree.locate('ap-south-1', 'eu-image'), { kind: 'regionNotShown' });
    });
  });

  describe('selectedNodes and tree order', function () {
    it('orders a multi-selection as the tree shows it, keeps the kind asked for, and follows a new sort', async function () {
      const t = newTree();
      const alpha = await imageUnder(t.tree, 'alpha');
      const beta = await imageUnder(t.tree, 'beta');
      const a2 = await versionUnder(t.tree, alpha, 2);
      const a5 = await versionUnder(t.tree, alpha, 5);
      const b1 = await versionUnder(t.tree, beta, 1);
      const b3 = await versionUnder(t.tree, beta, 3);
      const selection = [b1, a2, beta, a5, b3, alpha];
      const ctx = contextOf(t.tree);
      assert.deepEqual(names(selectedNodes(ctx, 'version', TITLE, a2, selection)), ['alpha v5', 'alpha v2', 'beta v3', 'beta v1']);
      assert.deepEqual(names(selectedNodes(ctx, 'image', TITLE, a2, selection)), ['alpha', 'beta']);

      // Ascending by version: the same rows, now in the order the reloaded lists hold them.
      t.settings.versionQuery = { sortBy: 'VERSION', sortOrder: 'ASCENDING', filters: {} };
      t.tree.applyVersionQuery();
      await t.tree.getChildren(alpha);
      await t.tree.getChildren(beta);
      assert.deepEqual(names(selectedNodes(ctx, 'version', TITLE, a2, selection)), ['alpha v2', 'alpha v5', 'beta v1', 'beta v3']);
      assert.deepEqual(shownMessages, []);
    });

    it('without a selection takes the clicked row, else the view’s selection', async function () {
      const t = newTree();
      const alpha = await imageUnder(t.tree, 'alpha');
      const a4 = await versionUnder(t.tree, alpha, 4);
      const a1 = await versionUnder(t.tree, alpha, 1);
      assert.deepEqual(names(selectedNodes(contextOf(t.tree), 'version', TITLE, a4)), ['alpha v4']);
      assert.deepEqual(names(selectedNodes(contextOf(t.tree, [a1, a4]), 'version', TITLE)), ['alpha v4', 'alpha v1']);
    });

    it('orders regions as configured, then images, then versions', async function () {
      const t = newTree({ regions: ['eu-west-1', 'us-east-1'] });
      const euImage = await imageUnder(t.tree, 'eu-image', await regionRoot(t.tree, 'eu-west-1'));
      const delta = await imageUnder(t.tree, 'delta', await regionRoot(t.tree, 'us-east-1'));
      const d1 = await versionUnder(t.tree, delta, 1);
      const e2 = await versionUnder(t.tree, euImage, 2);
      const e1 = await versionUnder(t.tree, euImage, 1);
      assert.deepEqual(names(t.tree.orderInTree([d1, e1, delta, e2, euImage])), [
        'eu-image',
        'eu-image v2',
        'eu-image v1',
        'delta',
        'delta v1',
      ]);
    });

    it('refuses a selection holding anything the tree did not hand out, and says so once', async function () {
      const t = newTree();
      const alpha = await imageUnder(t.tree, 'alpha');
      const a3 = await versionUnder(t.tree, alpha, 3);
      const lookAlike = { ...a3 };
      assert.equal(t.tree.holds(a3), true);
      assert.equal(t.tree.holds(lookAlike), false, 'the same shape is not a node');
      assert.equal(selectedNodes(contextOf(t.tree), 'version', TITLE, a3, [a3, lookAlike]), undefined);
      assert.equal(selectedNodes(contextOf(t.tree), 'version', TITLE, lookAlike), undefined);
      assert.equal(selectedNodes(contextOf(t.tree), 'version', TITLE, a3, a3), undefined, 'a selection that is not a list');
      assert.equal(shownMessages.length, 3);
      assert.ok(shownMessages.every((m) => m.severity === 'error' && m.message.startsWith(`${TITLE}: refused`)));
    });
  });

  describe('targets of a row', function () {
    it('a version row names its region, image and version; an image row (or a version’s image) its region and image', async function () {
      const t = newTree({ regions: ['us-east-1', 'eu-west-1'] });
      const euImage = await imageUnder(t.tree, 'eu-image', await regionRoot(t.tree, 'eu-west-1'));
      const e2 = (await versionUnder(t.tree, euImage, 2)) satisfies VersionNode;
      const ctx = contextOf(t.tree);
      assert.deepEqual(await versionTarget(ctx, e2, TITLE), { region: 'eu-west-1', imageName: 'eu-image', version: 2 });
      assert.deepEqual(await imageOrVersionTarget(ctx, e2, TITLE), { region: 'eu-west-1', imageName: 'eu-image', version: 2 });
      assert.deepEqual(await imageOrVersionTarget(ctx, euImage, TITLE), { region: 'eu-west-1', imageName: 'eu-image' });
      assert.deepEqual(await imageTarget(ctx, e2, TITLE), { region: 'eu-west-1', imageName: 'eu-image' });
      assert.deepEqual(await imageTarget(contextOf(t.tree, [euImage]), undefined, TITLE), { region: 'eu-west-1', imageName: 'eu-image' });
      assert.equal(await imageTarget(ctx, { ...euImage }, TITLE), undefined, 'a look-alike is refused');
      assert.equal(shownMessages.length, 1);
      assert.deepEqual(
        sent().filter(([operation]) => operation !== 'ListImages' && operation !== 'ListImageVersions'),
        [],
        'a row is resolved without asking the service',
      );
    });

    it('a row still selected after the region changed keeps its own region', async function () {
      const t = newTree();
      const image = await imageUnder(t.tree, 'alpha');
      const version = await versionUnder(t.tree, image, 1);
      const before = session().settings;
      session().updateSettings({ ...before, region: 'eu-west-1' });
      try {
        t.tree.refresh();
        assert.deepEqual(await rowsUnder(t.tree), ['eu-image'], 'the tree now lists the other region');
        const ctx = contextOf(t.tree);
        assert.deepEqual(await imageTarget(ctx, image, TITLE), { region: 'us-east-1', imageName: 'alpha' });
        assert.deepEqual(await versionTarget(ctx, version, TITLE), { region: 'us-east-1', imageName: 'alpha', version: 1 });
      } finally {
        session().updateSettings(before);
      }
    });
  });
});
