import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { versionTarget } from './targets';

/**
 * Show Version Details: the version's full description (DescribeImageVersion + its aliases) in a
 * read-only JSON document. The details are read first, so a failure reaches the command boundary
 * (a notification), not an empty editor.
 */
export async function showVersionDetails(ctx: CommandContext, arg?: unknown): Promise<vscode.Uri | undefined> {
  const title = vscode.l10n.t('Show Version Details');
  const ref = await versionTarget(ctx, arg, title);
  if (!ref) return undefined;
  await ctx.tree.details.version(ref);
  const uri = ctx.documents.uriOf(ref);
  ctx.documents.reload(uri);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
  return uri;
}
