import type { ErrorNode } from '../tree/nodes';
import type { CommandContext } from './context';

/** Clicking an error node retries the page that failed. */
export async function retry(ctx: CommandContext, node?: ErrorNode): Promise<void> {
  if (node?.kind !== 'error') return;
  await ctx.tree.retry(node);
}
