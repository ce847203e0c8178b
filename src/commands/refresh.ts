import type { ImageNode } from '../tree/nodes';
import type { CommandContext } from './context';

/** Refresh: everything from the view title or palette; one image from its context menu. */
export function refresh(ctx: CommandContext, node?: ImageNode): void {
  ctx.tree.refresh(node?.kind === 'image' ? node : undefined);
}
