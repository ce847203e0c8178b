import type { ErrorNode, LoadMoreNode } from '../tree/nodes';
import type { CommandContext } from './context';

/** Load More: appends the next page of the node's list. Needs the node: hidden from the palette. */
export async function loadMore(ctx: CommandContext, node?: LoadMoreNode | ErrorNode): Promise<void> {
  if (node?.kind !== 'loadMore' && node?.kind !== 'error') return;
  await ctx.tree.loadMore(node);
}
