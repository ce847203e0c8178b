import * as vscode from 'vscode';
import type { ErrorNode } from '../tree/nodes';
import type { CommandContext } from './context';
import { refuseArgument } from './targets';

/** Clicking an error node retries the page that failed. Only a row the tree handed out is accepted. */
export async function retry(ctx: CommandContext, node?: ErrorNode): Promise<void> {
  if (!ctx.tree.holds(node) || node.kind !== 'error') {
    if (node !== undefined) refuseArgument(vscode.l10n.t('Retry'));
    return;
  }
  await ctx.tree.retry(node);
}
