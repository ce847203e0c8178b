/**
 * "Used by" under each image (issue 16) in plain Node against the emulator's demo account: nothing
 * is scanned until the node is expanded, one scan serves every image and version row (cached until
 * Refresh), what it shows (domain → who → app type with the version or "latest"), "pinned by N" on
 * version rows, and a partial result when the role may not describe user profiles.
 */
// First: the commands' module below imports `vscode`, which this resolves to the stand-in.
import './vscodeInNode';
import * as assert from 'node:assert/strict';
import type { Node, UsageNode, UsedByNode, VersionNode } from '../../src/tree/nodes';
import type { ImagesTreeProvider } from '../../src/tree/imagesTreeProvider';
import type { CommandContext } from '../../src/commands/context';
import { usageWarning } from '../../src/commands/usageSupport';
import type { ImageUsageScan } from '../../src/tree/imageUsage';
import { referencesTo, scanImageUsage, type StudioCall } from '../../src/tree/model/usageScan';
import { usageRows } from '../../src/tree/usageRows';
import { imageUnder, rowOf, useTreeSuite } from './treeHarness';

const NOW = Date.UTC(2026, 3, 15, 12, 0, 0);
const STUDIO = /^(List|Describe)(Domain|Domains|UserProfile|UserProfiles|Space|Spaces)$/;

/** The rows under a node, depth first, indented by level: "label · description". */
async function outline(tree: ImagesTreeProvider, parent: Node, depth = 0): Promise<string[]> {
  const out: string[] = [];
  for (const child of await tree.getChildren(parent)) {
    const item = tree.getTreeItem(child);
    out.push(`${'  '.repeat(depth)}${rowOf(tree, child)}${item.description ? ` · ${String(item.description)}` : ''}`);
    if (child.kind === 'usage') out.push(...(await outline(tree, child, depth + 1)));
  }
  return out;
}

