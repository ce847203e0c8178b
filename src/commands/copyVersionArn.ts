import * as vscode from 'vscode';
import { parseImageArn, parseImageVersionArn } from '../aws/arns';
import type { ImageSummary, ImageVersionSummary } from '../aws/types';
import { formatRelative } from '../model/timeFormat';
import { toListParameters } from '../model/versionQuery';
import type { Node, VersionNode } from '../tree/nodes';
import type { CommandContext } from './context';
import { copyArns } from './copyArns';
import { pickFromPages } from './pickFromPages';

/**
 * Copy Version ARN: the clicked row, or every selected version (one ARN per line, in tree order).
 * From the palette with no version selected it asks for an image, then a version.
 */
export async function copyVersionArn(ctx: CommandContext, clicked?: Node | string, selected?: readonly Node[]): Promise<string | undefined> {
  // An ARN from a hover link.
  if (typeof clicked === 'string') return parseImageVersionArn(clicked) ? copyArns([clicked.trim()], 'version') : undefined;
  let versions = versionNodes(selected && selected.length > 0 ? selected : clicked ? [clicked] : ctx.view.selection);
  let arns: string[];
  if (versions.length > 0) {
    versions = ctx.tree.orderInTree(versions);
    arns = versions.map((v) => v.version.imageVersionArn);
  } else {
    const picked = await pickVersion(ctx, vscode.l10n.t('Copy Version ARN'));
    if (!picked) return undefined;
    arns = [picked.version.imageVersionArn];
  }
  return copyArns(arns, 'version');
}

function versionNodes(nodes: readonly Node[]): VersionNode[] {
  return nodes.filter((n): n is VersionNode => n.kind === 'version');
}

/**
 * From the palette: an image of the session's region, or, with regions side by side, of a region
 * picked first. The image's ARN says which region it is in.
 */
export async function pickImage(ctx: CommandContext, title: string): Promise<ImageSummary | undefined> {
  let region: string | undefined;
  if (ctx.tree.isSideBySide) {
    region = await vscode.window.showQuickPick(ctx.tree.shownRegions, { title, placeHolder: vscode.l10n.t('Pick a region') });
    if (!region) return undefined;
  }
  return pickFromPages<ImageSummary>({
    title,
    placeholder: region ? vscode.l10n.t('Pick an image in {0}', region) : vscode.l10n.t('Pick an image'),
    what: 'images',
    fetchPage: (nextToken, signal) =>
      ctx.session.listImages({ maxResults: 100, nameContains: ctx.query.nameContains, sortBy: 'IMAGE_NAME', sortOrder: 'ASCENDING', nextToken }, { region, signal }),
    toItem: (i) => ({ label: i.imageName, description: [i.displayName, i.imageStatus !== 'CREATED' ? i.imageStatus : undefined].filter(Boolean).join(' · ') }),
  });
}

/** The region a listed image is in (from its ARN), else the session's. */
export async function regionOf(ctx: CommandContext, image: ImageSummary): Promise<string> {
  return parseImageArn(image.imageArn)?.region ?? (await ctx.session.region());
}

/** From the palette: an image (see pickImage), then one of its versions under the current sort and filters. */
export async function pickVersion(ctx: CommandContext, title: string): Promise<{ image: ImageSummary; version: ImageVersionSummary } | undefined> {
  const image = await pickImage(ctx, title);
  if (!image) return undefined;
  const version = await pickFromPages<ImageVersionSummary>({
    title,
    placeholder: vscode.l10n.t('Pick a version of {0}', image.imageName),
    what: `the versions of image “${image.imageName}”`,
    fetchPage: (nextToken, signal) =>
      ctx.session.listImageVersions(
        { imageName: image.imageName, maxResults: 100, ...toListParameters(ctx.query.versionQuery), nextToken },
        { region: parseImageArn(image.imageArn)?.region, signal },
      ),
    toItem: (v) => ({
      label: vscode.l10n.t('Version {0}', v.version),
      description: `${v.imageVersionStatus} · ${formatRelative(v.creationTime, new Date(), vscode.env.language)}`,
      detail: v.imageVersionArn,
    }),
  });
  return version ? { image, version } : undefined;
}
