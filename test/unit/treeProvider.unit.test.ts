/**
 * The Images view's provider in plain Node (ImagesTreeProvider and RegionBranch, through the
 * vscode stand-in) against the emulator, with the real SDK session: what each expand, Load more,
 * retry, sort or filter change and refresh sends, read from the emulator's request log, and what
 * the view then shows. The host suite drives the same through VS Code; this net needs no VS Code.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { shownMessages } from './vscodeInNode';
import * as vscode from 'vscode';
import type { ErrorNode, Node, VersionNode } from '../../src/tree/nodes';
import { isAwsError } from '../../src/model/errors';
import { DAY, HOUR } from './helpers';
import type { SageMakerEmulator } from '../emulator/server';
import { imageUnder, loadMoreUnder, regionRoot, rowsUnder, useTreeSuite } from './treeHarness';

const NOW = Date.UTC(2026, 3, 15, 12, 0, 0);
/** A ThemeColor's id (the stand-in keeps it; the API type does not declare it). */
const colorId = (color: vscode.ThemeColor | undefined) => (color as { id?: string } | undefined)?.id;

/** The account both regions hold for this suite. */
function seed(emulator: SageMakerEmulator): void {
  const created = NOW - 30 * DAY;
  emulator.seed(
    {
      images: [
        { name: 'alpha', createdAt: created, versions: 5 },
        { name: 'beta', createdAt: created, versions: [{ status: 'CREATE_FAILED' }] },
        { name: 'delta', createdAt: created, versions: 3 },
        { name: 'gamma', createdAt: created, versions: [] },
      ],
    },
    NOW,
  );
  emulator.seed({ region: 'eu-west-1', images: [{ name: 'eu-only', createdAt: created, versions: 2 }] }, NOW);
}

