/**
 * What Show Where Used and the delete modals share: a scan of the region's Studio resources under
 * a cancellable progress that counts what it has read (domains, user profiles, spaces, requests),
 * from the tree's usage cache when a scan is there already, and the warning lines a delete modal
 * shows for what is still referenced and for a check that is partial or incomplete.
 */
import * as vscode from 'vscode';
import { errorMessage, isCancelled } from '../model/errors';
import type { ImageUsageScan } from '../tree/imageUsage';
import { listName, referenceLines } from '../tree/usageRows';
import type { CommandContext } from './context';

/** The cached scan, or a scan under a progress notification; undefined when the user cancelled it. */
export async function scanWithProgress(ctx: CommandContext, region: string, title: string): Promise<ImageUsageScan | undefined> {
  const cached = ctx.tree.usage.cached(region);
  if (cached) return cached;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        return await ctx.tree.usage.scan(region, {
          signal: controller.signal,
          onProgress: (p) =>
            progress.report({
              message: vscode.l10n.t(
                '{0} domains, {1} user profiles, {2} spaces ({3} of {4} requests)',
                p.domains,
                p.profiles,
                p.spaces,
                p.done,
                p.total,
              ),
            }),
        });
      } catch (e) {
        if (isCancelled(e) || token.isCancellationRequested) return undefined;
        throw e;
      } finally {
        subscription.dispose();
      }
    },
  );
}

/**
 * The lines a delete modal adds for an image (`versions` undefined) or some of its versions: who
 * pins them, or that the scan failed. Undefined when the user cancelled the scan (nothing is deleted).
 */
export async function usageWarning(
  ctx: CommandContext,
  region: string,
  imageName: string,
  versions?: readonly number[],
): Promise<{ lines: string[] } | undefined> {
  let scan: ImageUsageScan | undefined;
  try {
    scan = await scanWithProgress(ctx, region, vscode.l10n.t('Checking where {0} is used before deleting…', imageName));
  } catch (e) {
    return { lines: [vscode.l10n.t('Could not check where it is used: {0}', errorMessage(e))] };
  }
  if (!scan) return undefined;
  const matches = versions
    ? versions.flatMap((v) => ctx.tree.usage.referencesTo(scan, imageName, v).map((m) => ({ ...m, version: m.version ?? v })))
    : ctx.tree.usage.referencesTo(scan, imageName);
  const lines: string[] = [];
  if (matches.length > 0) {
    lines.push(
      versions && versions.length === 1
        ? vscode.l10n.t('Still in use: pinned by {0}:', matches.length)
        : vscode.l10n.t('Still in use: {0} references:', matches.length),
    );
    lines.push(...referenceLines(matches, 6).map((l) => `• ${l}`));
  }
  if (scan.partial.length > 0)
    lines.push(vscode.l10n.t('The check is partial: {0} was refused.', scan.partial.map((p) => p.action).join(', ')));
  // A list cut at the scan's cap may hold a reference the modal cannot name: say the check is incomplete.
  if (scan.truncated.length > 0)
    lines.push(
      vscode.l10n.t(
        'The check is incomplete: it stopped reading {0} at the cap.',
        [...new Set(scan.truncated.map((t) => listName(t.list)))].join(', '),
      ),
    );
  return { lines };
}
