import * as vscode from 'vscode';
import { errorMessage } from '../model/errors';
import type { CommandContext } from './context';
import { reportFailure, versionTarget } from './targets';

/**
 * Show Version Details: the version's full description (DescribeImageVersion + its aliases) in a
 * read-only JSON document. A failure is reported here, not left in an empty editor.
 */
export async function showVersionDetails(ctx: CommandContext, arg?: unknown): Promise<vscode.Uri | undefined> {
  const title = vscode.l10n.t('Show Version Details');
  const ref = await versionTarget(ctx, arg, title);
  if (!ref) return undefined;
  try {
    await ctx.tree.details.version(ref);
  } catch (e) {
    reportFailure(title, e, errorMessage);
    return undefined;
  }
  const uri = ctx.documents.uriOf(ref);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
  return uri;
}
