/**
 * Show Where Used: which Studio domains, user profiles and spaces name an image (or a version of
 * it) in their settings. Scans the region once (cancellable, with counts; then cached until
 * Refresh) and opens the image's "Used by" node in the tree; if the tree does not show the image
 * (a name filter, another region), the answer comes as a notification instead.
 */
import * as vscode from 'vscode';
import type { UsageMatch } from '../tree/model/usageScan';
import { referenceLines } from '../tree/usageRows';
import type { CommandContext } from './context';
import { isVersionRef, imageOrVersionTarget } from './targets';
import { scanWithProgress } from './usageSupport';
import { regionOrSession } from './writeSupport';

export async function showImageUsage(ctx: CommandContext, arg?: unknown): Promise<UsageMatch[] | undefined> {
  const title = vscode.l10n.t('Show Where Used');
  const target = await imageOrVersionTarget(ctx, arg, title);
  if (!target) return undefined;
  const region = await regionOrSession(ctx, target.region);
  const version = isVersionRef(target) ? target.version : undefined;
  const scan = await scanWithProgress(ctx, region, vscode.l10n.t('Scanning Studio in {0} for {1}…', region, target.imageName));
  if (!scan) return undefined;
  const matches = ctx.tree.usage.referencesTo(scan, target.imageName, version);
  const located = await ctx.tree.locate(region, target.imageName);
  if (located.kind === 'found') {
    const usedBy = ctx.tree.usedByNode(located.image);
    await ctx.view.reveal(located.image, { expand: true });
    await ctx.view.reveal(usedBy, { expand: 3, select: true, focus: true });
  }
  const what = version === undefined ? target.imageName : vscode.l10n.t('version {0} of {1}', version, target.imageName);
  const summary =
    matches.length === 0
      ? vscode.l10n.t('{0} is not used by any domain, user profile or space in {1}.', what, region)
      : vscode.l10n.t('{0} is used {1} times in {2}: {3}', what, matches.length, region, referenceLines(matches, 3).join('; '));
  const partial =
    scan.partial.length > 0 ? ` ${vscode.l10n.t('Partial: {0} was refused.', scan.partial.map((p) => p.action).join(', '))}` : '';
  void vscode.window.showInformationMessage(summary + partial);
  return matches;
}