describe('the Images tree in plain Node (emulator request log, real SDK)', function () {
  const { emu, newTree } = useTreeSuite(NOW, seed);

  /** The parameters of every call of `operation` since the test began. */
  const sent = (operation: string) =>
    emu()
      .calls(operation)
      .map((c) => c.params);

  describe('paging', function () {
    it('lists images a page at a time, versions only once an image is expanded, and Load more fetches exactly the next page', async function () {
      const { tree, changes, regionsTold } = newTree({ pageSize: 2 });
      assert.deepEqual(await rowsUnder(tree), ['alpha', 'beta', 'Load more… (2 loaded)']);
      assert.deepEqual(sent('ListImages'), [{ MaxResults: 2, SortBy: 'IMAGE_NAME', SortOrder: 'ASCENDING' }]);
      assert.deepEqual(sent('ListImageVersions'), [], 'a collapsed image costs no call');
      assert.deepEqual(regionsTold, ['us-east-1'], 'the session’s region, once known');
      assert.equal(tree.region, 'us-east-1');

      await tree.loadMore(await loadMoreUnder(tree));
      assert.deepEqual(changes, [undefined], 'the roots changed');
      assert.deepEqual(await rowsUnder(tree), ['alpha', 'beta', 'delta', 'gamma']);
      const images = sent('ListImages');
      assert.equal(images.length, 2, 'one more page, and the roots shown again from what is loaded');
      assert.equal(typeof images[1].NextToken, 'string');
      assert.deepEqual({ ...images[1], NextToken: undefined }, { ...images[0], NextToken: undefined }, 'page 2 under page 1’s query');

      const alpha = await imageUnder(tree, 'alpha');
      assert.equal(await imageUnder(tree, 'alpha'), alpha, 'an image keeps its node, so change events name what VS Code holds');
      assert.deepEqual(await rowsUnder(tree, alpha), ['Used by', 'Version 5', 'Version 4', 'Load more… (2 loaded)']);
      await tree.loadMore(await loadMoreUnder(tree, alpha));
      assert.equal(changes.at(-1), alpha, 'the image’s rows changed');
      await tree.loadMore(await loadMoreUnder(tree, alpha));
      assert.deepEqual(await rowsUnder(tree, alpha), ['Used by', 'Version 5', 'Version 4', 'Version 3', 'Version 2', 'Version 1']);
      const versions = sent('ListImageVersions');
      assert.deepEqual(versions[0], { ImageName: 'alpha', MaxResults: 2, SortBy: 'CREATION_TIME', SortOrder: 'DESCENDING' });
      assert.equal(versions.length, 3, 'three pages of two, no more');
      assert.deepEqual(
        versions.slice(1).map((v) => typeof v.NextToken),
        ['string', 'string'],
      );
      assert.notEqual(versions[1].NextToken, versions[2].NextToken);

      assert.deepEqual(await rowsUnder(tree, await imageUnder(tree, 'gamma')), ['Used by', 'No versions']);
      assert.equal(sent('ListImages').length, 2);
    });

    it('renders rows: ids that survive a refresh, status icons, and a failed version’s status', async function () {
      const { tree } = newTree();
      const beta = await imageUnder(tree, 'beta');
      const betaItem = tree.getTreeItem(beta);
      assert.equal(betaItem.id, 'image/beta');
      assert.equal(betaItem.contextValue, 'sagemakerImages.image');
      assert.equal((betaItem.iconPath as vscode.ThemeIcon).id, 'package');
      const [failed] = (await tree.getChildren(beta)).slice(1); // after Used by
      const item = tree.getTreeItem(failed);
      assert.equal(item.id, 'image/beta/version/1');
      assert.equal(item.contextValue, 'sagemakerImages.version');
      const icon = item.iconPath as vscode.ThemeIcon;
      assert.deepEqual([icon.id, colorId(icon.color)], ['error', 'list.errorForeground']);
      assert.match(String(item.description), /^CREATE_FAILED · /);
      const [created] = (await tree.getChildren(await imageUnder(tree, 'delta'))).slice(1);
      const ok = tree.getTreeItem(created).iconPath as vscode.ThemeIcon;
      assert.deepEqual([ok.id, colorId(ok.color)], ['pass', 'testing.iconPassed']);
    });

    it('a version row says whether it holds aliases once its details are cached, so Remove Alias… is offered only where it can act', async function () {
      const { tree } = newTree();
      const delta = await imageUnder(tree, 'delta');
      emu().region('us-east-1').images.get('delta')!.versions[1].aliases.push('stable');
      const [v3, v2] = (await tree.getChildren(delta)).slice(1); // after Used by
      assert.equal(tree.getTreeItem(v3).contextValue, 'sagemakerImages.version', 'not described yet: unknown');
      assert.equal(tree.getTreeItem(v2).contextValue, 'sagemakerImages.version');
      const before = emu().calls().length;
      await tree.details.version(tree.refOf(v3 as VersionNode));
      await tree.details.version(tree.refOf(v2 as VersionNode));
      assert.equal(tree.getTreeItem(v3).contextValue, 'sagemakerImages.version.unaliased');
      assert.equal(tree.getTreeItem(v2).contextValue, 'sagemakerImages.version.aliased');
      const described = emu().calls().length;
      tree.getTreeItem(v2);
      assert.equal(emu().calls().length, described, 'rendering reads the cache, never AWS');
      assert.equal(described - before, 4, 'one DescribeImageVersion and one ListAliases per version');
      const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
        contributes: { menus: Record<string, { command: string; when?: string }[]> };
      };
      const removeWhen = manifest.contributes.menus['view/item/context'].find((m) => m.command === 'sagemakerImages.removeAlias')!.when!;
      const offered = (contextValue: string) => new RegExp(/viewItem =~ \/(.*?)\/ /.exec(removeWhen)![1]).test(contextValue);
      assert.deepEqual(['sagemakerImages.version', 'sagemakerImages.version.aliased', 'sagemakerImages.version.unaliased'].map(offered), [
        true,
        true,
        false,
      ]);
    });

    it('resolves a version’s tooltip on hover (one describe, one aliases call, then cached); its links carry the row’s region', async function () {
      const { tree } = newTree();
      const alpha = await imageUnder(tree, 'alpha');
      const [v5] = (await tree.getChildren(alpha)).slice(1); // after Used by
      emu().clearRequests();
      const token = new vscode.CancellationTokenSource().token;
      const item = await tree.resolveTreeItem(tree.getTreeItem(v5), v5, token);
      const md = item.tooltip as vscode.MarkdownString;
      const link = /\(command:sagemakerImages\.showVersionDetails\?([^)]*)\)/.exec(md.value);
      assert.ok(link, md.value);
      assert.deepEqual(JSON.parse(decodeURIComponent(link[1])), [{ region: 'us-east-1', imageName: 'alpha', version: 5 }]);
      assert.deepEqual(
        emu()
          .calls()
          .map((c) => [c.operation, c.region, c.params])
          .sort(),
        [
          ['DescribeImageVersion', 'us-east-1', { ImageName: 'alpha', Version: 5 }],
          ['ListAliases', 'us-east-1', { ImageName: 'alpha', Version: 5, MaxResults: 100 }],
        ],
      );
      await tree.resolveTreeItem(tree.getTreeItem(v5), v5, token);
      const imageItem = await tree.resolveTreeItem(tree.getTreeItem(alpha), alpha, token);
      assert.ok(imageItem.tooltip, 'the image’s tooltip');
      assert.deepEqual(sent('DescribeImageVersion').length, 1, 'the second hover was served from the cache');
      assert.deepEqual(sent('ListAliases').at(-1), { ImageName: 'alpha', MaxResults: 100 }, 'an image’s tooltip lists all its aliases');
    });
  });

  describe('sort and date filters', function () {
    it('a changed sort or filter reloads every loaded version list from page 1 under the new query; the images stay', async function () {
      const t = newTree({ pageSize: 2 });
      const alpha = await imageUnder(t.tree, 'alpha');
      const beta = await imageUnder(t.tree, 'beta');
      const [, v4] = (await t.tree.getChildren(alpha)).slice(1); // after Used by
      await t.tree.getChildren(beta);
      emu().clearRequests();
      t.changes.length = 0;

      t.tree.applyVersionQuery();
      assert.deepEqual(t.changes, [], 'nothing changed: no reload');

      // Created after half an hour before alpha's version 4: its versions 4 and 5, none of beta's.
      const createdAfter = new Date((v4 as Extract<Node, { kind: 'version' }>).version.creationTime.getTime() - HOUR / 2);
      t.settings.versionQuery = { sortBy: 'VERSION', sortOrder: 'ASCENDING', filters: { createdAfter } };
      t.tree.applyVersionQuery();
      t.tree.applyVersionQuery();
      assert.deepEqual(t.changes, [undefined], 'one reload, however often it is asked for');
      assert.deepEqual(await rowsUnder(t.tree), ['alpha', 'beta', 'Load more… (2 loaded)']);
      assert.deepEqual(await rowsUnder(t.tree, alpha), ['Used by', 'Version 4', 'Version 5']);
      assert.deepEqual(await rowsUnder(t.tree, beta), ['Used by', 'No versions match the filters']);
      assert.deepEqual(sent('ListImages'), [], 'the images came from what was loaded');
      assert.deepEqual(
        sent('ListImageVersions'),
        ['alpha', 'beta'].map((ImageName) => ({
          ImageName,
          MaxResults: 2,
          SortBy: 'VERSION',
          SortOrder: 'ASCENDING',
          CreationTimeAfter: createdAfter.getTime() / 1000,
        })),
      );
      const [none] = (await t.tree.getChildren(beta)).slice(1); // after Used by
      assert.equal(t.tree.getTreeItem(none).command?.command, 'sagemakerImages.clearVersionFilters');
    });

    it('refreshing one image restarts its versions only', async function () {
      const t = newTree({ pageSize: 2 });
      const alpha = await imageUnder(t.tree, 'alpha');
      const beta = await imageUnder(t.tree, 'beta');
      await t.tree.getChildren(alpha);
      await t.tree.loadMore(await loadMoreUnder(t.tree, alpha));
      await t.tree.getChildren(beta);
      emu().clearRequests();
      t.changes.length = 0;
      t.tree.refresh(alpha);
      assert.deepEqual(t.changes, [alpha]);
      assert.deepEqual(await rowsUnder(t.tree, alpha), ['Used by', 'Version 5', 'Version 4', 'Load more… (2 loaded)']);
      assert.deepEqual(await rowsUnder(t.tree, beta), ['Used by', 'Version 1']);
      assert.deepEqual(sent('ListImageVersions'), [
        { ImageName: 'alpha', MaxResults: 2, SortBy: 'CREATION_TIME', SortOrder: 'DESCENDING' },
      ]);
    });
  });

  describe('errors', function () {
    it('a failed first page is an error node whose retry asks again; the log shows both calls', async function () {
      emu().addFault({ kind: 'error', operation: 'ListImages', code: 'AccessDeniedException', status: 400, times: 1 });
      const { tree } = newTree({ pageSize: 2 });
      const [error] = await tree.getChildren();
      assert.equal(error.kind, 'error');
      const item = tree.getTreeItem(error);
      assert.equal(item.contextValue, 'sagemakerImages.error');
      assert.equal(item.command?.command, 'sagemakerImages.retry');
      assert.equal(item.command?.arguments?.[0], error);
      assert.match((item.tooltip as vscode.MarkdownString).value, /AccessDeniedException/);
      assert.ok(isAwsError(tree.rootError) && tree.rootError.kind === 'accessDenied');

      await tree.retry(error as ErrorNode);
      assert.deepEqual(await rowsUnder(tree), ['alpha', 'beta', 'Load more… (2 loaded)']);
      assert.equal(tree.rootError, undefined);
      assert.deepEqual(
        emu()
          .calls('ListImages')
          .map((c) => [c.status, c.errorCode, c.params.NextToken]),
        [
          [400, 'AccessDeniedException', undefined],
          [200, undefined, undefined],
        ],
      );
    });

    it('a failed later page keeps the rows loaded; its retry asks for the same page again', async function () {
      const { tree } = newTree({ pageSize: 2 });
      const alpha = await imageUnder(tree, 'alpha');
      await tree.getChildren(alpha);
      emu().addFault({ kind: 'error', operation: 'ListImageVersions', imageName: 'alpha', code: 'AccessDeniedException', status: 400 });
      await tree.loadMore(await loadMoreUnder(tree, alpha));
      const rows = await rowsUnder(tree, alpha);
      assert.deepEqual(rows.slice(0, 3), ['Used by', 'Version 5', 'Version 4']);
      assert.match(rows[3], /^error: /);
      const error = (await tree.getChildren(alpha))[3] as ErrorNode;
      await tree.retry(error);
      assert.deepEqual(await rowsUnder(tree, alpha), [
        'Used by',
        'Version 5',
        'Version 4',
        'Version 3',
        'Version 2',
        'Load more… (4 loaded)',
      ]);
      const [, failed, retried] = emu().calls('ListImageVersions');
      assert.equal(failed.errorCode, 'AccessDeniedException');
      assert.equal(typeof failed.params.NextToken, 'string');
      assert.deepEqual(retried.params, failed.params, 'the same page');
      assert.equal(retried.status, 200);
    });

    it('a resource that is gone offers a refresh, not a retry', async function () {
      const { tree } = newTree();
      const delta = await imageUnder(tree, 'delta');
      emu().addFault({ kind: 'error', operation: 'ListImageVersions', imageName: 'delta', code: 'ResourceNotFound', status: 400 });
      const [gone] = (await tree.getChildren(delta)).slice(1); // after Used by
      const item = tree.getTreeItem(gone);
      assert.equal(item.command?.command, 'sagemakerImages.refresh');
      assert.equal(item.description, 'click to refresh');
    });
  });

  describe('regions side by side', function () {
    it('puts a region node per region at the root, each listing its own images with its own errors and retries', async function () {
      const t = newTree({ regions: ['us-east-1', 'eu-west-1'], pageSize: 2 });
      assert.deepEqual(await rowsUnder(t.tree), ['us-east-1', 'eu-west-1']);
      assert.deepEqual(emu().calls(), [], 'region nodes cost no call');
      assert.equal(t.tree.isSideBySide, true);

      emu().addFault({ kind: 'error', operation: 'ListImages', region: 'eu-west-1', code: 'AccessDeniedException', status: 400 });
      const us = await regionRoot(t.tree, 'us-east-1');
      const eu = await regionRoot(t.tree, 'eu-west-1');
      assert.deepEqual(await rowsUnder(t.tree, us), ['alpha', 'beta', 'Load more… (2 loaded)']);
      const [euError] = await t.tree.getChildren(eu);
      assert.equal(euError.kind, 'error', 'eu-west-1 failed; us-east-1 still shows');
      await t.tree.retry(euError as ErrorNode);
      assert.deepEqual(await rowsUnder(t.tree, eu), ['eu-only']);
      assert.deepEqual(
        emu()
          .calls('ListImages')
          .map((c) => [c.region, c.status]),
        [
          ['us-east-1', 200],
          ['eu-west-1', 400],
          ['eu-west-1', 200],
        ],
      );

      const euImage = await imageUnder(t.tree, 'eu-only', eu);
      assert.equal(t.tree.getTreeItem(euImage).id, 'region/eu-west-1/image/eu-only');
      assert.equal(t.tree.getParent(euImage), eu);
      const [v2] = (await t.tree.getChildren(euImage)).slice(1); // after Used by
      assert.deepEqual(t.tree.refOf(v2 as Extract<Node, { kind: 'version' }>), { region: 'eu-west-1', imageName: 'eu-only', version: 2 });
      assert.equal(emu().calls('ListImageVersions')[0].region, 'eu-west-1');
      assert.deepEqual(t.tree.shownRegions, ['us-east-1', 'eu-west-1']);

      // Back to one region: the roots are images again; rows of the dropped region list nothing more.
      t.settings.regions = [];
      t.tree.refresh();
      emu().clearRequests();
      assert.deepEqual(await rowsUnder(t.tree), ['alpha', 'beta', 'Load more… (2 loaded)']);
      assert.deepEqual(await t.tree.getChildren(eu), []);
      assert.deepEqual(await t.tree.getChildren(euImage), []);
      assert.deepEqual(t.tree.imageRefOf(euImage), { region: 'eu-west-1', imageName: 'eu-only' }, 'a dropped region’s key is its region');
      assert.deepEqual(
        emu()
          .calls()
          .map((c) => [c.operation, c.region]),
        [['ListImages', 'us-east-1']],
      );
      assert.equal(shownMessages.length, 0);
    });
  });
});
