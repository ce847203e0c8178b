/**
 * The palette's pickers: an image (of a region picked first when regions are side by side), then
 * one of its versions. Commands use them when nothing in the tree says what to act on.
 */
import * as vscode from 'vscode';
import { plainText } from '../model/markdownText';
import { parseImageArn } from './model/arns';
import type { ImageSummary, ImageVersionSummary } from '../model/types';
import { formatRelative } from '../tree/model/timeFormat';
import { imagesRequest, MAX_PAGE_SIZE, versionsRequest } from '../requests/listRequests';
import type { CommandContext } from './context';
import { pickFromPages } from './pickFromPages';

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
    what: vscode.l10n.t('images'),
    fetchPage: (nextToken, signal) =>
      ctx.session.call('listImages', imagesRequest(ctx.query.nameContains, MAX_PAGE_SIZE, nextToken), { region, signal }),
    toItem: (i) => ({
      // A quick pick renders $(name) as an icon: what the service (or an endpoint) answers is text.
      label: plainText(i.imageName),
      description: plainText([i.displayName, i.imageStatus !== 'CREATED' ? i.imageStatus : undefined].filter(Boolean).join(' · ')),
    }),
  });
}

/** The region a listed image is in (from its ARN), else the session's. */
export async function regionOf(ctx: CommandContext, image: ImageSummary): Promise<string> {
  return parseImageArn(image.imageArn)?.region ?? (await ctx.session.region());
}

/** From the palette: an image (see pickImage), then one of its versions under the current sort and filters. */
export async function pickVersion(
  ctx: CommandContext,
  title: string,
): Promise<{ image: ImageSummary; version: ImageVersionSummary } | undefined> {
  const image = await pickImage(ctx, title);
  if (!image) return undefined;
  const version = await pickFromPages<ImageVersionSummary>({
    title,
    placeholder: vscode.l10n.t('Pick a version of {0}', image.imageName),
    what: vscode.l10n.t('the versions of image “{0}”', image.imageName),
    fetchPage: (nextToken, signal) =>
      ctx.session.call('listImageVersions', versionsRequest(image.imageName, ctx.query.versionQuery, MAX_PAGE_SIZE, nextToken), {
        region: parseImageArn(image.imageArn)?.region,
        signal,
      }),
    toItem: (v) => ({
      label: vscode.l10n.t('Version {0}', v.version),
      description: `${plainText(v.imageVersionStatus)} · ${formatRelative(v.creationTime, new Date(), vscode.env.language)}`,
      detail: plainText(v.imageVersionArn),
    }),
  });
  return version ? { image, version } : undefined;
}
