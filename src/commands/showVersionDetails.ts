import * as vscode from 'vscode';
import type { VersionRef } from '../model/types';
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
  const uri = await readIntoDocument(ctx, ref);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
  return uri;
}

/**
 * Reads the version (a failure reaches the command boundary as a notification, not an empty
 * editor) and returns its details document, reloaded if VS Code holds it open already: it would
 * keep what it showed before (an error, or the request for trust in an untrusted workspace).
 */
export async function readIntoDocument(ctx: CommandContext, ref: VersionRef): Promise<vscode.Uri> {
  await ctx.tree.details.version(ref);
  const uri = ctx.documents.uriOf(ref);
  ctx.documents.reload(uri);
  return uri;
}