describe('Used by: where an image is used, in the tree (plain Node, emulator)', function () {
  const { emu, session, newTree } = useTreeSuite(NOW, (e) => e.loadFixture('demo'));
  const studioCalls = () =>
    emu()
      .calls()
      .filter((c) => STUDIO.test(c.operation));

  async function usedByOf(tree: ImagesTreeProvider, image: string): Promise<UsedByNode> {
    const [first] = await tree.getChildren(await imageUnder(tree, image));
    assert.equal(first.kind, 'usedBy', 'Used by is the first row under an image');
    return first as UsedByNode;
  }

  it('scans nothing until Used by is expanded, then shows domain → who → app type with the version or “latest”', async () => {
    const { tree } = newTree();
    const usedBy = await usedByOf(tree, 'conda-env-kernel');
    assert.equal(String(tree.getTreeItem(usedBy).description), 'expand to scan Studio');
    assert.deepEqual(studioCalls(), [], 'listing images and versions scans nothing');

    assert.deepEqual(await outline(tree, usedBy), [
      'ml-platform · d-7kq2mhx4vn1c',
      '  Default user settings · domain default',
      '    JupyterLab · version 8',
      '  alice · user profile',
      '    JupyterLab · version 12',
      '  carol · user profile',
      '    CodeEditor · latest (now version 12)',
      '  fraud-notebooks · space',
      '    KernelGateway · version 8',
      'research · ' + (await domainId('research')),
      '  frank · user profile',
      '    JupyterLab · latest (now version 12)',
    ]);
    const calls = studioCalls();
    assert.equal(
      calls.length,
      18,
      'ListDomains, 2 DescribeDomain, 2 ListUserProfiles, 7 DescribeUserProfile, 2 ListSpaces, 4 DescribeSpace',
    );
    assert.equal(String(tree.getTreeItem(usedBy).description), '5 references');
  });

  async function domainId(name: string): Promise<string> {
    const d = [...emu().studioRegion('us-east-1').domains.values()].find((x) => x.name === name);
    assert.ok(d, name);
    return d.id;
  }

  it('one scan serves every image and the version rows (pinned by N), until Refresh', async () => {
    const { tree } = newTree();
    await tree.getChildren(await usedByOf(tree, 'conda-env-kernel'));
    const scanned = studioCalls().length;
    const nightly = await outline(tree, await usedByOf(tree, 'pytorch-nightly-gpu'));
    assert.ok(
      nightly.some((r) => r.startsWith('  bob')),
      nightly.join('\n'),
    );
    assert.equal(studioCalls().length, scanned, 'the second image reads the cached scan');

    const versions = (await tree.getChildren(await imageUnder(tree, 'conda-env-kernel'))).filter(
      (n): n is VersionNode => n.kind === 'version',
    );
    const description = (v: number) => String(tree.getTreeItem(versions.find((n) => n.version.version === v)!).description);
    assert.match(description(12), / · pinned by 3$/, 'alice at 12, and carol and frank through “latest”');
    assert.match(description(8), / · pinned by 2$/, 'the domain default and a space');
    assert.doesNotMatch(description(11), /pinned/);

    tree.refresh();
    assert.equal(tree.usage.cached('us-east-1'), undefined, 'Refresh forgets the scan');
    emu().clearRequests();
    await tree.getChildren(await usedByOf(tree, 'conda-env-kernel'));
    assert.equal(studioCalls().length, 18, 'and the next expand scans again');
  });

  it('a role that may not describe user profiles gets a partial answer that says which action was refused', async () => {
    emu().addFault({
      kind: 'error',
      operation: 'DescribeUserProfile',
      status: 400,
      code: 'AccessDeniedException',
      message: 'not authorized',
      times: 100,
    });
    const { tree } = newTree();
    const rows = await outline(tree, await usedByOf(tree, 'conda-env-kernel'));
    assert.ok(
      rows.includes('Partial: sagemaker:DescribeUserProfile was refused (7 requests); what it would have read is missing'),
      rows.join('\n'),
    );
    assert.ok(rows.includes('  fraud-notebooks · space'), 'what it could read is still shown');
    assert.ok(!rows.some((r) => r.startsWith('  alice')), 'profiles it could not describe are not guessed');
    const usedBy = await usedByOf(tree, 'conda-env-kernel');
    assert.match(String(tree.getTreeItem(usedBy).description), /partial$/);
    emu().faults.clear();
  });

  it('a scan cut at the list cap says so: in Used by, and in the delete warning, which otherwise names only who pins', async () => {
    const { tree } = newTree();
    const usedBy = await usedByOf(tree, 'conda-env-kernel');
    // The real scan, as the delete modal gets it from the tree (scanning first), and the words it adds.
    const complete = await usageWarning({ tree } as unknown as CommandContext, 'us-east-1', 'conda-env-kernel', [12]);
    assert.deepEqual(complete?.lines.slice(0, 1), ['Still in use: pinned by 3:']);
    assert.ok(!complete?.lines.some((l) => /incomplete/.test(l)), complete?.lines.join('\n'));

    // The same account read with one item per list: the scan's bound, at a size the demo reaches.
    const call: StudioCall = (operation, input, scope) => session().call(operation, input, scope);
    const capped = await scanImageUsage(call, { region: 'us-east-1', maxItemsPerList: 1 });
    const scan: ImageUsageScan = { ...capped, latest: new Map([['conda-env-kernel', 12]]) };
    assert.deepEqual(
      [...new Set(scan.truncated.map((t) => t.list))],
      ['domains', 'userProfiles'],
      'the demo has 2 domains, more than one profile in the one read, and one space in it',
    );
    const labels = usageRows(usedBy, scan, referencesTo(scan, 'conda-env-kernel', undefined, 12), 'us-east-1').map((r) => r.label);
    assert.ok(labels.includes('Stopped reading domains at the cap; the rest is not shown'), labels.join('\n'));
    assert.ok(
      labels.some((l) => /^Stopped reading user profiles of domain d-[a-z0-9]+ at the cap; the rest is not shown$/.test(l)),
      labels.join('\n'),
    );
    const cappedCtx = {
      tree: { usage: { cached: () => scan, referencesTo: (s: ImageUsageScan, n: string, v?: number) => referencesTo(s, n, v, 12) } },
    } as unknown as CommandContext;
    const warning = await usageWarning(cappedCtx, 'us-east-1', 'conda-env-kernel', [12]);
    assert.equal(warning?.lines.at(-1), 'The check is incomplete: it stopped reading domains, user profiles at the cap.');
  });

  it('an image nobody uses says so', async () => {
    const { tree } = newTree();
    const rows = await tree.getChildren(await usedByOf(tree, 'empty-image'));
    assert.deepEqual(
      rows.map((r) => (r as UsageNode).label),
      ['Not used by any domain, user profile or space in us-east-1'],
    );
  });
});
