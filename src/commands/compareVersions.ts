import * as vscode from 'vscode';
import type { VersionRef } from '../tree/model/detailsStore';
import { MAX_PAGE_SIZE, versionsRequest } from '../requests/listRequests';
import type { ImageVersionSummary } from '../model/types';
import { plainText } from '../model/markdownText';
import type { CommandContext } from './context';
import { pickVersion, regionOf } from './pickers';
import { pickFromPages } from './pickFromPages';
import { readIntoDocument } from './showVersionDetails';
import { selectedNodes } from './targets';

/**
 * Compare Versions: the diff editor on two versions' details documents (older on the left). Two
 * selected rows are compared at once; with one, asks for the other version of the same image;
 * from the palette, asks for both.
 */
export async function compareVersions(
  ctx: CommandContext,
  clicked?: unknown,
  selected?: unknown,
): Promise<[vscode.Uri, vscode.Uri] | undefined> {
  const title = vscode.l10n.t('Compare Versions');
  const nodes = selectedNodes(ctx, 'version', title, clicked, selected);
  if (!nodes) return undefined;
  let refs: VersionRef[] = nodes.slice(0, 2).map((n) => ctx.tree.refOf(n));
  if (nodes.length > 2)
    void vscode.window.showInformationMessage(vscode.l10n.t('Comparing the first two of the {0} selected versions.', nodes.length));
  if (refs.length === 0) {
    const first = await pickVersion(ctx, title);
    if (!first) return undefined;
    refs = [{ region: await regionOf(ctx, first.image), imageName: first.image.imageName, version: first.version.version }];
  }
  if (refs.length === 1) {
    const other = await pickOther(ctx, refs[0], title);
    if (!other) return undefined;
    refs.push(other);
  }
  const [a, b] = refs;
  const [left, right] = a.imageName === b.imageName && a.region === b.region && a.version > b.version ? [b, a] : [a, b];
  // Read first, as Show Version Details does (also in an untrusted workspace, where the documents do not look up).
  const uris = (await Promise.all([left, right].map((r) => readIntoDocument(ctx, r)))) as [vscode.Uri, vscode.Uri];
  const label = (r: VersionRef) => `${r.imageName} v${r.version}`;
  await vscode.commands.executeCommand('vscode.diff', uris[0], uris[1], `${label(left)} ↔ ${label(right)}`, { preview: true });
  return uris;
}

/** Another version of the same image, under the current sort and filters. */
async function pickOther(ctx: CommandContext, first: VersionRef, title: string): Promise<VersionRef | undefined> {
  const picked = await pickFromPages<ImageVersionSummary>({
    title,
    placeholder: vscode.l10n.t('Compare version {0} of {1} with…', first.version, first.imageName),
    what: vscode.l10n.t('the versions of image “{0}”', first.imageName),
    fetchPage: (nextToken, signal) =>
      ctx.session.call('listImageVersions', versionsRequest(first.imageName, ctx.query.versionQuery, MAX_PAGE_SIZE, nextToken), {
        region: first.region,
        signal,
      }),
    toItem: (v) => ({
      label: vscode.l10n.t('Version {0}', v.version),
      description: v.version === first.version ? vscode.l10n.t('(this one)') : plainText(v.imageVersionStatus),
    }),
  });
  return picked && { region: first.region, imageName: first.imageName, version: picked.version };
}
