/**
 * Delete Image…: deletes the image and every one of its versions, so the modal names them (how
 * many versions, where) and then the user types the image name; anything else deletes nothing.
 * The row shows DELETING at once and leaves the tree when the service says the image is gone.
 */
import * as vscode from 'vscode';
import { MAX_PAGE_SIZE, versionsRequest } from '../requests/listRequests';
import type { CommandContext } from './context';
import { imageTarget } from './targets';
import { usageWarning } from './usageSupport';
import { confirmWrite, followImage, regionOrSession, whereText } from './writeSupport';

export async function deleteImage(ctx: CommandContext, arg?: unknown): Promise<boolean> {
  const title = vscode.l10n.t('Delete Image…');
  const target = await imageTarget(ctx, arg, title);
  if (!target) return false;
  const region = await regionOrSession(ctx, target.region);
  const { imageName } = target;
  const image = await ctx.session.call('describeImage', { imageName }, { region });
  const versions = await ctx.session.call(
    'listImageVersions',
    versionsRequest(imageName, { sortBy: 'VERSION', sortOrder: 'DESCENDING', filters: {} }, MAX_PAGE_SIZE),
    { region },
  );
  const count = versions.nextToken
    ? vscode.l10n.t('more than {0} versions', versions.items.length)
    : vscode.l10n.t('{0} versions', versions.items.length);
  const where = whereText(ctx, region, image.imageArn);
  // Who still uses it (scanning first when nothing is cached; cancelling the scan cancels the delete).
  const warning = await usageWarning(ctx, region, imageName);
  if (!warning) return false;
  const proceed = await confirmWrite(
    vscode.l10n.t('Delete image {0} and all its versions?', imageName),
    [
      vscode.l10n.t('{0} has {1}; every one of them is deleted with it.', imageName, count),
      ...(warning.lines.length ? ['', ...warning.lines] : []),
      '',
      where,
      '',
      vscode.l10n.t('This cannot be undone.'),
    ].join('\n'),
    vscode.l10n.t('Delete Image…'),
  );
  if (!proceed) return false;
  const typed = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Type the image name, {0}, to delete it and its {1} ({2}).', imageName, count, where),
    placeHolder: imageName,
    ignoreFocusOut: true,
    validateInput: (value) => (value === imageName ? undefined : vscode.l10n.t('Type {0} exactly to delete it.', imageName)),
  });
  if (typed !== imageName) return false;
  await ctx.session.call('deleteImage', { imageName }, { region });
  void followImage(ctx, region, imageName, 'delete');
  return true;
}
