import * as vscode from 'vscode';
import type { ErrorNode, LoadMoreNode } from '../tree/nodes';
import type { CommandContext } from './context';
import { refuseArgument } from './targets';

/**
 * Load More: appends the next page of the node's list. Needs the node: hidden from the palette.
 * Only a row the tree handed out is accepted (a look-alike could name any list).
 */
export async function loadMore(ctx: CommandContext, node?: LoadMoreNode | ErrorNode): Promise<void> {
  if (!ctx.tree.holds(node) || (node.kind !== 'loadMore' && node.kind !== 'error')) {
    if (node !== undefined) refuseArgument(vscode.l10n.t('Load More'));
    return;
  }
  await ctx.tree.loadMore(node);
}
